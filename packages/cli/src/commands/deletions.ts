import { deletionVerdicts, type AccountState, type DeletionVerdict } from '@sipansos/core';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { accountDirectory } from '../runtime/account-directory.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { formatDuration } from '../runtime/duration.js';
import { isOfficeFailure, openOffice } from '../runtime/open-office.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { terminalText } from '../runtime/terminal-text.js';

const VERDICTS = ['deleted', 'deleted_unverified', 'original_deleted', 'edited'] as const;

const USAGE = `sipansos deletions [--json] [--verdict V] [--account KEY] [--store DIR] [--config F]

Menampilkan unggahan yang dihapus atau diubah: putusan, buktinya (rekaman yang tidak lagi memuat
unggahan, hasil pencarian per id beserta hash respons mentahnya), dan berapa lama unggahan itu
terlihat publik. "Dihapus" hanya bila dikonfirmasi; akun privat, ditangguhkan, atau permintaan
yang gagal tidak pernah dibaca sebagai penghapusan.

Lists deleted and edited posts: the verdict, its proof (captures that no longer held the post,
lookups by id with their raw responses' hashes) and how long the post was public. "Deleted" only
when confirmed; a private or suspended account or a failed request is never read as a deletion.

  --json         satu objek JSON per baris / one JSON object per line
  --verdict V    ${VERDICTS.join(' | ')} (bawaan semua / default all)
  --account KEY  hanya akun ini / only this account, e.g. x:1790001
`;

export const deletionsCommand: CliCommand = {
  name: 'deletions',
  summary: { id: 'unggahan yang dihapus atau diubah, dengan bukti', en: 'deleted and edited posts, with proof' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, json: { type: 'boolean', default: false }, verdict: { type: 'string' }, account: { type: 'string' }, store: { type: 'string' } });
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values } = parsed;
    if (values.verdict && !(VERDICTS as readonly string[]).includes(values.verdict)) {
      printError(io, `--verdict harus salah satu dari ${VERDICTS.join(', ')}`, `--verdict must be one of ${VERDICTS.join(', ')}`);
      return EXIT.usage;
    }
    const office = await openOffice(io, values.config ?? 'sipansos.config.json', { subjects: 'optional', store: 'read', ...(values.store ? { storeDir: values.store } : {}) });
    if (isOfficeFailure(office)) {
      printError(io, office.line.id, office.line.en);
      return office.exitCode;
    }
    const { store } = office;
    try {
      const states = await store.query('account_state', values.account ? { accountKey: values.account } : {});
      if (states.isErr()) {
        const line = storeErrorLine(states.error);
        printError(io, line.id, line.en);
        return EXIT.failure;
      }
      const directory = await accountDirectory(store, office.subjects);
      let count = 0;
      for (const { record } of states.value) {
        const state = record as unknown as AccountState;
        const owner = directory.get(state.accountKey);
        for (const verdict of deletionVerdicts(state)) {
          if (values.verdict && verdict.verdict !== values.verdict) continue;
          count++;
          if (values.json) io.stdout.write(`${JSON.stringify({ ...verdict, subjectId: owner?.subjectId, handle: owner?.handle ?? state.handle })}\n`);
          else io.stdout.write(describe(verdict, owner ? `${owner.subjectId} ${owner.subjectName} @${owner.handle}` : state.handle ? `@${state.handle}` : ''));
        }
      }
      if (!values.json) io.stdout.write(`${count} unggahan / posts\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

function describe(verdict: DeletionVerdict, who: string): string {
  const proof = verdict.proof;
  const lines = [`${verdict.itemKey}  ${verdict.label.id} / ${verdict.label.en}  — ${verdict.accountKey}${who ? ` (${terminalText(who, 80)})` : ''}`];
  if (proof.firstSeenAt || proof.lastSeenAt) {
    const span = proof.publicForMs !== undefined ? ` (${formatDuration(proof.publicForMs)})` : '';
    lines.push(`    terlihat publik / public: ${proof.firstSeenAt ?? '?'} → ${proof.lastSeenAt ?? '?'}${span}`);
  }
  if (proof.firstMissingAt) lines.push(`    hilang sejak / missing since: ${proof.firstMissingAt}; rekaman tanpa unggahan / captures lacking it: ${proof.capturesLackingCount}`);
  if (proof.confirmedAt) lines.push(`    dikonfirmasi / confirmed: ${proof.confirmedAt} oleh / by ${proof.confirmedBy ?? '?'}`);
  for (const lookup of proof.lookups.slice(-3)) {
    lines.push(`    pencarian id / lookup ${lookup.id}: ${lookup.status} ${lookup.at}${lookup.rawBlobs[0] ? ` blob ${lookup.rawBlobs[0].slice(0, 16)}…` : ''}`);
  }
  const versions = verdict.versions;
  if (versions.length > 0) {
    const last = versions.at(-1)!;
    if (versions.length > 1) lines.push(`    versi / versions: ${versions.length}; pertama / first: "${terminalText(versions[0]!.item.text ?? '')}"`);
    lines.push(`    teks / text: "${terminalText(last.item.text ?? '')}"`);
  } else lines.push('    isi tidak sempat direkam / content not captured');
  if (verdict.likelyCorrection) lines.push(`    kemungkinan koreksi cepat, diganti oleh / likely a quick correction, replaced by ${verdict.replacedBy}`);
  if (verdict.caveats.length > 0) lines.push(`    catatan / caveats: ${verdict.caveats.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
