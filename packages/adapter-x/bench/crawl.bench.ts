/**
 * `pnpm bench crawl`: capture 1,000 invented accounts' timelines from a simulated X API on
 * 127.0.0.1 whose rate-limit windows are scaled down from 15 minutes to one second. The
 * simulator runs in its own process (as X is remote, its clock is not stalled by the
 * crawler's work) and enforces fixed windows as X does: x-rate-limit-remaining /
 * x-rate-limit-reset in epoch seconds, 429 past the limit. Figures: the share of the permitted
 * request budget the crawl used (permitted = limit × windows the crawl spanned, the last one
 * included) and the 429s received.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { reportBench } from '../../../scripts/bench-results.js';
import { xPage, xTweet } from '../src/__fixtures__/x-fixture-builders.js';
import { createXAdapter } from '../src/index.js';
import { X_ENDPOINTS } from '../src/x-endpoints.js';

const ACCOUNT_COUNT = 1_000;
const WINDOW_MS = 1_000;
// 1,125 requests at 40 per window span about 29 windows, so one window's slack costs ~3 %.
const LIMIT = 40;
const PAGE_SIZE = 100;

interface SimulatedAccount {
  id: string;
  posts: number;
}

// A fixed, deterministic population: about one account in eight has more than one page.
const accounts: SimulatedAccount[] = Array.from({ length: ACCOUNT_COUNT }, (_, index) => ({
  id: String(1_910_000_000_000_000_000n + BigInt(index)),
  posts: index % 8 === 0 ? 100 + (index % 50) + 1 : 3 + (index % 40),
}));
const byId = new Map(accounts.map((account) => [account.id, account]));

// Server-side accounting per fixed window.
const served = new Map<number, number>();
let tooMany = 0;

function postsPage(account: SimulatedAccount, page: number) {
  const from = page * PAGE_SIZE;
  const to = Math.min(account.posts, from + PAGE_SIZE);
  const tweets = [];
  for (let serial = from; serial < to; serial++) {
    const id = `${account.id.slice(0, 12)}${String(account.posts - serial).padStart(7, '0')}`;
    tweets.push(xTweet({ id, authorId: account.id, text: `Kabar desa ${serial} #desa`, createdAt: new Date(Date.UTC(2024, 9, 1) - serial * 60_000).toISOString() }));
  }
  return xPage(tweets, to < account.posts ? { nextToken: `p${page + 1}` } : {});
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  if (request.url === '/__stats') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ served: [...served.entries()], tooMany }));
    return;
  }
  const now = Date.now();
  const window = Math.floor(now / WINDOW_MS);
  const reset = String(Math.ceil(((window + 1) * WINDOW_MS) / 1000));
  const used = served.get(window) ?? 0;
  if (used >= LIMIT) {
    tooMany++;
    response.writeHead(429, { 'content-type': 'application/json', 'x-rate-limit-limit': String(LIMIT), 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset });
    response.end('{"title":"Too Many Requests","type":"about:blank","status":429}');
    return;
  }
  served.set(window, used + 1);
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const match = /^\/2\/users\/(\d+)\/tweets$/.exec(url.pathname);
  const account = match ? byId.get(match[1]!) : undefined;
  const headers = { 'content-type': 'application/json', 'x-rate-limit-limit': String(LIMIT), 'x-rate-limit-remaining': String(LIMIT - used - 1), 'x-rate-limit-reset': reset };
  if (!account) {
    response.writeHead(404, headers);
    response.end('{"title":"Not Found"}');
    return;
  }
  const page = Number((url.searchParams.get('pagination_token') ?? 'p0').slice(1));
  response.writeHead(200, headers);
  response.end(JSON.stringify(postsPage(account, page)));
}

/** The simulator process: serve, print the port, run until killed. */
async function simulate(): Promise<void> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
}

async function startSimulator(): Promise<{ baseUrl: string; stop(): void }> {
  const child = spawn(process.execPath, ['--conditions=sipansos-source', '--import', 'tsx', fileURLToPath(import.meta.url), '--simulator'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`simulator exited with ${String(code)}`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function main(): Promise<void> {
  const simulator = await startSimulator();
  const baseUrl = simulator.baseUrl;
  // Start on a fresh window so the first one is not half spent by start-up.
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS - (Date.now() % WINDOW_MS) + 5));

  const x = createXAdapter({
    bearerToken: 'bench-token-not-secret-0000000000',
    env: {},
    baseUrl,
    concurrency: 16,
    rateLimits: { [X_ENDPOINTS.userTweets]: { limit: LIMIT, windowMs: WINDOW_MS } },
    retry: { maxRetries: 2, baseDelayMs: 50, maxDelayMs: 200, maxRateLimitWaitMs: 5_000 },
    timeouts: { callMs: 600_000 },
  });
  const started = Date.now();
  const results = await Promise.all(accounts.map((account) => x.capture({ platform: 'x', handle: `akun_${account.id.slice(-4)}`, id: account.id }, 'timeline')));
  const elapsedMs = Date.now() - started;
  const stats = (await (await fetch(`${baseUrl}/__stats`)).json()) as { served: [number, number][]; tooMany: number };
  simulator.stop();
  const perWindow = new Map(stats.served);

  const failures = results.filter((result) => result.isErr());
  const items = results.reduce((sum, result) => sum + (result.isOk() ? result.value.items.length : 0), 0);
  const expectedItems = accounts.reduce((sum, account) => sum + account.posts, 0);
  const windows = [...perWindow.keys()];
  const spanned = Math.max(...windows) - Math.min(...windows) + 1;
  const used = [...perWindow.values()].reduce((sum, count) => sum + count, 0);
  const permitted = spanned * LIMIT;
  const usage = x.usage();

  reportBench(
    'crawl',
    [
      { name: 'crawl_budget_used_ratio', value: used / permitted, unit: 'ratio' },
      { name: 'crawl_429_count', value: stats.tooMany, unit: 'responses' },
    ],
    [
      `${ACCOUNT_COUNT} accounts, ${used} requests in ${spanned} windows of ${WINDOW_MS} ms × ${LIMIT} (permitted ${permitted}); ${(elapsedMs / 1000).toFixed(1)} s`,
      `items captured ${items} of ${expectedItems}; failed captures ${failures.length}; estimated pay-per-use cost $${usage.estimatedCostUsd.toFixed(2)} (X prices, unscaled)`,
    ],
  );
  if (failures.length > 0 || items !== expectedItems) process.exitCode = 1;
}

if (process.argv.includes('--simulator')) await simulate();
else await main();
