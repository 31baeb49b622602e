// Invented accounts and posts. None of these people, handles or posts exist.
import { notFoundPost, xPhoto, xTweet, xUser, xVideo } from './x-fixture-builders.js';

export const ACCOUNTS = {
  camat: xUser('1900000000000000001', 'camat_fiktif01', 'Camat Sukamaju (Fiktif)'),
  kadesProtected: xUser('1900000000000000002', 'kades_fiktif02', 'Kades Mekarsari (Fiktif)', { protected: true }),
  honorerSuspended: { id: '1900000000000000003', username: 'honorer_fktf03' },
  deletedHandle: 'akun_hilang_99',
  renamed: xUser('1900000000000000005', 'kominfo_baru_f', 'Dinas Kominfo Contoh (Fiktif)'),
  renamedPreviousHandle: 'kominfo_lama_f',
  candidate: xUser('1900000000000000010', 'paslon_fiktif2', 'Paslon 02 Harapan (Fiktif)'),
  neighbour: xUser('1900000000000000011', 'warga_fiktif05', 'Warga Sukamaju (Fiktif)'),
} as const;

const camat = ACCOUNTS.camat.id;
const candidate = ACCOUNTS.candidate.id;

export const POSTS = {
  /** A plain post with a hashtag, a mention, a link and a photo with alt text. */
  plain: xTweet({
    id: '1850000000000000101',
    authorId: camat,
    text: 'Rapat koordinasi desa hari ini bersama @warga_fiktif05 #SukamajuMaju https://t.co/abc123',
    createdAt: '2024-10-03T01:15:00.000Z',
    mediaKeys: ['3_1850000000000000101'],
    links: [{ short: 'https://t.co/abc123', expanded: 'https://contoh.example/berita/rapat-desa' }],
  }),
  /** A repost of the candidate's post. */
  repost: xTweet({ id: '1850000000000000102', authorId: camat, text: 'RT @paslon_fiktif2: Coblos nomor 2! #Harapan02', createdAt: '2024-10-02T09:00:00.000Z', references: [{ type: 'retweeted', id: '1850000000000000900' }] }),
  /** A quote of the candidate's post, with a video. */
  quote: xTweet({ id: '1850000000000000103', authorId: camat, text: 'Setuju sekali, mari dukung!', createdAt: '2024-10-01T08:00:00.000Z', references: [{ type: 'quoted', id: '1850000000000000901' }], mediaKeys: ['7_1850000000000000103'] }),
  /** A reply to a neighbour. */
  reply: xTweet({ id: '1850000000000000104', authorId: camat, text: '@warga_fiktif05 terima kasih atas masukannya', createdAt: '2024-09-30T04:00:00.000Z', references: [{ type: 'replied_to', id: '1850000000000000950' }] }),
  /** The candidate's post that was reposted. */
  candidateOriginal: xTweet({ id: '1850000000000000900', authorId: candidate, text: 'Coblos nomor 2! #Harapan02', createdAt: '2024-10-02T08:00:00.000Z' }),
  /** The candidate's post that was quoted. */
  candidateQuoted: xTweet({ id: '1850000000000000901', authorId: candidate, text: 'Program kerja kami untuk desa.', createdAt: '2024-09-29T08:00:00.000Z' }),
  neighbourPost: xTweet({ id: '1850000000000000950', authorId: ACCOUNTS.neighbour.id, text: 'Jalan desa rusak, mohon perhatian.', createdAt: '2024-09-30T03:00:00.000Z' }),
  /** The latest version of a post edited once (the first version's id comes first). */
  edited: xTweet({
    id: '1850000000000000202',
    authorId: camat,
    text: 'Jadwal posyandu: Sabtu pukul 08.00 (diralat)',
    createdAt: '2024-10-04T02:10:00.000Z',
    editHistory: ['1850000000000000201', '1850000000000000202'],
  }),
  /** A post that was deleted: lookups answer "Not Found Error". */
  deletedId: '1850000000000000301',
  /** A post by the protected account: lookups answer "Authorization Error". */
  hiddenId: '1850000000000000401',
} as const;

export const MEDIA = {
  photo: xPhoto('3_1850000000000000101', 'Foto rapat di balai desa (fiktif)'),
  video: xVideo('7_1850000000000000103'),
};

/** `includes` for the camat's timeline page. */
export function camatIncludes() {
  return {
    users: [ACCOUNTS.camat, ACCOUNTS.candidate, ACCOUNTS.neighbour],
    tweets: [POSTS.candidateOriginal, POSTS.candidateQuoted, POSTS.neighbourPost],
    media: [MEDIA.photo, MEDIA.video],
  };
}

/** The referenced post of a repost, deleted after the repost: X names it in `errors` (section `includes`). */
export const DELETED_ORIGINAL = {
  originalId: '1850000000000000990',
  repost: xTweet({ id: '1850000000000000502', authorId: camat, text: 'RT @paslon_fiktif2: Kampanye akbar besok!', createdAt: '2024-10-05T10:00:00.000Z', references: [{ type: 'retweeted', id: '1850000000000000990' }] }),
  problem: notFoundPost('1850000000000000990', 'referenced_tweets.id', 'includes'),
};
