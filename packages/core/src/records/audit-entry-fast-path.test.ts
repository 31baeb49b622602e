import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../hashing/canonical-json.js';
import { parsePlainAuditEntry, plainAuditEntryCanonical } from './audit-entry-fast-path.js';
import { AuditEntrySchema } from './audit-entry-schema.js';

/** Own keys in order, all the way down, with prototypes: what `toEqual` does not compare. */
function layout(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return { proto: Object.getPrototypeOf(value) === Object.prototype ? 'Object' : String((Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name), members: Reflect.ownKeys(value).map((key) => [String(key), layout((value as Record<PropertyKey, unknown>)[key])]) };
}

function plain(index: number) {
  return {
    id: `A-${index}`,
    at: '2024-11-20T01:00:00.000Z',
    actor: 'petugas-contoh',
    action: 'capture.stored',
    target: { kind: 'capture', id: `C-${index}` },
    details: { note: `catatan ${index}`, account: 'x:@andi_contoh', items: index },
  };
}

const text = fc.oneof(fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('', 'x'.repeat(100), 'x'.repeat(101), 'y'.repeat(200), 'y'.repeat(201), '😀'.repeat(150), '__proto__', 'constructor'));
const instant = fc.oneof(fc.constantFrom('2024-11-20T01:00:00.000Z', '2024-11-20T08:00:00+07:00', '2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '2024-11-20T08:00:00', '2024-11-20 08:00:00Z', ''), text);
const anyValue = fc.oneof(text, fc.integer(), fc.constant(undefined), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.constantFrom(Number.NaN, -0, 1e21, new Date(0), { b: 1, a: [2] }));
const detailsKey = fc.oneof(text, fc.constantFrom('0', '10', '-1', '01', 'a', 'b', '__proto__', 'constructor'));

/** Details of every kind zod's `z.record` treats differently. */
const details = fc.oneof(
  fc.dictionary(detailsKey, anyValue, { maxKeys: 5 }),
  fc.constant(JSON.parse('{"a":1,"__proto__":{"polluted":true}}') as unknown),
  fc.constant({ a: 1, [Symbol('s')]: 2 }),
  fc.constant(Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false })),
  fc.constant(Object.defineProperty({ a: 1 }, 'constructor', { value: () => undefined, enumerable: false })),
  fc.constant(Object.defineProperty({ a: 1 }, 'constructor', { value: 'x', enumerable: false })),
  fc.constant(Object.assign(Object.create(null) as object, { a: 1 })),
  fc.constant(Object.assign(Object.create({ inherited: 1 }) as object, { a: 1 })),
  fc.constant({ constructor: () => undefined, a: 1 }),
  fc.constant(new Map([['a', 1]])),
  fc.constant([1, 2]),
  anyValue,
);

const target = fc.oneof(fc.record({ kind: text, id: text }), fc.record({ kind: anyValue, id: anyValue }, { requiredKeys: [] }), fc.record({ kind: text, id: text, extra: anyValue }), anyValue);

/** Mostly sound values, sometimes odd ones: both sides of every check get reached. */
const mostly = <T, U>(good: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: odd });
const name = fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), fc.constantFrom('"kutip"', 'a\\b', 'baris\nbaru', '\ud800', '🗳️'));

const entry = fc.record(
  {
    id: mostly(name, fc.oneof(text, anyValue)),
    at: mostly(fc.constantFrom('2024-11-20T01:00:00.000Z', '2024-11-20T08:00:00+07:00'), fc.oneof(instant, anyValue)),
    actor: mostly(name, fc.oneof(text, anyValue)),
    action: mostly(name, fc.oneof(text, anyValue)),
    target: mostly(fc.record({ kind: name, id: name }), target),
    details: mostly(fc.dictionary(fc.oneof(name, detailsKey), anyValue, { maxKeys: 5 }), details),
    extra: anyValue,
  },
  { requiredKeys: ['id', 'at', 'actor', 'action'] },
).chain((value) => fc.constantFrom(value, { ...value, id: undefined }, Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'actor'))));

describe('audit entries checked without zod', () => {
  it('a plain audit entry takes the fast path', () => {
    expect(parsePlainAuditEntry(plain(1))).toBeDefined();
  });

  it('whatever the fast path accepts, zod accepts with the very same result', () => {
    let taken = 0;
    fc.assert(
      fc.property(entry, (value) => {
        const fast = parsePlainAuditEntry(value);
        if (fast === undefined) return;
        taken++;
        const parsed = AuditEntrySchema.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(layout(fast)).toEqual(layout(parsed.data));
        // Written directly, the canonical JSON is the general serialiser's, byte for byte.
        const canonical = canonicalJson(fast);
        expect(plainAuditEntryCanonical(fast)).toBe(canonical.isOk() ? canonical.value : undefined);
        // Fresh objects, as zod makes them: changing the input later does not change the record.
        expect(fast.details).not.toBe((value as { details?: unknown }).details);
        if (fast.target) expect(fast.target).not.toBe((value as { target?: unknown }).target);
      }),
      { numRuns: 3000 },
    );
    // The generator reaches the fast path often enough for the comparison to mean something.
    expect(taken).toBeGreaterThan(30);
  });

  it('shapes zod treats specially are left to zod', () => {
    const base = plain(2);
    const declined: unknown[] = [
      { ...base, details: undefined },
      { ...base, target: undefined },
      { ...base, details: JSON.parse('{"a":1,"__proto__":{"polluted":true}}') },
      { ...base, details: { a: 1, [Symbol('s')]: 2 } },
      { ...base, details: { constructor: 'x' } },
      { ...base, details: Object.defineProperty({ a: 1 }, 'constructor', { value: () => undefined, enumerable: false }) },
      { ...base, details: Object.assign(Object.create(null) as object, { a: 1 }) },
      { ...base, id: '😀'.repeat(150) },
      Object.assign(Object.create(null) as object, base),
    ];
    for (const value of declined) expect(parsePlainAuditEntry(value)).toBeUndefined();
  });

  it('unknown members are dropped and a JSON __proto__ member at the top does not leak through', () => {
    const value = JSON.parse(JSON.stringify({ ...plain(3), extra: 1 }).replace('"extra"', '"__proto__"')) as unknown;
    const fast = parsePlainAuditEntry(value);
    expect(fast).toBeDefined();
    expect(layout(fast)).toEqual(layout(AuditEntrySchema.parse(value)));
    expect(Object.keys(fast!)).toEqual(['id', 'at', 'actor', 'action', 'target', 'details']);
    // Hidden members of details are skipped, as zod skips them.
    const hidden = { ...plain(4), details: Object.defineProperty({ b: 1, a: 2 }, 'tersembunyi', { value: 3, enumerable: false }) };
    expect(layout(parsePlainAuditEntry(hidden))).toEqual(layout(AuditEntrySchema.parse(hidden)));
  });
});
