import { err, ok, type Result } from 'neverthrow';
import type { InvalidInputError } from './validation-issue.js';

/**
 * `JSON.parse` that reports a syntax error (a truncated file, a stray comma) with its line and
 * column instead of throwing.
 */
export function parseJsonText(text: string, source: string): Result<unknown, InvalidInputError> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return ok(JSON.parse(body) as unknown);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const offset = syntaxErrorOffset(raw, body);
    const { line, column } = lineAndColumn(body, offset);
    const what = /Unexpected end/i.test(raw) || offset >= body.length ? 'the JSON ends too early (truncated file?)' : `invalid JSON: ${raw.replace(/^.*?:\s*/, '')}`;
    return err({
      type: 'invalid_input',
      source,
      message: `${source}:${line}:${column}: ${what}`,
      issues: [{ path: '(root)', message: what, line, column }],
    });
  }
}

function syntaxErrorOffset(message: string, text: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n');
    let offset = 0;
    for (let index = 0; index < Number(lineColumn[1]) - 1; index++) offset += (lines[index]?.length ?? 0) + 1;
    return offset + Number(lineColumn[2]) - 1;
  }
  return text.length;
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
