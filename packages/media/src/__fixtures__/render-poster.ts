import sharp from 'sharp';

/** A small deterministic generator (mulberry32), so every fixture is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Arman', 'Rina', 'Bagus', 'Sekar', 'Citra', 'Darma', 'Wulan', 'Joko', 'Lestari', 'Yudha', 'Mega', 'Fajar', 'Intan', 'Gilang', 'Ayu', 'Hendra'];
const LAST = ['Sasmita', 'Kartikasari', 'Wiratmaja', 'Pramesti', 'Halim', 'Nugraha', 'Saputra', 'Maharani', 'Wibisono', 'Larasati'];
const SLOGANS = ['Lembah Maju Bersama', 'Harapan Baru untuk Lembah', 'Desa Kuat Kota Hebat', 'Bersama Membangun Negeri', 'Pasti Menang Untuk Rakyat', 'Jujur Amanah Merakyat', 'Sejahtera Tanpa Korupsi', 'Kerja Nyata Bukan Janji'];
const CALLS = ['Coblos No. {n}', 'COBLOS NO. {n}', 'Coblos Nomor {n}', 'Pilih No. {n}', 'Coblos No. 0{n}'];
const PALETTES = [
  ['#b71c1c', '#ffeb3b', '#ffffff'],
  ['#0d47a1', '#ffffff', '#ffeb3b'],
  ['#1b5e20', '#ffffff', '#fff59d'],
  ['#4a148c', '#ffffff', '#ffd54f'],
  ['#e65100', '#ffffff', '#212121'],
  ['#263238', '#ffffff', '#80deea'],
];

/** What one generated poster says: its ballot number and the words on it. */
export interface PosterSpec {
  seed: number;
  ballotNumber: number;
  /** The ballot-number call as printed, e.g. "Coblos No. 2". */
  call: string;
  names: string;
  slogan: string;
  kind: 'poster' | 'banner';
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** The words of the poster a seed gives. */
export function posterSpec(seed: number, kind: 'poster' | 'banner' = 'poster'): PosterSpec {
  const random = seededRandom(seed);
  const ballotNumber = 1 + Math.floor(random() * 5);
  const names = `${pick(random, FIRST)} ${pick(random, LAST)} – ${pick(random, FIRST)} ${pick(random, LAST)}`;
  return { seed, ballotNumber, call: pick(random, CALLS).replace('{n}', String(ballotNumber)), names, slogan: pick(random, SLOGANS), kind };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Render a campaign poster (portrait, 600×800) or banner (landscape, 1200×400) as PNG: coloured
 * ground, a "photo" of the pair drawn from shapes, the ballot-number call, names and slogan in
 * DejaVu Sans (Debian's fonts-dejavu).
 */
export async function renderPoster(spec: PosterSpec): Promise<Uint8Array> {
  const random = seededRandom(spec.seed * 7919 + 17);
  const [ground, accent, ink] = pick(random, PALETTES);
  const banner = spec.kind === 'banner';
  const width = banner ? 1200 : 600;
  const height = banner ? 400 : 800;
  const shapes: string[] = [];
  // Two "faces" and shoulders at varying places, plus scattered decoration: each seed looks different.
  const photoX = banner ? 40 : 60;
  const photoY = banner ? 40 : 60;
  const photoW = banner ? 420 : 480;
  const photoH = banner ? 320 : 340;
  shapes.push(`<rect x="${photoX}" y="${photoY}" width="${photoW}" height="${photoH}" fill="${accent}" opacity="0.35" rx="12"/>`);
  for (let person = 0; person < 2; person++) {
    const cx = photoX + photoW * (0.25 + person * 0.5) + (random() - 0.5) * 40;
    const cy = photoY + photoH * 0.38 + (random() - 0.5) * 30;
    const r = 45 + random() * 25;
    shapes.push(`<ellipse cx="${cx}" cy="${cy + r * 2.2}" rx="${r * 1.7}" ry="${r * 1.1}" fill="hsl(${Math.floor(random() * 360)},40%,30%)"/>`);
    shapes.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="hsl(${20 + Math.floor(random() * 20)},45%,${55 + Math.floor(random() * 20)}%)"/>`);
  }
  for (let index = 0; index < 6; index++) {
    shapes.push(`<circle cx="${Math.floor(random() * width)}" cy="${Math.floor(random() * height)}" r="${10 + Math.floor(random() * 50)}" fill="${accent}" opacity="${(0.15 + random() * 0.3).toFixed(2)}"/>`);
  }
  const textX = banner ? 480 : 40;
  const callY = banner ? 150 : 500;
  const text = [
    `<text x="${textX}" y="${callY}" font-family="DejaVu Sans" font-weight="bold" font-size="${banner ? 72 : 64}" fill="${ink}">${escapeXml(spec.call)}</text>`,
    `<text x="${textX}" y="${callY + (banner ? 80 : 80)}" font-family="DejaVu Sans" font-size="${banner ? 34 : 30}" fill="${ink}">${escapeXml(spec.names)}</text>`,
    `<text x="${textX}" y="${callY + (banner ? 140 : 140)}" font-family="DejaVu Sans" font-style="italic" font-size="${banner ? 36 : 34}" fill="${accent}">${escapeXml(spec.slogan)}</text>`,
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${ground}"/>${shapes.join('')}${text.join('')}</svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** An unrelated picture: a scene of random shapes and, sometimes, unrelated words. */
export async function renderUnrelated(seed: number): Promise<Uint8Array> {
  const random = seededRandom(seed * 104729 + 3);
  const width = 400 + Math.floor(random() * 400);
  const height = 300 + Math.floor(random() * 400);
  const parts: string[] = [`<rect width="100%" height="100%" fill="hsl(${Math.floor(random() * 360)},${20 + Math.floor(random() * 60)}%,${20 + Math.floor(random() * 60)}%)"/>`];
  const count = 3 + Math.floor(random() * 10);
  for (let index = 0; index < count; index++) {
    const fill = `hsl(${Math.floor(random() * 360)},${Math.floor(random() * 100)}%,${Math.floor(random() * 100)}%)`;
    if (random() < 0.5) parts.push(`<rect x="${Math.floor(random() * width)}" y="${Math.floor(random() * height)}" width="${20 + Math.floor(random() * width * 0.6)}" height="${20 + Math.floor(random() * height * 0.6)}" fill="${fill}"/>`);
    else parts.push(`<circle cx="${Math.floor(random() * width)}" cy="${Math.floor(random() * height)}" r="${10 + Math.floor(random() * Math.min(width, height) * 0.4)}" fill="${fill}"/>`);
  }
  if (random() < 0.3) parts.push(`<text x="20" y="${Math.floor(height * 0.8)}" font-family="DejaVu Sans" font-size="40" fill="#fff">${escapeXml(pick(random, ['Selamat pagi', 'Panen raya 2024', 'Jalan sehat', 'Promo akhir bulan']))}</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer());
}

/** The ways a re-shared picture is degraded. */
export const DEGRADATIONS = ['jpeg_q30', 'resize_50', 'crop_10', 'overlay_text', 'screenshot_twice'] as const;
export type Degradation = (typeof DEGRADATIONS)[number];

/** Apply one degradation, as a re-share would. */
export async function degrade(bytes: Uint8Array, how: Degradation, seed = 1): Promise<Uint8Array> {
  const image = sharp(bytes);
  const { width = 0, height = 0 } = await image.metadata();
  switch (how) {
    case 'jpeg_q30':
      return new Uint8Array(await sharp(bytes).jpeg({ quality: 30 }).toBuffer());
    case 'resize_50':
      return new Uint8Array(await sharp(bytes).resize(Math.round(width / 2), Math.round(height / 2)).jpeg({ quality: 75 }).toBuffer());
    case 'crop_10': {
      // 10 % of each dimension cut, split between the sides by the seed.
      const random = seededRandom(seed);
      const cutX = Math.round(width * 0.1);
      const cutY = Math.round(height * 0.1);
      const left = Math.floor(random() * (cutX + 1));
      const top = Math.floor(random() * (cutY + 1));
      return new Uint8Array(await sharp(bytes).extract({ left, top, width: width - cutX, height: height - cutY }).jpeg({ quality: 80 }).toBuffer());
    }
    case 'overlay_text': {
      const caption = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="0" y="${Math.round(height * 0.88)}" width="${width}" height="${Math.round(height * 0.12)}" fill="#000" opacity="0.55"/><text x="${Math.round(width * 0.03)}" y="${Math.round(height * 0.96)}" font-family="DejaVu Sans" font-size="${Math.round(height * 0.05)}" fill="#fff">Dibagikan ulang · info warga</text></svg>`;
      return new Uint8Array(await sharp(bytes).composite([{ input: Buffer.from(caption) }]).jpeg({ quality: 80 }).toBuffer());
    }
    case 'screenshot_twice': {
      let current = bytes;
      for (let round = 0; round < 2; round++) {
        const meta = await sharp(current).metadata();
        const w = meta.width ?? 0;
        const h = meta.height ?? 0;
        // A phone screen: status bar above, app bar below, the picture scaled to 90 % between.
        const inner = await sharp(current).resize(Math.round(w * 0.9)).toBuffer();
        const innerMeta = await sharp(inner).metadata();
        const canvasW = w;
        const canvasH = (innerMeta.height ?? 0) + 120;
        current = new Uint8Array(
          await sharp({ create: { width: canvasW, height: canvasH, channels: 3, background: '#f2f2f2' } })
            .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${canvasW}" height="60"><rect width="100%" height="100%" fill="#202020"/><text x="10" y="40" font-family="DejaVu Sans" font-size="24" fill="#fff">09.4${round} 4G</text></svg>`), top: 0, left: 0 }, { input: inner, top: 60, left: Math.round((canvasW - (innerMeta.width ?? 0)) / 2) }])
            .jpeg({ quality: 70 })
            .toBuffer(),
        );
      }
      return current;
    }
  }
}
