/** Where a CSV text is malformed. */
export interface CsvSyntaxError {
  type: 'csv_syntax';
  line: number;
  column: number;
  message: string;
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks; CRLF or LF; a
 * UTF-8 byte-order mark is ignored. Returns rows of fields, or the first syntax error.
 */
export function parseCsv(text: string): { rows: string[][] } | { error: CsvSyntaxError } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let column = 0;
  let fieldStartLine = 1;
  let fieldStartColumn = 1;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let afterQuote = false;
  for (; index < text.length; index++) {
    const char = text[index]!;
    column++;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index++;
          column++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (char === '\n') {
          line++;
          column = 0;
        }
        field += char;
      }
      continue;
    }
    if (char === '"') {
      if (field.length > 0 || afterQuote) {
        return { error: { type: 'csv_syntax', line, column, message: 'a quote inside an unquoted field; wrap the whole field in quotes and double the quote ("")' } };
      }
      quoted = true;
      fieldStartLine = line;
      fieldStartColumn = column;
      continue;
    }
    if (char === ',') {
      row.push(field);
      field = '';
      afterQuote = false;
      continue;
    }
    if (char === '\r' && text[index + 1] === '\n') continue;
    if (char === '\n' || char === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      afterQuote = false;
      line++;
      column = 0;
      continue;
    }
    if (afterQuote) {
      return { error: { type: 'csv_syntax', line, column, message: 'text after a closing quote; put a comma after the quoted field' } };
    }
    field += char;
  }
  if (quoted) {
    return { error: { type: 'csv_syntax', line: fieldStartLine, column: fieldStartColumn, message: 'a quoted field is never closed; add the closing quote' } };
  }
  if (field.length > 0 || row.length > 0 || afterQuote) {
    row.push(field);
    rows.push(row);
  }
  return { rows: rows.filter((cells) => !(cells.length === 1 && cells[0] === '')) };
}
