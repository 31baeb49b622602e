/** A request to the simulated platforms, independent of msw or node:http. */
export interface WorldRequest {
  method: string;
  url: URL;
  /** Reads a header, case-insensitively. */
  header(name: string): string | undefined;
}

/** A response from the simulated platforms. */
export interface WorldResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): WorldResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

// A 1×1 transparent PNG: media bytes small enough that a demo downloading every image stays fast.
const PIXEL_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

/** Serves `/__media/<key>.png`, the media URLs the world hands out: a test's picture for that key, or a 1×1 PNG. */
export function mediaResponse(request: WorldRequest, pictureOf?: (key: string) => Uint8Array | undefined): WorldResponse | undefined {
  const key = /^\/__media\/([A-Za-z0-9_-]+)\.png$/.exec(request.url.pathname)?.[1];
  if (key === undefined) return undefined;
  const body = pictureOf?.(key) ?? PIXEL_PNG;
  // A JPEG starts with FF D8; everything else the world serves is PNG.
  const type = body[0] === 0xff && body[1] === 0xd8 ? 'image/jpeg' : 'image/png';
  return { status: 200, headers: { 'content-type': type, 'content-length': String(body.byteLength) }, body };
}

/** One field of a Graph API `fields` expression: `media.limit(5){id,caption}`. */
export interface GraphField {
  name: string;
  /** `.limit(5)` becomes `{ limit: '5' }`; `.username(x.y)` becomes `{ username: 'x.y' }`. */
  modifiers: Record<string, string>;
  children?: GraphField[];
}

/**
 * Parses a Graph API field expression (`id,name,business_discovery.username(a.b){media.limit(3){id}}`).
 * Unbalanced input yields what was parsed so far; the caller treats unknown fields as absent.
 */
export function parseGraphFields(expression: string): GraphField[] {
  let position = 0;
  const parseList = (): GraphField[] => {
    const fields: GraphField[] = [];
    while (position < expression.length) {
      const match = /^[A-Za-z0-9_]+/.exec(expression.slice(position));
      if (!match) break;
      position += match[0].length;
      const field: GraphField = { name: match[0], modifiers: {} };
      while (expression[position] === '.') {
        const modifier = /^\.([A-Za-z0-9_]+)\(([^)]*)\)/.exec(expression.slice(position));
        if (!modifier) break;
        field.modifiers[modifier[1]!] = modifier[2]!;
        position += modifier[0].length;
      }
      if (expression[position] === '{') {
        position += 1;
        field.children = parseList();
        if (expression[position] === '}') position += 1;
      }
      fields.push(field);
      if (expression[position] === ',') position += 1;
      else break;
    }
    return fields;
  };
  return parseList();
}

/** Base64url of a short cursor payload. */
export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** The payload of a cursor made by {@link encodeCursor}, or undefined when it is not one. */
export function decodeCursor(value: string): string | undefined {
  try {
    const decoded = Buffer.from(value, 'base64url').toString('utf8');
    return /^[A-Za-z0-9_:.-]+$/.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}
