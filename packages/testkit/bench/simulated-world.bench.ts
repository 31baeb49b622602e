/**
 * `pnpm bench simulated-world`: builds the world and reads every account through the loopback
 * server for all eight cycles, roughly the requests a demo's monitor makes, to show the world
 * itself is a small share of the demo's two-minute budget.
 */
import { createSimulatedWorld, startWorldServer } from '../src/index.js';
import { reportBench } from '../../../scripts/bench-results.js';

const buildStart = performance.now();
const world = createSimulatedWorld();
const buildMs = performance.now() - buildStart;
const server = await startWorldServer(world);
const xHeaders = { authorization: 'Bearer bench' };
let requests = 0;
let bytes = 0;
let refused = 0;
async function read(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, { headers });
  requests++;
  const text = await response.text();
  bytes += text.length;
  if (response.status === 429 || response.status === 403) refused++;
  return response.ok ? JSON.parse(text) : undefined;
}

const readStart = performance.now();
for (let cycle = 1; cycle <= world.cycles; cycle++) {
  world.advanceTo(cycle);
  const jobs: Promise<unknown>[] = [];
  for (const account of world.accounts) {
    if (account.platform === 'x') {
      jobs.push(read(`${server.urls.x}/2/users/${account.id}/tweets?max_results=100&tweet.fields=created_at,author_id,entities,referenced_tweets,public_metrics,attachments&expansions=referenced_tweets.id,attachments.media_keys`, xHeaders));
      jobs.push(read(`${server.urls.x}/2/users/${account.id}/liked_tweets?max_results=100`, xHeaders));
      jobs.push(read(`${server.urls.x}/2/users/${account.id}/following?max_results=1000`, xHeaders));
    } else if (account.kind === 'facebook_page') {
      jobs.push(read(`${server.urls.facebook}/v21.0/${account.id}/posts?fields=id,message,created_time,updated_time,attachments,permalink_url&limit=100&access_token=bench`));
    } else if (account.platform === 'instagram') {
      const fields = encodeURIComponent(`business_discovery.username(${account.handle}){id,username,media_count,media.limit(50){id,caption,timestamp,media_type,media_url,permalink}}`);
      jobs.push(read(`${server.urls.instagram}/v21.0/17841400000000999?fields=${fields}&access_token=bench`));
    }
  }
  await Promise.all(jobs);
}
const readMs = performance.now() - readStart;
await server.close();

reportBench(
  'simulated-world',
  [
    { name: 'build world (200 subjects)', value: buildMs, unit: 'ms' },
    { name: 'read all accounts x 8 cycles', value: readMs, unit: 'ms' },
    { name: 'requests', value: requests, unit: 'requests' },
    { name: 'throughput', value: (requests / readMs) * 1000, unit: 'requests/s' },
    { name: 'mean body size', value: bytes / requests, unit: 'bytes' },
    { name: 'refused by scripted rate limits', value: refused, unit: 'requests' },
  ],
  [`accounts: ${world.accounts.length}, posts: ${world.posts.length}; machine shared with other helpers, figures are noisy`],
);
