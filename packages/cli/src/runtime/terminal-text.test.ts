import { describe, expect, it } from 'vitest';
import { terminalText } from './terminal-text.js';

describe('terminalText', () => {
  it('shows escape sequences and bidi overrides as marks instead of passing them to the terminal', () => {
    expect(terminalText('a\u001b[2Jb\u202Ec')).toBe('a\\u{1b}[2Jb\\u{202e}c');
  });

  it('keeps ordinary Indonesian text and emoji, folds line breaks, and cuts long text', () => {
    expect(terminalText('Ayo dukung ☝️\nno 1')).toBe('Ayo dukung ☝️ no 1');
    expect(terminalText('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
