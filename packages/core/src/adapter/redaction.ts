/** What replaces a secret in every string core hands out. */
export const REDACTED = '[redacted]';

/**
 * The rules that may redact a raw body, named in the capture that records the redaction.
 * - `secret-value`: a configured secret (token, app secret, `appsecret_proof`) as is;
 * - `secret-value-url-encoded`: the same, percent- or form-encoded (a URL in the body);
 * - `secret-value-json-escaped`: the same, JSON-escaped (`\/`, `\"`, `\u00xx`);
 * - `secret-query-param`: the value of a secret query parameter (`access_token=…` in a
 *   `paging.next` link), whatever the value is.
 */
export const BODY_REDACTION_RULES = ['secret-value', 'secret-value-url-encoded', 'secret-value-json-escaped', 'secret-query-param'] as const;
/** One of {@link BODY_REDACTION_RULES}. */
export type BodyRedactionRule = (typeof BODY_REDACTION_RULES)[number];

/** How many replacements one rule made in one body. */
export interface BodyRedaction {
  rule: BodyRedactionRule;
  count: number;
}

/** A raw body after redaction: the bytes to hash and store, and what was replaced. */
export interface RedactedBody {
  /** The body with every secret replaced by {@link REDACTED}; every other byte as received. The input itself when nothing matched. */
  bytes: Uint8Array;
  /** Rules that fired, in {@link BODY_REDACTION_RULES} order; empty when the body held no secret. */
  redactions: BodyRedaction[];
}

/**
 * Removes secrets from strings before they reach an error, a log event or a stored request,
 * and from raw bodies before they are hashed and stored.
 * Matching is by value (every occurrence, raw and URL-encoded), so a token cannot slip out
 * through an unexpected field such as a library's error message that quotes the URL.
 */
export interface Redactor {
  /** The text with every secret value and every value of a secret query parameter replaced. */
  text(value: string): string;
  /** A URL with secret query parameters and secret values replaced. */
  url(value: string): string;
  /** A deep copy of a plain value with every string redacted. */
  deep<T>(value: T): T;
  /**
   * A raw body with every secret (raw, URL-encoded, JSON-escaped, or as a secret query
   * parameter's value) replaced, byte for byte elsewhere: the body is handled as bytes, so
   * invalid UTF-8 or any encoding outside the matches survives unchanged.
   */
  body(bytes: Uint8Array): RedactedBody;
}

/**
 * Build a {@link Redactor}.
 * @param secrets - secret values (tokens, app secrets); empty strings are ignored.
 * @param secretQueryParams - query parameter names whose values are always secret (`access_token`).
 */
export function createRedactor(secrets: readonly string[], secretQueryParams: readonly string[] = []): Redactor {
  const rules = new Map<string, BodyRedactionRule>();
  const add = (needle: string, rule: BodyRedactionRule): void => {
    if (!rules.has(needle)) rules.set(needle, rule);
  };
  for (const secret of secrets) {
    // Short values would redact ordinary words; a real token is long.
    if (typeof secret !== 'string' || secret.length < 4) continue;
    add(secret, 'secret-value');
    add(encodeURIComponent(secret), 'secret-value-url-encoded');
    add(new URLSearchParams({ s: secret }).toString().slice(2), 'secret-value-url-encoded');
    for (const escaped of jsonEscapings(secret)) add(escaped, 'secret-value-json-escaped');
  }
  const ordered = [...rules.keys()].sort((a, b) => b.length - a.length);
  const paramNames = secretQueryParams.map((name) => name.toLowerCase());
  const paramPattern =
    paramNames.length > 0 ? new RegExp(`([?&](?:${paramNames.map(escapeRegExp).join('|')})=)[^&#\\s"']*`, 'gi') : undefined;
  // In a raw body a link may be JSON-escaped (`\u0026access_token=`) and ends at a backslash too.
  const bodyParamPattern =
    paramNames.length > 0 ? new RegExp(`((?:[?&]|\\\\u0026)(?:${paramNames.map(escapeRegExp).join('|')})=)(?!\\[redacted\\])[^&#\\s"'\\\\<>]+`, 'gi') : undefined;

  const text = (value: string): string => {
    let out = value;
    for (const needle of ordered) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    if (paramPattern) out = out.replace(paramPattern, `$1${REDACTED}`);
    // A bearer header quoted in a message: hide whatever follows "Bearer ".
    out = out.replace(/(Bearer\s+)[A-Za-z0-9%._~+/=-]{8,}/g, `$1${REDACTED}`);
    return out;
  };

  const deep = <T>(value: T): T => {
    if (typeof value === 'string') return text(value) as T;
    if (Array.isArray(value)) return value.map((entry) => deep(entry)) as T;
    if (value instanceof Uint8Array) return value;
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) out[key] = deep(entry);
      return out as T;
    }
    return value;
  };

  // Needles as "binary strings" (one char per UTF-8 byte), to search bodies without decoding them.
  const byteNeedles = ordered.map((needle) => ({ needle: Buffer.from(needle, 'utf8').toString('latin1'), rule: rules.get(needle) as BodyRedactionRule }));

  const body = (bytes: Uint8Array): RedactedBody => {
    if ((byteNeedles.length === 0 && !bodyParamPattern) || bytes.byteLength === 0) return { bytes, redactions: [] };
    // latin1 maps every byte to one char and back, so untouched bytes survive exactly.
    let binary = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const counts = new Map<BodyRedactionRule, number>();
    const bump = (rule: BodyRedactionRule, by: number): void => {
      if (by > 0) counts.set(rule, (counts.get(rule) ?? 0) + by);
    };
    for (const { needle, rule } of byteNeedles) {
      if (!binary.includes(needle)) continue;
      const parts = binary.split(needle);
      bump(rule, parts.length - 1);
      binary = parts.join(REDACTED);
    }
    if (bodyParamPattern) {
      binary = binary.replace(bodyParamPattern, (_match, prefix: string) => {
        bump('secret-query-param', 1);
        return `${prefix}${REDACTED}`;
      });
    }
    if (counts.size === 0) return { bytes, redactions: [] };
    const redactions = BODY_REDACTION_RULES.filter((rule) => counts.has(rule)).map((rule) => ({ rule, count: counts.get(rule) ?? 0 }));
    return { bytes: new Uint8Array(Buffer.from(binary, 'latin1')), redactions };
  };

  return { text, url: text, deep, body };
}

/** The forms a JSON encoder may give a string: `/` as is or as `\/`, and non-ASCII as `\uXXXX`. */
function jsonEscapings(secret: string): string[] {
  const plain = JSON.stringify(secret).slice(1, -1);
  const slashes = plain.replace(/\//g, '\\/');
  const ascii = (value: string): string => value.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [...new Set([plain, slashes, ascii(plain), ascii(slashes)])].filter((form) => form !== secret);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
