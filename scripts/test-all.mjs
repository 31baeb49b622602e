// `pnpm test:all`: typecheck, build, package lint, then every test. Each stage runs even when an
// earlier one failed (the package lint needs the build), so one run shows every problem.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
// Use the same pnpm that runs this script (npx pnpm@10 puts it on PATH, or npm_execpath names it).
const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['pnpm'];

const stages = [
  ['typecheck', [bin('tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['build', [...pnpm, '-r', '--filter', './packages/*', 'build']],
  ['lint:packages', [process.execPath, 'scripts/lint-packages.mjs'], 'build'],
  ['test', [bin('vitest'), 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.vitest-results.json']],
];
const failed = new Set();
for (const [name, [command, ...args], needs] of stages) {
  if (needs && failed.has(needs)) {
    process.stdout.write(`\n== ${name}: not run, ${needs} failed ==\n`);
    failed.add(name);
    continue;
  }
  process.stdout.write(`\n== ${name} ==\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed.add(name);
}
process.stdout.write(`\n== test:all: ${failed.size === 0 ? 'every stage passed' : `failed: ${[...failed].join(', ')}`} ==\n`);
process.exitCode = failed.size === 0 ? 0 : 1;
