/**
 * Canonical JSON per RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16 code
 * units, no insignificant white space, numbers in ECMAScript shortest form, strings escaped as
 * `JSON.stringify` does. Every record hash in SIPANSOS is the sha256 of this form, so two
 * implementations (or a `jq`-using auditor) agree on the bytes.
 *
 * One departure, kept because stored hashes depend on it: a lone surrogate (half an emoji, as a
 * platform may cut a post) is written as a `\udXXX` escape, where RFC 8785 wants an error. For
 * everything else both write, the bytes equal the `canonicalize` package's (`pnpm bench
 * own-code`); ours refuses `undefined` in arrays and binary data, which that package writes.
 */
import { err, ok, type Result } from 'neverthrow';

/**
 * Why a value could not be canonicalised: a member with no JSON form (`not_canonicalizable`),
 * or a value whose JSON is longer than a JavaScript string can hold (`too_large`).
 */
export interface CanonicalJsonError {
  type: 'not_canonicalizable' | 'too_large';
  /** JSON-pointer-like path of the offending value, e.g. `/items/3/metrics` (`''` for the whole value). */
  path: string;
  message: string;
}

/**
 * Serialise a JSON-compatible value canonically.
 *
 * `undefined` object members are omitted (as `JSON.stringify` does); `undefined` inside arrays,
 * non-finite numbers, bigints, functions, symbols and cyclic structures are rejected, because
 * they have no single JSON form.
 */
export function canonicalJson(value: unknown): Result<string, CanonicalJsonError> {
  try {
    // Records are hashed on every store append: the fast pass tracks no paths; only a value
    // that fails is serialised again, slowly, to say where.
    const fast = serialiseFast(value, 0);
    if (fast !== undefined) return ok(fast);
    return ok(serialise(value, '', new Set()));
  } catch (error) {
    if (isCanonicalError(error)) return err(error);
    if (isStringLengthError(error)) return err({ type: 'too_large', path: '', message: TOO_LARGE });
    throw error;
  }
}

// V8 caps a string at 2^29 - 24 UTF-16 units (~512 MiB of JSON); JSON.parse could not read a
// longer record back either, so it is refused before anything is written.
const TOO_LARGE = 'its JSON is longer than a JavaScript string can hold (about 512 MiB), so it could neither be hashed nor read back; nothing was written';

function isStringLengthError(error: unknown): boolean {
  return error instanceof RangeError && /invalid string length/i.test(error.message);
}

/**
 * Like {@link canonicalJson} but throws on values that have no canonical form. For records
 * that already passed a zod schema, where such a value is a programming error.
 */
export function canonicalJsonOrThrow(value: unknown): string {
  const result = canonicalJson(value);
  if (result.isErr()) throw new Error(`${result.error.message} at ${result.error.path || '/'}`);
  return result.value;
}

function isCanonicalError(error: unknown): error is CanonicalJsonError {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  return type === 'not_canonicalizable' || type === 'too_large';
}

