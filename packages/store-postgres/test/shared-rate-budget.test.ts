import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createXAdapter } from '@sipansos/adapter-x';
import { createSimulatedWorld, handleXRequest, type SimulatedWorld } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresRateBudget, type PostgresRateBudget } from '../src/index.js';
import { startTestDatabase, type TestDatabase } from './postgres-service.js';

// Three X adapters stand for three capture workers (each with its own in-process limiter),
// calling one simulated X server that records when every request arrived.

const TIMELINE = 'GET /2/users/:id/tweets';
const LIMIT = { limit: 4, windowMs: 3_000 };
// Arrival at the server trails the start the budget granted by the way there (and, on a loaded
// machine, by event-loop delays): windows are measured this much shorter.
const SLACK_MS = 500;

let database: TestDatabase;
let world: SimulatedWorld;
let server: Server;
let baseUrl: string;
/** Arrival times (ms) of timeline requests at the server, and the 429s it is told to answer. */
let arrivals: number[] = [];
let refuseNext = 0;
const budgets: PostgresRateBudget[] = [];

beforeAll(async () => {
  database = await startTestDatabase();
  world = createSimulatedWorld({ subjects: 6 });
  // A cycle where the world scripts no X rate limit of its own: the only limits are the budget's.
  const quiet = Array.from({ length: world.cycles }, (_, index) => index + 1).find((cycle) => !world.rateLimits.some((limit) => limit.platform === 'x' && limit.cycle === cycle))!;
  world.advanceTo(quiet);
  server = createServer((incoming, outgoing) => {
    incoming.resume();
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    if (/^\/2\/users\/[^/]+\/tweets$/.test(url.pathname)) {
      arrivals.push(Date.now());
      if (refuseNext > 0) {
        refuseNext--;
        outgoing.writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': '2' });
        outgoing.end(JSON.stringify({ title: 'Too Many Requests', type: 'about:blank', status: 429, detail: 'Too Many Requests' }));
        return;
      }
    }
    const response = handleXRequest(world, { method: incoming.method ?? 'GET', url, header: (name) => [incoming.headers[name.toLowerCase()]].flat()[0] });
    const body = typeof response.body === 'string' ? Buffer.from(response.body) : Buffer.from(response.body);
    outgoing.writeHead(response.status, { ...response.headers, 'content-length': String(body.byteLength) });
    outgoing.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await Promise.all(budgets.map((budget) => budget.close()));
  await new Promise((resolve) => server?.close(resolve));
  await database?.stop();
});

function worker(office: string | undefined) {
  const budget = office ? createPostgresRateBudget({ url: database.url, office }) : undefined;
  if (budget) budgets.push(budget);
  return createXAdapter({
    bearerToken: world.options.xBearerToken ?? 'simulated-x-token',
    baseUrl,
    rateLimits: { [TIMELINE]: LIMIT },
    timelineMaxPages: 1,
    retry: { maxRetries: 0 },
    ...(budget ? { sharedBudget: budget } : {}),
  });
}

/** The most arrivals inside any span of `ms` (a sliding window over the recorded times). */
function busiest(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= ms) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

const accounts = () => world.accounts.filter((account) => account.platform === 'x' && account.statusChanges.length === 0 && account.failures.length === 0 && !account.partialPages?.length).slice(0, 4).map((account) => ({ platform: 'x', handle: account.handle, id: account.id }));

describe('a platform budget shared by workers in PostgreSQL', () => {
  it('three workers together never start more requests in a window than one may', async () => {
    arrivals = [];
    const workers = [worker('kab-bersama'), worker('kab-bersama'), worker('kab-bersama')];
    const deadlineAt = Date.now() + 60_000;
    const runs = workers.flatMap((adapter) => accounts().map((account) => adapter.capture(account, 'timeline', { deadlineAt, maxPages: 1 })));
    const results = await Promise.all(runs);
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(arrivals.length).toBe(12);
    expect(busiest(arrivals, LIMIT.windowMs - SLACK_MS)).toBeLessThanOrEqual(LIMIT.limit);
  }, 120_000);

  it('without the shared budget the same three workers overrun it (the check above can fail)', async () => {
    arrivals = [];
    const workers = [worker(undefined), worker(undefined), worker(undefined)];
    const deadlineAt = Date.now() + 60_000;
    await Promise.all(workers.flatMap((adapter) => accounts().map((account) => adapter.capture(account, 'timeline', { deadlineAt, maxPages: 1 }))));
    expect(busiest(arrivals, LIMIT.windowMs - SLACK_MS)).toBeGreaterThan(LIMIT.limit);
  }, 60_000);

  it('a 429 seen by one worker holds the others on that endpoint until the pause ends', async () => {
    const [first, second] = [worker('kab-jeda'), worker('kab-jeda')];
    const [account, other] = accounts();
    arrivals = [];
    refuseNext = 1;
    const deadlineAt = Date.now() + 60_000;
    const refused = await first!.capture(account!, 'timeline', { deadlineAt, maxPages: 1 });
    expect(refused.isErr() && refused.error.type).toBe('rate_limited');
    const refusedAt = arrivals[0]!;
    const later = await second!.capture(other!, 'timeline', { deadlineAt, maxPages: 1 });
    expect(later.isOk()).toBe(true);
    // The second worker never saw the 429 itself: its request waited out the 2 s the server asked for.
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - refusedAt).toBeGreaterThanOrEqual(1_900);
  }, 60_000);
});
