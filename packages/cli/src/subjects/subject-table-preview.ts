import type { Subject, SubjectColumnRole, SubjectTableIssue } from '@sipansos/core';
import type { SubjectTableReading } from './read-subject-table.js';

const FIELD_LABELS: Record<string, string> = {
  id: 'id',
  name: 'nama / name',
  category: 'kategori / category',
  employeeNumber: 'NIP/NRP',
  agency: 'instansi / agency',
  position: 'jabatan / position',
  region: 'wilayah / region',
  candidatePairNumber: 'nomor urut paslon / candidate pair number',
  notes: 'catatan / notes',
};

function roleLabel(role: SubjectColumnRole): string {
  switch (role.kind) {
    case 'field':
      return FIELD_LABELS[role.field] ?? role.field;
    case 'platform':
      return `akun / accounts ${role.platform}`;
    case 'accounts':
      return 'akun (alamat profil atau platform:nama) / accounts (profile address or platform:name)';
    case 'row_number':
      return 'nomor baris, dilewati / row numbers, skipped';
    case 'unknown':
      return 'tidak dikenal, diabaikan / unknown, ignored';
  }
}

/** How the file was read and what each column was taken for, for the clerk to check. */
export function tableDescription(source: string, reading: SubjectTableReading): string[] {
  const how =
    reading.format === 'xlsx'
      ? 'Excel (.xlsx), lembar pertama / first sheet'
      : `CSV, pemisah / delimiter ${reading.delimiter === '\t' ? 'tab' : `"${reading.delimiter}"`}, ${reading.encoding}`;
  const lines = [`${source}: ${how}`];
  if (reading.headerRow === undefined) return lines;
  lines.push(`baris judul kolom / header row: ${reading.headerRow}`);
  for (const column of reading.columns) {
    if (column.header === '') continue;
    const label = column.ignored === 'duplicate' ? 'kolom ganda, diabaikan / second column for the same field, ignored' : roleLabel(column.role);
    lines.push(`  ${column.column.padEnd(3)} ${JSON.stringify(column.header).padEnd(26)} -> ${label}`);
  }
  if (reading.idsFromNames) lines.push('catatan: tidak ada kolom id; id dibuat dari nama / note: no id column; ids are made from names');
  return lines;
}

/** The first subjects read, one per line (no NIP: it is personal data). */
export function subjectPreview(subjects: readonly Subject[], limit: number): string[] {
  const lines = [`pratinjau / preview (${Math.min(limit, subjects.length)} dari / of ${subjects.length}):`];
  for (const subject of subjects.slice(0, limit)) {
    const accounts = subject.accounts.map((account) => `${account.platform}:@${account.handle}`).join(', ');
    lines.push(`  ${subject.id.padEnd(24)} ${subject.category.padEnd(14)} ${subject.name}${accounts ? `  ${accounts}` : ''}`);
  }
  return lines;
}

/** Where an issue is, as a clerk finds it in Excel: `baris 7, kolom D "Kategori" / row 7, column D`. */
export function issueLine(source: string, issue: SubjectTableIssue): string {
  const idWhere = [issue.row !== undefined ? `baris ${issue.row}` : '', issue.column ? `kolom ${issue.column}${issue.header ? ` "${issue.header}"` : ''}` : ''].filter(Boolean).join(', ');
  const enWhere = [issue.row !== undefined ? `row ${issue.row}` : '', issue.column ? `column ${issue.column}` : ''].filter(Boolean).join(', ');
  return `  ${source}${idWhere ? ` ${idWhere}` : ''}: ${issue.message.id} / ${enWhere ? `${enWhere}: ` : ''}${issue.message.en}`;
}

/** The problems to show, at most `limit`, and a closing line with the total. */
export function issueLines(source: string, reading: SubjectTableReading, limit: number): string[] {
  const shown = reading.issues.slice(0, limit);
  const lines = shown.map((issue) => issueLine(source, issue));
  const hidden = reading.issueCount - shown.length;
  lines.push(
    `${reading.issueCount} masalah di ${reading.rowsWithProblems} baris${hidden > 0 ? `, ${hidden} tidak ditampilkan` : ''} / ${reading.issueCount} problem(s) on ${reading.rowsWithProblems} row(s)${hidden > 0 ? `, ${hidden} not shown` : ''} (--max-errors)`,
  );
  return lines;
}
