import { deletionVerdicts, formatLocalTimestamp, type AccountState, type DeletionVerdict, type IndonesianTimeZone } from '@sipansos/core';
import { labelOf, LOOKUP_STATUS_LABELS } from '@sipansos/core/report';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { accountDirectory } from '../runtime/account-directory.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { formatDuration } from '../runtime/duration.js';
import { officeTimeZone } from '../runtime/office-time-zone.js';
import { isOfficeFailure, openOffice } from '../runtime/open-office.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';

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
      const timeZone = await officeTimeZone(office);
      let count = 0;
      for (const { record } of states.value) {
        const state = record as unknown as AccountState;
        const owner = directory.get(state.accountKey);
        for (const verdict of deletionVerdicts(state)) {
          if (values.verdict && verdict.verdict !== values.verdict) continue;
          count++;
          if (values.json) io.stdout.write(`${terminalJson({ ...verdict, subjectId: owner?.subjectId, handle: owner?.handle ?? state.handle })}\n`);
          else io.stdout.write(describe(verdict, timeZone, owner ? `${owner.subjectId} ${owner.subjectName} @${owner.handle}` : state.handle ? `@${state.handle}` : ''));
        }
      }
      if (!values.json) io.stdout.write(`${count} unggahan / posts\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

const CONFIRMED_BY: Readonly<Record<string, string>> = {
  lookup: 'pencarian per id / lookup by id',
  corroborated_lookup: 'pencarian per id yang diperkuat / corroborated lookup',
  complete_misses: 'beberapa rekaman lengkap tanpa unggahan ini / several complete captures lacked it',
  original_lookup: 'pencarian unggahan asli / lookup of the original',
  original_unavailable: 'unggahan asli tidak tersedia / original unavailable',
};

const CAVEATS: Readonly<Record<string, string>> = {
  repost_original_not_checked: 'unggahan asli dari unggah ulang belum diperiksa / the reposted original was not checked',
  earlier_versions_not_captured: 'versi sebelumnya tidak sempat direkam / earlier versions not captured',
  content_not_captured: 'isi tidak sempat direkam / content not captured',
  known_only_through_reference: 'diketahui hanya dari balasan atau kutipan akun ini / known only through this account\'s reply or quote',
};

function describe(verdict: DeletionVerdict, zone: IndonesianTimeZone, who: string): string {
  const proof = verdict.proof;
  const at = (value: string | undefined) => (value ? formatLocalTimestamp(value, zone) : '?');
  // From the post's creation when the platform gives it: one sighting says little of how long it was up.
  const createdAt = verdict.versions[0]?.item.createdAt;
  const publicFrom = createdAt && Number.isFinite(Date.parse(createdAt)) ? createdAt : proof.firstSeenAt;
  const lines = [`${verdict.itemKey}  ${verdict.label.id} / ${verdict.label.en}  — ${verdict.accountKey}${who ? ` (${terminalText(who, 80)})` : ''}`];
  if (publicFrom || proof.lastSeenAt) {
    const least = publicFrom && proof.lastSeenAt ? Date.parse(proof.lastSeenAt) - Date.parse(publicFrom) : undefined;
    const most = publicFrom && proof.firstMissingAt && verdict.verdict !== 'edited' ? Date.parse(proof.firstMissingAt) - Date.parse(publicFrom) : undefined;
    const span = least !== undefined ? ` (paling sedikit / at least ${formatDuration(least)}${most !== undefined ? `, paling lama / at most ${formatDuration(most)}` : ''})` : '';
    const from = publicFrom === createdAt ? `dibuat / created ${at(createdAt)}` : `pertama terlihat / first seen ${at(proof.firstSeenAt)}`;
    lines.push(`    terlihat publik / public: ${from} → terakhir terlihat / last seen ${at(proof.lastSeenAt)}${span}`);
  }
  if (proof.firstMissingAt) lines.push(`    hilang sejak / missing since: ${at(proof.firstMissingAt)}; rekaman tanpa unggahan / captures lacking it: ${proof.capturesLackingCount}`);
  if (proof.confirmedAt) lines.push(`    dikonfirmasi / confirmed: ${at(proof.confirmedAt)} oleh / by ${proof.confirmedBy ? (CONFIRMED_BY[proof.confirmedBy] ?? proof.confirmedBy) : '?'}`);
  for (const lookup of proof.lookups.slice(-3)) {
    const status = labelOf(LOOKUP_STATUS_LABELS, lookup.status);
    lines.push(`    pencarian id / lookup ${lookup.id}: ${status.id} / ${status.en} ${at(lookup.at)}${lookup.rawBlobs[0] ? ` blob ${lookup.rawBlobs[0].slice(0, 16)}…` : ''}`);
  }
  const versions = verdict.versions;
  if (versions.length > 0) {
    const last = versions.at(-1)!;
    if (versions.length > 1) lines.push(`    versi / versions: ${versions.length}; pertama / first: "${terminalText(versions[0]!.item.text ?? '')}"`);
    lines.push(`    teks / text: "${terminalText(last.item.text ?? '')}"`);
  } else {
    lines.push('    isi tidak sempat direkam / content not captured');
    const bounds = proof.timeBounds;
    if (bounds) {
      const made = bounds.createdAt ? `dibuat / created ${at(bounds.createdAt)}` : bounds.createdBefore ? `dibuat sebelum / created before ${at(bounds.createdBefore)}` : '';
      const least = proof.publicForMs !== undefined ? `; terlihat publik paling sedikit / public at least ${formatDuration(proof.publicForMs)}` : '';
      lines.push(`    waktu / time: ${made ? `${made}; ` : ''}sudah hilang pada / gone by ${at(bounds.goneBy)}${least}`);
    }
    for (const reference of (proof.knownFrom ?? []).slice(0, 3)) lines.push(`    bukti / proof: ${reference.itemKey} (rekaman / capture ${reference.captureId})`);
  }
  if (verdict.likelyCorrection) lines.push(`    kemungkinan koreksi cepat, diganti oleh / likely a quick correction, replaced by ${verdict.replacedBy}`);
  if (verdict.caveats.length > 0) lines.push(`    catatan / caveats: ${verdict.caveats.map((caveat) => CAVEATS[caveat] ?? caveat).join('; ')}`);
  return `${lines.join('\n')}\n`;
}
