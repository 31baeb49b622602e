import type { EvidenceStoreV1, StoreOpenReportV1 } from '@sipansos/core/spec';
import type { CliIo } from '../cli-io.js';
import { printError } from '../command.js';
import type { BilingualLine } from './runtime-error.js';
import { storeErrorLine } from './runtime-error.js';
import { terminalText } from './terminal-text.js';

/**
 * Say on stderr what opening the store recovered (a torn tail cut, a repair): the store also
 * records each in its audit log, so nothing changes without a trace.
 */
export function printStoreRecovery(io: CliIo, report: StoreOpenReportV1): void {
  for (const recovered of report.recovered) {
    io.stderr.write(`pemulihan store / store recovery: ${terminalText(recovered.file, 120)}: ${terminalText(recovered.message, 400)} (dicatat di log audit / recorded in the audit log)\n`);
  }
}

/** Why a writing command refuses a store that opened read-only, naming the damage. */
export function readOnlyStoreLine(report: StoreOpenReportV1): BilingualLine {
  const first = report.damaged[0];
  const where = first ? `${first.file}${first.seq !== undefined ? ` entri/entry ${first.seq}` : ''}: ${terminalText(first.message, 400)}` : '';
  return {
    id: `store rusak, jadi hanya-baca; tidak ada yang ditulis. ${where}. Periksa dengan "sipansos verify", lalu setelah diperiksa petugas: "sipansos verify --repair"`,
    en: `the store is damaged, so read-only; nothing was written. ${where}. Check it with "sipansos verify", then, once an operator has examined it: "sipansos verify --repair"`,
  };
}

/**
 * Close a store opened for writing. The store signs a checkpoint over every log on close
 * (`checkpointOnClose`); when that fails the command says so. Returns whether it closed cleanly.
 */
export async function closeWriterStore(io: CliIo, store: EvidenceStoreV1): Promise<boolean> {
  const closed = await store.close();
  if (closed.isOk()) return true;
  const line = storeErrorLine(closed.error);
  printError(io, `checkpoint penutup tidak dapat ditandatangani: ${line.id}`, `the closing checkpoint could not be signed: ${line.en}`);
  return false;
}
