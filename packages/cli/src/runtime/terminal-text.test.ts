import { describe, expect, it } from 'vitest';
import { terminalJson, terminalText } from './terminal-text.js';

describe('terminalText', () => {
  it('shows escape sequences and bidi overrides as marks instead of passing them to the terminal', () => {
    expect(terminalText('a\u001b[2Jb\u202Ec')).toBe('a\\u{1b}[2Jb\\u{202e}c');
  });

  it('keeps ordinary Indonesian text and emoji, folds line breaks, and cuts long text', () => {
    expect(terminalText('Ayo dukung ☝️\nno 1')).toBe('Ayo dukung ☝️ no 1');
    expect(terminalText('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('terminalJson', () => {
  it('escapes C1 controls and bidi overrides that JSON.stringify leaves raw, and still parses to the same value', () => {
    const value = { name: 'Budi\u202Egnp.exe', note: 'a\u009b2Jb\u001b' };
    const line = terminalJson(value);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(line).toContain('\\u202e');
    expect(JSON.parse(line)).toEqual(value);
  });
});
