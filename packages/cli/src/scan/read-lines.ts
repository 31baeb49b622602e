/** One line of a JSON Lines stream, or a line that was too long to hold. */
export type StreamLine = { number: number; text: string } | { number: number; tooLong: true; bytes: number };

/**
 * Split a byte stream into lines without holding more than one line (at most `maxLineBytes`) in
 * memory, so a 1 GB input runs in bounded memory. A longer line is reported, not buffered. LF and
 * CRLF endings are accepted; splitting on byte 0x0A is safe in UTF-8.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<StreamLine> {
  const decoder = new TextDecoder('utf-8');
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = 0;
  let number = 0;
  const finish = (): StreamLine => {
    number++;
    if (overflow > 0) {
      const line: StreamLine = { number, tooLong: true, bytes: overflow };
      overflow = 0;
      return line;
    }
    let text = decoder.decode(Buffer.concat(parts, size));
    if (text.endsWith('\r')) text = text.slice(0, -1);
    parts = [];
    size = 0;
    return { number, text };
  };
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    while (start < buffer.length) {
      const newline = buffer.indexOf(0x0a, start);
      const end = newline < 0 ? buffer.length : newline;
      const piece = buffer.subarray(start, end);
      if (overflow > 0) overflow += piece.length;
      else if (size + piece.length > maxLineBytes) {
        overflow = size + piece.length;
        parts = [];
        size = 0;
      } else if (piece.length > 0) {
        parts.push(Buffer.from(piece));
        size += piece.length;
      }
      if (newline < 0) break;
      yield finish();
      start = newline + 1;
    }
  }
  if (size > 0 || overflow > 0) yield finish();
}
