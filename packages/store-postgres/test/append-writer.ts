// A writer process for the multi-process tests: appends audit entries to one office and prints
// "> <id>" before each append and one line per acknowledged entry ("<seq> <id> <entryHash>"), so the parent knows exactly what
// was acknowledged before it killed this process.
//   node --conditions=sipansos-source --import tsx append-writer.ts URL OFFICE NAME COUNT
// COUNT 0 appends until killed.
import { createPostgresStore } from '../src/index.js';

const [url, office, name, countText] = process.argv.slice(2);
const count = Number(countText);
const store = createPostgresStore({ url: url!, office: office!, poolSize: 2 });
const opened = await store.open();
if (opened.isErr()) {
  process.stderr.write(`${opened.error.message}\n`);
  process.exit(3);
}
for (let index = 1; count === 0 || index <= count; index++) {
  const at = new Date(Date.UTC(2024, 10, 20, 1, 0, 0) + index * 1000).toISOString();
  // Every third append is a batch of two, so batches interleave with single entries.
  const ids = index % 3 === 0 ? [`${name}-${index}-a`, `${name}-${index}-b`] : [`${name}-${index}`];
  // "> <first id>": an append is in flight (the parent kills the process between this line and its acknowledgement).
  process.stdout.write(`> ${ids[0]}\n`);
  const result = await store.append('audit', ids.map((id) => ({ id, at, actor: `penulis-${name}`, action: 'uji.tulis', details: { index } })));
  if (result.isErr()) {
    process.stderr.write(`${JSON.stringify(result.error)}\n`);
    process.exit(1);
  }
  process.stdout.write(result.value.map((entry) => `${entry.seq} ${entry.id} ${entry.entryHash}\n`).join(''));
}
await store.close();
