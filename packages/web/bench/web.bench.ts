/**
 * `pnpm bench web`: p50/p99 latency of the findings queue and the case page with 10,000 findings
 * and 1,000 cases in the store, and requests per second a loopback load test holds with 20
 * concurrent signed-in sessions (bounded in count and time), beside the same figures with 100
 * findings (the ratio says how the pages grow with the store). Figures go to bench-results/web.json.
 *
 *   BENCH_FINDINGS=2000 BENCH_CASES=200 pnpm bench web   a smaller store on a loaded machine
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_DEADLINE_POLICY, DEFAULT_ROUTING_TABLE, openCase } from '@sipansos/core/cases';
import { createFsStore } from '@sipansos/store-fs';
import { buildCaseFixture } from '../../core/src/report/__fixtures__/case-fixture.js';
import { reportBench, type BenchEntry } from '../../../scripts/bench-results.js';
import { addUser, createWebApp, startWebServer } from '../src/index.js';

const LARGE = { findings: Number(process.env.BENCH_FINDINGS ?? 10_000), cases: Number(process.env.BENCH_CASES ?? 1_000) };
const SMALL = { findings: 100, cases: 10 };
const SAMPLES = 40;
const SESSIONS = 20;
const LOAD_MAX_REQUESTS = 2_000;
const LOAD_MAX_MS = 8_000;
const PASSWORD = 'kata-sandi-bench-rekaan';

const root = mkdtempSync(path.join(tmpdir(), 'sipansos-bench-web-'));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(scale: { findings: number; cases: number }, label: string): Promise<BenchEntry[]> {
  const dir = path.join(root, label);
  const fixture = buildCaseFixture();
  const signingKeyPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const store = createFsStore({ dir: path.join(dir, 'store'), signingKeyPem });
  (await store.open())._unsafeUnwrap();
  (await store.putBlob(fixture.rawBody))._unsafeUnwrap();
  (await store.append('capture', fixture.captures))._unsafeUnwrap();
  const base = fixture.findings[0]!;
  const categories = ['neutrality', 'black_campaign', 'hate_speech', 'off_schedule_campaign'] as const;
  const findings = Array.from({ length: scale.findings }, (_, index) => ({
    ...base,
    id: `fnd-${String(index).padStart(6, '0')}`,
    category: categories[index % categories.length]!,
    actAt: new Date(Date.parse(base.actAt) + index * 60_000).toISOString(),
  }));
  for (let start = 0; start < findings.length; start += 1_000) (await store.append('finding', findings.slice(start, start + 1_000)))._unsafeUnwrap();
  const cases = Array.from({ length: scale.cases }, (_, index) => openCase({ id: `K-2024-${String(index + 1).padStart(4, '0')}`, title: `Kasus ${index + 1}`, subjectId: base.subjectId, findingIds: [findings[index]!.id], actor: 'bench', reason: 'bench', at: '2024-10-02T01:00:00.000Z' })._unsafeUnwrap());
  for (let start = 0; start < cases.length; start += 500) (await store.append('case', cases.slice(start, start + 500)))._unsafeUnwrap();
  const usersFile = path.join(dir, 'users.json');
  (await addUser(usersFile, { username: 'bench', role: 'kajian', password: PASSWORD }))._unsafeUnwrap();
  const app = createWebApp({ office: { store, officeName: 'Bawaslu Kabupaten Lembah Harapan', timeZone: 'WIB', subjects: () => [fixture.subject], routing: DEFAULT_ROUTING_TABLE, deadlines: DEFAULT_DEADLINE_POLICY, templates: {}, usersFile } });
  const server = (await startWebServer({ app, port: 0 }))._unsafeUnwrap();
  const signIn = async (): Promise<string> => {
    const login = await fetch(`${server.url}/login`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const signed = await fetch(`${server.url}/login`, { method: 'POST', headers: { cookie }, body: new URLSearchParams({ _csrf: csrf, username: 'bench', password: PASSWORD }), redirect: 'manual' });
    return (signed.headers.get('set-cookie') ?? '').split(';')[0]!;
  };
  const get = async (cookie: string, at: string): Promise<number> => {
    const started = performance.now();
    const response = await fetch(`${server.url}${at}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${at}: HTTP ${response.status}`);
    return performance.now() - started;
  };
  const cookie = await signIn();
  const casePath = `/cases/K-2024-${String(Math.ceil(scale.cases / 2)).padStart(4, '0')}`;
  const timings = async (at: string): Promise<number[]> => {
    await get(cookie, at);
    const times: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample++) times.push(await get(cookie, at));
    return times.sort((a, b) => a - b);
  };
  const queue = await timings('/findings?status=all');
  const casePage = await timings(casePath);
  const cookies = await Promise.all(Array.from({ length: SESSIONS }, () => signIn()));
  let done = 0;
  const loadStarted = performance.now();
  await Promise.all(
    cookies.map(async (session, worker) => {
      for (let turn = 0; done < LOAD_MAX_REQUESTS && performance.now() - loadStarted < LOAD_MAX_MS; turn++) {
        await get(session, (worker + turn) % 2 === 0 ? '/findings?status=all' : casePath);
        done++;
      }
    }),
  );
  const rps = done / ((performance.now() - loadStarted) / 1000);
  await server.close();
  (await store.close())._unsafeUnwrap();
  const tag = `${label}_${scale.findings}f_${scale.cases}c`;
  return [
    { name: `findings_queue_p50_${tag}`, value: percentile(queue, 50), unit: 'ms' },
    { name: `findings_queue_p99_${tag}`, value: percentile(queue, 99), unit: 'ms' },
    { name: `case_page_p50_${tag}`, value: percentile(casePage, 50), unit: 'ms' },
    { name: `case_page_p99_${tag}`, value: percentile(casePage, 99), unit: 'ms' },
    { name: `load_rps_${SESSIONS}_sessions_${tag}`, value: rps, unit: `requests/s (${done} requests, queue and case page alternating)` },
  ];
}

try {
  // A first pass warms the JIT, so neither measured store pays for it.
  await measure(SMALL, 'warmup');
  const small = await measure(SMALL, 'small');
  const large = await measure(LARGE, 'large');
  const ratio = (index: number): number => large[index]!.value / small[index]!.value;
  reportBench('web', [
    ...large,
    ...small,
    { name: 'findings_queue_p50_ratio_large_to_small', value: ratio(0), unit: '×' },
    { name: 'case_page_p50_ratio_large_to_small', value: ratio(2), unit: '×' },
    { name: 'load_rps_ratio_large_to_small', value: ratio(4), unit: '×' },
  ], [`${SAMPLES} sequential requests per page after one warm-up; load: ${SESSIONS} sessions, at most ${LOAD_MAX_REQUESTS} requests or ${LOAD_MAX_MS / 1000} s`]);
} finally {
  rmSync(root, { recursive: true, force: true });
}
