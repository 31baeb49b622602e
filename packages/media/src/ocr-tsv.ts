import type { Box } from './content-box.js';

/** One word Tesseract read, with where it sits in the image and in the joined text. */
export interface OcrWord {
  text: string;
  /** Tesseract's confidence, 0–100. */
  confidence: number;
  /** In pixels of the original image. */
  box: Box;
  /** UTF-16 offsets of the word in {@link OcrText.text}; end exclusive. */
  start: number;
  end: number;
}

/** What OCR read in one image: the words joined into lines, and each word's box. */
export interface OcrText {
  /** Words joined by spaces, lines by newlines, in reading order. */
  text: string;
  words: OcrWord[];
  /** Mean confidence of the words kept, 0–100 (0 when none). */
  confidence: number;
}

/**
 * Parse Tesseract's TSV output (level 5 rows are words) into lines and words. Words below
 * `minConfidence` and empty words are dropped; `scale` maps the boxes back to the original
 * image when it was enlarged before reading.
 */
export function parseOcrTsv(tsv: string, options: { minConfidence?: number; scale?: number } = {}): OcrText {
  const minConfidence = options.minConfidence ?? 30;
  const scale = options.scale ?? 1;
  const lines = new Map<string, Array<{ text: string; confidence: number; box: Box }>>();
  for (const row of tsv.split('\n').slice(1)) {
    const columns = row.split('\t');
    if (columns.length < 12 || columns[0] !== '5') continue;
    const text = columns.slice(11).join('\t').trim();
    const confidence = Number(columns[10]);
    if (text === '' || !Number.isFinite(confidence) || confidence < minConfidence) continue;
    const [left, top, width, height] = columns.slice(6, 10).map((value) => Math.round(Number(value) / scale));
    const key = `${columns[1]}.${columns[2]}.${columns[3]}.${columns[4]}`;
    let line = lines.get(key);
    if (!line) lines.set(key, (line = []));
    line.push({ text, confidence, box: { x: left!, y: top!, width: width!, height: height! } });
  }
  let text = '';
  const words: OcrWord[] = [];
  for (const line of lines.values()) {
    if (text !== '') text += '\n';
    line.forEach((word, index) => {
      if (index > 0) text += ' ';
      words.push({ ...word, start: text.length, end: text.length + word.text.length });
      text += word.text;
    });
  }
  const confidence = words.length === 0 ? 0 : Math.round((words.reduce((sum, word) => sum + word.confidence, 0) / words.length) * 10) / 10;
  return { text, words, confidence };
}
