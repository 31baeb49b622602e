/** A message for a person: Indonesian first, English beside. */
export interface SubjectMessage {
  id: string;
  en: string;
}

/**
 * A cell's value as it may be shown back in a message: quoted, cut to 60 characters, with
 * control, format and bidirectional-override characters written as `\u{…}` so a hostile cell cannot
 * rewrite the terminal line that reports it.
 */
export function quoteCellValue(value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return `"${cut.replace(/[\p{Cc}\p{Cf}\u2028\u2029"\\]/gu, (char) => (char === '"' || char === '\\' ? `\\${char}` : `\\u{${char.codePointAt(0)!.toString(16)}}`))}"`;
}

/** Text from a file made safe to print: control, format and bidi characters written as `\u{…}`. */
export function escapeControlCharacters(value: string): string {
  return value.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}
