/**
 * `pnpm bench diff`: diff throughput of `observeCapture` against account states of 10k, 100k
 * and 1M items.
 *
 * - `diff_items_per_s_<n>`: a full re-capture (every item of the account, complete window that
 *   reached the start of the history, 0.1 % edited, 0.1 % missing, 0.1 % new) diffed against a
 *   state of n items: the worst case, where every item is inside the window. Computed from the
 *   process's CPU time; `diff_items_per_s_wall_<n>` is the same from wall-clock time.
 * - `diff_incremental_ms_<n>`: a capture of the 200 newest items (page-limited window) against
 *   the same state: the everyday case, which should not grow with n.
 * - Every state is grown as an account's is: one capture a day of that day's 1000 items.
 * - `diff_peak_rss_mb_1m`: the process's peak resident memory from its start through growing the
 *   1M-item state and diffing a full 1M-item re-capture read in pages of 1000
 *   (`observeCapturePages`), as an adapter reads them. Nothing is reset: the 10k and 100k runs
 *   and the build are in it.
 * - `diff_paged_*_1m`: that diff's peak heap in use (sampled at every page and at the end,
 *   uncollected garbage included), the heap its result adds, and whether its result is the
 *   array diff's to the byte.
 * - `diff_process_max_rss_mb`: the whole process at the end, which also held the 1M-item
 *   re-capture as one array of built Items for the timed runs.
 * - `diff_state_heap_mb_1m`: heap in use (after GC) holding the 1M-item state alone.
 * - `diff_result_hash_<n>`: sha256 of every change and every resulting state (as JSON) of the
 *   runs at n items (its first 12 hex digits as the value, all 64 in the unit): a faster or
 *   smaller diff must leave it as it was.
 * - `diff_inputs_heap_mb_1m`: heap in use (after GC) holding the diff's inputs, the 1M-item state
 *   and the 1M-item re-capture, just before the diff.
 * - `diff_peak_above_inputs_mb_1m`: the diff's own peak: the process's peak resident memory
 *   during the diff (Linux: the peak is reset just before it) minus its resident memory then.
 *   That resident memory already holds heap V8 kept from building the inputs, so the diff's
 *   allocations first fill it: this is how far the diff raises the process, not all it allocates.
 * - `diff_retained_heap_mb_1m`: heap (after GC) the diff's result adds to its inputs.
 */
import { createHash, type Hash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Capture, CaptureHeader, Item } from '../src/index.js';
import { createAccountState, observeCapture, observeCapturePages, type AccountState } from '../src/index.js';
import { reportBench, type BenchEntry } from '../../../scripts/bench-results.js';

const PER_DAY = 1000;
const START = Date.parse('2021-01-01T00:00:00Z');
const CAPABILITIES = { lookup: true, distinguishesPrivateFromDeleted: true };
const gc = (globalThis as { gc?: () => void }).gc;

function timeOf(index: number): number {
  // PER_DAY items a day, spread over the day.
  return START + Math.floor(index / PER_DAY) * 86_400_000 + (index % PER_DAY) * 60_000;
}

function item(index: number, edited = false): Item {
  return {
    platform: 'x',
    id: String(1_000_000_000 + index),
    kind: 'post',
    author: { id: '1001', handle: 'budi_contoh' },
    createdAt: new Date(timeOf(index)).toISOString(),
    text: `Kegiatan desa nomor ${index} bersama warga Belitung Timur${edited ? ' (diperbarui)' : ''}`,
    media: [],
    links: [],
    hashtags: [],
    mentions: [],
  };
}

function capture(id: string, items: Item[], at: number, window: Capture['window']): Capture {
  return {
    id,
    adapter: { id: 'bench', version: '1' },
    platform: 'x',
    account: { platform: 'x', handle: 'budi_contoh', id: '1001' },
    accountKey: 'x:1001',
    scope: 'timeline',
    startedAt: new Date(at - 60_000).toISOString(),
    capturedAt: new Date(at).toISOString(),
    status: 'ok',
    accountObservation: 'public',
    requests: [],
    rawBlobs: [],
    items,
    window,
  };
}

