import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'tsup';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, NODE_SOURCE_ARGS, ROOT, runProcess } from './bin-process.js';

// The published `sipansos` must not load the testkit (msw, graphql) at run time: build the bin
// the way `pnpm build` does and look at what it bundles and imports.

const CLI = path.join(ROOT, 'packages/cli');
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

describe('the built sipansos bin', () => {
  it('neither bundles nor imports @sipansos/testkit, msw or graphql, and still writes the example office', async () => {
    await mkdir(path.join(CLI, '.sipansos-tmp'), { recursive: true });
    const outDir = await mkdtemp(path.join(CLI, '.sipansos-tmp', 'build-'));
    scratch.push(outDir);
    // As `pnpm build` does: the CLI's own dependencies stay imports, everything else is bundled.
    const manifest = JSON.parse(await readFile(path.join(CLI, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    await build({ entry: { bin: path.join(CLI, 'src/bin.ts') }, format: ['esm'], outDir, target: 'node20', platform: 'node', metafile: true, silent: true, dts: false, config: false, tsconfig: path.join(CLI, 'tsconfig.build.json'), external: [/^@sipansos\//, ...Object.keys(manifest.dependencies)] });
    const metafile = JSON.parse(await readFile(path.join(outDir, 'metafile-esm.json'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, { imports: Array<{ path: string }> }> };
    const loaded = [...Object.keys(metafile.inputs), ...Object.values(metafile.outputs).flatMap((output) => output.imports.map((entry) => entry.path))];
    expect(loaded.some((name) => name.includes('src/bin.ts'))).toBe(true);
    expect(loaded.filter((name) => /testkit|msw|graphql/.test(name))).toEqual([]);
    const bundle = await readFile(path.join(outDir, 'bin.js'), 'utf8');
    // (package.json is bundled for the version, so the name may appear as text, never as an import.)
    expect(bundle).not.toMatch(/(?:from|import)\s*\(?\s*["'](?:@sipansos\/testkit|msw|graphql)/);
    const office = await mkdtemp(path.join(CLI, '.sipansos-tmp', 'office-'));
    scratch.push(office);
    const init = await runProcess(process.execPath, [...NODE_SOURCE_ARGS, path.join(outDir, 'bin.js'), 'init', 'kantor', '--example', '--json'], { cwd: office, env: cleanEnv() });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect((await readdir(path.join(office, 'kantor'))).sort()).toEqual(['election.json', 'keys', 'sipansos.config.json', 'subjects.json']);
    expect(JSON.parse(await readFile(path.join(office, 'kantor', 'subjects.json'), 'utf8')).length).toBeGreaterThan(0);
  }, 120_000);

  it('does not list @sipansos/testkit among its run-time dependencies', async () => {
    const manifest = JSON.parse(await readFile(path.join(CLI, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies?: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).not.toContain('@sipansos/testkit');
    expect(Object.keys(manifest.devDependencies ?? {})).toContain('@sipansos/testkit');
  });
});
