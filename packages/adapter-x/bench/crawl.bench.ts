/**
 * `pnpm bench crawl`, in two parts.
 *
 * 1. Capture 1,000 invented accounts' timelines from a simulated X API on 127.0.0.1 whose
 *    rate-limit windows are scaled down from 15 minutes to one second. The simulator runs in its
 *    own process (as X is remote, its clock is not stalled by the crawler's work) and enforces
 *    fixed windows as X does: x-rate-limit-remaining / x-rate-limit-reset in epoch seconds, 429
 *    past the limit. Figures: the share of the permitted request budget the crawl used
 *    (permitted = limit × windows the crawl spanned, the last one included) and the 429s received.
 * 2. Two monitor cycles (profile + timeline) over 300 and 3,000 accounts (`CRAWL_BENCH_ACCOUNTS`,
 *    e.g. `300,3000`) against `crawl-x-simulator.ts`, with deletions, edits between the captures
 *    and posts deleted before any capture in between. Figures: ids per lookup request, requests
 *    per cycle and the share of each endpoint's 15-minute budget one cycle uses, cycle time at
 *    each size and their ratio, and false / missed deletions against the simulator's truth.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { reportBench } from '../../../scripts/bench-results.js';
import { xPage, xTweet } from '../src/__fixtures__/x-fixture-builders.js';
import { createMemoryStore, createMonitor, deletionVerdicts, type AccountState, type CycleReport, type Subject } from '@sipansos/core';
import { BUILTIN_RULE_SETS, compileRules } from '@sipansos/core/rules';
import { EXAMPLE_CONTEXT } from '@sipansos/testkit';
import { ElectionContextSchema } from '@sipansos/core';
import { createXAdapter } from '../src/index.js';
import { X_DEFAULT_RATE_LIMITS, X_ENDPOINTS } from '../src/x-endpoints.js';
import { buildPopulation, createXSimulator } from './crawl-x-simulator.js';

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

async function startSimulator(args: string[] = ['--simulator']): Promise<{ baseUrl: string; stop(): void }> {
  const child = spawn(process.execPath, ['--conditions=sipansos-source', '--import', 'tsx', fileURLToPath(import.meta.url), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`simulator exited with ${String(code)}`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function budgetPart(): Promise<{ figures: BenchFigure[]; notes: string[]; ok: boolean }> {
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
  return {
    figures: [
      { name: 'crawl_budget_used_ratio', value: used / permitted, unit: 'ratio' },
      { name: 'crawl_429_count', value: stats.tooMany, unit: 'responses' },
    ],
    notes: [
      `${ACCOUNT_COUNT} accounts, ${used} requests in ${spanned} windows of ${WINDOW_MS} ms × ${LIMIT} (permitted ${permitted}); ${(elapsedMs / 1000).toFixed(1)} s`,
      `items captured ${items} of ${expectedItems}; failed captures ${failures.length}; estimated pay-per-use cost $${usage.estimatedCostUsd.toFixed(2)} (X prices, unscaled)`,
    ],
    ok: failures.length === 0 && items === expectedItems,
  };
}

type BenchFigure = { name: string; value: number; unit: string };

/** Two monitor cycles over `size` accounts: what cycle 2 (with deletions and edits) costs. */
async function monitorPart(size: number): Promise<{ figures: BenchFigure[]; notes: string[]; cycleMs: number; ok: boolean }> {
  const simulator = await startSimulator(['--monitor-simulator', String(size)]);
  const { population } = buildPopulation(size);
  const context = ElectionContextSchema.parse(EXAMPLE_CONTEXT);
  const subjects: Subject[] = population.accountIds.map((_, index) => ({ id: `asn-${index}`, name: `Pegawai Contoh ${index}`, category: 'asn', accounts: [{ platform: 'x', handle: population.handleOf(index) }] }));
  const x = createXAdapter({ bearerToken: 'bench-token-not-secret-0000000000', env: {}, baseUrl: simulator.baseUrl, concurrency: 16, retry: { maxRetries: 1, baseDelayMs: 50, maxDelayMs: 200 } });
  const store = createMemoryStore();
  const monitor = createMonitor({
    store,
    adapters: [x],
    rules: compileRules(BUILTIN_RULE_SETS, context)._unsafeUnwrap(),
    context,
    subjects,
    options: { scopes: { x: ['profile', 'timeline'] }, fetchMedia: false, concurrencyPerPlatform: 16, deadlineMs: 1_800_000 },
  })._unsafeUnwrap();
  const cycles: Array<{ report: CycleReport; ms: number }> = [];
  for (const cycle of [1, 2]) {
    await fetch(`${simulator.baseUrl}/__cycle?n=${cycle}`);
    const started = performance.now();
    const report = (await monitor.runCycle())._unsafeUnwrap();
    cycles.push({ report, ms: performance.now() - started });
  }
  simulator.stop();
  const second = cycles[1]!.report;
  const deleted = new Set<string>();
  const editedBetween = new Set<string>();
  for (const { record } of (await store.query('account_state'))._unsafeUnwrap()) {
    for (const verdict of deletionVerdicts(record as AccountState)) {
      if (verdict.verdict === 'deleted') deleted.add(verdict.itemKey.slice(2));
      if (verdict.versions.some((version) => version.recoveredFromEditHistory)) editedBetween.add(verdict.itemKey.slice(2));
    }
  }
  const shouldDelete = new Set([...population.deletedCaptured, ...population.deletedBeforeCapture]);
  const falseDeletions = [...deleted].filter((id) => !shouldDelete.has(id)).length;
  const missed = [...shouldDelete].filter((id) => !deleted.has(id)).length;
  const editsRecovered = [...population.editedBetween].filter((id) => editedBetween.has(id)).length;
  const perEndpoint = second.requests.x ?? {};
  const budget = Object.entries(perEndpoint).map(([endpoint, count]) => {
    const limit = X_DEFAULT_RATE_LIMITS[endpoint as keyof typeof X_DEFAULT_RATE_LIMITS]?.limit;
    return { endpoint, count, share: limit ? count / limit : Number.NaN };
  });
  const slug = (endpoint: string) => endpoint.replace(/^GET \/2\//, '').replace(/[/:]+/g, '_').replace(/_+$/, '');
  const figures: BenchFigure[] = [
    { name: `crawl_${size}_lookup_ids_per_request`, value: second.lookups.idsPerRequest, unit: 'ids/request (cycle 2)' },
    { name: `crawl_${size}_requests_per_cycle`, value: second.requestsTotal, unit: 'requests (cycle 2)' },
    { name: `crawl_${size}_cycle2_ms`, value: Math.round(cycles[1]!.ms), unit: 'ms' },
    { name: `crawl_${size}_false_deletions`, value: falseDeletions, unit: 'posts' },
    { name: `crawl_${size}_missed_deletions`, value: missed, unit: 'posts' },
    ...budget.map((entry) => ({ name: `crawl_${size}_budget_${slug(entry.endpoint)}`, value: entry.share, unit: `of the 15-min limit (${entry.count} requests)` })),
  ];
  const notes = [
    `${size} accounts: cycle 1 ${(cycles[0]!.ms / 1000).toFixed(1)} s, ${cycles[0]!.report.requestsTotal} requests (resolve batches ${cycles[0]!.report.accountBatches.filter((batch) => batch.kind === 'resolve').length}, profile batches ${cycles[0]!.report.accountBatches.filter((batch) => batch.kind === 'profile').length}); cycle 2 ${(cycles[1]!.ms / 1000).toFixed(1)} s, ${second.requestsTotal} requests`,
    `cycle 2 lookups: ${second.lookups.asked} ids in ${second.lookups.requests} requests (${second.lookups.calls.length} pooled calls); deletions confirmed ${deleted.size} of ${shouldDelete.size} (false ${falseDeletions}, missed ${missed}); edits between captures recovered ${editsRecovered} of ${population.editedBetween.size}`,
    `requests per endpoint (cycle 2): ${budget.map((entry) => `${entry.endpoint} ${entry.count} (${(entry.share * 100).toFixed(1)} %)`).join('; ')}`,
  ];
  return { figures, notes, cycleMs: cycles[1]!.ms, ok: falseDeletions === 0 && missed === 0 && second.status === 'complete' };
}

async function main(): Promise<void> {
  const budget = await budgetPart();
  const sizes = (process.env.CRAWL_BENCH_ACCOUNTS ?? '300,3000').split(',').map(Number).filter((value) => Number.isInteger(value) && value > 0);
  const figures = [...budget.figures];
  const notes = [...budget.notes];
  let ok = budget.ok;
  const times: number[] = [];
  // Each part's figures are printed as soon as it ends: a loaded machine may not finish them all.
  process.stderr.write(`${budget.figures.map((figure) => `${figure.name} ${figure.value}`).join('\n')}\n`);
  for (const size of sizes) {
    const part = await monitorPart(size);
    process.stderr.write(`${[...part.figures.map((figure) => `${figure.name} ${figure.value} ${figure.unit}`), ...part.notes].join('\n')}\n`);
    figures.push(...part.figures);
    notes.push(...part.notes);
    times.push(part.cycleMs);
    ok &&= part.ok;
  }
  if (times.length >= 2) figures.push({ name: `crawl_cycle_time_ratio_${sizes.at(-1)}_to_${sizes[0]}`, value: times.at(-1)! / times[0]!, unit: `ratio (accounts ×${sizes.at(-1)! / sizes[0]!})` });
  reportBench('crawl', figures, notes);
  if (!ok) process.exitCode = 1;
}

/** The monitor-cycle simulator process: serve, print the port, run until killed. */
async function simulateMonitorWorld(size: number): Promise<void> {
  const simulator = createXSimulator(size);
  const server = createServer((request, response) => simulator.handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
}

const monitorFlag = process.argv.indexOf('--monitor-simulator');
if (monitorFlag >= 0) await simulateMonitorWorld(Number(process.argv[monitorFlag + 1]));
else if (process.argv.includes('--simulator')) await simulate();
else await main();
