import type { Readable } from 'node:stream';
import { columnLetter, type SubjectTableCell, type SubjectTableRow } from '@sipansos/core';
import type ExcelJS from 'exceljs';

/** Cells of the sheet that hold a link, by reference (`E4`); filled as the rows are read. */
export interface XlsxLinks {
  refs: string[];
}

const MAX_LINKS = 10_000;

/**
 * The rows of the first worksheet of an `.xlsx` file, read as a stream (a large sheet is never held
 * whole). A formula gives the value Excel saved with it and is never evaluated; a number stays a
 * number so that a rounded NIP can be recognised. A link's shown text is given, not its address:
 * links are stored after the rows, so `links` only lists the linked cells once the rows are read.
 */
export async function* xlsxRows(input: Readable, links?: XlsxLinks): AsyncGenerator<SubjectTableRow> {
  // Loaded here, not at start-up: exceljs takes a second or more to load, and only xlsx needs it.
  const { default: excel } = await import('exceljs');
  // Styles are not read: a date comes as its serial number, which no subject field needs.
  const workbook = new excel.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'emit', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const worksheet of workbook) {
    const reader = worksheet as unknown as { parse(): AsyncIterable<Array<{ eventType: string; value: unknown }>> };
    for await (const events of reader.parse()) {
      for (const { eventType, value } of events) {
        if (eventType === 'hyperlink') {
          if (links && links.refs.length < MAX_LINKS) links.refs.push(String((value as { ref?: unknown }).ref ?? ''));
          continue;
        }
        if (eventType !== 'row') continue;
        const row = value as ExcelJS.Row;
        // row.values is 1-based (index 0 is empty) and sparse.
        const values = row.values as unknown[];
        const cells: SubjectTableCell[] = [];
        for (let index = 1; index < values.length; index++) cells.push(cellValue(values[index]));
        yield { row: row.number, cells };
      }
    }
    return;
  }
}

function cellValue(value: unknown): SubjectTableCell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return String(value);
  const object = value as Record<string, unknown>;
  if ('error' in object) return { error: String(object.error) };
  if ('formula' in object || 'sharedFormula' in object) {
    const result = object.result;
    if (result === undefined || result === null) return { formula: String(object.formula ?? object.sharedFormula ?? '') };
    return cellValue(result);
  }
  if (Array.isArray(object.richText)) return object.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
  if ('text' in object) return String(object.text);
  return undefined;
}

/** The shown text of some cells of the first worksheet, by reference (`E4`), read as a stream. */
export async function xlsxCellTexts(input: Readable, refs: ReadonlySet<string>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for await (const { row, cells } of xlsxRows(input)) {
    cells.forEach((cell, index) => {
      const ref = `${columnLetter(index)}${row}`;
      if (refs.has(ref)) texts.set(ref, typeof cell === 'string' ? cell : String(cell ?? ''));
    });
  }
  return texts;
}
