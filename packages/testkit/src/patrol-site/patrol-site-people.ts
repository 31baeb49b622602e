// Everything here is invented: the people, the Page and the posts do not exist. Handles follow
// core's example election, so the example subjects and candidate accounts match.

/** One account on the simulated web app. */
export interface PatrolSiteAccount {
  id: string;
  handle: string;
  name: string;
  /** `User` for a person's profile, `Page` for a Page. */
  kind: 'User' | 'Page';
  bio: string;
}

/** One post on the simulated web app. */
export interface PatrolSitePost {
  id: string;
  authorHandle: string;
  /** Unix seconds. */
  createdAt: number;
  text: string;
  /** Handles of the accounts that reacted, with the reaction's name. */
  reactions: Array<{ handle: string; reaction: string }>;
  comments: Array<{ id: string; handle: string; text: string; createdAt: number }>;
}

export const PATROL_SITE_ACCOUNTS: PatrolSiteAccount[] = [
  { id: '100070000000001', handle: 'yudha.pratama.wijaya', name: 'Yudha Pratama Wijaya', kind: 'User', bio: 'Guru SMP di Kecamatan Sukamaju. Pendidikan untuk semua.' },
  { id: '100070000000002', handle: 'kades.mekarsari', name: 'Slamet Raharjo', kind: 'User', bio: 'Desa Mekarsari, Kabupaten Lembah Harapan' },
  { id: '100070000000003', handle: 'sari.wulandari.88', name: 'Sari Wulandari', kind: 'User', bio: 'Pedagang kue di Pasar Sukamaju' },
  { id: '100080000000001', handle: 'armanrina.resmi', name: 'Arman - Rina (Resmi)', kind: 'Page', bio: 'Halaman resmi pasangan calon nomor urut 1. Lembah Maju Bersama!' },
  { id: '100090000000001', handle: 'info.lembahharapan', name: 'Info Lembah Harapan', kind: 'Page', bio: 'Kabar warga Kabupaten Lembah Harapan' },
];

/** The Page post whose reactions include the monitored civil servant's. */
export const PATROL_CANDIDATE_POST_ID = '7200000000000001';
/** A post of a public Page that stays available: the revisit's control. */
export const PATROL_CONTROL_POST_ID = '7300000000000001';
/** The subject's post that a test removes. */
export const PATROL_REMOVABLE_POST_ID = '7100000000000002';

// Posts are from the day before the site starts: a patrol sees recent acts, judged in the
// election phase of their own time (tests move the example election to run today).
const BASE = Math.floor(Date.now() / 3_600_000) * 3600 - 86_400;

const SUBJECT_TEXTS = [
  'Rapat guru hari ini membahas jadwal ujian semester. Terima kasih rekan-rekan semua.',
  'Kerja bakti di halaman sekolah Minggu pagi. Mari datang bersama anak-anak.',
  'Selamat pagi Sukamaju! Jangan lupa sarapan sebelum berangkat sekolah.',
  'Lomba cerdas cermat tingkat kecamatan, murid kami juara dua.',
  'Hujan deras sore ini, hati-hati di jalan menuju Desa Mekarsari.',
];

/** The subject's posts, newest first; `count` of them (the bench asks for 200). */
export function subjectPosts(count: number): PatrolSitePost[] {
  const posts: PatrolSitePost[] = [];
  for (let index = 0; index < count; index++) {
    const id = String(7100000000000001n + BigInt(index));
    posts.push({
      id,
      authorHandle: 'yudha.pratama.wijaya',
      createdAt: BASE - index * 3600,
      // The second post is the one the subject later removes: a civil servant campaigning.
      text: index === 1 ? 'Ayo bapak ibu guru, dukung Pak Arman nomor 1! Lembah Maju Bersama #ArmanRinaMenang' : `${SUBJECT_TEXTS[index % SUBJECT_TEXTS.length]} (${index + 1})`,
      reactions: [{ handle: 'sari.wulandari.88', reaction: 'Suka' }],
      comments: index === 0 ? [{ id: '8100000000000001', handle: 'sari.wulandari.88', text: 'Semangat Pak Guru!', createdAt: BASE + 600 }] : [],
    });
  }
  return posts;
}

/** Posts of the two Pages: the candidates' post with reactions, and the control post. */
export function pagePosts(): PatrolSitePost[] {
  return [
    {
      id: PATROL_CANDIDATE_POST_ID,
      authorHandle: 'armanrina.resmi',
      createdAt: BASE - 1800,
      text: 'Terima kasih warga Sukamaju atas sambutannya! Bersama kita wujudkan Lembah Maju Bersama. #ArmanRinaMenang',
      reactions: [
        { handle: 'yudha.pratama.wijaya', reaction: 'Suka' },
        { handle: 'sari.wulandari.88', reaction: 'Super' },
        { handle: 'kades.mekarsari', reaction: 'Suka' },
      ],
      comments: [{ id: '8200000000000001', handle: 'sari.wulandari.88', text: 'Semoga amanah, Pak.', createdAt: BASE - 1200 }],
    },
    {
      id: PATROL_CONTROL_POST_ID,
      authorHandle: 'info.lembahharapan',
      createdAt: BASE - 7200,
      text: 'Jadwal posyandu bulan Oktober di seluruh desa Kecamatan Sukamaju.',
      reactions: [{ handle: 'sari.wulandari.88', reaction: 'Suka' }],
      comments: [],
    },
  ];
}
