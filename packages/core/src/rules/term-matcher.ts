/**
 * One Aho–Corasick automaton for every literal term of every rule, as a dense DFA over typed
 * arrays: one table lookup per UTF-16 code unit, whatever the number of terms, so a post's cost
 * does not grow with the rule count. Matches respect word boundaries: a term that starts (ends)
 * with a letter, digit or mark matches only where the text does not continue with one.
 */

let wordUnitTable: Uint8Array | undefined;

/** 1 for code units that are letters, digits or combining marks (surrogate halves are 0). */
export function wordUnits(): Uint8Array {
  if (wordUnitTable) return wordUnitTable;
  const table = new Uint8Array(65536);
  const pattern = /[\p{L}\p{N}\p{M}]/u;
  for (let unit = 0; unit < 65536; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    if (unit < 128) {
      table[unit] = (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122) ? 1 : 0;
      continue;
    }
    table[unit] = pattern.test(String.fromCharCode(unit)) ? 1 : 0;
  }
  wordUnitTable = table;
  return table;
}

/** A compiled matcher over a fixed list of terms. */
export interface TermMatcher {
  /** The terms, by index, as given (deduplicated by the caller or not). */
  readonly terms: readonly string[];
  /** Number of automaton states (for diagnostics and the benchmark). */
  readonly stateCount: number;
  /**
   * Call `onHit(termIndex, start, end)` for every whole-word occurrence of every term in `text`,
   * overlapping ones included, in order of `end`. Offsets are UTF-16, end exclusive.
   */
  scan(text: string, onHit: (termIndex: number, start: number, end: number) => void): void;
  /** {@link scan} collected into an array. */
  findAll(text: string): TermHit[];
}

/** One whole-word occurrence of a term. */
export interface TermHit {
  term: number;
  start: number;
  end: number;
}

/**
 * Compile `terms` (already normalised; empty strings are ignored) into one automaton.
 * Cost is linear in the total length of the terms times the alphabet of their characters.
 */
