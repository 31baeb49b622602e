/**
 * `pnpm bench own-code`: where core writes what a library already does, is ours measurably
 * better? Each pair runs in this one process on the same inputs, rounds interleaved, so the ratios
 * hold on a loaded machine: the bundle ZIP (ours vs yazl to write; yauzl plain vs the CLI's
 * checked reader to read, and hostile archives), the word diff (vs `diff`'s `diffWords`),
 * canonical JSON (vs `canonicalize`, RFC 8785) and CSV writing (vs `csv-stringify`).
 * `SIPANSOS_BENCH_SCALE=0.2` shrinks the inputs on a busy machine.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import canonicalize from 'canonicalize';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { diffWords, diffWordsWithSpace } from 'diff';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { measureCalibration } from '../../../scripts/bench-calibration.js';
import { reportBench, type BenchEntry } from '../../../scripts/bench-results.js';
// The checked reader needs the file system, so it lives in the CLI; the bench compares the whole path.
import { readBundleZip } from '../../cli/src/bundle/bundle-zip-reader.js';
import { bundleToZip } from '../src/bundle/bundle-zip.js';
import type { BundleFiles } from '../src/bundle/create-bundle.js';
import { wordDiff } from '../src/diff/word-diff.js';
import { canonicalJson } from '../src/hashing/canonical-json.js';
import { toCsv, type CsvValue } from '../src/report/csv-export.js';

const calibration = measureCalibration();
const scale = Number(process.env.SIPANSOS_BENCH_SCALE ?? '1');
const figures: BenchEntry[] = [];
const notes: string[] = [];
const figure = (name: string, value: number, unit: string): void => void figures.push({ name, value, unit });

let seed = 20_241_127;
const random = (): number => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Median milliseconds per call of each contender, rounds interleaved so load hits both alike. */
async function duel(rounds: number, ours: () => unknown, theirs: () => unknown): Promise<{ ours: number; theirs: number }> {
  const times = { ours: [] as number[], theirs: [] as number[] };
  await ours();
  await theirs();
  for (let round = 0; round < rounds; round++) {
    for (const [key, run] of [['ours', ours], ['theirs', theirs]] as const) {
      const start = performance.now();
      await run();
      times[key].push(performance.now() - start);
    }
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { ours: median(times.ours), theirs: median(times.theirs) };
}

const WORDS = ['Bapak', 'Bupati', 'mengajak', 'warga', 'desa', 'Sukamaju', 'untuk', 'memilih', 'paslon', 'nomor', '02', 'pada', 'Pilkada', '27', 'November', 'ASN', 'wajib', 'netral', 'kampanye', 'di', 'balai', 'dan', 'yang', 'ini', 'kita', 'bersama', 'Kecamatan', 'Lembah', 'Harapan', 'relawan', 'dukung', 'sembako', '#Pilkada2024', '@timsukses', 'https://contoh.id/a?b=1', '😀', '🇮🇩', '👍🏽', 'Rp50.000', '"mantap"'];
const PUNCTUATION = ['', '', '', '', ',', '.', '!', '?', '...', ':'];

function sentence(words: number): string {
  let text = '';
  for (let index = 0; index < words; index++) text += (index === 0 ? '' : random() < 0.03 ? '\n' : ' ') + pick(WORDS) + pick(PUNCTUATION);
  return text;
}

// ---- ZIP ------------------------------------------------------------------------------------

const encoder = new TextEncoder();
function bundleFiles(): BundleFiles {
  const files: BundleFiles = new Map();
  const noise = (size: number): Uint8Array => Uint8Array.from({ length: size }, () => Math.floor(random() * 256));
  const lines = Array.from({ length: Math.round(2500 * scale) }, (_, index) => JSON.stringify({ id: `cap-${index}`, observedAt: '2024-10-03T01:02:03Z', text: sentence(40) }));
  files.set('records/capture.jsonl', encoder.encode(lines.join('\n') + '\n'));
  files.set('manifest.json', encoder.encode(JSON.stringify({ files: lines.slice(0, 100) })));
  // Raw API bodies (JSON, compress well) and pictures (do not compress), as a case bundle holds.
  for (let index = 0; index < 120; index++) {
    const body = encoder.encode(JSON.stringify({ data: Array.from({ length: Math.round(40 * scale) + 1 }, () => ({ text: sentence(20), metrics: { like: Math.floor(random() * 1e4) } })) }));
    files.set(`blobs/sha256/${createHash('sha256').update(body).digest('hex')}`, body);
  }
  for (let index = 0; index < 50; index++) {
    const picture = noise(Math.round(40_000 * scale));
    files.set(`blobs/sha256/${createHash('sha256').update(picture).digest('hex')}`, picture);
  }
  for (let index = 0; files.size < 200; index++) files.set(`proofs/inclusion-${String(index).padStart(3, '0')}.json`, encoder.encode(JSON.stringify({ leaf: index, path: Array.from({ length: 12 }, () => createHash('sha256').update(String(random())).digest('hex')) })));
  return files;
}

function yazlZip(files: BundleFiles, mtime?: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of files) zip.addBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, mtime ? { mtime } : {});
  zip.end();
  return collect(zip.outputStream);
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Plain yauzl with its defaults: every entry read to the end. Throws what yauzl refuses. */
async function yauzlReadAll(zipBytes: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(zipBytes, { lazyEntries: true });
  const hashes = new Map<string, string>();
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(undefined));
        zip.once('error', reject);
        zip.readEntry();
      });
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      if (!entry) return hashes;
      const stream = await zip.openReadStreamPromise(entry);
      const hash = createHash('sha256');
      for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
      hashes.set(entry.fileName, hash.digest('hex'));
    }
  } finally {
    zip.close();
  }
}

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/** Rename an entry (same length) in both its local and central header. */
const renamed = (zip: Uint8Array, from: string, to: string): Buffer => Buffer.from(Buffer.from(zip).toString('latin1').split(from).join(to), 'latin1');

