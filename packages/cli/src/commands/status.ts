import { CYCLE_AUDIT_KIND, coverageOf, formatLocalTimestamp, type AccountState, type Coverage } from '@sipansos/core';
import { ACCOUNT_OBSERVATION_LABELS, CAPTURE_SCOPE_LABELS, GAP_REASON_LABELS, labelOf } from '@sipansos/core/report';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { accountDirectory } from '../runtime/account-directory.js';
import { buildAdapters } from '../runtime/build-adapters.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { officeTimeZone } from '../runtime/office-time-zone.js';
import { PLATFORM_ENVIRONMENT } from '../runtime/environment.js';
import { isOfficeFailure, openOffice } from '../runtime/open-office.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';

const USAGE = `sipansos status [--json] [--gaps] [--store DIR] [--config F]

Cakupan pemantauan per akun: kapan terakhir teramati, dan celah (rentang waktu akun tidak
teramati) beserta alasannya, mis. "tidak teramati sejak X karena rate_limited". Juga siklus
terakhir dan akun subjek yang belum pernah terekam.

Coverage per account: when it was last observed, and gaps (stretches it was not observed) with
their reason, e.g. "not observed since X because rate_limited". Also the last cycle, subject
accounts never captured, and accounts "run" skips and why (no token for the platform, platform
disabled in the config). Akun yang dilewati "run" juga dicantumkan beserta sebabnya.

  --json   satu objek JSON per akun / one JSON object per account
  --gaps   hanya akun dengan celah terbuka / only accounts with open gaps
`;

export const statusCommand: CliCommand = {
  name: 'status',
  summary: { id: 'cakupan per akun: terakhir teramati, celah dan sebabnya', en: 'coverage per account: last observed, gaps and why' },
  usage: USAGE,
  environment: PLATFORM_ENVIRONMENT,
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
      const timeZone = await officeTimeZone(office);
      const at = (value: string | undefined) => (value ? formatLocalTimestamp(value, timeZone) : '?');
      const lastFinished = cycles.value.filter((entry) => entry.record.action === 'monitor.cycle_finished').at(-1)?.record;
      const unfinished = cycles.value.filter((entry) => entry.record.action === 'monitor.cycle_started').map((entry) => entry.record.target?.id).filter((id) => !cycles.value.some((entry) => entry.record.action === 'monitor.cycle_finished' && entry.record.target?.id === id));
      if (!values.json) {
        io.stdout.write(lastFinished ? `siklus terakhir / last cycle: ${lastFinished.target?.id} selesai / finished ${at(lastFinished.at)}\n` : 'belum ada siklus selesai / no finished cycle yet\n');
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
          io.stdout.write(`${terminalJson({ ...coverage, subjectId: owner?.subjectId, handle: owner?.handle ?? state.handle, lastObserved, visibility: state.visibility?.observation, items: state.itemCount })}\n`);
          continue;
        }
        const who = owner ? `${owner.subjectId} @${owner.handle}` : state.handle ? `@${state.handle}` : '';
        io.stdout.write(`${state.accountKey} ${terminalText(who, 60)}  terakhir teramati / last observed: ${lastObserved ? at(lastObserved) : 'belum pernah / never'}; butir / items: ${state.itemCount}${state.visibility && state.visibility.observation !== 'public' ? `; akun / account: ${labelOf(ACCOUNT_OBSERVATION_LABELS, state.visibility.observation).id} / ${labelOf(ACCOUNT_OBSERVATION_LABELS, state.visibility.observation).en}` : ''}\n`);
        for (const gap of coverage.openGaps) {
          const scope = labelOf(CAPTURE_SCOPE_LABELS, gap.scope);
          const reason = labelOf(GAP_REASON_LABELS, gap.reason);
          io.stdout.write(`    celah / gap ${scope.id} / ${scope.en}: tidak teramati sejak / not observed since ${at(gap.from ?? gap.firstFailureAt)} karena ${reason.id} / because ${reason.en}${gap.message ? ` (${terminalText(gap.message, 100)})` : ''}; ${gap.failures}×\n`);
        }
      }
      const never = [...new Set(directory.entries())].filter(([key]) => !seen.has(key) && !key.includes(':@')).length;
      // Accounts `run` would skip with this config and environment, and why (no token, disabled).
      const skippedPlatforms = buildAdapters(office.config.config, io.env).skipped;
      const skipped = (office.subjects ?? []).flatMap((subject) => subject.accounts.filter((account) => skippedPlatforms.has(account.platform)).map((account) => ({ subject, account, reason: skippedPlatforms.get(account.platform)! })));
      for (const { subject, account, reason } of skipped) {
        if (values.json) io.stdout.write(`${terminalJson({ skipped: true, subjectId: subject.id, platform: account.platform, handle: account.handle, reason })}\n`);
        else io.stdout.write(`dilewati / skipped: ${terminalText(subject.id, 40)} ${account.platform}:@${terminalText(account.handle, 60)} — ${reason.id} / ${reason.en}\n`);
      }
      if (!values.json) io.stdout.write(`${shown} akun / accounts${never > 0 ? `; ${never} akun subjek belum pernah terekam / subject accounts never captured` : ''}${skipped.length > 0 ? `; ${skipped.length} akun dilewati / accounts skipped` : ''}\n`);
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
