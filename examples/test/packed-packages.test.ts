import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every published package as a user receives it: `pnpm pack` makes the tarballs, a scratch
// project in the temp dir unpacks them into node_modules (what `npm install <tarball>` does),
// and plain Node imports every documented subpath as ESM and requires it as CJS. Nothing is
// downloaded: third-party dependencies are linked from this workspace's node_modules.
// Needs `pnpm build` first (`pnpm test:all` builds before testing).

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

interface Manifest {
  name: string;
  private?: boolean;
  exports: Record<string, unknown>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
interface Packed {
  dir: string;
  source: Manifest;
  packed: Manifest;
  subpaths: string[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const packageDirs = readdirSync(path.join(ROOT, 'packages'))
  .map((dir) => path.join(ROOT, 'packages', dir))
  .filter((dir) => existsSync(path.join(dir, 'package.json')) && !readJson<Manifest>(path.join(dir, 'package.json')).private);

const scratch = mkdtempSync(path.join(tmpdir(), 'sipansos-packed-'));
const packs: Packed[] = [];

function linkDependency(name: string, from: string): void {
  const target = path.join(scratch, 'node_modules', name);
  if (existsSync(target)) return;
  const found = [path.join(from, 'node_modules', name), path.join(ROOT, 'node_modules', name)].find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`${name} is not installed in the workspace; run \`pnpm install\``);
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync(realpathSync(found), target, 'dir');
}

beforeAll(async () => {
  const missing = packageDirs.filter((dir) => !existsSync(path.join(dir, 'dist')));
  if (missing.length > 0) {
    throw new Error(`no dist/ in ${missing.map((dir) => path.relative(ROOT, dir)).join(', ')}: run \`pnpm build\` first (\`pnpm test:all\` builds before testing)`);
  }
  const tarballs = path.join(scratch, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  writeFileSync(path.join(scratch, 'package.json'), `${JSON.stringify({ name: 'scratch', private: true }, null, 2)}\n`);
  for (const dir of packageDirs) {
    const before = new Set(readdirSync(tarballs));
    await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir, timeout: 120_000 });
    const tarball = readdirSync(tarballs).find((file) => !before.has(file) && file.endsWith('.tgz'));
    if (!tarball) throw new Error(`pnpm pack made no tarball in ${dir}`);
    const source = readJson<Manifest>(path.join(dir, 'package.json'));
    const into = path.join(scratch, 'node_modules', source.name);
    mkdirSync(into, { recursive: true });
    await run('tar', ['-xzf', path.join(tarballs, tarball), '-C', into, '--strip-components=1']);
    const packed = readJson<Manifest>(path.join(into, 'package.json'));
    const subpaths = Object.keys(packed.exports).filter((subpath) => subpath !== './package.json' && !subpath.includes('*'));
    packs.push({ dir, source, packed, subpaths });
  }
  for (const { dir, packed } of packs) {
    for (const name of Object.keys({ ...packed.dependencies, ...packed.peerDependencies })) {
      if (!packs.some((other) => other.packed.name === name)) linkDependency(name, dir);
    }
  }
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a script in the scratch project with plain Node (no source condition) and parses its JSON output. */
async function inScratch(file: string, code: string): Promise<Record<string, string[]>> {
  writeFileSync(path.join(scratch, file), code);
  const { stdout } = await run(process.execPath, [file], { cwd: scratch, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Record<string, string[]>;
}

const specifier = (name: string, subpath: string): string => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`);

describe('packed tarballs', () => {
  it('drop the workspace-only source condition and ship no sources', () => {
    expect(packs.length).toBe(packageDirs.length);
    for (const { packed, source, dir } of packs) {
      expect(JSON.stringify(packed), packed.name).not.toContain('sipansos-source');
      expect(existsSync(path.join(scratch, 'node_modules', packed.name, 'src')), `${packed.name} ships src/`).toBe(false);
      for (const file of ['README.md', 'LICENSE']) expect(existsSync(path.join(scratch, 'node_modules', packed.name, file)), `${packed.name} ${file}`).toBe(true);
      expect(Object.keys(packed.exports).sort(), `${path.relative(ROOT, dir)}: publishConfig.exports must list the same subpaths as exports`).toEqual(Object.keys(source.exports).sort());
    }
  });

  it('export from every subpath, as ESM and as CJS, exactly what the sources export', async () => {
    const all = packs.flatMap(({ packed, subpaths }) => subpaths.map((subpath) => specifier(packed.name, subpath)));
    const esm = await inScratch(
      'imports.mjs',
      `const out = {};\n${all.map((s) => `out[${JSON.stringify(s)}] = Object.keys(await import(${JSON.stringify(s)})).sort();`).join('\n')}\nprocess.stdout.write(JSON.stringify(out));\n`,
    );
    const cjs = await inScratch(
      'requires.cjs',
      `const out = {};\n${all.map((s) => `out[${JSON.stringify(s)}] = Object.keys(require(${JSON.stringify(s)})).filter((k) => k !== '__esModule' && k !== 'default').sort();`).join('\n')}\nprocess.stdout.write(JSON.stringify(out));\n`,
    );
    for (const { dir, source, subpaths } of packs) {
      for (const subpath of subpaths) {
        const target = source.exports[subpath] as { 'sipansos-source': string };
        const fromSource = Object.keys(await import(path.join(dir, target['sipansos-source']))).sort();
        const name = specifier(source.name, subpath);
        expect(fromSource.length, `${name} exports nothing`).toBeGreaterThan(0);
        expect(esm[name], `${name} (ESM)`).toEqual(fromSource);
        expect(cjs[name], `${name} (CJS)`).toEqual(fromSource);
      }
    }
  }, 120_000);

  it("ship core's JSON Schema files, equal to what the packed core renders", async () => {
    const out = await inScratch(
      'schemas.mjs',
      `import { readFileSync } from 'node:fs';\nimport { createRequire } from 'node:module';\nimport { renderJsonSchemas } from '@sipansos/core';\nconst require = createRequire(import.meta.url);\nconst out = {};\nfor (const [name, text] of renderJsonSchemas()) out[name] = [readFileSync(require.resolve('@sipansos/core/schemas/' + name + '.schema.json'), 'utf8') === text ? 'same' : 'differs'];\nprocess.stdout.write(JSON.stringify(out));\n`,
    );
    const onDisk = readdirSync(path.join(ROOT, 'packages/core/schemas')).filter((file) => file.endsWith('.schema.json')).map((file) => file.replace('.schema.json', ''));
    expect(Object.keys(out).sort()).toEqual(onDisk.sort());
    for (const [name, [verdict]] of Object.entries(out)) expect(verdict, name).toBe('same');
  }, 60_000);

  it('run the sipansos command from its packed bin', async () => {
    const cli = packs.find(({ packed }) => packed.bin?.sipansos);
    expect(cli, 'the sipansos package declares a bin').toBeDefined();
    const bin = path.join(scratch, 'node_modules', cli!.packed.name, cli!.packed.bin!.sipansos!);
    const { stdout } = await run(process.execPath, [bin, '--help'], { cwd: scratch, timeout: 60_000 });
    expect(stdout).toMatch(/sipansos/);
    expect(stdout).toMatch(/verify/);
  }, 60_000);
});
