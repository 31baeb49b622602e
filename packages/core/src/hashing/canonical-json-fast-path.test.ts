import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, isPlainJsonText, quoteString } from './canonical-json.js';

/** RFC 8785 written plainly, as a reference for the fast pass's byte-for-byte output. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return Object.is(value, -0) ? '0' : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${reference(record[key])}`);
  return `{${members.join(',')}}`;
}

// Every UTF-16 code unit, lone surrogates, quotes, backslashes and control characters included.
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const escapeHeavyText = fc.string({ unit: fc.constantFrom('"', '\\', '\u0000', '\n', '\u001f', '\u007f', '\u2028', '\ud800', '\udc00', 'a', 'é'), maxLength: 12 });
const text = fc.oneof(anyText, escapeHeavyText);
const jsonLike = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), text, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(text, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 6 }),
})).value;

describe('canonical JSON fast pass', () => {
  it('gives the same bytes as RFC 8785 written plainly, for any text, keys and numbers', () => {
    fc.assert(
      fc.property(jsonLike, (value) => {
        expect(canonicalJson(value)._unsafeUnwrap()).toBe(reference(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('orders members by UTF-16 code units for small and large objects alike', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(text, fc.constantFrom('1', '10', '9', 'a', 'B', '\u{1f600}', '\uff21', '')), fc.integer(), { maxKeys: 60 }), (value) => {
        expect(canonicalJson(value)._unsafeUnwrap()).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it('writes text that needs no escape as JSON.stringify does, and escapes what it must', () => {
    expect(canonicalJson({ note: 'catatan biasa', 'kunci "aneh"': 'a\\b\u0000\ud800\u2028' })._unsafeUnwrap()).toBe(
      '{"kunci \\"aneh\\"":"a\\\\b\\u0000\\ud800\u2028","note":"catatan biasa"}',
    );
  });

  it('a string counts as plain exactly when JSON.stringify writes it unchanged (surrogates aside, always escaped)', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.constantFrom('', 'x\n', '\nx', 'a\u2028b', 'end\u001f', '\u0000')), (value) => {
        const unchanged = JSON.stringify(value) === `"${value}"`;
        expect(isPlainJsonText(value)).toBe(unchanged && !/[\ud800-\udfff]/.test(value));
        expect(quoteString(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 2000 },
    );
  });

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
