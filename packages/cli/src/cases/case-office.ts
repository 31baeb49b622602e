import { ensureCheckpointCovers, collectCaseEvidence, type AuditEntry, type EvidenceStoreV1 } from '@sipansos/core';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError } from '../command.js';
import { isOfficeFailure, openOffice, type Office } from '../runtime/open-office.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { loadCaseSettings, type CaseSettings } from './case-settings.js';

/** What a case command works with: the office, its open store and its case settings. */
export interface CaseOffice {
  /** Opened with the subjects (empty when the file is missing) and the store. */
  office: Office<{ subjects: 'optional'; store: 'read' | 'write' }>;
  store: EvidenceStoreV1;
  settings: CaseSettings;
}

/**
 * Open the office's store and case settings, run `body`, and close the store whatever happens.
 * Problems opening either become one bilingual line and the matching exit code.
 */
export async function withCaseOffice(
  io: CliIo,
  options: { config?: string | undefined; store?: string | undefined; access: 'read' | 'write' },
  body: (context: CaseOffice) => Promise<number>,
): Promise<number> {
  const office = await openOffice(io, options.config ?? 'sipansos.config.json', { subjects: 'optional', store: options.access, ...(options.store ? { storeDir: options.store } : {}) });
  if (isOfficeFailure(office)) {
    printError(io, office.line.id, office.line.en);
    return office.exitCode;
  }
  const { store } = office;
  try {
    const settings = await loadCaseSettings(office.config);
    if ('problem' in settings) {
      printError(io, settings.problem.id, settings.problem.en);
      return EXIT.problem;
    }
    return await body({ office, store, settings });
  } finally {
    await store.close();
  }
}

/**
 * Sign a checkpoint over the case's captures, so their inclusion proofs can be shown and checked.
 * Returns an exit code when signing failed; a store without signing (`unsupported`) is fine.
 */
export async function signCaseCheckpoint(io: CliIo, store: EvidenceStoreV1, caseId: string): Promise<number | undefined> {
  const evidence = await collectCaseEvidence(store, caseId);
  if (evidence.isErr()) return undefined;
  const signed = await ensureCheckpointCovers(store, evidence.value.captures.map((entry) => entry.id));
  if (signed.isErr() && signed.error.type !== 'unsupported') {
    const line = storeErrorLine(signed.error);
    printError(io, line.id, line.en);
    return EXIT.failure;
  }
  return undefined;
}

/** Record an export in the audit log; returns an exit code when it could not be recorded. */
export async function auditExport(io: CliIo, store: EvidenceStoreV1, entry: AuditEntry): Promise<number | undefined> {
  const audit = await store.append('audit', [entry]);
  if (audit.isErr()) {
    const line = storeErrorLine(audit.error);
    printError(io, `ekspor tidak tercatat di log audit: ${line.id}`, `the export could not be audited: ${line.en}`);
    return EXIT.failure;
  }
  return undefined;
}
