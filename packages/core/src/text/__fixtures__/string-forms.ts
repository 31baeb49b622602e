/**
 * The same text in the internal string forms a long-running process meets: flat, sliced from a
 * longer string (one and two bytes a character), concatenated, joined, parsed. A loop that reads
 * characters must give the same answer on each (and stay fast on all: see normalizeText).
 */
export function stringForms(text: string): string[] {
  return [
    text,
    `${'pad '.repeat(5)}${text} tail`.slice(20, 20 + text.length),
    `\u{1f64f}${text}\u{1f64f}`.slice(2, 2 + text.length),
    text.slice(0, text.length >> 1) + text.slice(text.length >> 1),
    [text.slice(0, 3), text.slice(3)].join(''),
    JSON.parse(JSON.stringify(text)) as string,
  ];
}
