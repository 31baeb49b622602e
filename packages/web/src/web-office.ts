import type { IndonesianTimeZone, Subject } from '@sipansos/core';
import type { DeadlinePolicy, RoutingTable } from '@sipansos/core/cases';
import type { LetterTemplate } from '@sipansos/core/report';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';

/** One row problem found while reading an uploaded subjects table. */
export interface SubjectImportIssue {
  row?: number;
  column?: string;
  message: { id: string; en: string };
}

/** What an uploaded subjects table would become, shown before anything is saved. */
export interface SubjectImportPreview {
  /** How the file was read (format, sheet, delimiter), one line. */
  description: string;
  subjects: Subject[];
  issues: SubjectImportIssue[];
  /** Issues beyond those listed. */
  moreIssues: number;
}

/**
 * Reading and saving subjects tables. The command line supplies its own CSV/XLSX readers, so the
 * app and `sipansos subjects import` read a file the same way.
 */
export interface SubjectImporter {
  preview(fileName: string, bytes: Uint8Array): Promise<SubjectImportPreview | { problem: { id: string; en: string } }>;
  /** Replace the office's subjects list; resolves to the list now in force. */
  save(subjects: readonly Subject[]): Promise<readonly Subject[] | { problem: { id: string; en: string } }>;
}

/** Everything the web app works with, opened by `sipansos serve`. */
export interface WebOffice {
  /** Opened as the single writer; the app never closes it. */
  store: EvidenceStoreV1;
  officeName: string;
  /** The office's seat (city) for letters. */
  seat?: string;
  /** The election's zone: every time on every screen is shown in it, named. */
  timeZone: IndonesianTimeZone;
  /** The subjects list in force (it changes after an import). */
  subjects(): readonly Subject[];
  routing: RoutingTable;
  deadlines: DeadlinePolicy;
  templates: Partial<Record<'rekomendasi' | 'penerusan', LetterTemplate>>;
  /** The users file (`users.json` beside the config). */
  usersFile: string;
  subjectImporter?: SubjectImporter;
  /** The clock. @default () => new Date() */
  now?: () => Date;
}
