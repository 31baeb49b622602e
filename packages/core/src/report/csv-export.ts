/**
 * CSV per RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, and
 * quotes doubled. Spreadsheet formula injection is defused: a cell starting with `=`, `+`, `-`,
 * `@`, tab or CR, or with the full-width `＝`, `＋`, `－`, `＠` (Apple Numbers folds them to ASCII
 * and runs the formula), gets a leading `'`, so a post reading `=HYPERLINK(...)` stays text in
 * Excel, LibreOffice, Google Sheets and Numbers.
 */

/** One cell's value before quoting. */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** Defuse a cell that a spreadsheet would read as a formula. */
export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Quote one field per RFC 4180 (after defusing formulas). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? defuseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: header row, then rows, each ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => csvField(cell)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON Lines: one compact JSON value per line, `\n` separated, ending with a newline. */
export function toJsonl(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join('\n') + (values.length ? '\n' : '');
}
