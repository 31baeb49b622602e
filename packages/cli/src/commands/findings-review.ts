import { recordFindingReview } from '@sipansos/core/cases';
import type { CliIo } from '../cli-io.js';
import { withCaseOffice } from '../cases/case-office.js';
import { EXIT, printError } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { storeErrorLine } from '../runtime/runtime-error.js';

/** Usage of `sipansos findings review`, shown inside `sipansos findings --help`. */
export const FINDING_REVIEW_USAGE = `sipansos findings review <id> --accept [--case K] | --dismiss --reason "…" [--actor NAMA]

Mencatat keputusan peninjau atas satu temuan (log audit, tidak dapat diubah; keputusan terakhir berlaku).
Records a reviewer's decision on one finding (audit log, append-only; the latest decision stands).
  --accept        temuan benar / the finding is a real act
  --case K        kasus yang dibuka atau diikuti / the case it opened or joined
  --dismiss       alarm palsu / a false alarm; perlu --reason (≥ 10 karakter) / needs --reason (≥ 10 chars)
  --actor NAMA    siapa yang memutuskan (bawaan: actor di konfigurasi) / who decided (default: the config's actor)
`;

/** `sipansos findings review`: accept or dismiss a finding, as a `finding.reviewed` audit entry. */
export async function runFindingReview(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    io,
    { ...CONFIG_OPTION, accept: { type: 'boolean', default: false }, dismiss: { type: 'boolean', default: false }, reason: { type: 'string' }, case: { type: 'string' }, actor: { type: 'string' }, store: { type: 'string' }, json: { type: 'boolean', default: false } },
    true,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values, positionals } = parsed;
  const [findingId, ...extra] = positionals;
  if (!findingId || extra.length > 0 || values.accept === values.dismiss) {
    printError(io, 'sebutkan satu id temuan dan tepat satu dari --accept atau --dismiss', 'name one finding id and exactly one of --accept or --dismiss');
    return EXIT.usage;
  }
  if (values.dismiss && values.case) {
    printError(io, '--case hanya untuk --accept', '--case goes with --accept only');
    return EXIT.usage;
  }
  return withCaseOffice(io, { config: values.config, store: values.store, access: 'write' }, async ({ office, store }) => {
    const decided = await recordFindingReview(store, findingId, {
      outcome: values.accept ? 'accepted' : 'dismissed',
      ...(values.reason ? { reason: values.reason } : {}),
      ...(values.case ? { caseId: values.case } : {}),
      actor: values.actor ?? office.config.config.actor,
      at: new Date(io.env.SIPANSOS_NOW ?? Date.now()).toISOString(),
    });
    if (decided.isErr()) {
      const error = decided.error;
      if (error.type === 'store') {
        const line = storeErrorLine(error.cause);
        printError(io, line.id, line.en);
        return EXIT.failure;
      }
      const [id, en] = error.message.includes(' / ') ? (error.message.split(' / ', 2) as [string, string]) : [error.message, error.message];
      printError(io, id, en);
      return EXIT.problem;
    }
    const review = decided.value;
    if (values.json) io.stdout.write(`${JSON.stringify(review)}\n`);
    else io.stdout.write(`${review.outcome === 'accepted' ? 'diterima / accepted' : 'ditolak / dismissed'}: ${review.findingId} (${review.ruleId}) oleh / by ${review.actor}\n`);
    return EXIT.ok;
  });
}
