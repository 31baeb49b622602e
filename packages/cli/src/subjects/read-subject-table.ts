import { open } from 'node:fs/promises';
import { createSubjectTableReader, readSubjectsCsv, type SubjectTableIssue, type SubjectTableResult, type SubjectTableSettings } from '@sipansos/core';
import { xlsxCellTexts, xlsxRows, type XlsxLinks } from './xlsx-rows.js';

/** How a subjects file is read, from its name. */
export type SubjectFileFormat = 'xlsx' | 'csv' | 'json' | 'old_spreadsheet';

/** `.xlsx` → xlsx; `.csv`, `.tsv`, `.txt` → csv; `.xls`, `.ods`, `.numbers` → old_spreadsheet; else json. */
export function subjectFileFormat(name: string): SubjectFileFormat {
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  if (/\.(xls|ods|numbers|xlsb|xlsm)$/i.test(name)) return 'old_spreadsheet';
  return 'json';
}

/** A table read from a file, and how. */
export interface SubjectTableReading extends SubjectTableResult {
  format: 'xlsx' | 'csv';
  delimiter?: string;
  encoding?: string;
}

/**
 * Read a subjects table (xlsx or CSV) from a file as a stream. The file is opened first, so a
 * missing or unreadable file throws its `ENOENT`/`EACCES` before anything is read.
 */
export async function readSubjectTable(file: string, format: 'xlsx' | 'csv', settings: SubjectTableSettings): Promise<SubjectTableReading> {
  const handle = await open(file, 'r');
  try {
    if (format === 'csv') {
      const result = await readSubjectsCsv(handle.createReadStream({ autoClose: false, highWaterMark: 256 * 1024 }), settings);
      return { ...result, format };
    }
    const reader = createSubjectTableReader(settings);
    const links: XlsxLinks = { refs: [] };
    for await (const row of xlsxRows(handle.createReadStream({ autoClose: false }), links)) reader.push(row);
    const result: SubjectTableReading = { ...reader.finish(), format };
    const linked = linkedAccountCells(result, links);
    if (linked.size > 0) {
      const second = await open(file, 'r');
      try {
        addLinkIssues(result, await xlsxCellTexts(second.createReadStream({ autoClose: false }), linked));
      } finally {
        await second.close();
      }
    }
    return result;
  } finally {
    await handle.close();
  }
}

// Links in account columns below the header: a link's shown text may be "Facebook" while its address
// is the profile. The address is stored after the rows, so it is checked in a second pass.
function linkedAccountCells(result: SubjectTableResult, links: XlsxLinks): Set<string> {
  const accountColumns = new Set(result.columns.filter((column) => !column.ignored && (column.role.kind === 'platform' || column.role.kind === 'accounts')).map((column) => column.column));
  const refs = new Set<string>();
  for (const ref of links.refs) {
    const match = /^([A-Z]+)(\d+)$/.exec(ref);
    if (match && accountColumns.has(match[1]!) && Number(match[2]) > (result.headerRow ?? 0)) refs.add(ref);
  }
  return refs;
}

function addLinkIssues(result: SubjectTableReading, texts: Map<string, string>): void {
  const added: SubjectTableIssue[] = [];
  for (const [ref, text] of texts) {
    if (/^\s*(https?:\/\/|www\.)\S+\s*$/i.test(text)) continue;
    const match = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const header = result.columns.find((column) => column.column === match[1])?.header ?? '';
    added.push({
      row: Number(match[2]),
      column: match[1]!,
      header,
      message: {
        id: 'sel ini berupa tautan yang teksnya bukan alamat profil; tempel alamat profil lengkap sebagai teks sel',
        en: "this cell is a link whose shown text is not the profile address; paste the full profile address as the cell's text",
      },
    });
  }
  result.issueCount += added.length;
  const rowsBefore = new Set(result.issues.map((issue) => issue.row));
  result.rowsWithProblems += new Set(added.map((issue) => issue.row).filter((row) => !rowsBefore.has(row))).size;
  result.issues = [...result.issues, ...added].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