/** Offsets of the central directory's entries, read from the end record. */
function centralEntries(zip: Buffer): number[] {
  const end = zip.byteLength - 22;
  const offsets: number[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    offsets.push(at);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return offsets;
}

/** Whether a Node process with a Danish locale writes the same ZIP for these names (each file holds its name). */
function sameInDanish(names: string[]): boolean {
  const zipOf = (list: string[]): string => createHash('sha256').update(bundleToZip(new Map(list.map((name) => [name, encoder.encode(name)])))._unsafeUnwrap()).digest('hex');
  const module = new URL('../src/bundle/bundle-zip.ts', import.meta.url).href;
  const script = `const { bundleToZip } = await import(${JSON.stringify(module)}); const { createHash } = await import('node:crypto'); const names = JSON.parse(process.argv[1]); process.stdout.write(createHash('sha256').update(bundleToZip(new Map(names.map((name) => [name, new TextEncoder().encode(name)]))).value).digest('hex'));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(names)], { env: { ...process.env, LANG: 'da_DK.UTF-8', LC_ALL: 'da_DK.UTF-8' }, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the Danish-locale run failed: ${child.stderr}`);
  return child.stdout === zipOf(names);
}

async function zipSection(): Promise<void> {
  const files = bundleFiles();
  const inputBytes = [...files.values()].reduce((sum, bytes) => sum + bytes.byteLength, 0);
  const mtime = new Date('2000-01-01T00:00:00Z');
  const sorted: BundleFiles = new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
  const write = await duel(7, () => bundleToZip(sorted, mtime), () => yazlZip(sorted, mtime));
  const ourZip = Buffer.from(bundleToZip(sorted, mtime)._unsafeUnwrap());
  const theirZip = await yazlZip(sorted, mtime);
  figure('zip_input_files', files.size, 'files');
  figure('zip_input_mb', inputBytes / 1e6, 'MB');
  figure('zip_write_ours_mb_per_s', inputBytes / 1e3 / write.ours, 'MB/s');
  figure('zip_write_yazl_mb_per_s', inputBytes / 1e3 / write.theirs, 'MB/s');
  figure('zip_write_ours_speed_x_yazl', write.theirs / write.ours, 'x (>1: ours faster)');
  figure('zip_size_ours_kib', ourZip.byteLength / 1024, 'KiB');
  figure('zip_size_yazl_kib', theirZip.byteLength / 1024, 'KiB');

  // Same files given twice, in another order, or a few seconds apart with no time given.
  const reversed: BundleFiles = new Map([...files].reverse());
  const ours = [bundleToZip(files)._unsafeUnwrap(), bundleToZip(reversed)._unsafeUnwrap()];
  figure('zip_ours_same_bytes_any_order', Number(same(ours[0]!, ours[1]!) && same(ours[0]!, bundleToZip(files)._unsafeUnwrap())), 'bool');
  figure('zip_yazl_same_bytes_same_order_fixed_mtime', Number(same(await yazlZip(files, mtime), await yazlZip(files, mtime))), 'bool');
  figure('zip_yazl_same_bytes_other_order_fixed_mtime', Number(same(await yazlZip(files, mtime), await yazlZip(reversed, mtime))), 'bool');
  figure('zip_ours_same_bytes_danish_locale', Number(sameInDanish([...files.keys(), 'aa/x', 'z.txt'])), 'bool (LANG=da_DK: "aa" sorts after "z")');
  const now = await yazlZip(files);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  figure('zip_yazl_same_bytes_default_mtime_2s_apart', Number(same(now, await yazlZip(files))), 'bool');

  // Reading: yauzl alone vs the CLI's reader (yauzl plus the checks below), same file.
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-own-code-'));
  try {
    const file = path.join(dir, 'bundel.zip');
    await writeFile(file, ourZip);
    const read = await duel(5, () => yauzlReadAll(ourZip), () => readBundleZip(file));
    figure('zip_read_yauzl_plain_mb_per_s', inputBytes / 1e3 / read.ours, 'MB/s');
    figure('zip_read_checked_mb_per_s', inputBytes / 1e3 / read.theirs, 'MB/s');
    const want = new Map([...files].map(([name, bytes]) => [name, createHash('sha256').update(bytes).digest('hex')]));
    const agrees = async (zip: Buffer): Promise<boolean> => JSON.stringify([...(await yauzlReadAll(zip))].sort()) === JSON.stringify([...want].sort());
    figure('zip_yauzl_reads_ours_back', Number(await agrees(ourZip)), 'bool');
    figure('zip_yauzl_reads_yazl_back', Number(await agrees(theirZip)), 'bool');
    await hostileZips(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function hostileZips(dir: string): Promise<void> {
  const body = encoder.encode('isi berkas / file body '.repeat(40));
  const base = bundleToZip(new Map([['aa/bb.txt', encoder.encode('QWERTY')], ['aa/cc.txt', body]]))._unsafeUnwrap();
  // Two entries with the same deflated bytes, so pointing one at the other reads cleanly.
  const twins = bundleToZip(new Map([['aa/bb.txt', body], ['aa/cc.txt', body]]))._unsafeUnwrap();
  const withCentral = (patch: (zip: Buffer, entries: number[]) => void, from: Uint8Array = base): Buffer => {
    const zip = Buffer.from(from);
    patch(zip, centralEntries(zip));
    return zip;
  };
  const bombSize = Math.round(32 * 1024 ** 2 * Math.max(scale, 0.25));
  const cases: Array<[string, Buffer]> = [
    ['zip-slip ../', renamed(base, 'aa/bb.txt', '../bb.txt')],
    ['zip-slip ..\\', renamed(base, 'aa/bb.txt', '..\\bb.txt')],
    ['absolute path', renamed(base, 'aa/bb.txt', '/a/bb.txt')],
    ['duplicate names', renamed(base, 'aa/cc.txt', 'aa/bb.txt')],
    ['CRC mismatch', renamed(base, 'QWERTY', 'QWERTZ')],
    ['size lie (declares less)', withCentral((zip, [, second]) => zip.writeUInt32LE(100, second! + 24))],
    ['size lie (declares more)', withCentral((zip, [, second]) => zip.writeUInt32LE(100_000, second! + 24))],
    ['ratio bomb (zeros, ~1000:1)', Buffer.from(bundleToZip(new Map([['blobs/sha256/b', new Uint8Array(bombSize)]]))._unsafeUnwrap())],
    ['overlapping entries', withCentral((zip, [first, second]) => zip.writeUInt32LE(zip.readUInt32LE(first! + 42), second! + 42), twins)],
    ['encrypted flag', withCentral((zip, [, second]) => zip.writeUInt16LE(zip.readUInt16LE(second! + 8) | 1, second! + 8))],
    ['truncated archive', Buffer.from(base.subarray(0, base.byteLength - 30))],
  ];
  let oursRefused = 0;
  let yauzlRefused = 0;
  notes.push('hostile ZIP | yauzl defaults | ours (sipansos verify-bundle reader)');
  for (const [index, [name, zip]] of cases.entries()) {
    let theirs: string;
    try {
      const read = await yauzlReadAll(zip);
      theirs = `accepted (${read.size} entries)`;
    } catch (error) {
      theirs = `refused: ${(error as Error).message.slice(0, 60)}`;
      yauzlRefused++;
    }
    const file = path.join(dir, `hostile-${index}.zip`);
    await writeFile(file, zip);
    const read = await readBundleZip(file);
    let ours: string;
    if ('type' in read) ours = `refused: ${read.message.slice(0, 60)}`;
    else if (read.damaged.length > 0) ours = `entry named damaged: ${read.damaged[0]!.message.slice(0, 50)}`;
    else ours = `accepted (${read.files.size} entries)`;
    if (!ours.startsWith('accepted')) oursRefused++;
    notes.push(`  ${name} | ${theirs} | ${ours}`);
  }
  figure('zip_hostile_cases', cases.length, 'archives');
  figure('zip_hostile_refused_yauzl_defaults', yauzlRefused, 'archives');
  figure('zip_hostile_refused_or_named_ours', oursRefused, 'archives');
  // Writers: both refuse a name that climbs out.
  let yazlRefusesSlip = 0;
  try {
    new yazl.ZipFile().addBuffer(Buffer.from('x'), '../x');
  } catch {
    yazlRefusesSlip = 1;
  }
  figure('zip_write_refuses_slip_ours', Number(bundleToZip(new Map([['../x', encoder.encode('x')]])).isErr()), 'bool');
  figure('zip_write_refuses_slip_yazl', yazlRefusesSlip, 'bool');
}

// ---- word diff ---------------------------------------------------------------------------------

type Op = 'equal' | 'insert' | 'delete';
interface Segment {
  op: Op;
  text: string;
}
const fromJsdiff = (changes: ReturnType<typeof diffWords>): Segment[] => changes.map((change) => ({ op: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value }));
const joined = (segments: Segment[], keep: Op): string => segments.filter((segment) => segment.op === 'equal' || segment.op === keep).map((segment) => segment.text).join('');

/** Which non-space characters of `before` a diff marks deleted, as a string of 0/1. */
function deletedMask(segments: Segment[]): string {
  let mask = '';
  for (const segment of segments) {
    if (segment.op === 'insert') continue;
    for (const char of segment.text) if (!/\s/u.test(char)) mask += segment.op === 'delete' ? '1' : '0';
  }
  return mask;
}
const splitsSurrogate = (segments: Segment[]): boolean => segments.some((segment) => /^[\udc00-\udfff]|[\ud800-\udbff]$/.test(segment.text));

function edited(text: string, edits: number): string {
  const tokens = text.split(' ');
  for (let index = 0; index < edits; index++) {
    if (tokens.length === 0) tokens.push(pick(WORDS));
    const at = Math.floor(random() * tokens.length);
    const kind = random();
    if (kind < 0.3) tokens[at] = pick(WORDS);
    else if (kind < 0.5) tokens.splice(at, 0, pick(WORDS));
    else if (kind < 0.65) tokens.splice(at, 1);
    else if (kind < 0.85) tokens[at] = tokens[at]!.replace(/[,.!?:]*$/, pick(PUNCTUATION.filter(Boolean)));
    else tokens[at] = `${tokens[at]} ${pick(['😡', '🙏', '👍🏽', '🇮🇩'])}`;
  }
  return tokens.join(' ');
}

async function wordDiffSection(): Promise<void> {
  const shortPairs = Array.from({ length: Math.round(2000 * scale) }, () => {
    const before = sentence(40);
    return [before, edited(before, 1 + Math.floor(random() * 3))] as const;
  });
  const longPairs = Array.from({ length: 5 }, () => {
    const before = sentence(Math.round(5000 * scale));
    return [before, edited(before, 20)] as const;
  });
  const rewrite = [sentence(Math.round(2000 * scale)), sentence(Math.round(2000 * scale))] as const;

  const short = await duel(5, () => shortPairs.map(([a, b]) => wordDiff(a, b)), () => shortPairs.map(([a, b]) => diffWords(a, b)));
  figure('word_diff_short_ours_us_per_post', (short.ours * 1000) / shortPairs.length, 'µs (40 words, 1–3 edits)');
  figure('word_diff_short_jsdiff_us_per_post', (short.theirs * 1000) / shortPairs.length, 'µs');
  figure('word_diff_short_ours_speed_x_jsdiff', short.theirs / short.ours, 'x (>1: ours faster)');
  const long = await duel(3, () => longPairs.map(([a, b]) => wordDiff(a, b)), () => longPairs.map(([a, b]) => diffWords(a, b)));
  figure('word_diff_long_ours_ms_per_text', long.ours / longPairs.length, `ms (${Math.round(5000 * scale)} words, 20 edits)`);
  figure('word_diff_long_jsdiff_ms_per_text', long.theirs / longPairs.length, 'ms');
  figure('word_diff_long_ours_speed_x_jsdiff', long.theirs / long.ours, 'x (>1: ours faster)');
  const withSpace = await duel(3, () => longPairs.map(([a, b]) => wordDiff(a, b)), () => longPairs.map(([a, b]) => diffWordsWithSpace(a, b)));
  figure('word_diff_long_jsdiff_with_space_ms_per_text', withSpace.theirs / longPairs.length, 'ms (diffWordsWithSpace)');
  figure('word_diff_long_ours_speed_x_jsdiff_with_space', withSpace.theirs / withSpace.ours, 'x (>1: ours faster)');
  const rewritten = await duel(1, () => wordDiff(...rewrite), () => diffWords(...rewrite));
  figure('word_diff_rewrite_ours_ms', rewritten.ours, `ms (two unrelated ${Math.round(2000 * scale)}-word texts)`);
  figure('word_diff_rewrite_jsdiff_ms', rewritten.theirs, 'ms');

  // What each marks as changed, on the short posts (Indonesian text, punctuation, emoji).
  const count = { sameMask: 0, jsdiffFiner: 0, otherwise: 0, reproduceOurs: 0, reproduceJsdiff: 0, reproduceWithSpace: 0, splitOurs: 0, splitJsdiff: 0 };
  let example = '';
  for (const [before, after] of shortPairs) {
    const ours: Segment[] = wordDiff(before, after);
    const theirs = fromJsdiff(diffWords(before, after));
    if (joined(ours, 'delete') === before && joined(ours, 'insert') === after) count.reproduceOurs++;
    if (joined(theirs, 'delete') === before && joined(theirs, 'insert') === after) count.reproduceJsdiff++;
    const spaced = fromJsdiff(diffWordsWithSpace(before, after));
    if (joined(spaced, 'delete') === before && joined(spaced, 'insert') === after) count.reproduceWithSpace++;
    if (splitsSurrogate(ours)) count.splitOurs++;
    if (splitsSurrogate(theirs)) count.splitJsdiff++;
    const [a, b] = [deletedMask(ours), deletedMask(theirs)];
    if (a === b) count.sameMask++;
    else if ([...b].every((bit, index) => bit === '0' || a[index] === '1')) count.jsdiffFiner++;
    else if (++count.otherwise === 1) {
      const show = (segments: Segment[]): string => segments.map((segment) => (segment.op === 'equal' ? segment.text : `[${segment.op === 'delete' ? '-' : '+'}${segment.text}]`)).join('');
      example = `ours ${JSON.stringify(show(ours))} | jsdiff ${JSON.stringify(show(theirs))}`;
    }
  }
  figure('word_diff_posts_compared', shortPairs.length, 'pairs');
  figure('word_diff_same_deleted_chars', count.sameMask, 'pairs');
  figure('word_diff_jsdiff_marks_fewer_chars', count.jsdiffFiner, 'pairs (punctuation split off words)');
  figure('word_diff_other_disagreements', count.otherwise, 'pairs');
  figure('word_diff_reproduce_both_texts_ours', count.reproduceOurs, 'pairs');
  figure('word_diff_reproduce_both_texts_jsdiff', count.reproduceJsdiff, 'pairs (diffWords folds white-space edits into "equal")');
  figure('word_diff_reproduce_both_texts_jsdiff_with_space', count.reproduceWithSpace, 'pairs (diffWordsWithSpace)');
  figure('word_diff_splits_emoji_ours', count.splitOurs, 'pairs');
  figure('word_diff_splits_emoji_jsdiff', count.splitJsdiff, 'pairs');
  if (example) notes.push(`word diff, other disagreement: ${example}`);
}

// ---- canonical JSON ----------------------------------------------------------------------------

function captureRecord(index: number): unknown {
  return {
    id: `cap-${index}`,
    platform: pick(['x', 'facebook', 'instagram']),
    subjectId: `asn-${index % 500}`,
    observedAt: new Date(Date.UTC(2024, 9, 1) + index * 61_000).toISOString(),
    item: { id: String(1e17 + index * 7919), text: sentence(30), lang: 'id', metrics: { like: Math.floor(random() * 1e5), share: Math.floor(random() * 1e3), ratio: random() }, media: [{ type: 'photo', sha256: createHash('sha256').update(String(index)).digest('hex') }], url: `https://x.com/akun_${index}/status/${index}` },
    rawBlobs: [createHash('sha256').update(`raw${index}`).digest('hex')],
    prevHash: createHash('sha256').update(`prev${index}`).digest('hex'),
  };
}

function randomValue(depth: number): unknown {
  const kind = random();
  if (depth > 3 || kind < 0.45) {
    const leaf = random();
    if (leaf < 0.3) return pick([0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789012345680000, 5e-324, 1.7976931348623157e308, 2 ** 53 + 1, 0.1 + 0.2, 1 / 3, -1e-7, 4.5e15, Math.random() * 10 ** Math.floor(random() * 40 - 20)]);
    if (leaf < 0.8) return Array.from({ length: Math.floor(random() * 6) }, () => pick(['a', 'é', '€', '😀', '\u0000', '\u001f', '\u007f', '\u2028', '"', '\\', '/', '\n', '\ufeff', 'Ω', '\ud800\udc00', 'kampanye'])).join('');
    return pick([true, false, null]);
  }
  if (kind < 0.7) return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(depth + 1));
  const object: Record<string, unknown> = {};
  for (let index = Math.floor(random() * 6); index > 0; index--) object[pick(['a', 'b', 'B', '1', '10', '2', 'é', '€', '😀', '\r', '', 'aa', 'ą', '\ufb33', 'ﬃ'])] = randomValue(depth + 1);
  return object;
}

/** Ours and the library on one value: 'same', or how they part. */
function jcsVerdict(value: unknown): string {
  const ours = canonicalJson(value);
  let theirs: string | undefined;
  let theirError = '';
  try {
    theirs = canonicalize(value);
  } catch (error) {
    theirError = (error as Error).message;
  }
  if (ours.isOk() && theirs === ours.value) return 'same bytes';
  if (ours.isErr() && theirs === undefined) return `both refuse (ours: ${ours.error.message}; canonicalize: ${theirError || 'returns undefined'})`;
  if (ours.isErr()) return `ours refuses (${ours.error.message}); canonicalize writes ${JSON.stringify(theirs)}`;
  return `ours writes ${JSON.stringify(ours.value)}; canonicalize ${theirError ? `refuses (${theirError})` : `writes ${JSON.stringify(theirs)}`}`;
}

async function canonicalSection(): Promise<void> {
  const records = Array.from({ length: Math.round(20_000 * scale) }, (_, index) => captureRecord(index));
  const bytes = records.reduce<number>((sum, record) => sum + canonicalJson(record)._unsafeUnwrap().length, 0);
  const timed = await duel(7, () => records.map((record) => canonicalJson(record)), () => records.map((record) => canonicalize(record)));
  figure('canonical_json_ours_mb_per_s', bytes / 1e3 / timed.ours, 'MB/s (capture records)');
  figure('canonical_json_canonicalize_mb_per_s', bytes / 1e3 / timed.theirs, 'MB/s');
  figure('canonical_json_ours_speed_x_canonicalize', timed.theirs / timed.ours, 'x (>1: ours faster)');
  figure('canonical_json_records_same_bytes', records.filter((record) => jcsVerdict(record) === 'same bytes').length, `of ${records.length} records`);
  const fuzz = Array.from({ length: Math.round(20_000 * scale) }, () => randomValue(0));
  figure('canonical_json_random_values_same_bytes', fuzz.filter((value) => jcsVerdict(value) === 'same bytes').length, `of ${fuzz.length} random values (numbers, escapes, astral keys)`);

  const edges: Array<[string, unknown]> = [
    ['RFC 8785 §3.2.2.3 numbers', [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001, -0, 1e21, 1e-7]],
    ['RFC 8785 §3.2.3 key order', { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' }],
    ['escapes: controls, U+2028, DEL, slash', { s: '\u0000\u0008\t\n\f\r\u001f\u007f\u2028\u2029/"\\' }],
    ['lone surrogate in a string', { text: 'emoji cut in half \ud83d' }],
    ['lone surrogate in a key', { '\udc00': 1 }],
    ['undefined inside an array', [1, undefined]],
    ['undefined member', { a: undefined, b: 1 }],
    ['NaN', { n: Number.NaN }],
    ['Date (toJSON)', { at: new Date('2024-10-03T00:00:00Z') }],
    ['typed array', { bytes: Uint8Array.from([1, 2]) }],
    ['bigint', { big: 10n }],
  ];
  let differ = 0;
  notes.push('canonical JSON, case | verdict');
  for (const [name, value] of edges) {
    const verdict = jcsVerdict(value);
    if (verdict !== 'same bytes') differ++;
    notes.push(`  ${name} | ${verdict}`);
  }
  figure('canonical_json_edge_cases', edges.length, 'cases');
  figure('canonical_json_edge_cases_differ', differ, 'cases');
}

// ---- CSV writing -------------------------------------------------------------------------------

async function csvSection(): Promise<void> {
  const header = ['id', 'kategori', 'aturan', 'akun', 'teks', 'skor', 'diamati'];
  const rows: CsvValue[][] = Array.from({ length: Math.round(20_000 * scale) }, (_, index) => [
    `fnd-${index}`,
    pick(['netralitas_asn', 'kampanye_di_luar_jadwal', 'politik_uang']),
    `R-${index % 40}`,
    `@akun_${index % 900}`,
    random() < 0.1 ? `=HYPERLINK("http://contoh.id/${index}","klik")` : sentence(25) + (random() < 0.2 ? '\n"kutipan", lanjut' : ''),
    Math.round(random() * 1000) / 1000,
    '2024-10-03T01:02:03Z',
  ]);
  const library = (): string => stringify([header, ...rows], { record_delimiter: '\r\n', escape_formulas: true });
  const ours = toCsv(header, rows);
  const timed = await duel(7, () => toCsv(header, rows), library);
  figure('csv_write_ours_mb_per_s', ours.length / 1e3 / timed.ours, 'MB/s');
  figure('csv_write_csv_stringify_mb_per_s', ours.length / 1e3 / timed.theirs, 'MB/s');
  figure('csv_write_ours_speed_x_csv_stringify', timed.theirs / timed.ours, 'x (>1: ours faster)');
  figure('csv_write_same_bytes', Number(ours === library()), 'bool');
  // Read back as a spreadsheet does (any unquoted CR or LF ends a row): a post with a line break must stay one row.
  const readBack = (text: string): number => (parse(text, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true }) as unknown[]).length;
  figure('csv_rows_written', rows.length + 1, 'rows');
  figure('csv_rows_read_back_ours', readBack(ours), 'rows');
  figure('csv_rows_read_back_csv_stringify', readBack(library()), "rows (record_delimiter '\\r\\n': a bare LF is left unquoted)");

  const starts = ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '\uff1d1+1', '\uff0b1', '\uff0d1', '\uff20SUM(A1)', ' =1+1', '\n=1+1'];
  let oursDefused = 0;
  let libraryDefused = 0;
  const missed: string[] = [];
  for (const start of starts) {
    const mine = toCsv(['x'], [[start]]).split('\r\n')[1]!.replace(/^"/, '').startsWith("'");
    const theirs = stringify([[start]], { escape_formulas: true }).replace(/^"/, '').startsWith("'");
    oursDefused += Number(mine);
    libraryDefused += Number(theirs);
    if (mine !== theirs) missed.push(`${JSON.stringify(start)} ours ${mine ? 'defuses' : 'leaves'}, csv-stringify ${theirs ? 'defuses' : 'leaves'}`);
  }
  figure('csv_formula_starts_tried', starts.length, 'cells');
  figure('csv_formula_defused_ours', oursDefused, 'cells');
  figure('csv_formula_defused_csv_stringify', libraryDefused, 'cells (escape_formulas: true)');
  notes.push(`CSV formula guard, where the two differ: ${missed.join('; ') || 'nowhere'}`);
}

await zipSection();
await wordDiffSection();
await canonicalSection();
await csvSection();
reportBench('own-code', figures, [`scale ${scale}; each pair timed in this one process, rounds interleaved (median)`, ...notes], calibration);