/** The state of an account that posted PER_DAY items a day, captured once at the end of each day. */
function build(n: number): { state: AccountState; at: number } {
  let state = createAccountState({ accountKey: 'x:1001', platform: 'x', at: new Date(START).toISOString() });
  for (let first = 0; first < n; first += PER_DAY) {
    const items: Item[] = [];
    for (let index = Math.min(first + PER_DAY, n) - 1; index >= first; index--) items.push(item(index));
    const oldest = items.at(-1)!;
    const endOfDay = START + Math.floor(first / PER_DAY) * 86_400_000 + 86_400_000 - 60_000;
    const window: Capture['window'] = { complete: true, reachedEnd: first === 0, ...(first === 0 ? {} : { cutBy: 'page_limit' as const, oldest: { id: oldest.id, at: oldest.createdAt! } }) };
    state = observeCapture(state, capture(`day-${first / PER_DAY}`, items, endOfDay, window), {}, CAPABILITIES).state;
  }
  return { state, at: timeOf(n) + 86_400_000 };
}

/** The full re-capture in pages of 1000 items, made as they are read (the way an adapter pages). */
function* fullRecapturePages(n: number, round: number): Generator<Item[]> {
  const step = 1000;
  let page: Item[] = [];
  // Newest first, the way adapters return them; every 1000th edited, every 1000th (offset) gone, 0.1 % new.
  for (let index = n + Math.floor(n / step) - 1; index >= 0; index--) {
    if (index < n && index % step === 500 + round) continue;
    page.push(item(index, index < n && index % step === 250));
    if (page.length === step) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

function fullRecapture(n: number, round: number): Item[] {
  return [...fullRecapturePages(n, round)].flat();
}

/** Resets the process's peak resident memory (Linux `clear_refs`); false where that is not possible. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The process's peak resident memory in bytes since it started or the last {@link resetPeakRss} (Linux `VmHWM`). */
function peakRssSinceReset(): number | undefined {
  try {
    const kilobytes = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  } catch {
    return undefined;
  }
}

interface DiffMemory {
  /** Heap after GC holding the state alone. */
  stateHeapMb: number;
  /** Peak resident memory of the process from its start through the diff of the re-capture read in pages. */
  pagedPeakRssMb: number | undefined;
  /** Peak heap in use (sampled at every page and at the end) of the paged diff, the state included. */
  pagedPeakHeapMb: number;
  /** Heap after GC the paged diff's result adds to the state. */
  pagedRetainedHeapMb: number;
  /** The paged diff gave the same changes and state as the one of the whole array. */
  pagedSameResult: boolean;
  inputsHeapMb: number;
  peakAboveInputsMb: number | undefined;
  retainedHeapMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Feeds every change, then the resulting state bucket by bucket, into a hash: a check that a
 * faster or smaller diff still produces byte-identical changes and `account_state` records.
 */
function hashResult(hash: Hash, result: { state: AccountState; changes: unknown[] }): Hash {
  for (const change of result.changes) hash.update(JSON.stringify(change)).update('\n');
  // The state's JSON bucket by bucket: at 1M items one string of it would pass V8's length limit.
  const { items, ...rest } = result.state;
  hash.update(JSON.stringify(rest));
  for (const bucket of Object.keys(items)) hash.update(JSON.stringify(bucket)).update(JSON.stringify(items[bucket]));
  return hash;
}

function digestOf(result: { state: AccountState; changes: unknown[] }): string {
  return hashResult(createHash('sha256'), result).digest('hex');
}

function fullRecaptureHeader(round: number, at: number): CaptureHeader {
  const { items: _items, ...header } = capture(`full-${round}`, [], at + 86_400_000 * (round + 1), { complete: true, reachedEnd: true });
  return header;
}

/**
 * The memory of the 1M diff with the re-capture read page by page (`observeCapturePages`): the
 * process's peak so far, nothing reset, so it holds the state's build as well.
 */
function measurePaged(state: AccountState, at: number, n: number): { peakRssMb: number | undefined; peakHeapMb: number; retainedHeapMb: number; digest: string } {
  gc?.();
  gc?.();
  const stateHeap = process.memoryUsage().heapUsed;
  // Heap in use (garbage not yet collected included) as each page is read, and at the end.
  let peakHeap = stateHeap;
  function* sampled(): Generator<Item[]> {
    for (const page of fullRecapturePages(n, 0)) {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      yield page;
    }
  }
  const result = observeCapturePages(state, fullRecaptureHeader(0, at), sampled(), {}, CAPABILITIES);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const peak = peakRssSinceReset();
  gc?.();
  const retainedHeapMb = (process.memoryUsage().heapUsed - stateHeap) / 1e6;
  return { peakRssMb: peak === undefined ? undefined : peak / 1e6, peakHeapMb: peakHeap / 1e6, retainedHeapMb, digest: digestOf(result) };
}

function measure(n: number, repeats: number, withMemory = false): { fullMs: number; fullCpuMs: number; incrementalMs: number; changes: number; resultHash: string; memory?: DiffMemory } {
  gc?.();
  const hash = createHash('sha256');
  const { state, at } = build(n);
  gc?.();
  const stateHeap = process.memoryUsage().heapUsed;
  const paged = withMemory ? measurePaged(state, at, n) : undefined;
  const full: number[] = [];
  const cpu: number[] = [];
  let changes = 0;
  let memory: DiffMemory | undefined;
  for (let round = 0; round < repeats; round++) {
    const items = fullRecapture(n, round);
    const recapture = capture(`full-${round}`, items, at + 86_400_000 * (round + 1), { complete: true, reachedEnd: true });
    gc?.();
    const inputsHeap = process.memoryUsage().heapUsed;
    const peakReset = withMemory && gc !== undefined && resetPeakRss();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = observeCapture(state, recapture, {}, CAPABILITIES);
    full.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    changes = result.changes.length;
    let memoryNow: DiffMemory | undefined;
    if (paged && gc) {
      const peak = peakReset ? peakRssSinceReset() : undefined;
      gc();
      memoryNow = {
        stateHeapMb: stateHeap / 1e6,
        pagedPeakRssMb: paged.peakRssMb,
        pagedPeakHeapMb: paged.peakHeapMb,
        pagedRetainedHeapMb: paged.retainedHeapMb,
        pagedSameResult: round === 0 && paged.digest === digestOf(result),
        inputsHeapMb: inputsHeap / 1e6,
        peakAboveInputsMb: peak === undefined ? undefined : (peak - rssBefore) / 1e6,
        retainedHeapMb: (process.memoryUsage().heapUsed - inputsHeap) / 1e6,
      };
    }
    memory ??= memoryNow;
    // After the memory figures: hashing the state's JSON takes memory of its own.
    hashResult(hash, result);
  }
  const incremental: number[] = [];
  for (let round = 0; round < 20; round++) {
    const page: Item[] = [];
    for (let index = n - 1; index >= n - 200; index--) page.push(item(index, round % 2 === 1 && index === n - 3));
    const oldest = page.at(-1)!;
    const recapture = capture(`inc-${round}`, page, at + 60_000 * (round + 1), { complete: true, reachedEnd: false, cutBy: 'page_limit', oldest: { id: oldest.id, at: oldest.createdAt! } });
    const started = performance.now();
    const result = observeCapture(state, recapture, {}, CAPABILITIES);
    incremental.push(performance.now() - started);
    hashResult(hash, result);
  }
  return { fullMs: median(full), fullCpuMs: median(cpu), incrementalMs: median(incremental), changes, resultHash: hash.digest('hex'), memory };
}

const allSizes: Array<[label: string, n: number, repeats: number]> = [
  ['10k', 10_000, 5],
  ['100k', 100_000, 3],
  ['1m', 1_000_000, 1],
];
// DIFF_BENCH_SIZES=10k,100k runs only those (a quick check on a loaded machine).
const only = process.env.DIFF_BENCH_SIZES?.split(',');
const sizes = only ? allSizes.filter(([label]) => only.includes(label)) : allSizes;
// Warm the JIT first, so the 10k figures measure the code rather than its compilation.
measure(2_000, 3);
const entries: BenchEntry[] = [];
const notes: string[] = [];
const results = new Map<string, ReturnType<typeof measure>>();
for (const [label, n, repeats] of sizes) {
  const result = measure(n, repeats, label === '1m');
  results.set(label, result);
  // Throughput from the process's CPU time: the machine is shared, and wall time there measures
  // the neighbours. Wall-clock throughput is reported beside it.
  entries.push({ name: `diff_items_per_s_${label}`, value: Math.round(n / (result.fullCpuMs / 1000)), unit: 'items/s (CPU time)' });
  entries.push({ name: `diff_items_per_s_wall_${label}`, value: Math.round(n / (result.fullMs / 1000)), unit: 'items/s (wall clock)' });
  entries.push({ name: `diff_incremental_ms_${label}`, value: Number(result.incrementalMs.toFixed(3)), unit: 'ms' });
  // The first 12 hex digits of the hash as a number: the JSON holds numbers only.
  entries.push({ name: `diff_result_hash_${label}`, value: Number.parseInt(result.resultHash.slice(0, 12), 16), unit: `sha256 ${result.resultHash} of every change and resulting state (JSON)` });
  notes.push(
    `${label}: full re-capture ${result.fullMs.toFixed(0)} ms wall / ${result.fullCpuMs.toFixed(0)} ms CPU (${result.changes} changes), 200-item incremental capture ${result.incrementalMs.toFixed(2)} ms; changes and states sha256 ${result.resultHash}`,
  );
  process.stdout.write(`  ${notes.at(-1)}\n`);
}
const memory = results.get('1m')?.memory;
if (memory) {
  if (memory.pagedPeakRssMb !== undefined) entries.push({ name: 'diff_peak_rss_mb_1m', value: Math.round(memory.pagedPeakRssMb), unit: 'MB (peak RSS of the process from its start through growing the 1M-item state and diffing a full 1M-item re-capture read in pages of 1000; nothing reset)' });
  entries.push({ name: 'diff_state_heap_mb_1m', value: Math.round(memory.stateHeapMb), unit: 'MB (heap after GC: the 1M-item state alone)' });
  entries.push({ name: 'diff_paged_peak_heap_mb_1m', value: Math.round(memory.pagedPeakHeapMb), unit: 'MB (peak heap in use of that diff, uncollected garbage included: the 1M-item state, the re-capture read in pages of 1000, and the diff)' });
  entries.push({ name: 'diff_paged_retained_heap_mb_1m', value: Math.round(memory.pagedRetainedHeapMb), unit: 'MB (heap after GC the paged diff adds to the state)' });
  entries.push({ name: 'diff_paged_same_result_1m', value: memory.pagedSameResult ? 1 : 0, unit: '1 when the paged diff gave the same changes and state as the array one' });
  entries.push({ name: 'diff_inputs_heap_mb_1m', value: Math.round(memory.inputsHeapMb), unit: 'MB (heap after GC: 1M-item state + 1M-item re-capture)' });
  if (memory.peakAboveInputsMb !== undefined) entries.push({ name: 'diff_peak_above_inputs_mb_1m', value: Math.round(memory.peakAboveInputsMb), unit: 'MB (peak RSS during the diff minus RSS with its inputs built)' });
  entries.push({ name: 'diff_retained_heap_mb_1m', value: Math.round(memory.retainedHeapMb), unit: 'MB (heap after GC the result adds to its inputs)' });
  notes.push(
    `1m memory: state ${memory.stateHeapMb.toFixed(0)} MB of heap; diff of the re-capture read in pages: process peak RSS ${memory.pagedPeakRssMb?.toFixed(0) ?? '(not measurable here: needs Linux /proc)'} MB since start, peak heap ${memory.pagedPeakHeapMb.toFixed(0)} MB, same result as the array: ${memory.pagedSameResult}; with the whole re-capture as one array ${memory.inputsHeapMb.toFixed(0)} MB of inputs; the diff's own peak ${memory.peakAboveInputsMb === undefined ? 'not measurable here (needs Linux /proc and --expose-gc)' : `${memory.peakAboveInputsMb.toFixed(0)} MB`} above them; its result keeps ${memory.retainedHeapMb.toFixed(0)} MB`,
  );
}
const ratio = (a: string, b: string) => (results.get(b)?.fullMs ?? Number.NaN) / (results.get(a)?.fullMs ?? Number.NaN);
const cpuRatio = (a: string, b: string) => (results.get(b)?.fullCpuMs ?? Number.NaN) / (results.get(a)?.fullCpuMs ?? Number.NaN);
for (const [label, result] of results) notes.push(`${label}: changes and states sha256 ${result.resultHash}`);
notes.push(`CPU-time ratio 100k/10k = ${cpuRatio('10k', '100k').toFixed(2)}x, 1m/100k = ${cpuRatio('100k', '1m').toFixed(2)}x`);
notes.push(`time ratio 100k/10k = ${ratio('10k', '100k').toFixed(2)}x, 1m/100k = ${ratio('100k', '1m').toFixed(2)}x (linear budget: 12x per 10x items)`);
if (results.has('1m')) entries.push({ name: 'diff_process_max_rss_mb', value: Math.round(process.resourceUsage().maxRSS / 1024), unit: 'MB (whole process at the end: it also held the 1M-item re-capture as one array of built Items for the timed runs)' });
notes.push('times are noisy on a shared machine; read them as ratios');
reportBench('diff', entries, notes);
