// The built package, loaded the way a user's Node loads it (no "sipansos-source" condition),
// must export what the sources export and behave the same. A bundler with `sideEffects: false`
// once dropped modules that registered JSON Schemas on import; this compares every entry point.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const packageDir = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { 'sipansos-source'?: string; import?: { default: string }; require?: { default: string } }>;
};
const entries = Object.entries(manifest.exports).flatMap(([subpath, target]) =>
  typeof target === 'object' && target['sipansos-source'] && target.import && target.require
    ? [{ subpath, source: target['sipansos-source'], esm: target.import.default, cjs: target.require.default }]
    : [],
);
const requireFromHere = createRequire(import.meta.url);

function distFile(relative: string): string {
  const file = path.join(packageDir, relative);
  if (!existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), file)} is missing: run \`pnpm build\` first (\`pnpm test:all\` builds before testing).`);
  }
  return file;
}

type Module = Record<string, unknown>;
const isZod = (value: unknown): value is z.ZodType => typeof value === 'object' && value !== null && '_zod' in value;

/** A comparable picture of an export: data as data, functions by name and arity, zod schemas as JSON Schema. */
function shape(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'function') return `[function ${value.name}/${value.length}]`;
  if (isZod(value)) {
    try {
      return { zod: z.toJSONSchema(value, { io: 'input', unrepresentable: 'any' }) };
    } catch (error) {
      return { zod: `unrepresentable: ${(error as Error).message}` };
    }
  }
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [shape(k, seen), shape(v, seen)]) };
  if (value instanceof Set) return { set: [...value].map((v) => shape(v, seen)) };
  if (value instanceof RegExp || value instanceof Date) return String(value);
  if (Array.isArray(value)) return value.map((v) => shape(v, seen));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v, seen)]));
}

it('package.json names at least the main entry point', () => {
  expect(entries.map((entry) => entry.subpath)).toContain('.');
});

describe.each(entries)('built entry $subpath', ({ source, esm, cjs }) => {
  it('exports the same names as the source, as ESM and as CJS', async () => {
    const fromSource = (await import(pathToFileURL(path.join(packageDir, source)).href)) as Module;
    const fromEsm = (await import(pathToFileURL(distFile(esm)).href)) as Module;
    const fromCjs = requireFromHere(distFile(cjs)) as Module;
    const names = Object.keys(fromSource).sort();
    const hint = 'dist differs from src: rebuild with `pnpm build`; if it persists, the bundle drops or adds exports';
    expect(Object.keys(fromEsm).sort(), hint).toEqual(names);
    expect(Object.keys(fromCjs).filter((name) => name !== 'default' && name !== '__esModule').sort(), hint).toEqual(names);
    for (const name of names) {
      expect(typeof fromEsm[name], `${name} (ESM)`).toBe(typeof fromSource[name]);
      expect(typeof fromCjs[name], `${name} (CJS)`).toBe(typeof fromSource[name]);
    }
  });

  it('holds the same data, tables and schemas as the source', async () => {
    const fromSource = (await import(pathToFileURL(path.join(packageDir, source)).href)) as Module;
    const fromEsm = (await import(pathToFileURL(distFile(esm)).href)) as Module;
    for (const name of Object.keys(fromSource)) {
      expect(shape(fromEsm[name]), name).toEqual(shape(fromSource[name]));
    }
  });
});

it('renders every published JSON Schema from the built package, as in the source', async () => {
  const main = entries.find((entry) => entry.subpath === '.')!;
  const fromSource = (await import(pathToFileURL(path.join(packageDir, main.source)).href)) as { renderJsonSchemas(): Map<string, string> };
  const fromEsm = (await import(pathToFileURL(distFile(main.esm)).href)) as typeof fromSource;
  const fromCjs = requireFromHere(distFile(main.cjs)) as typeof fromSource;
  const expected = fromSource.renderJsonSchemas();
  // One renderer per file under schemas/ (their content is checked by json-schemas.test.ts).
  expect(expected.size).toBe(readdirSync(path.join(packageDir, 'schemas')).filter((file) => file.endsWith('.schema.json')).length);
  expect(fromEsm.renderJsonSchemas()).toEqual(expected);
  expect(fromCjs.renderJsonSchemas()).toEqual(expected);
});
