/** A `#tag` written in a text: where it starts, what was written, and the tag without `#`, also in lower case. */
export interface TextHashtag {
  index: number;
  text: string;
  tag: string;
  lower: string;
}

/** The definition: `#` and a run of letters, digits and `_` (Unicode). The scan below gives the same list. */
export const HASHTAG_PATTERN = /#([\p{L}\p{N}_]+)/gu;
const HASHTAG_AT = /#([\p{L}\p{N}_]+)/uy;

/**
 * The `#tag`s of a text, as {@link HASHTAG_PATTERN} finds them. Most tags are ASCII, and the
 * ASCII letters, digits and `_` are exactly the ASCII characters in `[\p{L}\p{N}_]`, so an
 * ASCII run is read by hand; a tag that reaches a non-ASCII character is read by the pattern
 * itself from its `#`. Every match starts at a `#`, so looking only at `#`s skips nothing.
 */
export function hashtagsInText(text: string): TextHashtag[] {
  const found: TextHashtag[] = [];
  let at = text.indexOf('#');
  while (at >= 0) {
    let end = at + 1;
    let code = 0;
    while (end < text.length && isAsciiTagChar((code = text.charCodeAt(end)))) end++;
    if (end < text.length && code >= 0x80) {
      HASHTAG_AT.lastIndex = at;
      const match = HASHTAG_AT.exec(text);
      if (match) end = at + match[0].length;
    }
    if (end > at + 1) {
      const tag = text.slice(at + 1, end);
      found.push({ index: at, text: text.slice(at, end), tag, lower: tag.toLowerCase() });
      at = text.indexOf('#', end);
    } else at = text.indexOf('#', at + 1);
  }
  return found;
}

function isAsciiTagChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}
