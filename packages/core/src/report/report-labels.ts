import type { FindingCategory, SanctionClass } from '../findings/finding-schema.js';
import type { SubjectCategory } from '../subject/subject-schema.js';

/** A label in Indonesian with its English beside it. */
export interface BilingualLabel {
  id: string;
  en: string;
}

/** Finding categories in words. */
export const FINDING_CATEGORY_LABELS: Readonly<Record<FindingCategory, BilingualLabel>> = {
  neutrality: { id: 'Netralitas', en: 'Neutrality' },
  black_campaign: { id: 'Kampanye hitam', en: 'Black campaign' },
  hate_speech: { id: 'Ujaran kebencian', en: 'Hate speech' },
  hoax: { id: 'Hoaks', en: 'Hoax' },
  off_schedule_campaign: { id: 'Kampanye di luar jadwal', en: 'Campaigning outside the schedule' },
  money_politics: { id: 'Politik uang', en: 'Money politics' },
  unregistered_campaign_account: { id: 'Akun kampanye tidak terdaftar', en: 'Unregistered campaign account' },
};

/** Sanction classes in words. */
export const SANCTION_LABELS: Readonly<Record<SanctionClass, BilingualLabel>> = {
  moral: { id: 'Sanksi moral', en: 'Moral sanction' },
  hd_ringan: { id: 'Hukuman disiplin ringan', en: 'Light disciplinary penalty' },
  hd_sedang: { id: 'Hukuman disiplin sedang', en: 'Moderate disciplinary penalty' },
  hd_berat: { id: 'Hukuman disiplin berat', en: 'Severe disciplinary penalty' },
  ptdh: { id: 'Pemberhentian tidak dengan hormat', en: 'Dishonourable discharge' },
  pidana: { id: 'Pidana pemilihan', en: 'Election crime' },
  adm: { id: 'Pelanggaran administrasi', en: 'Administrative violation' },
  dkpp: { id: 'Pelanggaran kode etik penyelenggara', en: 'Organiser ethics violation' },
  desa: { id: 'Sanksi UU Desa', en: 'Village Law sanction' },
  militer: { id: 'Disiplin militer', en: 'Military discipline' },
  polri_disiplin: { id: 'Disiplin/kode etik Polri', en: 'Police discipline/ethics' },
  kontrak: { id: 'Sanksi perjanjian kerja', en: 'Employment-contract sanction' },
  ite: { id: 'UU ITE', en: 'Electronic information law' },
  review: { id: 'Untuk ditinjau', en: 'For review' },
};

/** Subject categories in words. */
export const SUBJECT_CATEGORY_LABELS: Readonly<Record<SubjectCategory, BilingualLabel>> = {
  asn: { id: 'ASN (PNS)', en: 'Civil servant (PNS)' },
  pppk: { id: 'PPPK', en: 'Contract civil servant (PPPK)' },
  ptt: { id: 'Tenaga honorer/PTT', en: 'Non-permanent staff' },
  tni: { id: 'Prajurit TNI', en: 'Military (TNI)' },
  polri: { id: 'Anggota Polri', en: 'Police (Polri)' },
  penyelenggara: { id: 'Penyelenggara pemilu', en: 'Election organiser' },
  kepala_desa: { id: 'Kepala desa', en: 'Village head' },
  perangkat_desa: { id: 'Perangkat desa', en: 'Village official' },
  candidate: { id: 'Calon', en: 'Candidate' },
  tim_kampanye: { id: 'Tim kampanye', en: 'Campaign team' },
  relawan: { id: 'Relawan', en: 'Volunteer' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** Item statuses from deletion detection, as badges. */
export const ITEM_STATUS_LABELS: Readonly<Record<string, BilingualLabel>> = {
  live: { id: 'Masih tayang', en: 'Still live' },
  missing: { id: 'Tidak ditemukan, menunggu pemeriksaan', en: 'Missing, awaiting lookup' },
  deleted: { id: 'Dihapus (terkonfirmasi)', en: 'Deleted (confirmed)' },
  deleted_unverified: { id: 'Diduga dihapus (belum terverifikasi)', en: 'Presumed deleted (unverified)' },
  hidden: { id: 'Akun privat/ditangguhkan — bukan penghapusan', en: 'Account private/suspended — not a deletion' },
  account_gone: { id: 'Akun dinonaktifkan/dihapus — bukan penghapusan unggahan', en: 'Account gone — not a post deletion' },
  original_deleted: { id: 'Unggahan asli dihapus pihak lain', en: 'Original deleted by someone else' },
  unknown: { id: 'Status belum diketahui', en: 'Status unknown' },
  withdrawn: { id: 'Suka/ikuti dibatalkan', en: 'Like/follow withdrawn' },
};

/** The note printed beside a legal basis marked `verified: false`. */
export const LEGAL_BASIS_UNVERIFIED: BilingualLabel = { id: 'dasar hukum perlu diverifikasi', en: 'legal basis to be verified' };

/** The statement every document built from findings carries. */
export const FINDINGS_ARE_FLAGS: BilingualLabel = {
  id: 'Temuan otomatis SIPANSOS adalah penanda untuk ditinjau petugas, bukan putusan pelanggaran. Hanya kajian yang memutuskan apakah suatu perbuatan merupakan pelanggaran.',
  en: 'SIPANSOS findings are flags for human review, not verdicts. Only the kajian (legal study) decides whether an act was a violation.',
};
