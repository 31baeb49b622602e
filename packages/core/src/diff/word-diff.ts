import type { TextDiffSegment } from './change-schema.js';

/** Options for {@link wordDiff}. */
export interface WordDiffOptions {
  /**
   * Largest edit distance (in tokens) searched for before the diff falls back to "everything
   * between the common prefix and suffix changed". Bounds the cost on long, wholly rewritten
   * texts; the result still reproduces both texts exactly.
   * @default 2000
   */
  maxEditDistance?: number;
}

// Words and the white space between them are both tokens, so joining tokens gives the text back
// byte for byte (line breaks and double spaces included).
const TOKEN_PATTERN = /\s+|\S+/gu;

/** Split a text into word and white-space tokens whose concatenation is the text. */
export function tokenizeWords(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

/**
 * A word-level diff of two texts (Myers' O(ND) algorithm over word tokens), for showing an
 * edit. Joining the `equal` and `delete` segments gives `before`; joining `equal` and `insert`
 * gives `after`. Adjacent segments of the same kind are merged.
 */
export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): TextDiffSegment[] {
  const a = tokenizeWords(before);
  const b = tokenizeWords(after);
  const ops: Array<[TextDiffSegment['op'], string]> = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  for (let index = 0; index < start; index++) ops.push(['equal', a[index]!]);
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = myers(middleA, middleB, options.maxEditDistance ?? 2000);
  if (middle) ops.push(...middle);
  else {
    for (const token of middleA) ops.push(['delete', token]);
    for (const token of middleB) ops.push(['insert', token]);
  }
  for (let index = endA; index < a.length; index++) ops.push(['equal', a[index]!]);
  return mergeSegments(ops);
}

/**
 * How much of two texts' words survive between them: 2 × shared words / (words before + words
 * after), from 0 (nothing shared) to 1 (same words). White space is not counted.
 */
export function wordSimilarity(before: string, after: string): number {
  const segments = wordDiff(before, after, { maxEditDistance: 500 });
  let shared = 0;
  let total = 0;
  for (const segment of segments) {
    const words = tokenizeWords(segment.text).filter((token) => !/^\s+$/u.test(token)).length;
    if (segment.op === 'equal') {
      shared += words;
      total += 2 * words;
    } else total += words;
  }
  return total === 0 ? 1 : (2 * shared) / total;
}

function mergeSegments(ops: Array<[TextDiffSegment['op'], string]>): TextDiffSegment[] {
  const segments: TextDiffSegment[] = [];
  for (const [op, text] of ops) {
    const last = segments.at(-1);
    if (last && last.op === op) last.text += text;
    else segments.push({ op, text });
  }
  return segments;
}

/** Myers' greedy shortest edit script; undefined when the distance exceeds `maxD`. */
function myers(a: string[], b: string[], maxD: number): Array<[TextDiffSegment['op'], string]> | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  const limit = Math.min(n + m, maxD);
  const offset = limit + 1;
  const v = new Int32Array(2 * offset + 1);
  // trace[d] is the frontier before step d, kept only over the diagonals step d can read.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace);
    }
  }
  return undefined;
}

function backtrack(a: string[], b: string[], trace: Int32Array[]): Array<[TextDiffSegment['op'], string]> {
  const reversed: Array<[TextDiffSegment['op'], string]> = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const frontier = trace[d]!;
    // frontier index i holds diagonal i - d - 1.
    const at = (k: number): number => frontier[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      reversed.push(['equal', a[x - 1]!]);
      x--;
      y--;
    }
    if (d > 0) {
      if (x === previousX) reversed.push(['insert', b[y - 1]!]);
      else reversed.push(['delete', a[x - 1]!]);
    }
    x = previousX;
    y = previousY;
  }
  return reversed.reverse();
}
