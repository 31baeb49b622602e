import { CYCLE_AUDIT_KIND, coverageOf, type AccountState, type Coverage } from '@sipansos/core';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { accountDirectory } from '../runtime/account-directory.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { isOfficeFailure, openOffice } from '../runtime/open-office.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { terminalText } from '../runtime/terminal-text.js';

const USAGE = `sipansos status [--json] [--gaps] [--store DIR] [--config F]

Cakupan pemantauan per akun: kapan terakhir teramati, dan celah (rentang waktu akun tidak
teramati) beserta alasannya, mis. "tidak teramati sejak X karena rate_limited". Juga siklus
terakhir dan akun subjek yang belum pernah terekam.

Coverage per account: when it was last observed, and gaps (stretches it was not observed) with
their reason, e.g. "not observed since X because rate_limited". Also the last cycle and subject
accounts never captured.

  --json   satu objek JSON per akun / one JSON object per account
  --gaps   hanya akun dengan celah terbuka / only accounts with open gaps
`;

export const statusCommand: CliCommand = {
  name: 'status',
  summary: { id: 'cakupan per akun: terakhir teramati, celah dan sebabnya', en: 'coverage per account: last observed, gaps and why' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, json: { type: 'boolean', default: false }, gaps: { type: 'boolean', default: false }, store: { type: 'string' } });
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values } = parsed;
    const office = await openOffice(io, values.config ?? 'sipansos.config.json', { subjects: 'optional', store: 'read', ...(values.store ? { storeDir: values.store } : {}) });
    if (isOfficeFailure(office)) {
      printError(io, office.line.id, office.line.en);
      return office.exitCode;
    }
    const { store } = office;
    try {
      const states = await store.query('account_state');
      const cycles = await store.query('audit', { category: CYCLE_AUDIT_KIND });
      if (states.isErr() || cycles.isErr()) {
        const line = storeErrorLine(states.isErr() ? states.error : (cycles as { error: { type: string; message: string } }).error);
        printError(io, line.id, line.en);
        return EXIT.failure;
      }
      const directory = await accountDirectory(store, office.subjects);
      const lastFinished = cycles.value.filter((entry) => entry.record.action === 'monitor.cycle_finished').at(-1)?.record;
      const unfinished = cycles.value.filter((entry) => entry.record.action === 'monitor.cycle_started').map((entry) => entry.record.target?.id).filter((id) => !cycles.value.some((entry) => entry.record.action === 'monitor.cycle_finished' && entry.record.target?.id === id));
      if (!values.json) {
        io.stdout.write(lastFinished ? `siklus terakhir / last cycle: ${lastFinished.target?.id} selesai / finished ${lastFinished.at}\n` : 'belum ada siklus selesai / no finished cycle yet\n');
        if (unfinished.length > 0) io.stdout.write(`siklus terhenti, dilanjutkan run berikutnya / interrupted cycle, resumed by the next run: ${unfinished.join(', ')}\n`);
      }
      const seen = new Set<string>();
      let shown = 0;
      for (const { record } of states.value) {
        const state = record as unknown as AccountState;
        seen.add(state.accountKey);
        const coverage = coverageOf(state);
        if (values.gaps && coverage.openGaps.length === 0) continue;
        const owner = directory.get(state.accountKey);
        const lastObserved = lastObservedOf(coverage);
        shown++;
        if (values.json) {
          io.stdout.write(`${JSON.stringify({ ...coverage, subjectId: owner?.subjectId, handle: owner?.handle ?? state.handle, lastObserved, visibility: state.visibility?.observation, items: state.itemCount })}\n`);
          continue;
        }
        const who = owner ? `${owner.subjectId} @${owner.handle}` : state.handle ? `@${state.handle}` : '';
        io.stdout.write(`${state.accountKey} ${terminalText(who, 60)}  terakhir teramati / last observed: ${lastObserved ?? 'belum pernah / never'}; butir / items: ${state.itemCount}${state.visibility && state.visibility.observation !== 'public' ? `; akun / account: ${state.visibility.observation}` : ''}\n`);
        for (const gap of coverage.openGaps) {
          io.stdout.write(`    celah / gap ${gap.scope}: tidak teramati sejak / not observed since ${gap.from ?? gap.firstFailureAt} karena / because ${gap.reason}${gap.message ? ` (${terminalText(gap.message, 100)})` : ''}; ${gap.failures}×\n`);
        }
      }
      const never = [...new Set(directory.entries())].filter(([key]) => !seen.has(key) && !key.includes(':@')).length;
      if (!values.json) io.stdout.write(`${shown} akun / accounts${never > 0 ? `; ${never} akun subjek belum pernah terekam / subject accounts never captured` : ''}\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

function lastObservedOf(coverage: Coverage): string | undefined {
  let latest: string | undefined;
  for (const scope of coverage.scopes) {
    const at = scope.lastSuccess?.at;
    if (at && (!latest || at > latest)) latest = at;
  }
  return latest;
}
