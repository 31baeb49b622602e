import { describe, expect, it } from 'vitest';
import { compileSafeRegex } from './safe-regex.js';

describe('compileSafeRegex', () => {
  it.each(['(a+)+$', '(a*)*b', '(\\w+\\s?)+$', '(a|aa)*b', '(.*a){3}', '\\s*\\s*x', '.*.*=', '(a)\\1', '(?<x>a)\\k<x>'])('rejects %s, which can backtrack catastrophically', (pattern) => {
    expect(compileSafeRegex(pattern).isErr()).toBe(true);
  });

  it.each(['coblos\\s+0?[1-3]\\b', 'salam (satu|dua|tiga) jari', '^ayo (pilih|coblos)', '[a-z]+ menang', '(?:nomor|no) ?\\d{1,2}', 'a{2,3}b'])('accepts %s', (pattern) => {
    const result = compileSafeRegex(pattern, 'i');
    expect(result.isOk()).toBe(true);
    expect(result._unsafeUnwrap().flags).toContain('u');
  });

  it('reports a syntax error instead of throwing', () => {
    expect(compileSafeRegex('(unclosed')._unsafeUnwrapErr()).toMatch(/invalid regular expression/);
  });
});
