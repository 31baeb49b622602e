/**
 * Post text made safe for a terminal: a post is hostile input, and escape sequences or bidi
 * overrides in it could rewrite what staff see. Controls become visible `\u{…}` marks, line
 * breaks become spaces, and long text is cut.
 */
export function terminalText(text: string, max = 160): string {
  const cleaned = text
    .replace(/[\r\n\t]+/g, ' ')
    // C0, DEL, C1, and the bidi/zero-width format characters.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`);
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/**
 * One JSON line that is safe on a terminal: `JSON.stringify` leaves C1 controls and bidi/zero-width
 * format characters raw, so they are written as `\uXXXX` escapes, which parse to the same value.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
