const strict = new TextDecoder('utf-8', { fatal: true });

/** Text decoded from UTF-8, or the first line (1-based) holding bytes that are not UTF-8. */
export type Utf8Text = { text: string } | { invalidLine: number };

/**
 * Decode strictly: a file saved in another encoding (Windows-1252 from a spreadsheet, say) would
 * otherwise turn names into U+FFFD without a word. The bad line is named so it can be fixed.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Text {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    let line = 1;
    let start = 0;
    while (start <= bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      try {
        // Splitting on 0x0A is safe: no other UTF-8 sequence holds that byte.
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, end));
      } catch {
        return { invalidLine: line };
      }
      start = end + 1;
      line++;
    }
    return { invalidLine: line - 1 };
  }
}

/** The bilingual complaint about a file that is not UTF-8, naming the line. */
export function utf8Problem(file: string, line: number): { id: string; en: string } {
  return {
    id: `${file}:${line}: bukan teks UTF-8 (mungkin disimpan sebagai ANSI/Windows-1252); simpan ulang sebagai UTF-8`,
    en: `${file}:${line}: not UTF-8 text (perhaps saved as ANSI/Windows-1252); save it again as UTF-8`,
  };
}
