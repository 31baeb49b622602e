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

/**
 * What every tarball must hold and must not: README and LICENSE, the metadata npm shows, and no
 * trace of the workspace-only "sipansos-source" condition or of the sources it points at.
 */
function checkContents(tarball, manifest) {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  const packed = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
  const packedManifest = JSON.parse(packed);
  const problems = [];
  for (const required of ['README.md', 'LICENSE', 'package.json']) if (!files.includes(required)) problems.push(`${required} is not in the tarball`);
  for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'license']) if (!packedManifest[field]) problems.push(`package.json has no "${field}"`);
  if (packed.includes('sipansos-source')) problems.push('the packed package.json still names the "sipansos-source" condition (override "exports" in publishConfig)');
  if (files.some((f) => f.startsWith('src/'))) problems.push('src/ is published; list only dist (and data) in "files"');
  if (manifest.name === '@sipansos/core' && !files.some((f) => f.startsWith('schemas/') && f.endsWith('.schema.json'))) problems.push('schemas/*.schema.json are not in the tarball');
  return problems;
}
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
    const contentProblems = checkContents(file, manifest);
    if (contentProblems.length > 0) {
      failures++;
      process.stdout.write(`FAIL contents ${manifest.name}\n${contentProblems.map((p) => `  - ${p}\n`).join('')}`);
    } else {
      process.stdout.write(`ok   contents ${manifest.name}\n`);
    }
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
