import type { ElectionContextInput, SubjectInput } from '@sipansos/core';

// Everything here is invented: the regency, the candidates and the accounts do not exist.
// This file is the single source of the example election: `sipansos init` writes it out and the
// simulated world runs its timeline against it.

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

/** One monitoring cycle of the simulated world: when it runs, in the election's calendar. */
export interface WorldCycle {
  /** 1-based cycle index. */
  index: number;
  /** The simulated instant the platforms are observed at (UTC ISO). */
  at: string;
  /** What the cycle stands for, for people reading a demo's output. */
  label: string;
}

/**
 * The scripted calendar: one cycle per stretch of the election, so a run of cycles 1..8 walks
 * through every phase. Items of cycle N are created after cycle N-1's instant and by cycle N's.
 */
export const WORLD_CYCLES: readonly WorldCycle[] = [
  { index: 1, at: '2024-09-01T03:00:00.000Z', label: 'pra-kampanye, setelah pendaftaran bakal calon / pre-campaign after P0' },
  { index: 2, at: '2024-09-24T03:00:00.000Z', label: 'pra-kampanye, setelah penetapan paslon / pre-campaign after P1' },
  { index: 3, at: '2024-10-15T03:00:00.000Z', label: 'kampanye / campaign' },
  { index: 4, at: '2024-11-10T03:00:00.000Z', label: 'kampanye / campaign' },
  { index: 5, at: '2024-11-26T09:00:00.000Z', label: 'masa tenang / quiet period' },
  { index: 6, at: '2024-11-27T10:00:00.000Z', label: 'pemungutan suara / voting day' },
  { index: 7, at: '2024-12-05T03:00:00.000Z', label: 'penghitungan / counting' },
  { index: 8, at: '2024-12-20T03:00:00.000Z', label: 'pasca / post-election' },
];

/** Where the world's history starts: posts before cycle 1 are spread from here. */
export const WORLD_HISTORY_START = '2024-07-01T01:00:00.000Z';
