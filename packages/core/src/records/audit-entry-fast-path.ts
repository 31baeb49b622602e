import { InstantSchema } from '../capture/item-schema.js';
import { canonicalJson, quoteString } from '../hashing/canonical-json.js';
import type { AuditEntry } from './audit-entry-schema.js';

// The instant pattern zod itself tests `at` against; without one (another zod) there is no fast path.
const instantDef = (InstantSchema as unknown as { _zod: { def: { pattern?: unknown; checks?: unknown[] } } })._zod.def;
const INSTANT_PATTERN = instantDef.pattern instanceof RegExp && (instantDef.checks ?? []).length === 0 ? instantDef.pattern : undefined;

/**
 * `AuditEntrySchema.parse(value)` for the plain shape nearly every audit entry has, without
 * zod's per-member bookkeeping: a plain object whose `id`, `at`, `actor` and `action` pass
 * their checks, an optional plain `{ kind, id }` target, and plain `details` with string keys.
 * The result is built as zod builds it (same members, same order, unknown members dropped,
 * fresh objects). Anything else answers `undefined`, and the caller asks zod, so what is
 * refused and every error message stay zod's.
 */
export function parsePlainAuditEntry(value: unknown): AuditEntry | undefined {
  if (INSTANT_PATTERN === undefined || !isPlain(value)) return undefined;
  const { id, at, actor, action } = value;
  // Lengths in UTF-16 units within the bounds are within them in code points too (what zod counts).
  if (typeof id !== 'string' || id.length < 1 || id.length > 200) return undefined;
  if (typeof actor !== 'string' || actor.length < 1 || actor.length > 200) return undefined;
  if (typeof action !== 'string' || action.length < 1 || action.length > 100) return undefined;
  if (typeof at !== 'string') return undefined;
  INSTANT_PATTERN.lastIndex = 0;
  if (!INSTANT_PATTERN.test(at)) return undefined;
  let target: { kind: string; id: string } | undefined;
  if ('target' in value) {
    const given = value.target;
    if (!isPlain(given) || typeof given.kind !== 'string' || typeof given.id !== 'string') return undefined;
    target = { kind: given.kind, id: given.id };
  }
  const details = plainDetails(value.details);
  if (details === undefined) return undefined;
  return target === undefined ? { id, at, actor, action, details } : { id, at, actor, action, target, details };
}

/**
 * The canonical JSON of an entry {@link parsePlainAuditEntry} built, with its members written in
 * RFC 8785 order directly (they are strings and, for `target`, a `{ id, kind }` of strings); only
 * `details` goes through the general serialiser. `undefined` when `details` has no canonical form
 * or `toJSON` was added to every object: the general path then answers, or says where it fails.
 */
export function plainAuditEntryCanonical(entry: AuditEntry): string | undefined {
  if ((Object.prototype as { toJSON?: unknown }).toJSON !== undefined) return undefined;
  const details = canonicalJson(entry.details);
  if (details.isErr()) return undefined;
  const target = entry.target === undefined ? '' : `,"target":{"id":${quoteString(entry.target.id)},"kind":${quoteString(entry.target.kind)}}`;
  return `{"action":${quoteString(entry.action)},"actor":${quoteString(entry.actor)},"at":${quoteString(entry.at)},"details":${details.value},"id":${quoteString(entry.id)}${target}}`;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * A copy of `details` as `z.record(z.string(), z.unknown())` makes it: own enumerable string
 * keys in order (zod skips hidden ones too). `undefined` for anything zod treats specially: a
 * symbol key (refused), `__proto__`, an own `constructor` (zod's plain-object test reads it),
 * another prototype, a missing value.
 */
function plainDetails(value: unknown): Record<string, unknown> | undefined {
  if (!isPlain(value) || Object.hasOwn(value, 'constructor') || Object.getOwnPropertySymbols(value).length > 0) return undefined;
  const keys = Object.keys(value);
  // Decided before any member value is read: a getter must not run twice when zod takes over.
  for (let index = 0; index < keys.length; index++) {
    if (keys[index] === '__proto__') return undefined;
  }
  const out: Record<string, unknown> = {};
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    out[key] = value[key];
  }
  return out;
}
