/** A subject field a spreadsheet column can fill. */
export type SubjectField = 'id' | 'name' | 'category' | 'employeeNumber' | 'agency' | 'position' | 'region' | 'candidatePairNumber' | 'notes';

/** What a column of a subjects table holds, decided from its header. */
export type SubjectColumnRole =
  | { kind: 'field'; field: SubjectField }
  /** Handles or profile addresses on one platform. */
  | { kind: 'platform'; platform: string }
  /** Accounts on any platform: profile addresses or `platform:handle`. */
  | { kind: 'accounts' }
  /** The clerk's own row numbering (`No`, `No.`, `#`): read past quietly. */
  | { kind: 'row_number' }
  | { kind: 'unknown' };

// Headers as offices write them, normalised by `normaliseHeader`.
const FIELD_HEADERS: Record<SubjectField, readonly string[]> = {
  id: ['id', 'id subjek', 'subject id', 'kode', 'kode subjek'],
  name: ['nama', 'name', 'nama lengkap', 'full name', 'nama pegawai', 'nama asn', 'nama subjek', 'nama lengkap dan gelar', 'nama dan gelar', 'nama gelar', 'nama personel', 'nama anggota'],
  category: ['kategori', 'category', 'jenis', 'jenis subjek', 'kategori subjek', 'status', 'status kepegawaian', 'status pegawai', 'jenis pegawai', 'jenis kepegawaian'],
  employeeNumber: ['nip', 'nrp', 'nip nrp', 'nrp nip', 'nip nrp nipppk', 'nipppk', 'ni pppk', 'employee number', 'employeenumber', 'nomor induk pegawai', 'no induk', 'nomor induk'],
  agency: ['instansi', 'agency', 'unit kerja', 'opd', 'satuan kerja', 'satker', 'skpd', 'dinas', 'kantor', 'asal instansi', 'nama instansi', 'instansi unit kerja', 'unit organisasi', 'satuan', 'kesatuan'],
  position: ['jabatan', 'position', 'nama jabatan', 'jabatan pekerjaan', 'tugas'],
  region: ['wilayah', 'daerah', 'region', 'kecamatan', 'desa', 'kelurahan', 'desa kelurahan', 'kabupaten', 'kota', 'kabupaten kota', 'alamat kantor'],
  candidatePairNumber: ['candidatepairnumber', 'candidate pair number', 'nomor urut paslon', 'no urut paslon', 'nomor paslon', 'no paslon', 'paslon', 'nomor urut pasangan calon', 'pasangan calon'],
  notes: ['notes', 'note', 'catatan', 'keterangan', 'ket'],
};

const PLATFORM_NAMES: Record<string, string> = {
  x: 'x',
  twitter: 'x',
  'twitter x': 'x',
  'x twitter': 'x',
  facebook: 'facebook',
  fb: 'facebook',
  instagram: 'instagram',
  ig: 'instagram',
  insta: 'instagram',
  tiktok: 'tiktok',
  'tik tok': 'tiktok',
  youtube: 'youtube',
  threads: 'threads',
};

const ACCOUNT_WORDS = /^(akun|account|accounts|link|tautan|url|alamat|username|user name|user|nama akun|profil|profile|handle|id)\s+|\s+(akun|account|link|url|username|profil|profile|handle)$/;
const ACCOUNTS_HEADERS = new Set(['accounts', 'akun', 'akun media sosial', 'media sosial', 'medsos', 'sosial media', 'akun medsos', 'link akun', 'link media sosial', 'alamat akun', 'account', 'social media']);
const ROW_NUMBER_HEADERS = new Set(['', 'no', 'nomor', 'no urut', 'nomor urut', 'urut', 'number', 'nr']);

const FIELD_LOOKUP = new Map<string, SubjectField>();
for (const [field, headers] of Object.entries(FIELD_HEADERS) as Array<[SubjectField, readonly string[]]>) {
  for (const header of headers) FIELD_LOOKUP.set(header, field);
}

/** Lowercase, letters and digits only, one space between words: `NIP/NRP` → `nip nrp`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/**
 * What a header names, in Indonesian or English, any case: `Nama Lengkap` → name, `NIP/NRP` →
 * employeeNumber, `Akun FB`, `Link Facebook` → facebook, `Twitter/X` → x, `No` → the clerk's row
 * numbering. A note in parentheses (`Nama (dengan gelar)`) and a trailing number (`Facebook 2`) are
 * ignored. `platform:<slug>` names a platform SIPANSOS has no words for (e.g. `platform:mastodon`).
 */
export function roleOfHeader(header: string): SubjectColumnRole {
  const raw = header.trim();
  const custom = /^platform:\s*([a-z][a-z0-9_-]{0,31})$/i.exec(raw);
  const candidates = [normaliseHeader(raw), normaliseHeader(raw.replace(/\([^)]*\)/g, ' '))];
  for (const candidate of candidates) {
    const simple = candidate === '#' ? '' : candidate.replace(/\s+\d+$/, '');
    const field = FIELD_LOOKUP.get(simple);
    if (field) return { kind: 'field', field };
    if (ROW_NUMBER_HEADERS.has(simple)) return { kind: 'row_number' };
    if (ACCOUNTS_HEADERS.has(simple)) return { kind: 'accounts' };
    const platform = PLATFORM_NAMES[simple] ?? PLATFORM_NAMES[simple.replace(ACCOUNT_WORDS, '')] ?? PLATFORM_NAMES[simple.replace(ACCOUNT_WORDS, '').replace(ACCOUNT_WORDS, '')];
    if (platform) return { kind: 'platform', platform };
  }
  if (custom) return { kind: 'platform', platform: custom[1]!.toLowerCase() };
  return { kind: 'unknown' };
}

/** The spreadsheet letter of a 0-based column index: 0 → `A`, 26 → `AA`. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
