import { err, ok, type Result } from 'neverthrow';

/**
 * Compile a rule's regex only if it cannot backtrack catastrophically. JavaScript's engine
 * backtracks, so a pattern such as `(a+)+$` or `(a|aa)*b` can take exponential time on a
 * crafted post and stall a whole monitoring cycle. Rejected (conservatively):
 * - nested quantifiers (a quantified group that itself contains a quantifier: star height > 1);
 * - a quantified group with alternation (`(a|ab)*`), whose branches may overlap;
 * - more than one unbounded quantifier in a row over the same atom class (`\s*\s*`, `.*.*`);
 * - backreferences (`\1`, `\k<name>`), which no linear-time engine can run.
 * The `u` flag is always added so that patterns see code points, not UTF-16 halves.
 */
export function compileSafeRegex(pattern: string, flags = ''): Result<RegExp, string> {
  if (/\\[1-9]|\\k</.test(pattern)) return err('backreferences are not allowed (they can backtrack catastrophically)');
  const problem = findNestedQuantifier(pattern);
  if (problem) return err(problem);
  const allFlags = [...new Set(`${flags.replace(/[gy]/g, '')}u`)].join('');
  try {
    return ok(new RegExp(pattern, allFlags));
  } catch (error) {
    return err(`invalid regular expression: ${(error as Error).message}`);
  }
}

interface Group {
  hasQuantifier: boolean;
  hasAlternation: boolean;
}

function findNestedQuantifier(pattern: string): string | undefined {
  const stack: Group[] = [{ hasQuantifier: false, hasAlternation: false }];
  let lastAtom: { kind: 'group'; group: Group } | { kind: 'atom'; text: string } | undefined;
  let previousUnbounded: string | undefined;
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    if (char === '\\') {
      if (lastAtom) previousUnbounded = undefined;
      lastAtom = { kind: 'atom', text: pattern.slice(index, index + 2) };
      index += 2;
      continue;
    }
    if (char === '[') {
      let end = index + 1;
      if (pattern[end] === '^') end++;
      if (pattern[end] === ']') end++;
      while (end < pattern.length && pattern[end] !== ']') end += pattern[end] === '\\' ? 2 : 1;
      if (lastAtom) previousUnbounded = undefined;
      lastAtom = { kind: 'atom', text: pattern.slice(index, end + 1) };
      index = end + 1;
      continue;
    }
    if (char === '(') {
      stack.push({ hasQuantifier: false, hasAlternation: false });
      lastAtom = undefined;
      index += pattern[index + 1] === '?' ? (pattern[index + 2] === '<' && pattern[index + 3] !== '=' && pattern[index + 3] !== '!' ? pattern.indexOf('>', index) + 1 || index + 1 : index + 3) : index + 1;
      continue;
    }
    if (char === ')') {
      const group = stack.length > 1 ? stack.pop()! : stack[0]!;
      const parent = stack[stack.length - 1]!;
      parent.hasQuantifier ||= group.hasQuantifier;
      lastAtom = { kind: 'group', group };
      index++;
      continue;
    }
    if (char === '|') {
      stack[stack.length - 1]!.hasAlternation = true;
      lastAtom = undefined;
      previousUnbounded = undefined;
      index++;
      continue;
    }
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(pattern.slice(index));
    if (quantifier) {
      const text = quantifier[0];
      const unbounded = text.startsWith('*') || text.startsWith('+') || /^\{\d+,\}/.test(text);
      const repeats = unbounded || (/^\{(\d+),(\d+)\}/.exec(text) !== null && Number(/^\{\d+,(\d+)\}/.exec(text)![1]) > 1) || /^\{(\d+)\}/.test(text);
      if (lastAtom?.kind === 'group' && repeats) {
        if (lastAtom.group.hasQuantifier) return 'nested quantifiers such as (a+)+ can backtrack catastrophically; rewrite without a quantifier inside a repeated group';
        if (lastAtom.group.hasAlternation && unbounded) return 'a repeated group with alternatives such as (a|ab)* can backtrack catastrophically; use a character class or a lexicon';
      }
      if (unbounded) {
        const atomText = lastAtom?.kind === 'atom' ? lastAtom.text : '(group)';
        if (previousUnbounded !== undefined && (previousUnbounded === atomText || previousUnbounded === '.' || atomText === '.')) {
          return `adjacent unbounded quantifiers over overlapping atoms (${previousUnbounded} then ${atomText}) can backtrack heavily`;
        }
        previousUnbounded = atomText;
      } else previousUnbounded = undefined;
      stack[stack.length - 1]!.hasQuantifier ||= repeats;
      lastAtom = undefined;
      index += text.length;
      continue;
    }
    if (lastAtom) previousUnbounded = undefined;
    lastAtom = { kind: 'atom', text: char };
    index++;
  }
  return undefined;
}
