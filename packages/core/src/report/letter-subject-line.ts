import type { CaseReferral } from '../cases/case-schema.js';
import { FINDING_CATEGORIES, type FindingCategory, type RouteCode } from '../findings/finding-schema.js';
import type { SubjectCategory } from '../subject/subject-schema.js';

/** Whose neutrality the letter is about, as Bawaslu letters name the group. */
const NEUTRALITY_OF: Readonly<Partial<Record<SubjectCategory, string>>> = {
  asn: 'Netralitas Aparatur Sipil Negara',
  pppk: 'Netralitas Aparatur Sipil Negara (PPPK)',
  ptt: 'Netralitas Pegawai Non-ASN (Tenaga Honorer)',
  tni: 'Netralitas Prajurit TNI',
  polri: 'Netralitas Anggota Polri',
  kepala_desa: 'Netralitas Kepala Desa',
  perangkat_desa: 'Netralitas Perangkat Desa',
  penyelenggara: 'Netralitas Penyelenggara Pemilihan',
};

/** The violation each finding category names, without "Dugaan". */
const TOPIC_OF: Readonly<Record<Exclude<FindingCategory, 'neutrality'>, string>> = {
  off_schedule_campaign: 'Kampanye di Luar Jadwal',
  black_campaign: 'Kampanye Hitam',
  hate_speech: 'Ujaran Kebencian',
  hoax: 'Penyebaran Berita Bohong (Hoaks)',
  money_politics: 'Politik Uang',
  unregistered_campaign_account: 'Penggunaan Akun Kampanye yang Tidak Didaftarkan',
  campaign_prohibition: 'Pelanggaran Larangan Kampanye',
};

/** Routes whose recipient decides a kind of violation of its own, named before the acts. */
const ROUTE_TOPIC: Readonly<Partial<Record<RouteCode, string>>> = {
  'R-DKPP': 'Pelanggaran Kode Etik Penyelenggara Pemilihan',
  'R-KPU': 'Pelanggaran Administrasi Pemilihan',
  'R-PIDANA': 'Tindak Pidana Pemilihan',
  'R-POLRI-ITE': 'Tindak Pidana Informasi dan Transaksi Elektronik',
};

function joinIndonesian(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} dan ${parts.at(-1)}`;
}

/**
 * What a case is about, for a letter's *Hal*: "Dugaan Pelanggaran Netralitas Aparatur Sipil
 * Negara", "Dugaan Kampanye di Luar Jadwal dan Politik Uang", "Dugaan Tindak Pidana Pemilihan
 * berupa Politik Uang". Read from the findings' categories (in the catalogue's order) and the
 * referral's route; a case resting only on staff captures is named by its route.
 */
export function caseAbout(input: { categories: readonly FindingCategory[]; referral: Pick<CaseReferral, 'routeCode'>; subjectCategory?: SubjectCategory }): string {
  const present = new Set(input.categories);
  const neutrality = NEUTRALITY_OF[input.subjectCategory ?? 'other'] ?? 'Netralitas';
  const topics = FINDING_CATEGORIES.filter((category) => present.has(category)).map((category) => (category === 'neutrality' ? `Pelanggaran ${neutrality}` : TOPIC_OF[category]));
  const routeTopic = ROUTE_TOPIC[input.referral.routeCode];
  if (topics.length === 0) return `Dugaan ${routeTopic ?? `Pelanggaran ${neutrality}`}`;
  return routeTopic ? `Dugaan ${routeTopic} berupa ${joinIndonesian(topics)}` : `Dugaan ${joinIndonesian(topics)}`;
}
