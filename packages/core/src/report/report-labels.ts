import type { CaptureScope } from '../capture/capture-schema.js';
import type { ItemKind } from '../capture/item-schema.js';
import type { AuthorityOutcome, CaseOrigin, ViolationType } from '../cases/case-schema.js';
import type { GapReason } from '../deletion/coverage-types.js';
import type { Phase } from '../election/election-context-schema.js';
import type { Finding, FindingCategory, SanctionClass } from '../findings/finding-schema.js';
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
  campaign_prohibition: { id: 'Larangan kampanye', en: 'Campaign prohibition' },
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

/** Election phases in words (the phase at the time of the act). */
export const PHASE_LABELS: Readonly<Record<Phase, BilingualLabel>> = {
  pre_campaign: { id: 'Sebelum masa kampanye', en: 'Before the campaign period' },
  campaign: { id: 'Masa kampanye', en: 'Campaign period' },
  quiet: { id: 'Masa tenang', en: 'Quiet period' },
  voting: { id: 'Pemungutan suara', en: 'Voting' },
  counting: { id: 'Penghitungan dan rekapitulasi suara', en: 'Counting and tabulation' },
  post: { id: 'Pascapenetapan', en: 'After the result' },
};

/** A finding's severity in words. */
export const SEVERITY_LABELS: Readonly<Record<Finding['severity'], BilingualLabel>> = {
  low: { id: 'Rendah', en: 'Low' },
  medium: { id: 'Sedang', en: 'Medium' },
  high: { id: 'Tinggi', en: 'High' },
};

/** What kind of act an item is, in words. */
export const ITEM_KIND_LABELS: Readonly<Record<ItemKind, BilingualLabel>> = {
  post: { id: 'unggahan', en: 'post' },
  reply: { id: 'balasan', en: 'reply' },
  repost: { id: 'unggah ulang', en: 'repost' },
  quote: { id: 'kutipan unggahan', en: 'quote post' },
  comment: { id: 'komentar', en: 'comment' },
  like: { id: 'menyukai', en: 'like' },
  share: { id: 'membagikan', en: 'share' },
  follow: { id: 'mengikuti akun', en: 'follow' },
  membership: { id: 'keanggotaan grup', en: 'group membership' },
  profile: { id: 'profil akun', en: 'account profile' },
};

/** The kind of violation the kajian decided, in words. */
export const VIOLATION_TYPE_LABELS: Readonly<Record<ViolationType, BilingualLabel>> = {
  administrasi: { id: 'Pelanggaran administrasi', en: 'Administrative violation' },
  pidana: { id: 'Tindak pidana pemilihan', en: 'Election crime' },
  kode_etik: { id: 'Pelanggaran kode etik penyelenggara', en: 'Organiser ethics violation' },
  peraturan_lainnya: { id: 'Pelanggaran peraturan perundang-undangan lainnya', en: 'Breach of another law' },
};

/** The kajian's decision in words. */
export const DECISION_OUTCOME_LABELS: Readonly<Record<'pelanggaran' | 'bukan_pelanggaran', BilingualLabel>> = {
  pelanggaran: { id: 'Pelanggaran', en: 'Violation' },
  bukan_pelanggaran: { id: 'Bukan pelanggaran', en: 'Not a violation' },
};

/** What the receiving authority answered, in words. */
export const AUTHORITY_OUTCOME_LABELS: Readonly<Record<AuthorityOutcome, BilingualLabel>> = {
  sanction_imposed: { id: 'Sanksi dijatuhkan', en: 'Sanction imposed' },
  refused: { id: 'Tidak ditindaklanjuti', en: 'Refused' },
  no_answer: { id: 'Tidak ada jawaban', en: 'No answer' },
  in_process: { id: 'Sedang diproses', en: 'In process' },
};

/** Where a case came from, in words. */
export const CASE_ORIGIN_LABELS: Readonly<Record<CaseOrigin, BilingualLabel>> = {
  temuan: { id: 'Temuan pengawas', en: 'Supervisors\' own finding' },
  laporan: { id: 'Laporan masyarakat', en: 'Report by the public' },
};

/** What a lookup by id answered, in words. */
export const LOOKUP_STATUS_LABELS: Readonly<Record<string, BilingualLabel>> = {
  live: { id: 'masih tayang', en: 'live' },
  gone: { id: 'sudah tidak ada', en: 'gone' },
  hidden: { id: 'tersembunyi (akun privat/ditangguhkan)', en: 'hidden (account private/suspended)' },
  unknown: { id: 'tidak dapat diperiksa', en: 'could not be checked' },
};

/** What a capture read, in words. */
export const CAPTURE_SCOPE_LABELS: Readonly<Record<CaptureScope, BilingualLabel>> = {
  timeline: { id: 'linimasa', en: 'timeline' },
  likes: { id: 'suka', en: 'likes' },
  follows: { id: 'akun yang diikuti', en: 'follows' },
  profile: { id: 'profil', en: 'profile' },
};

/** What a capture saw of the account, in words. */
export const ACCOUNT_OBSERVATION_LABELS: Readonly<Record<string, BilingualLabel>> = {
  public: { id: 'akun publik', en: 'public account' },
  private: { id: 'akun privat', en: 'private account' },
  suspended: { id: 'akun ditangguhkan', en: 'account suspended' },
  deactivated: { id: 'akun dinonaktifkan', en: 'account deactivated' },
  not_found: { id: 'akun tidak ditemukan', en: 'account not found' },
  age_gated: { id: 'dibatasi usia', en: 'age-gated' },
  unknown: { id: 'tidak diketahui', en: 'unknown' },
};

/** Why an account was not observed, in words. */
export const GAP_REASON_LABELS: Readonly<Record<GapReason, BilingualLabel>> = {
  rate_limited: { id: 'dibatasi platform (rate limit)', en: 'rate-limited by the platform' },
  unauthorized: { id: 'token ditolak', en: 'token refused' },
  private: { id: 'akun privat', en: 'account private' },
  suspended: { id: 'akun ditangguhkan', en: 'account suspended' },
  deactivated: { id: 'akun dinonaktifkan', en: 'account deactivated' },
  not_found: { id: 'akun tidak ditemukan', en: 'account not found' },
  age_gated: { id: 'dibatasi usia', en: 'age-gated' },
  account_unknown: { id: 'akun belum dikenali', en: 'account not resolved' },
  network: { id: 'gangguan jaringan', en: 'network failure' },
  timeout: { id: 'waktu habis', en: 'timed out' },
  http: { id: 'galat dari server platform', en: 'platform server error' },
  parse: { id: 'bentuk respons berubah', en: 'response shape changed' },
  invalid_input: { id: 'masukan tidak sah', en: 'invalid input' },
  empty_capture: { id: 'rekaman kosong', en: 'empty capture' },
  unavailable: { id: 'tidak tersedia', en: 'unavailable' },
  other: { id: 'sebab lain', en: 'other cause' },
};

/** Platform names as a reader writes them; a custom adapter's slug stays as it is. */
export function platformName(platform: string): string {
  return ({ x: 'X (Twitter)', facebook: 'Facebook', instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube' } as Record<string, string>)[platform] ?? platform;
}

/** A code's label from a map, or the code itself when the map does not know it (never blank). */
export function labelOf(labels: Readonly<Record<string, BilingualLabel>>, code: string): BilingualLabel {
  return labels[code] ?? { id: code, en: code };
}
