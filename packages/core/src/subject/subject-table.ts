import { accountKey } from '../account/account-schema.js';
import { readAccountCell, type AccountFromCell } from './subject-account-cell.js';
import { CATEGORY_WORD_EXAMPLES, categoryFromWord } from './subject-category-words.js';
import { columnLetter, roleOfHeader, type SubjectColumnRole, type SubjectField } from './subject-columns.js';
import { escapeControlCharacters, quoteCellValue, type SubjectMessage } from './subject-message.js';
import { SubjectIdSchema, type Subject, type SubjectCategory } from './subject-schema.js';

/**
 * One cell as a spreadsheet holds it. A number stays a number so that an employee number Excel
 * already rounded can be told apart from one typed as text. `{ error }` is an Excel error value
 * (`#N/A`); `{ formula }` is a formula with no saved result (never evaluated here).
 */
export type SubjectTableCell = string | number | boolean | Date | null | undefined | { error: string } | { formula: string };

/** One row of a subjects table, numbered as the spreadsheet shows it (1 = the first row). */
export interface SubjectTableRow {
  row: number;
  cells: readonly SubjectTableCell[];
}

/** A column of the header row and what it was read as. */
export interface SubjectTableColumn {
  /** Spreadsheet letter: `A`, `B`, … */
  column: string;
  header: string;
  role: SubjectColumnRole;
  /** Why the column's values are not read: an unknown header, or a second column for a field. */
  ignored?: 'unknown' | 'duplicate';
}

/** A problem in a subjects table, where a clerk finds it in the spreadsheet. */
export interface SubjectTableIssue {
  /** The spreadsheet row; absent for a problem with the whole table. */
  row?: number;
  /** Spreadsheet letter of the column, with its header. */
  column?: string;
  header?: string;
  message: SubjectMessage;
}

/** Settings of {@link createSubjectTableReader}. */
export interface SubjectTableSettings {
  /** Name of what is read, used in messages. */
  source: string;
  /** Category of rows whose category cell is empty, or of every row when there is no such column. */
  defaultCategory?: SubjectCategory;
  /**
   * Issues kept in the result; the rest are only counted ({@link SubjectTableResult.issueCount}).
   * @default 100
   */
  maxIssues?: number;
  /**
   * Non-blank rows searched for the header row (title rows above it are skipped).
   * @default 20
   */
  headerSearchRows?: number;
}

/** What a subjects table held. */
export interface SubjectTableResult {
  source: string;
  /** The row the header was found on, if it was. */
  headerRow?: number;
  columns: SubjectTableColumn[];
  /** Subjects of the rows without problems, in row order. */
  subjects: Subject[];
  /** Non-blank rows below the header. */
  rowCount: number;
  /** Rows with at least one problem; none of them is in {@link subjects}. */
  rowsWithProblems: number;
  /** The first {@link SubjectTableSettings.maxIssues} problems, in row order. */
  issues: SubjectTableIssue[];
  /** All problems, including those not kept in {@link issues}. */
  issueCount: number;
  /** Whether ids were made from names because the table has no id column. */
  idsFromNames: boolean;
}