function fail(path: string, message: string): never {
  const error: CanonicalJsonError = { type: 'not_canonicalizable', path, message };
  throw error;
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) fail(path, `number ${String(value)} has no JSON form`);
      // ECMAScript Number::toString is the RFC 8785 number form; -0 serialises as 0.
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      fail(path, `a ${typeof value} has no JSON form`);
  }
  const object = value as object;
  if (ancestors.has(object)) fail(path, 'cyclic structure');
  const toJson = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') {
    return serialise((toJson as () => unknown).call(object), path, ancestors);
  }
  ancestors.add(object);
  let out: string;
  if (Array.isArray(object)) {
    const parts: string[] = [];
    for (let index = 0; index < object.length; index++) {
      const element: unknown = object[index];
      if (element === undefined) fail(`${path}/${index}`, 'undefined inside an array has no JSON form');
      parts.push(serialise(element, `${path}/${index}`, ancestors));
    }
    out = `[${parts.join(',')}]`;
  } else if (ArrayBuffer.isView(object)) {
    fail(path, 'binary data must be stored as a blob and referenced by its hash');
  } else {
    const record = object as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is what RFC 8785 prescribes.
    const keys = Object.keys(record).sort();
    const parts: string[] = [];
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${serialise(member, `${path}/${escapePointer(key)}`, ancestors)}`);
    }
    out = `{${parts.join(',')}}`;
  }
  ancestors.delete(object);
  return out;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * {@link serialise} without path bookkeeping; `undefined` when the value has no canonical form
 * or nests deeper than the limit (cycles included), which the slow pass then explains.
 */
function serialiseFast(value: unknown, depth: number): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) return undefined;
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      return quoteString(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (depth > FAST_DEPTH_LIMIT) return undefined;
  const object = value as object;
  const toJson = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') return serialiseFast((toJson as () => unknown).call(object), depth + 1);
  if (ArrayBuffer.isView(object)) return undefined;
  let out: string;
  if (Array.isArray(object)) {
    out = '[';
    for (let index = 0; index < object.length; index++) {
      const element: unknown = object[index];
      if (element === undefined) return undefined;
      const part = serialiseFast(element, depth + 1);
      if (part === undefined) return undefined;
      out += index === 0 ? part : ',' + part;
    }
    return out + ']';
  }
  const record = object as Record<string, unknown>;
  const keys = Object.keys(record);
  sortKeys(keys);
  out = '{';
  let first = true;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const member = record[key];
    if (member === undefined) continue;
    const part = serialiseFast(member, depth + 1);
    if (part === undefined) return undefined;
    out += memberPrefix(key, first) + part;
    first = false;
  }
  return out + '}';
}

// Deeper than any record SIPANSOS stores; a cycle reaches it quickly and falls to the slow pass.
const FAST_DEPTH_LIMIT = 200;

/**
 * Text with nothing `JSON.stringify` escapes: no `"`, `\`, control character or (as lone
 * surrogates) any surrogate. Paired surrogates fail too and merely take the `JSON.stringify`
 * path. Written as one anchored run, which V8 scans about twice as fast as a search for the
 * first character that needs an escape (the run covers every string a record stores).
 */
const PLAIN_TEXT = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * `JSON.stringify(text)`, without copying a string that needs no escape: most stored text
 * (notes, post bodies) has none, and the result is copied once more when it is hashed anyway.
 */
export function quoteString(text: string): string {
  return PLAIN_TEXT.test(text) ? '"' + text + '"' : JSON.stringify(text);
}

/** True for a string that JSON writes as it is between quotes (hashes, ISO times, kinds). */
export function isPlainJsonText(value: unknown): value is string {
  return typeof value === 'string' && PLAIN_TEXT.test(value);
}

/**
 * Sort member names by UTF-16 code units, as `Array.prototype.sort()` does. Records have a
 * handful of members per object, and V8's sort allocates about a kilobyte of work space per
 * call: an in-place insertion sort is allocation-free where that matters (every append).
 */
function sortKeys(keys: string[]): void {
  if (keys.length > SMALL_SORT_LIMIT) {
    keys.sort();
    return;
  }
  for (let index = 1; index < keys.length; index++) {
    const key = keys[index]!;
    let at = index - 1;
    while (at >= 0 && keys[at]! > key) {
      keys[at + 1] = keys[at]!;
      at--;
    }
    keys[at + 1] = key;
  }
}

const SMALL_SORT_LIMIT = 24;

// Records repeat the same few dozen member names; quoting each once saves work on every append.
const MEMBER_PREFIX_CACHE = new Map<string, readonly [first: string, later: string]>();
const MEMBER_PREFIX_CACHE_LIMIT = 4096;
const MEMBER_PREFIX_CACHED_KEY_LENGTH = 64;

/** `"key":` for an object's first member, `,"key":` for the others. */
function memberPrefix(key: string, first: boolean): string {
  let prefixes = MEMBER_PREFIX_CACHE.get(key);
  if (prefixes === undefined) {
    const quoted = quoteString(key) + ':';
    prefixes = [quoted, ',' + quoted];
    if (key.length <= MEMBER_PREFIX_CACHED_KEY_LENGTH && MEMBER_PREFIX_CACHE.size < MEMBER_PREFIX_CACHE_LIMIT) MEMBER_PREFIX_CACHE.set(key, prefixes);
  }
  return first ? prefixes[0] : prefixes[1];
}
