import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonOrThrow } from './canonical-json.js';
import { hashRecord, sha256Hex } from './sha256.js';

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((element, index) => shuffleKeys(element, seed + index));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    // Deterministic permutation driven by the seed.
    const permuted = entries
      .map((entry, index) => ({ entry, order: (index * 7919 + seed * 104729) % (entries.length + 13) }))
      .sort((a, b) => a.order - b.order)
      .map(({ entry }) => entry);
    return Object.fromEntries(permuted.map(([key, member]) => [key, shuffleKeys(member, seed + 1)]));
  }
  return value;
}

const jsonValue = fc.jsonValue({ noUnicodeString: false });

describe('canonical JSON (RFC 8785)', () => {
  it('matches the RFC 8785 examples for numbers and key order', () => {
    expect(canonicalJsonOrThrow({ b: 1, a: [1e21, 1e-7, -0, 0.1 + 0.2], '\u20ac': 'x', '\r': 'y', '1': 'z' })).toBe(
      '{"\\r":"y","1":"z","a":[1e+21,1e-7,0,0.30000000000000004],"b":1,"€":"x"}',
    );
    expect(canonicalJsonOrThrow({ peach: 1, péché: 2, pêche: 3, sin: 4 })).toBe('{"peach":1,"péché":2,"pêche":3,"sin":4}');
  });

  it('sorts keys by UTF-16 code units, not code points', () => {
    // U+1F600 (surrogates D83D DE00) sorts before U+FF21 in UTF-16 order.
    expect(canonicalJsonOrThrow({ '\uff21': 1, '\u{1f600}': 2 })).toBe('{"\u{1f600}":2,"\uff21":1}');
  });

  it('a record hash does not depend on key order', () => {
    fc.assert(
      fc.property(jsonValue, fc.integer({ min: 0, max: 1000 }), (value, seed) => {
        expect(hashRecord(shuffleKeys(value, seed))).toBe(hashRecord(value));
      }),
      { numRuns: 500 },
    );
  });

  it('is stable across a JSON round trip', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const once = canonicalJsonOrThrow(value);
        const again = canonicalJsonOrThrow(JSON.parse(once));
        expect(again).toBe(once);
        expect(JSON.parse(once)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects values with no JSON form, naming where they are', () => {
    const result = canonicalJson({ a: [1, Number.NaN] });
    expect(result.isErr() && result.error).toMatchObject({ type: 'not_canonicalizable', path: '/a/1' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(canonicalJson(cyclic).isErr()).toBe(true);
    expect(canonicalJson({ big: 1n }).isErr()).toBe(true);
  });

  it('refuses a value whose JSON would not fit in one string, with a typed error', () => {
    // Six members sharing one 100-million-character text: ~600 M characters of JSON, past V8's
    // string limit, without the test holding more than the one text.
    const text = 'x'.repeat(100_000_000);
    const result = canonicalJson({ a: text, b: text, c: text, d: text, e: text, f: text });
    expect(result.isErr() && result.error).toMatchObject({ type: 'too_large', path: '' });
    expect(result.isErr() && result.error.message).toMatch(/512 MiB.*nothing was written/);
    expect(() => canonicalJsonOrThrow({ a: [text, text, text, text, text, text] })).toThrow(/longer than a JavaScript string can hold/);
  });

  it('hashes bytes and strings as sha256', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(sha256Hex('abc'));
  });
});
