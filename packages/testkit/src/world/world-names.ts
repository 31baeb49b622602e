import type { SubjectCategory } from '@sipansos/core';

// Common Indonesian given names and family names, combined at random: the people are invented.

export const GIVEN_NAMES = [
  'Agus', 'Ahmad', 'Andi', 'Anisa', 'Ayu', 'Bambang', 'Budi', 'Cahya', 'Dani', 'Dewi', 'Dian', 'Eka', 'Endang', 'Fajar',
  'Fitri', 'Galih', 'Hana', 'Hendra', 'Indah', 'Irfan', 'Joko', 'Kartika', 'Lestari', 'Lukman', 'Maya', 'Nanda', 'Nia',
  'Oki', 'Putri', 'Rahmat', 'Ratna', 'Rizky', 'Sari', 'Setiawan', 'Siti', 'Sri', 'Taufik', 'Tri', 'Umi', 'Wahyu', 'Wulan',
  'Yanti', 'Yusuf', 'Zainal', 'Gilang', 'Intan', 'Reza', 'Tania', 'Bayu', 'Citra', 'Dodi', 'Erna',
] as const;

export const FAMILY_NAMES = [
  'Santoso', 'Wibowo', 'Saputra', 'Hidayat', 'Kurniawan', 'Lestari', 'Nugroho', 'Pratiwi', 'Purnama', 'Rahayu',
  'Setiadi', 'Susanto', 'Utami', 'Wijayakusuma', 'Yulianto', 'Handayani', 'Firmansyah', 'Gunawan', 'Haryanto', 'Maharani',
  'Permana', 'Ramadhan', 'Suryadi', 'Anggraini', 'Hakim', 'Kusumawati', 'Mulyadi', 'Novitasari', 'Prasetyo', 'Syahputra',
] as const;

export const DISTRICTS = ['Kecamatan Sukamaju', 'Kecamatan Mekarsari', 'Kecamatan Cibening', 'Kecamatan Lembah Tengah', 'Kecamatan Sukamulya', 'Kecamatan Tanjung Asri'] as const;

export const VILLAGES = ['Mekarsari', 'Sukamulya', 'Cibening', 'Karanganyar', 'Tanjung Asri', 'Sidomulyo', 'Sumberjaya', 'Mulyasari', 'Girimukti', 'Pasirjaya'] as const;

/** Agencies and positions per category, for generated subjects. */
export const POSITIONS: Record<SubjectCategory, readonly { agency: string; position: string }[]> = {
  asn: [
    { agency: 'Dinas Pendidikan Kabupaten Lembah Harapan', position: 'Guru SD' },
    { agency: 'Dinas Kesehatan Kabupaten Lembah Harapan', position: 'Perawat Puskesmas' },
    { agency: 'Badan Kepegawaian dan Pengembangan SDM', position: 'Analis Kepegawaian' },
    { agency: 'Dinas Pekerjaan Umum', position: 'Pengawas Jalan dan Jembatan' },
    { agency: 'Kantor Kecamatan', position: 'Sekretaris Camat' },
  ],
  pppk: [
    { agency: 'Dinas Pendidikan Kabupaten Lembah Harapan', position: 'Guru PPPK' },
    { agency: 'Dinas Kesehatan Kabupaten Lembah Harapan', position: 'Bidan PPPK' },
  ],
  ptt: [
    { agency: 'Sekretariat Daerah Kabupaten Lembah Harapan', position: 'Tenaga honorer' },
    { agency: 'Dinas Lingkungan Hidup', position: 'Tenaga harian lepas' },
  ],
  tni: [{ agency: 'Kodim 0999/Lembah Harapan', position: 'Babinsa' }],
  polri: [{ agency: 'Polres Lembah Harapan', position: 'Bhabinkamtibmas' }],
  penyelenggara: [
    { agency: 'KPU Kabupaten Lembah Harapan', position: 'Anggota PPK' },
    { agency: 'KPU Kabupaten Lembah Harapan', position: 'Anggota PPS' },
    { agency: 'Bawaslu Kabupaten Lembah Harapan', position: 'Panwascam' },
  ],
  kepala_desa: [{ agency: 'Pemerintah Desa', position: 'Kepala Desa' }],
  perangkat_desa: [
    { agency: 'Pemerintah Desa', position: 'Sekretaris Desa' },
    { agency: 'Pemerintah Desa', position: 'Kepala Dusun' },
  ],
  candidate: [{ agency: 'Pasangan calon', position: 'Calon' }],
  tim_kampanye: [{ agency: 'Tim kampanye', position: 'Anggota tim kampanye' }],
  relawan: [{ agency: 'Relawan', position: 'Relawan' }],
  other: [{ agency: 'Warga', position: 'Warga' }],
};

/** Id prefixes per category: `asn-001`, `kades-004`. */
export const ID_PREFIX: Record<SubjectCategory, string> = {
  asn: 'asn',
  pppk: 'pppk',
  ptt: 'ptt',
  tni: 'tni',
  polri: 'polri',
  penyelenggara: 'pps',
  kepala_desa: 'kades',
  perangkat_desa: 'perdes',
  candidate: 'cand',
  tim_kampanye: 'timkam',
  relawan: 'relawan',
  other: 'other',
};

/** Share of subjects per category at the default 200 (candidates are fixed at six). */
export const CATEGORY_WEIGHTS: readonly [SubjectCategory, number][] = [
  ['asn', 40],
  ['pppk', 18],
  ['ptt', 18],
  ['tni', 8],
  ['polri', 8],
  ['penyelenggara', 14],
  ['kepala_desa', 20],
  ['perangkat_desa', 20],
  ['tim_kampanye', 16],
  ['relawan', 20],
  ['other', 12],
];
