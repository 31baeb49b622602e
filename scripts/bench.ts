/**
 * `pnpm bench [name...]`: runs `packages/<pkg>/bench/<name>.bench.ts` (all of them when no name
 * is given), each in its own Node process so one benchmark's heap does not skew the next.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const found = new Map<string, string>();
for (const pkg of readdirSync(path.join(root, 'packages'))) {
  const dir = path.join(root, 'packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir)) {
    const match = /^(.+)\.bench\.ts$/.exec(file);
    if (match) found.set(match[1]!, path.join(dir, file));
  }
}
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = wanted.length > 0 ? wanted : [...found.keys()].sort();
let failed = 0;
for (const name of names) {
  const file = found.get(name);
  if (!file) {
    process.stderr.write(`no benchmark "${name}"; known: ${[...found.keys()].sort().join(', ') || '(none)'}\n`);
    failed++;
    continue;
  }
  const result = spawnSync(process.execPath, ['--expose-gc', '--conditions=sipansos-source', '--import', 'tsx', file], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
