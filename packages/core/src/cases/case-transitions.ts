import type { CaseState } from './case-schema.js';

/**
 * Which state may follow which, after the handling procedure (`procedure.md` §9.3). One table,
 * so the law's order is readable in one place and every other move is refused.
 *
 * - `temuan` → `kajian_awal`: the finding is taken up for an initial study.
 * - `kajian_awal` → `registrasi` or `tidak_diregistrasi`: formal and material requirements met or not.
 * - `tidak_diregistrasi` → `selesai`: the matter ends (a corrected report is a new case).
 * - `registrasi` → `klarifikasi` → `kajian`: the parties are heard, then the study.
 * - `kajian` → `pelanggaran` or `bukan_pelanggaran`: the decision.
 * - `bukan_pelanggaran` → `selesai`.
 * - `pelanggaran` → `rekomendasi`: the recommendation or forwarding letter is prepared.
 * - `rekomendasi` → `tindak_lanjut`: the letter was sent; Bawaslu follows the authority up.
 * - `tindak_lanjut` → `selesai`: the authority answered (or its silence was recorded).
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, readonly CaseState[]>> = {
  temuan: ['kajian_awal'],
  kajian_awal: ['registrasi', 'tidak_diregistrasi'],
  tidak_diregistrasi: ['selesai'],
  registrasi: ['klarifikasi'],
  klarifikasi: ['kajian'],
  kajian: ['pelanggaran', 'bukan_pelanggaran'],
  bukan_pelanggaran: ['selesai'],
  pelanggaran: ['rekomendasi'],
  rekomendasi: ['tindak_lanjut'],
  tindak_lanjut: ['selesai'],
  selesai: [],
};

/** Whether the procedure allows moving from `from` to `to`. */
export function isAllowedTransition(from: CaseState, to: CaseState): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** States a case can still move out of. */
export function isOpenState(state: CaseState): boolean {
  return CASE_TRANSITIONS[state].length > 0;
}

/** Indonesian and English labels of each state, for reports and the CLI. */
export const CASE_STATE_LABELS: Readonly<Record<CaseState, { id: string; en: string }>> = {
  temuan: { id: 'Temuan', en: 'Finding' },
  kajian_awal: { id: 'Kajian awal', en: 'Initial study' },
  tidak_diregistrasi: { id: 'Tidak diregistrasi', en: 'Not registered' },
  registrasi: { id: 'Diregistrasi', en: 'Registered' },
  klarifikasi: { id: 'Klarifikasi', en: 'Clarification' },
  kajian: { id: 'Kajian', en: 'Study' },
  bukan_pelanggaran: { id: 'Bukan pelanggaran', en: 'Not a violation' },
  pelanggaran: { id: 'Pelanggaran', en: 'Violation' },
  rekomendasi: { id: 'Rekomendasi / penerusan', en: 'Recommendation / referral' },
  tindak_lanjut: { id: 'Tindak lanjut', en: 'Follow-up by the authority' },
  selesai: { id: 'Selesai', en: 'Closed' },
};