/** Reads a subjects table row by row, so a large file never has to be held whole. */
export interface SubjectTableReader {
  push(row: SubjectTableRow): void;
  finish(): SubjectTableResult;
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const JOINED_FIELDS: ReadonlySet<SubjectField> = new Set(['region', 'notes']);
// The lengths SubjectSchema allows.
const LENGTH_LIMITS: ReadonlyArray<[SubjectField, number]> = [
  ['name', 200],
  ['agency', 200],
  ['position', 200],
  ['region', 200],
  ['notes', 2000],
];

/**
 * A reader for a subjects table as offices keep it (Excel or CSV): it finds the header row below
 * any title rows, reads headers in Indonesian or English ({@link roleOfHeader}), category words as
 * people write them ({@link categoryFromWord}), handles and profile addresses
 * ({@link readAccountCell}), skips blank rows, and reports every problem with its row and column.
 * Without an id column, a subject's id is made from its name (`Wulan Sari` → `wulan-sari`).
 */
export function createSubjectTableReader(settings: SubjectTableSettings): SubjectTableReader {
  const maxIssues = settings.maxIssues ?? 100;
  const headerSearchRows = settings.headerSearchRows ?? 20;
  const result: SubjectTableResult = { source: settings.source, columns: [], subjects: [], rowCount: 0, rowsWithProblems: 0, issues: [], issueCount: 0, idsFromNames: false };
  const idRows = new Map<string, number>();
  const accountRows = new Map<string, number>();
  let rowsSearched = 0;
  // A table without a category column (and no default) cannot be read row by row: one problem, not one per row.
  let unreadable = false;
  let active: Array<{ index: number; column: SubjectTableColumn }> = [];

  function addIssue(issue: SubjectTableIssue): void {
    result.issueCount++;
    if (result.issues.length < maxIssues) result.issues.push(issue);
  }

  function tryHeader(row: SubjectTableRow): void {
    rowsSearched++;
    const columns = row.cells.map((cell, index): SubjectTableColumn => {
      const text = cellText(cell).replace(/\s+/g, ' ').trim();
      // Shown back to the clerk with control characters escaped; read without invisible ones
      // (a zero-width space copied from a web page).
      return { column: columnLetter(index), header: escapeControlCharacters(text), role: roleOfHeader(text.replace(/[\p{Cc}\p{Cf}]/gu, '')) };
    });
    const known = columns.filter((column) => column.role.kind === 'field' || column.role.kind === 'platform' || column.role.kind === 'accounts');
    const hasName = columns.some((column) => column.role.kind === 'field' && column.role.field === 'name');
    // A list of names alone is a table when a default category says who they are.
    if (!hasName || known.length < (settings.defaultCategory ? 1 : 2)) return;
    const taken = new Set<SubjectField>();
    for (const column of columns) {
      if (column.role.kind === 'unknown' && column.header !== '') column.ignored = 'unknown';
      if (column.role.kind !== 'field') continue;
      if (taken.has(column.role.field) && !JOINED_FIELDS.has(column.role.field)) column.ignored = 'duplicate';
      taken.add(column.role.field);
    }
    result.headerRow = row.row;
    result.columns = columns;
    result.idsFromNames = !taken.has('id');
    active = columns.flatMap((column, index) => (column.ignored || column.role.kind === 'unknown' || column.role.kind === 'row_number' ? [] : [{ index, column }]));
    if (!taken.has('category') && !settings.defaultCategory) {
      unreadable = true;
      addIssue({
        row: row.row,
        message: {
          id: `tidak ada kolom "Kategori"; tambahkan kolom itu (${CATEGORY_WORD_EXAMPLES}) atau tetapkan kategori bawaan untuk seluruh daftar`,
          en: `there is no "Kategori" (category) column; add one (${CATEGORY_WORD_EXAMPLES}) or set a default category for the whole list`,
        },
      });
    }
  }

  function readRow(row: SubjectTableRow): void {
    if (unreadable) return;
    const values = active.map(({ index, column }) => ({ column, cell: row.cells[index] }));
    if (values.every(({ cell }) => cellText(cell).trim() === '')) return;
    result.rowCount++;
    const problems: SubjectTableIssue[] = [];
    // Columns already reported: an unreadable cell is not reported again as empty.
    const reported = new Set<SubjectTableColumn>();
    const at = (column: SubjectTableColumn | undefined, message: SubjectMessage): void => {
      if (column) reported.add(column);
      problems.push({ row: row.row, ...(column ? { column: column.column, header: column.header } : {}), message });
    };
    const fields: Partial<Record<SubjectField, string>> = {};
    const fieldColumn: Partial<Record<SubjectField, SubjectTableColumn>> = {};
    let pairNumber: number | undefined;
    const accounts: Array<{ account: AccountFromCell; column: SubjectTableColumn }> = [];
    for (const { column, cell } of values) {
      if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
        if ('formula' in cell) {
          at(column, {
            id: `sel berisi rumus tanpa nilai tersimpan (=${cell.formula.slice(0, 40)}); buka berkas di Excel, simpan ulang, atau ganti rumus dengan nilainya`,
            en: `the cell holds a formula with no saved value (=${cell.formula.slice(0, 40)}); open the file in Excel and save it again, or replace the formula with its value`,
          });
        } else {
          at(column, { id: `sel berisi galat Excel ${cell.error}; isi dengan nilai yang benar`, en: `the cell holds the Excel error ${cell.error}; put the right value in` });
        }
        continue;
      }
      const role = column.role;
      if (role.kind === 'platform' || role.kind === 'accounts') {
        const text = cellText(cell);
        if (CONTROL.test(text)) {
          at(column, { id: `akun ${quoteCellValue(text)} memuat karakter kendali`, en: `account ${quoteCellValue(text)} holds control characters` });
          continue;
        }
        const reading = readAccountCell(text, role.kind === 'platform' ? role.platform : undefined);
        for (const problem of reading.problems) at(column, problem);
        for (const account of reading.accounts) accounts.push({ account, column });
        continue;
      }
      if (role.kind !== 'field') continue;
      const field = role.field;
      if (field === 'employeeNumber' && typeof cell === 'number') {
        // Excel keeps 15 significant digits: an 18-digit NIP typed as a number is already rounded.
        if (!Number.isSafeInteger(cell) || cell >= 1e15) {
          at(column, {
            id: 'NIP/NRP tersimpan sebagai angka dan Excel sudah membulatkan digit terakhirnya; format kolom ini sebagai Teks lalu ketik ulang NIP-nya',
            en: 'the NIP/NRP is stored as a number and Excel has already rounded its last digits; format this column as Text and type the numbers again',
          });
          continue;
        }
      }
      if (field === 'candidatePairNumber' && typeof cell === 'number') {
        pairNumber = cell;
        fieldColumn[field] = column;
        continue;
      }
      const text = cellText(cell);
      if (CONTROL.test(text)) {
        at(column, { id: `${quoteCellValue(text)} memuat karakter kendali; ketik ulang isinya`, en: `${quoteCellValue(text)} holds control characters; type the value again` });
        continue;
      }
      const value = text.replace(/\s+/g, ' ').trim();
      if (value === '') continue;
      fieldColumn[field] ??= column;
      fields[field] = fields[field] === undefined ? value : `${fields[field]}, ${value}`;
    }

    const name = fields.name;
    const nameColumn = fieldColumn.name ?? columnOf('name');
    if (name === undefined && !(nameColumn && reported.has(nameColumn))) at(nameColumn, { id: 'nama kosong', en: 'the name is empty' });

    let category: SubjectCategory | undefined = settings.defaultCategory;
    if (fields.category !== undefined) {
      category = categoryFromWord(fields.category);
      if (!category) {
        at(fieldColumn.category, {
          id: `kategori ${quoteCellValue(fields.category)} tidak dikenal; pakai salah satu: ${CATEGORY_WORD_EXAMPLES}`,
          en: `category ${quoteCellValue(fields.category)} is not known; use one of: ${CATEGORY_WORD_EXAMPLES}`,
        });
      }
    } else if (settings.defaultCategory === undefined && columnOf('category') && !reported.has(columnOf('category')!)) {
      at(columnOf('category'), { id: 'kategori kosong', en: 'the category is empty' });
    }

    let id = fields.id;
    if (id !== undefined) {
      if (!SubjectIdSchema.safeParse(id).success) {
        at(fieldColumn.id, {
          id: `id ${quoteCellValue(id)} tidak sah: awali dengan huruf atau angka, hanya huruf, angka, ".", "_", "-", paling banyak 64`,
          en: `id ${quoteCellValue(id)} is not valid: start with a letter or digit, only letters, digits, ".", "_", "-", at most 64`,
        });
      }
    } else if (name !== undefined) {
      id = idFromName(name);
      if (id === '') {
        at(fieldColumn.name, { id: 'nama ini tidak dapat dijadikan id; tambahkan kolom "id"', en: 'this name cannot be made into an id; add an "id" column' });
      }
    }

    let employeeNumber = fields.employeeNumber?.replace(/^'/, '');
    if (employeeNumber !== undefined) {
      if (/^\d+([.,]\d+)?e\+?\d+$/i.test(employeeNumber)) {
        at(fieldColumn.employeeNumber, {
          id: `NIP/NRP ${quoteCellValue(employeeNumber)} tertulis sebagai angka ilmiah, digitnya sudah hilang; format kolom sebagai Teks di Excel, ketik ulang, lalu simpan lagi`,
          en: `NIP/NRP ${quoteCellValue(employeeNumber)} was written in scientific notation and its digits are lost; format the column as Text in Excel, type the numbers again and save`,
        });
        employeeNumber = undefined;
      } else if (!/^[0-9 .-]{5,30}$/.test(employeeNumber)) {
        at(fieldColumn.employeeNumber, {
          id: `NIP/NRP ${quoteCellValue(employeeNumber)} tidak sah: 5–30 angka (boleh spasi, "." atau "-")`,
          en: `NIP/NRP ${quoteCellValue(employeeNumber)} is not valid: 5–30 digits (spaces, "." or "-" allowed)`,
        });
        employeeNumber = undefined;
      }
    }

    if (fields.candidatePairNumber !== undefined) {
      pairNumber = /^\d{1,3}$/.test(fields.candidatePairNumber) ? Number(fields.candidatePairNumber) : Number.NaN;
    }
    if (pairNumber !== undefined && !(Number.isSafeInteger(pairNumber) && pairNumber > 0)) {
      at(fieldColumn.candidatePairNumber, { id: 'nomor urut paslon harus bilangan bulat positif', en: 'the candidate pair number must be a positive whole number' });
    }

    // The same account twice in one row (say, in the Facebook column and the accounts column) is one account.
    const seen = new Set<string>();
    const unique = accounts.filter(({ account }) => {
      const key = accountKey(account);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });

    for (const [field, limit] of LENGTH_LIMITS) {
      const value = fields[field];
      if (value !== undefined && value.length > limit) {
        at(fieldColumn[field], { id: `isian lebih dari ${limit} karakter`, en: `the value is longer than ${limit} characters` });
      }
    }

    if (problems.length === 0 && id !== undefined && name !== undefined && category !== undefined) {
      // Every field was checked above by the rules SubjectSchema holds (the tests hold the two
      // together); building the object directly keeps a large list from paying zod twice, since
      // the merged list is parsed by SubjectListSchema before it is stored.
      const subject: Subject = {
        id,
        name,
        category,
        ...(employeeNumber !== undefined ? { employeeNumber } : {}),
        ...(fields.agency !== undefined ? { agency: fields.agency } : {}),
        ...(fields.position !== undefined ? { position: fields.position } : {}),
        ...(fields.region !== undefined ? { region: fields.region } : {}),
        ...(pairNumber !== undefined ? { candidatePairNumber: pairNumber } : {}),
        accounts: unique.map(({ account }) => account),
        ...(fields.notes !== undefined ? { notes: fields.notes } : {}),
      };
      const clash = checkUnique(subject, row.row, fieldColumn, unique);
      if (clash.length === 0) result.subjects.push(subject);
      problems.push(...clash);
    }
    if (problems.length > 0) {
      result.rowsWithProblems++;
      problems.sort((a, b) => columnOrder(a.column) - columnOrder(b.column));
      for (const problem of problems) addIssue(problem);
    }
  }

  function checkUnique(subject: Subject, rowNumber: number, fieldColumn: Partial<Record<SubjectField, SubjectTableColumn>>, accounts: Array<{ account: AccountFromCell; column: SubjectTableColumn }>): SubjectTableIssue[] {
    const clash: SubjectTableIssue[] = [];
    const firstRow = idRows.get(subject.id);
    if (firstRow !== undefined) {
      const column = result.idsFromNames ? fieldColumn.name : fieldColumn.id;
      clash.push({
        row: rowNumber,
        ...(column ? { column: column.column, header: column.header } : {}),
        message: result.idsFromNames
          ? { id: `nama yang sama dengan baris ${firstRow} memberi id "${subject.id}" yang sama; tambahkan kolom "id" yang membedakan keduanya`, en: `the same name as row ${firstRow} gives the same id "${subject.id}"; add an "id" column that tells them apart` }
          : { id: `id "${subject.id}" sudah dipakai di baris ${firstRow}`, en: `id "${subject.id}" is already used on row ${firstRow}` },
      });
    }
    for (const { account, column } of accounts) {
      const key = accountKey(account);
      const owner = accountRows.get(key);
      if (owner !== undefined) {
        clash.push({ row: rowNumber, column: column.column, header: column.header, message: { id: `akun ${key} juga tercatat di baris ${owner}`, en: `account ${key} is also listed on row ${owner}` } });
      }
    }
    if (clash.length === 0) {
      idRows.set(subject.id, rowNumber);
      for (const { account } of accounts) accountRows.set(accountKey(account), rowNumber);
    }
    return clash;
  }

  function columnOf(field: SubjectField): SubjectTableColumn | undefined {
    return result.columns.find((column) => !column.ignored && column.role.kind === 'field' && column.role.field === field);
  }

  return {
    push(row) {
      if (result.headerRow !== undefined) return readRow(row);
      if (rowsSearched >= headerSearchRows) return;
      if (row.cells.every((cell) => cellText(cell).trim() === '')) return;
      tryHeader(row);
    },
    finish() {
      if (result.headerRow === undefined) {
        addIssue({
          message: {
            id: `baris judul kolom tidak ditemukan di ${headerSearchRows} baris pertama; harus ada kolom "Nama" dan kolom lain seperti "Kategori", "NIP", "Instansi" atau "Akun Facebook"`,
            en: `no header row found in the first ${headerSearchRows} rows; it needs a "Nama" (name) column and others such as "Kategori", "NIP", "Instansi" or "Akun Facebook"`,
          },
        });
      }
      result.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      return result;
    },
  };
}

function columnOrder(letter: string | undefined): number {
  if (letter === undefined) return -1;
  return [...letter].reduce((total, char) => total * 26 + char.charCodeAt(0) - 64, 0);
}

function cellText(cell: SubjectTableCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return '';
}

/** `Dr. Wulan Sari, S.Pd.` → `dr-wulan-sari-s-pd`; accents dropped; at most 64 characters. */
function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
}
