import type { CaseError } from '@sipansos/core/cases';
import type { BilingualLine } from '../runtime/runtime-error.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { EXIT } from '../command.js';

/** A case error as one bilingual line and an exit code. */
export function caseErrorLine(error: CaseError): { line: BilingualLine; exitCode: number } {
  switch (error.type) {
    case 'store':
      return { line: storeErrorLine(error.cause), exitCode: EXIT.failure };
    case 'invalid_input': {
      const issues = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      return { line: { id: `masukan tidak sah: ${issues}`, en: `invalid input: ${issues}` }, exitCode: EXIT.usage };
    }
    case 'illegal_transition':
      return { line: { id: `perpindahan tidak sah: ${error.from} → ${error.to}; yang boleh: ${error.allowed.join(', ') || '(tidak ada, kasus selesai)'}`, en: `illegal transition ${error.from} → ${error.to}; allowed: ${error.allowed.join(', ') || '(none: the case is closed)'}` }, exitCode: EXIT.problem };
    default:
      return { line: { id: error.message, en: error.type }, exitCode: EXIT.problem };
  }
}
