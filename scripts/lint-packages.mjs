// `pnpm lint:packages`: pack every publishable package as npm would receive it, then run publint
// and @arethetypeswrong/cli on the tarball. Any problem fails the run. Needs `pnpm build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const packagesDir = path.join(root, 'packages');
const out = mkdtempSync(path.join(tmpdir(), 'sipansos-pack-'));
let failures = 0;
try {
  for (const dir of readdirSync(packagesDir).sort()) {
    const pkgDir = path.join(packagesDir, dir);
    const manifest = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    const before = new Set(readdirSync(out));
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: pkgDir, stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(out).find((file) => !before.has(file) && file.endsWith('.tgz'));
    if (!tarball) throw new Error(`pnpm pack produced no tarball for ${manifest.name}`);
    const file = path.join(out, tarball);
    for (const [tool, args] of [
      ['publint', ['run', file, '--strict']],
      ['attw', [file, '--format', 'ascii', '--profile', 'node16']],
    ]) {
      try {
        const text = execFileSync(bin(tool), args, { cwd: pkgDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        // publint exits 0 on suggestions; with --strict warnings fail, and we fail on any listed problem.
        if (tool === 'publint' && /\b(Errors|Warnings|Suggestions):/i.test(text)) throw Object.assign(new Error('problems'), { stdout: text });
        process.stdout.write(`ok   ${tool.padEnd(7)} ${manifest.name}\n`);
      } catch (error) {
        failures++;
        process.stdout.write(`FAIL ${tool.padEnd(7)} ${manifest.name}\n${error.stdout ?? ''}${error.stderr ?? error.message}\n`);
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (failures > 0) {
  process.stdout.write(`${failures} package check(s) failed\n`);
  process.exitCode = 1;
}
