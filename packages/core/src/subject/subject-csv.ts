import { parse as parseCsvStream, type Options as CsvOptions } from 'csv-parse/stream';
import { parse as parseCsvText } from 'csv-parse/sync';
import { roleOfHeader } from './subject-columns.js';
import { escapeControlCharacters } from './subject-message.js';
import { createSubjectTableReader, type SubjectTableResult, type SubjectTableSettings } from './subject-table.js';

/** A field separator offices' spreadsheets write: `,`, `;` (Excel in Indonesian locale) or tab. */
export type CsvDelimiter = ',' | ';' | '\t';

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

// Quotes that a hand-edited file leaves inside a field are kept as text; a row with fewer or more
// fields than the header is still read (missing cells are empty).
function csvOptions(delimiter: CsvDelimiter): CsvOptions {
  return { delimiter, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: false };
}

/**
 * The delimiter of a CSV, from its first lines: the one that splits some line into the most column
 * headers SIPANSOS knows (`nama`, `kategori`, `akun facebook`, …), so a title row above the header
 * or commas inside names do not mislead it; failing that, the one that occurs most.
 */
export function detectCsvDelimiter(sample: string): CsvDelimiter {
  const lines = sample.split(/\r\n|\n|\r/).slice(0, 30);
  let best: CsvDelimiter = ',';
  let bestScore = [-1, -1];
  for (const delimiter of DELIMITERS) {
    let known = 0;
    let occurrences = 0;
    for (const line of lines) {
      const cells = line.split(delimiter);
      occurrences = Math.max(occurrences, cells.length - 1);
      const recognised = cells.filter((cell) => {
        const role = roleOfHeader(cell.replace(/^\s*"|"\s*$/g, ''));
        return role.kind === 'field' || role.kind === 'platform' || role.kind === 'accounts';
      }).length;
      known = Math.max(known, recognised);
    }
    if (known > bestScore[0]! || (known === bestScore[0] && occurrences > bestScore[1]!)) {
      best = delimiter;
      bestScore = [known, occurrences];
    }
  }
  return best;
}

/** What {@link readSubjectsCsv} adds to a table's result. */
export interface SubjectCsvResult extends SubjectTableResult {
  delimiter: CsvDelimiter;
  /** `windows-1252` when the file was not UTF-8 (Excel's plain "CSV" on Windows saves it so). */
  encoding: 'utf-8' | 'windows-1252';
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * Read a subjects CSV as it arrives, chunk by chunk (a file stream, an upload), holding only the
 * subjects read so far: the delimiter and the encoding (UTF-8, else Windows-1252) are decided from
 * the first 64 KiB. Rows are numbered as a spreadsheet shows them. A malformed file (a quote never
 * closed) is reported as an issue on the row where it starts.
 */
export async function readSubjectsCsv(chunks: AsyncIterable<Uint8Array | string>, settings: SubjectTableSettings): Promise<SubjectCsvResult> {
  const iterator = toBytes(chunks)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const headBytes = concat(head, headLength);
  const encoding = isUtf8Prefix(headBytes) ? 'utf-8' : 'windows-1252';
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const headText = decoder.decode(headBytes, { stream: !ended });
  const delimiter = detectCsvDelimiter(headText);
  const reader = createSubjectTableReader(settings);
  let row = 0;
  let decodeFailed = false;

  // csv-parse reads UTF-8 bytes: UTF-8 passes through (checked on the way), Windows-1252 is re-encoded.
  const forParser = (bytes: Uint8Array, text: string): Buffer => (encoding === 'utf-8' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.from(text, 'utf8'));
  async function* body(): AsyncGenerator<Buffer> {
    yield forParser(headBytes, headText);
    if (ended) return;
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield forParser(next.value, decoder.decode(next.value, { stream: true }));
      decoder.decode();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      decodeFailed = true;
    }
  }

  const records = ReadableStream.from(body()).pipeThrough(parseCsvStream(csvOptions(delimiter)));
  try {
    for await (const record of records as AsyncIterable<string[]>) {
      row++;
      reader.push({ row, cells: record });
    }
  } catch (error) {
    const result = reader.finish();
    return { ...withIssue(result, row + 1, csvErrorText(error)), delimiter, encoding };
  }
  const result = reader.finish();
  if (decodeFailed) {
    return {
      ...withIssue(result, row + 1, {
        id: 'berkas bukan UTF-8 yang utuh setelah baris ini; simpan ulang dari Excel sebagai "CSV UTF-8"',
        en: 'the file is not valid UTF-8 after this row; save it again from Excel as "CSV UTF-8"',
      }),
      delimiter,
      encoding,
    };
  }
  return { ...result, delimiter, encoding };
}

/** {@link readSubjectsCsv} for a CSV already in memory as text. */
export function readSubjectsCsvText(text: string, settings: SubjectTableSettings): SubjectCsvResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectCsvDelimiter(body.slice(0, SAMPLE_BYTES));
  const reader = createSubjectTableReader(settings);
  let row = 0;
  try {
    // on_record keeps memory to one record at a time: the rows are not gathered into an array.
    parseCsvText(body, {
      ...csvOptions(delimiter),
      on_record: (record: string[]) => {
        row++;
        reader.push({ row, cells: record });
        return null;
      },
    });
  } catch (error) {
    return { ...withIssue(reader.finish(), row + 1, csvErrorText(error)), delimiter, encoding: 'utf-8' };
  }
  return { ...reader.finish(), delimiter, encoding: 'utf-8' };
}

function csvErrorText(error: unknown): { id: string; en: string } {
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return { id: 'tanda kutip (") dibuka di baris ini tetapi tidak pernah ditutup; tambahkan kutip penutup', en: 'a quote (") opened on this row is never closed; add the closing quote' };
  }
  const message = escapeControlCharacters(error instanceof Error ? error.message : String(error));
  return { id: `CSV rusak: ${message}`, en: `malformed CSV: ${message}` };
}

function withIssue(result: SubjectTableResult, row: number, message: { id: string; en: string }): SubjectTableResult {
  // Kept even past the cap: it is why reading stopped.
  return { ...result, issues: [...result.issues, { row, message }], issueCount: result.issueCount + 1 };
}

async function* toBytes(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

// Whether bytes are UTF-8, allowing a sequence cut at the end of the sample.
function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
