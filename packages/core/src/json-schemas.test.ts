import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemas } from './json-schemas.js';

const dir = path.resolve(import.meta.dirname, '..', 'schemas');

describe('published JSON Schema files', () => {
  it('match the zod schemas (run `pnpm schemas` after changing a schema)', () => {
    const rendered = renderJsonSchemas();
    const onDisk = readdirSync(dir).filter((file) => file.endsWith('.schema.json'));
    expect(onDisk.sort()).toEqual([...rendered.keys()].map((name) => `${name}.schema.json`).sort());
    for (const [name, text] of rendered) {
      expect(readFileSync(path.join(dir, `${name}.schema.json`), 'utf8'), `${name}.schema.json is stale`).toBe(text);
    }
  });

  it('describe the election context with its required fields', () => {
    const schema = JSON.parse(renderJsonSchemas().get('election-context')!) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'timeZone', 'candidatePairs', 'schedule', 'milestones']));
    expect(Object.keys(schema.properties)).toContain('officialAccountLimitPerPlatform');
  });
});
