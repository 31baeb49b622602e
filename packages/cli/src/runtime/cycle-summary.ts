import { type CycleReport } from '@sipansos/core';
import { FINDING_CATEGORY_LABELS, labelOf } from '@sipansos/core/report';
import { terminalText } from './terminal-text.js';

/** Change types in words, Indonesian first. */
const CHANGE_WORDS: Readonly<Record<string, string>> = {
  added: 'baru / added',
  edited: 'disunting / edited',
  missing: 'hilang / missing',
  reappeared: 'muncul lagi / reappeared',
  unliked: 'batal suka / unliked',
  profile_changed: 'profil berubah / profile changed',
};

/** A cycle report in a few lines a person reads, Indonesian first. */
export function formatCycleReport(report: CycleReport): string {
  const lines: string[] = [];
  const status = report.status === 'complete' ? 'selesai / complete' : 'terhenti, dilanjutkan pada run berikutnya / interrupted, the next run resumes it';
  lines.push(`Siklus / cycle ${report.cycleId}${report.resumed ? ' (dilanjutkan / resumed)' : ''}: ${status}`);
  const a = report.accounts;
  lines.push(`  akun / accounts: ${a.total} — terekam / captured ${a.captured}, gagal / failed ${a.failed}, ditunda / deferred ${a.deferred}${a.interrupted ? `, terhenti / interrupted ${a.interrupted}` : ''}`);
  lines.push(`  rekaman / captures: ${report.captures.stored} baru / new${report.captures.reused ? `, ${report.captures.reused} dipakai ulang / reused` : ''}, ${report.captures.items} butir / items`);
  const changes = Object.entries(report.changes).map(([type, count]) => `${CHANGE_WORDS[type] ?? type} ${count}`).join(', ');
  lines.push(`  perubahan / changes: ${changes || '0'}`);
  lines.push(`  penghapusan terkonfirmasi / deletions confirmed: ${report.deletionsConfirmed.length}`);
  const findings = Object.entries(report.findings.byCategory).map(([category, count]) => `${labelOf(FINDING_CATEGORY_LABELS, category).id} ${count}`).join(', ');
  lines.push(`  temuan / findings: ${report.findings.total}${findings ? ` (${findings})` : ''}`);
  if (report.lookups.requests > 0) lines.push(`  pencarian per id / lookups by id: ${report.lookups.asked} id dalam / in ${report.lookups.requests} permintaan / requests (${report.lookups.idsPerRequest} id per permintaan / per request)`);
  if (report.plan.deferred > 0) lines.push(`  menunggu giliran (anggaran) / left for a later cycle (budget): ${report.plan.deferred} (${report.plan.lines.filter((line) => line.deferred > 0).map((line) => `${line.platform} ${line.scope} ${line.deferred}`).join(', ')})`);
  lines.push(`  permintaan / requests: ${report.requestsTotal}${Object.keys(report.requests).length ? ` (${Object.entries(report.requests).map(([platform, counts]) => `${platform} ${Object.values(counts).reduce((sum, count) => sum + count, 0)}`).join(', ')})` : ''}`);
  for (const failure of report.failures.slice(0, 10)) {
    lines.push(`  gagal / failed: ${terminalText(failure.accountKey, 80)} ${failure.scope}: ${failure.errorType} — ${terminalText(failure.message, 200)}`);
  }
  if (report.failures.length > 10) lines.push(`  … ${report.failures.length - 10} kegagalan lain / more failures`);
  for (const deferral of report.deferred.slice(0, 10)) {
    const wait = deferral.retryAfterMs !== undefined ? ` (${Math.ceil(deferral.retryAfterMs / 60_000)} min)` : '';
    lines.push(`  ditunda ke siklus berikut / deferred to next cycle: ${terminalText(deferral.accountKey, 80)} ${deferral.scope}: ${terminalText(deferral.reason, 120)}${wait}`);
  }
  if (report.deferred.length > 10) lines.push(`  … ${report.deferred.length - 10} penundaan lain / more deferrals`);
  if (report.skipped.length > 0) lines.push(`  dilewati / skipped: ${report.skipped.length} akun / accounts (${[...new Set(report.skipped.map((entry) => entry.reason))].join('; ')})`);
  return `${lines.join('\n')}\n`;
}
