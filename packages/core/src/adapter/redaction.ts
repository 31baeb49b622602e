/** What replaces a secret in every string core hands out. */
export const REDACTED = '[redacted]';

/**
 * Removes secrets from strings before they reach an error, a log event or a stored request.
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
}

/**
 * Build a {@link Redactor}.
 * @param secrets - secret values (tokens, app secrets); empty strings are ignored.
 * @param secretQueryParams - query parameter names whose values are always secret (`access_token`).
 */
export function createRedactor(secrets: readonly string[], secretQueryParams: readonly string[] = []): Redactor {
  const needles = new Set<string>();
  for (const secret of secrets) {
    // Short values would redact ordinary words; a real token is long.
    if (typeof secret !== 'string' || secret.length < 4) continue;
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
    needles.add(new URLSearchParams({ s: secret }).toString().slice(2));
  }
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  const paramNames = secretQueryParams.map((name) => name.toLowerCase());
  const paramPattern =
    paramNames.length > 0 ? new RegExp(`([?&](?:${paramNames.map(escapeRegExp).join('|')})=)[^&#\\s"']*`, 'gi') : undefined;

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

  return { text, url: text, deep };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
