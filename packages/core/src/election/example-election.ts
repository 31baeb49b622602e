import type { SubjectInput } from '../subject/subject-schema.js';
import type { ElectionContextInput } from './election-context-schema.js';

// Everything here is invented: the regency, the candidates and the accounts do not exist.
// The single source of the example election: `sipansos init --example` writes it out, the
// testkit's simulated world runs its timeline against it, and rule fixtures read it. It lives in
// core (not the testkit) so the CLI can write it without loading msw at run time.

/** The example election context: the invented Kabupaten Lembah Harapan, Pilkada 2024. */
export const EXAMPLE_CONTEXT: ElectionContextInput = {
  id: 'pilkada-lembah-harapan-2024',
  name: 'Pemilihan Bupati dan Wakil Bupati Kabupaten Lembah Harapan 2024',
  kind: 'pilkada',
  region: 'Kabupaten Lembah Harapan',
  timeZone: 'WIB',
  candidatePairs: [
    {
      number: 1,
      candidate: { name: 'Arman Sasmita', aliases: ['Pak Arman', 'Bang Arman'] },
      runningMate: { name: 'Rina Kartikasari', aliases: ['Bu Rina'] },
      pairName: 'ARMAN-RINA',
      aliases: ['Arina'],
      slogans: ['Lembah Maju Bersama'],
      hashtags: ['ArmanRinaMenang', 'ArinaJuara'],
      parties: ['Partai Contoh Sejahtera'],
      officialAccounts: [
        { platform: 'x', handle: 'armanrina_resmi' },
        { platform: 'instagram', handle: 'armanrina.resmi' },
        { platform: 'facebook', handle: 'armanrina.resmi' },
      ],
      knownCampaignAccounts: [{ platform: 'x', handle: 'arinamenang24' }],
    },
    {
      number: 2,
      candidate: { name: 'Bagus Wiratmaja', aliases: ['Mas Bagus'] },
      runningMate: { name: 'Sekar Ayuningtyas', aliases: ['Mbak Sekar'] },
      pairName: 'BAGUS-SEKAR',
      aliases: ['Baskara'],
      slogans: ['Harapan Baru untuk Lembah'],
      hashtags: ['BaskaraMenang', 'Coblos2'],
      parties: ['Partai Rakyat Contoh'],
      officialAccounts: [
        { platform: 'x', handle: 'baskara_resmi' },
        { platform: 'facebook', handle: 'baskara.official' },
      ],
    },
    {
      number: 3,
      candidate: { name: 'Citra Maheswari', aliases: ['Bu Citra'] },
      runningMate: { name: 'Darmawan Putra Lesmana', aliases: ['Pak Darmawan'] },
      pairName: 'CITRA-DARMA',
      aliases: ['Cidar'],
      slogans: ['Lembah Berdaya'],
      hashtags: ['CidarPastiMenang'],
      parties: ['Partai Persatuan Contoh'],
      officialAccounts: [
        { platform: 'instagram', handle: 'cidar.resmi' },
        { platform: 'x', handle: 'cidar_resmi' },
      ],
      knownCampaignAccounts: [{ platform: 'facebook', handle: 'cidar.menang' }],
    },
  ],
  schedule: [
    { phase: 'pre_campaign', start: '2024-05-05', end: '2024-09-24' },
    { phase: 'campaign', start: '2024-09-25', end: '2024-11-23' },
    { phase: 'quiet', start: '2024-11-24', end: '2024-11-26' },
    { phase: 'voting', start: '2024-11-27', end: '2024-11-27' },
    { phase: 'counting', start: '2024-11-28', end: '2024-12-16' },
    { phase: 'post', start: '2024-12-17', end: '2025-03-31' },
  ],
  milestones: { bakalCalonRegistration: '2024-08-27', penetapanPasanganCalon: '2024-09-22' },
  officialAccountLimitPerPlatform: 20,
};

/**
 * Example subjects `sipansos init` writes: one per common category. Each is also a subject of
 * the simulated world, with the same id and accounts.
 */
export const EXAMPLE_SUBJECTS: SubjectInput[] = [
  { id: 'asn-001', name: 'Yudha Pratama Wijaya', category: 'asn', employeeNumber: '198706122010011003', agency: 'Dinas Pendidikan Kabupaten Lembah Harapan', position: 'Guru SMP', region: 'Kecamatan Sukamaju', accounts: [{ platform: 'facebook', handle: 'yudha.pratama.wijaya' }, { platform: 'x', handle: 'yudhapw_guru' }] },
  { id: 'ptt-001', name: 'Nurul Fitriana', category: 'ptt', agency: 'Sekretariat Daerah Kabupaten Lembah Harapan', position: 'Tenaga honorer', accounts: [{ platform: 'instagram', handle: 'nurul.fitriana.lh' }] },
  { id: 'kades-001', name: 'Slamet Raharjo', category: 'kepala_desa', agency: 'Pemerintah Desa Mekarsari', position: 'Kepala Desa', accounts: [{ platform: 'facebook', handle: 'kades.mekarsari' }] },
  { id: 'cand-002', name: 'Bagus Wiratmaja', category: 'candidate', candidatePairNumber: 2, accounts: [{ platform: 'x', handle: 'baskara_resmi' }, { platform: 'x', handle: 'bagus_wiratmaja' }, { platform: 'facebook', handle: 'baskara.official' }] },
];
