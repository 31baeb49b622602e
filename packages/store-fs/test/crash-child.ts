/**
 * Child process of the crash test: appends with many concurrent appenders (so group commit
 * batches them) and reports every acknowledged write on stdout, until it is killed.
 * Lines: `ready`, `ack <kind> <id> <seq> <entryHash>`, `blob <sha256>`.
 * stdout is a pipe, which Node writes synchronously on Linux: once the parent has read a
 * line, the acknowledgement really happened before the kill.
 */
import { createFsStore } from '../src/index.js';
import { fixtureAudit, fixtureCapture } from '../../testkit/src/store-conformance/store-fixtures.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-child <dir>');
const appenders = Number(process.argv[3] ?? 32);
// Ids unique per run: a later trial may append to the same store.
const run = process.pid.toString(36);
const store = createFsStore({ dir });
const opened = await store.open();
if (opened.isErr()) {
  process.stdout.write(`error ${JSON.stringify(opened.error)}\n`);
  process.exit(2);
}
process.stdout.write('ready\n');

async function appender(worker: number): Promise<void> {
  for (let n = 0; ; n++) {
    if (n % 10 === 9) {
      const blob = await store.putBlob(new TextEncoder().encode(`badan ${worker}-${n}-${Math.random()}`));
      if (blob.isErr()) throw new Error(JSON.stringify(blob.error));
      process.stdout.write(`blob ${blob.value.sha256}\n`);
      const [capture] = (await store.append('capture', [fixtureCapture({ id: `C-${run}-${worker}-${n}`, rawBlobs: [blob.value.sha256], minute: n })]))._unsafeUnwrap();
      process.stdout.write(`ack capture ${capture!.id} ${capture!.seq} ${capture!.entryHash}\n`);
      continue;
    }
    const records = n % 3 === 0 ? [fixtureAudit({ id: `A-${run}-${worker}-${n}-a`, note: 'x'.repeat(200) }), fixtureAudit({ id: `A-${run}-${worker}-${n}-b` })] : [fixtureAudit({ id: `A-${run}-${worker}-${n}`, note: 'x'.repeat(n % 500) })];
    const result = await store.append('audit', records);
    if (result.isErr()) throw new Error(JSON.stringify(result.error));
    for (const entry of result.value) process.stdout.write(`ack audit ${entry.id} ${entry.seq} ${entry.entryHash}\n`);
  }
}

await Promise.all(Array.from({ length: appenders }, (_, worker) => appender(worker)));
