import { HandleSchema, PlatformSchema } from '../account/account-schema.js';
import { quoteCellValue, type SubjectMessage } from './subject-message.js';

/** One account read from a spreadsheet cell. */
export interface AccountFromCell {
  platform: string;
  handle: string;
  /** Known only when the address carries it, e.g. `facebook.com/profile.php?id=…`. */
  id?: string;
}

/** What one cell of account handles or profile addresses held. */
export interface AccountCellReading {
  accounts: AccountFromCell[];
  problems: SubjectMessage[];
}

const HOSTS: Array<[RegExp, string]> = [
  [/(^|\.)(facebook\.com|fb\.com|fb\.me)$/i, 'facebook'],
  [/(^|\.)(instagram\.com|instagr\.am)$/i, 'instagram'],
  [/(^|\.)(x\.com|twitter\.com)$/i, 'x'],
  [/(^|\.)tiktok\.com$/i, 'tiktok'],
  [/(^|\.)(youtube\.com|youtu\.be)$/i, 'youtube'],
  [/(^|\.)threads\.(net|com)$/i, 'threads'],
];

// First path segments that are pages of the platform itself, not someone's profile.
const NOT_PROFILES: Record<string, ReadonlySet<string>> = {
  facebook: new Set(['groups', 'share', 'sharer', 'sharer.php', 'watch', 'photo', 'photo.php', 'photos', 'story.php', 'permalink.php', 'events', 'marketplace', 'reel', 'reels', 'login', 'login.php', 'home.php', 'hashtag', 'search', 'messages', 'notifications', 'dialog', 'plugins', 'video.php', 'stories']),
  instagram: new Set(['p', 'reel', 'reels', 'tv', 'explore', 'accounts', 'direct', 'share', 'about', 'legal']),
  x: new Set(['i', 'intent', 'home', 'search', 'hashtag', 'explore', 'settings', 'messages', 'notifications', 'share', 'compose', 'login']),
};

// What a clerk writes when a person has no account.
const NONE = /^(-+|–|—|\.|0|tidak ada|tdk ada|belum ada|tidak punya|tidak memiliki|n\/?a|none|nihil|kosong|no account)$/i;

/**
 * Read the accounts in one cell: bare handles (`budi`, `@budi`), profile addresses
 * (`https://www.facebook.com/profile.php?id=100012345678901`, `instagram.com/budi/`,
 * `https://x.com/budi?s=20`), or `platform:handle` — several separated by `,`, `;`, spaces or line
 * breaks. `platform` is the column's platform; without one (an "akun" column) each entry must be an
 * address or `platform:handle`. An address decides its own platform. Anything that could be a path,
 * a page that is not a profile, or a control character is reported, never cleaned up.
 */
export function readAccountCell(text: string, columnPlatform: string | undefined): AccountCellReading {
  const reading: AccountCellReading = { accounts: [], problems: [] };
  const trimmed = text.trim();
  if (trimmed === '' || NONE.test(trimmed)) return reading;
  const entries = trimmed
    .replace(/\b([a-z][a-z0-9_-]{0,31}):\s+(?=\S)/gi, '$1:')
    .split(/[\s,;]+/)
    .filter((entry) => entry !== '' && !NONE.test(entry));
  for (const entry of entries) {
    const result = readEntry(entry, columnPlatform);
    if ('problem' in result) reading.problems.push(result.problem);
    else reading.accounts.push(result.account);
  }
  return reading;
}

