import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON fast pass', () => {
  it('gives the same bytes for a value nested deeper than the fast pass goes', () => {
    let deep: unknown = { leaf: [1, 'dua'] };
    for (let level = 0; level < 300; level++) deep = { [`k${level % 3}`]: deep, z: level };
    const text = canonicalJson(deep)._unsafeUnwrap();
    expect(JSON.parse(text)).toEqual(deep);
    expect(text.startsWith('{"k2":{"k1":')).toBe(true);
  });

  it('still names where a value fails, after the fast pass gave up', () => {
    expect(canonicalJson({ a: { b: [1, Number.POSITIVE_INFINITY] } })._unsafeUnwrapErr()).toMatchObject({ path: '/a/b/1' });
  });
});