export function compileTermMatcher(terms: readonly string[]): TermMatcher {
  const words = wordUnits();
  // Classes 0 and 1: characters no term contains, split into non-word (0) and word (1) ones,
  // because a word character inside a word that starts no term keeps the automaton "dead".
  const classOf = new Uint16Array(65536);
  for (let unit = 0; unit < 65536; unit++) classOf[unit] = words[unit]!;
  const assigned = new Uint8Array(65536);
  const classIsWord: number[] = [0, 1];
  let totalLength = 0;
  for (const term of terms) {
    totalLength += term.length;
    for (let index = 0; index < term.length; index++) {
      const unit = term.charCodeAt(index);
      if (assigned[unit] === 0) {
        assigned[unit] = 1;
        classOf[unit] = classIsWord.length;
        classIsWord.push(words[unit]!);
      }
    }
  }
  const K = classIsWord.length;
  const ROOT = 0;
  const DEAD = 1;
  const maxStates = totalLength + 2;
  const table = new Int32Array(maxStates * K).fill(-1);
  const termAt = new Int32Array(maxStates).fill(-1);
  const nextSameState = new Int32Array(terms.length).fill(-1);
  const termLength = new Int32Array(terms.length);
  const needsLeft = new Uint8Array(terms.length);
  const needsRight = new Uint8Array(terms.length);
  let stateCount = 2;

  terms.forEach((term, termIndex) => {
    termLength[termIndex] = term.length;
    if (term.length === 0) return;
    needsLeft[termIndex] = words[term.charCodeAt(0)]!;
    needsRight[termIndex] = words[term.charCodeAt(term.length - 1)]!;
    let state = ROOT;
    for (let index = 0; index < term.length; index++) {
      const slot = state * K + classOf[term.charCodeAt(index)]!;
      let next = table[slot]!;
      if (next < 0) {
        next = stateCount++;
        table[slot] = next;
      }
      state = next;
    }
    nextSameState[termIndex] = termAt[state]!;
    termAt[state] = termIndex;
  });

  // Aho–Corasick anchored at word starts: a term that starts with a word character can only
  // start where a word starts, so a failure inside a word goes to DEAD (which ignores the rest
  // of the word) instead of chasing suffixes that start mid-word. This keeps the automaton in
  // a few hot states on ordinary text, however many terms there are.
  const fail = new Int32Array(stateCount);
  const dictLink = new Int32Array(stateCount);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let c = 0; c < K; c++) {
    const child = table[c]!;
    const otherwise = classIsWord[c] === 1 ? DEAD : ROOT;
    if (child < 0) table[c] = otherwise;
    else {
      fail[child] = otherwise;
      queue[tail++] = child;
    }
  }
  for (let c = 0; c < K; c++) table[DEAD * K + c] = classIsWord[c] === 1 ? DEAD : table[c]!;
  while (head < tail) {
    const state = queue[head++]!;
    const failState = fail[state]!;
    dictLink[state] = termAt[failState]! >= 0 ? failState : dictLink[failState]!;
    const row = state * K;
    const failRow = failState * K;
    for (let c = 0; c < K; c++) {
      const child = table[row + c]!;
      if (child < 0) table[row + c] = table[failRow + c]!;
      else {
        fail[child] = table[failRow + c]!;
        queue[tail++] = child;
      }
    }
  }

  // Renumber states in breadth-first order: the shallow states that most characters visit sit
  // together at the start of the table, so large term sets stay cache-friendly.
  const order = new Int32Array(stateCount);
  order[ROOT] = 0;
  order[DEAD] = 1;
  for (let index = 0; index < tail; index++) order[queue[index]!] = index + 2;
  const termAtNew = new Int32Array(stateCount).fill(-1);
  const dictLinkNew = new Int32Array(stateCount);
  for (let state = 0; state < stateCount; state++) {
    termAtNew[order[state]!] = termAt[state]!;
    dictLinkNew[order[state]!] = dictLink[state]! === ROOT ? 0 : order[dictLink[state]!]!;
  }
  // outHead: the first state on the suffix chain that ends a term (0 = none; the root never does).
  const outHead = new Int32Array(stateCount);
  for (let state = 2; state < stateCount; state++) outHead[state] = termAtNew[state]! >= 0 ? state : dictLinkNew[state]!;

  // Every state's output terms (its own, then those along its suffix chain), flattened into one
  // array: a match reads a contiguous run instead of walking the chain and each state's list.
  const outFrom = new Int32Array(stateCount + 1);
  let outCount = 0;
  for (let state = 0; state < stateCount; state++) {
    outFrom[state] = outCount;
    for (let output = outHead[state]!; output !== 0; output = dictLinkNew[output]!) {
      for (let term = termAtNew[output]!; term >= 0; term = nextSameState[term]!) outCount++;
    }
  }
  outFrom[stateCount] = outCount;
  const outTerms = new Int32Array(outCount);
  for (let state = 0, at = 0; state < stateCount; state++) {
    for (let output = outHead[state]!; output !== 0; output = dictLinkNew[output]!) {
      for (let term = termAtNew[output]!; term >= 0; term = nextSameState[term]!) outTerms[at++] = term;
    }
  }

  // The hot table holds the target's row offset (state × K), negated when a term ends there
  // or on its suffix chain, so the scan loop needs one lookup and no multiply per character.
  const rows = new Int32Array(stateCount * K);
  for (let state = 0; state < stateCount; state++) {
    const from = state * K;
    const to = order[state]! * K;
    for (let c = 0; c < K; c++) {
      const target = order[table[from + c]!]!;
      rows[to + c] = outHead[target]! !== 0 ? -(target * K) : target * K;
    }
  }

  const scan = (text: string, onHit: (termIndex: number, start: number, end: number) => void): void => {
    const length = text.length;
    // Not `text.charCodeAt`: see normalizeText on method loads from strings of many shapes.
    const codeUnitAt = String.prototype.charCodeAt;
    let row = 0;
    for (let index = 0; index < length; index++) {
      row = rows[row + classOf[codeUnitAt.call(text, index)]!]!;
      if (row < 0) {
        row = -row;
        report(text, index, row, onHit);
      }
    }
  };

  const report = (text: string, index: number, row: number, onHit: (termIndex: number, start: number, end: number) => void): void => {
    const state = row / K;
    const length = text.length;
    const codeUnitAt = String.prototype.charCodeAt;
    const end = index + 1;
    const last = outFrom[state + 1]!;
    for (let at = outFrom[state]!; at < last; at++) {
      const term = outTerms[at]!;
      const start = end - termLength[term]!;
      if (needsLeft[term] === 1 && start > 0 && words[codeUnitAt.call(text, start - 1)] === 1) continue;
      if (needsRight[term] === 1 && end < length && words[codeUnitAt.call(text, end)] === 1) continue;
      onHit(term, start, end);
    }
  };

  return {
    terms,
    stateCount,
    scan,
    findAll(text: string): TermHit[] {
      const hits: TermHit[] = [];
      scan(text, (term, start, end) => hits.push({ term, start, end }));
      return hits;
    },
  };
}