function readEntry(entry: string, columnPlatform: string | undefined): { account: AccountFromCell } | { problem: SubjectMessage } {
  const shown = quoteCellValue(entry);
  if (/^https?:\/\//i.test(entry) || /^(www\.|m\.|web\.|mobile\.)?[a-z0-9-]+\.[a-z.]+\//i.test(entry)) return readAddress(entry, shown);
  const colon = entry.indexOf(':');
  let platform = columnPlatform;
  let handle = entry;
  if (colon > 0 && PlatformSchema.safeParse(entry.slice(0, colon).toLowerCase()).success) {
    platform = entry.slice(0, colon).toLowerCase();
    handle = entry.slice(colon + 1);
  }
  if (!platform) {
    return {
      problem: {
        id: `${shown}: tulis alamat profil lengkap atau platform:nama, mis. facebook:budi.santoso`,
        en: `${shown}: write the full profile address or platform:name, e.g. facebook:budi.santoso`,
      },
    };
  }
  return checkedHandle(platform, handle, undefined, shown);
}

function readAddress(entry: string, shown: string): { account: AccountFromCell } | { problem: SubjectMessage } {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(entry) ? entry : `https://${entry}`);
  } catch {
    return { problem: { id: `${shown} bukan alamat yang sah`, en: `${shown} is not a valid address` } };
  }
  const platform = HOSTS.find(([pattern]) => pattern.test(url.hostname))?.[1];
  if (!platform) {
    return {
      problem: {
        id: `${shown}: alamat ini bukan Facebook, Instagram, X, TikTok, YouTube atau Threads`,
        en: `${shown}: this address is not on Facebook, Instagram, X, TikTok, YouTube or Threads`,
      },
    };
  }
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
  } catch {
    return { problem: { id: `${shown}: alamat rusak (kode % tidak sah)`, en: `${shown}: broken address (invalid % escape)` } };
  }
  const first = segments[0];
  const notProfile = {
    problem: {
      id: `${shown} bukan alamat profil (mungkin tautan kiriman atau grup); buka tautannya lalu salin alamat profil pemilik akun`,
      en: `${shown} is not a profile address (perhaps a post or group link); open it and copy the account owner's profile address`,
    },
  };
  if (first === undefined) {
    const id = platform === 'facebook' ? url.searchParams.get('id') : null;
    return id ? checkedId(platform, id, shown) : notProfile;
  }
  if (platform === 'facebook') {
    if (first === 'profile.php') {
      const id = url.searchParams.get('id');
      return id ? checkedId(platform, id, shown) : notProfile;
    }
    // facebook.com/people/Name/1000…/ and facebook.com/p/Name-1000…/ carry the numeric id.
    if (first === 'people' || first === 'p' || first === 'pages') {
      const id = /(\d{5,})$/.exec(segments[segments.length - 1] ?? '')?.[1];
      return id ? checkedId(platform, id, shown) : notProfile;
    }
  }
  if (platform === 'instagram' && first === 'stories' && segments[1]) return checkedHandle(platform, segments[1], undefined, shown);
  if (NOT_PROFILES[platform]?.has(first.toLowerCase())) return notProfile;
  if (platform === 'tiktok' || platform === 'youtube' || platform === 'threads') {
    return first.startsWith('@') ? checkedHandle(platform, first.slice(1), undefined, shown) : notProfile;
  }
  return checkedHandle(platform, first, undefined, shown);
}

// A Facebook profile's numeric id also works as its address (facebook.com/1000…), so it stands in
// for the handle until the adapter resolves the account.
function checkedId(platform: string, id: string, shown: string): { account: AccountFromCell } | { problem: SubjectMessage } {
  if (!/^\d{1,30}$/.test(id)) return { problem: { id: `${shown}: id profil harus angka`, en: `${shown}: the profile id must be digits` } };
  return checkedHandle(platform, id, id, shown);
}

function checkedHandle(platform: string, handle: string, id: string | undefined, shown: string): { account: AccountFromCell } | { problem: SubjectMessage } {
  const parsed = HandleSchema.safeParse(handle);
  if (!parsed.success) {
    return {
      problem: {
        id: `akun ${shown} tidak sah: tulis nama akun saja (huruf, angka, ".", "_", "-") atau alamat profil lengkap`,
        en: `account ${shown} is not valid: write the bare account name (letters, digits, ".", "_", "-") or the full profile address`,
      },
    };
  }
  return { account: { platform, handle: parsed.data, ...(id ? { id } : {}) } };
}
