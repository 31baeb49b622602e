import { z } from 'zod';

/**
 * How much of a page the parsers read. A browser-saved Facebook or Instagram page nests about
 * 30–120 elements deep and weighs a few MB; Blink itself stops nesting at 512. Beyond the
 * depth, cheerio's parse5 tree building costs grow with depth per element (quadratic overall)
 * and its recursive text and selector walks overflow the stack at a few thousand levels.
 */
export const PAGE_HTML_LIMITS = {
  /** Elements nested deeper than this are left out, with everything inside them. */
  maxDepth: 256,
  /** Characters of HTML read; the rest is left out. */
  maxChars: 20_000_000,
} as const;

/** What of a page's HTML was not read into Items (the raw bytes, stored as a blob, keep it all). */
export const SkippedHtmlSchema = z.object({
  /** The depth limit in force. */
  maxDepth: z.number().int().positive(),
  /** Start tags left out because they sat deeper than `maxDepth`. */
  deepElements: z.number().int().nonnegative(),
  /** Characters of HTML those elements spanned. */
  deepChars: z.number().int().nonnegative(),
  /** The size limit in force, in characters. */
  maxChars: z.number().int().positive(),
  /** Characters past `maxChars` that were not read. */
  truncatedChars: z.number().int().nonnegative(),
});
export type SkippedHtml = z.infer<typeof SkippedHtmlSchema>;

/** The HTML a parser may read, and what was left out of it (absent when nothing was). */
export interface BoundedPageHtml {
  html: string;
  skipped?: SkippedHtml;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Their content is text up to the matching end tag; a "<div>" inside a script opens nothing.
// (`noscript` too: cheerio's parse5 parses with scripting enabled.)
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
// A start tag that closes an open element of these names first (the common optional end tags).
const IMPLIED_END: Record<string, ReadonlySet<string>> = {
  body: new Set(['head']),
  p: new Set(['p']),
  li: new Set(['li']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
  td: new Set(['td', 'th']),
  th: new Set(['td', 'th']),
  tr: new Set(['tr', 'td', 'th']),
  option: new Set(['option']),
  optgroup: new Set(['option', 'optgroup']),
};
const NAME = /[A-Za-z][^\s/>]*/y;

/**
 * Cut a page's HTML to the limits before any HTML parser sees it, in one linear pass over the
 * text: elements deeper than `maxDepth` are removed with their content, and text past
 * `maxChars` is dropped. Says what was left out, so a capture can record it. The depth follows
 * the HTML rules closely enough for real pages (void elements, raw-text elements, comments,
 * self-closing tags in SVG/MathML, common optional end tags); on hostile markup it errs towards
 * cutting more.
 */
export function boundPageHtml(source: string, limits: { maxDepth?: number; maxChars?: number } = {}): BoundedPageHtml {
  const maxDepth = limits.maxDepth ?? PAGE_HTML_LIMITS.maxDepth;
  const maxChars = limits.maxChars ?? PAGE_HTML_LIMITS.maxChars;
  const truncatedChars = Math.max(0, source.length - maxChars);
  const html = truncatedChars > 0 ? source.slice(0, maxChars) : source;
  const open: string[] = [];
  let foreign = 0;
  const kept: string[] = [];
  let copiedTo = 0;
  let skipStart = -1;
  let skipLevel = 0;
  let deepElements = 0;
  let deepChars = 0;

  const endSkip = (at: number, resumeAt: number): void => {
    kept.push(html.slice(copiedTo, skipStart));
    deepChars += at - skipStart;
    copiedTo = resumeAt;
    skipStart = -1;
    skipLevel = 0;
  };
  const pop = (): void => {
    const name = open.pop();
    if (name === 'svg' || name === 'math') foreign--;
  };

  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const end = html.startsWith('<!--', lt) ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2);
      at = end < 0 ? html.length : end + (html.startsWith('<!--', lt) ? 3 : 1);
      continue;
    }
    const closing = next === 0x2f; /* / */
    NAME.lastIndex = lt + (closing ? 2 : 1);
    const match = NAME.exec(html);
    if (!match) {
      at = lt + 1;
      continue;
    }
    const name = match[0].toLowerCase();
    const tagEnd = endOfTag(html, NAME.lastIndex);
    const afterTag = tagEnd < 0 ? html.length : tagEnd + 1;

    if (closing) {
      if (skipStart >= 0) {
        skipLevel--;
        if (skipLevel <= 0) endSkip(afterTag, afterTag);
        else if (reaches(open, name)) {
          // The end tag of an ancestor: the cut subtree was left unclosed.
          endSkip(lt, lt);
          popTo(open, name, pop);
        }
      } else popTo(open, name, pop);
      at = afterTag;
      continue;
    }

    const selfClosing = tagEnd > 0 && html.charCodeAt(tagEnd - 1) === 0x2f && (foreign > 0 || name === 'svg' || name === 'math');
    const opens = !VOID.has(name) && !selfClosing;
    // A raw-text element is taken whole, up to and with its end tag: it never nests.
    const rawText = RAW_TEXT.has(name);
    const resumeAt = rawText && tagEnd >= 0 ? afterEndTag(html, name, afterTag) : afterTag;
    if (skipStart >= 0) {
      deepElements++;
      if (opens && !rawText) skipLevel++;
      at = resumeAt;
      continue;
    }
    const implied = IMPLIED_END[name];
    if (implied && open.length > 0 && implied.has(open[open.length - 1] as string)) pop();
    if (opens && open.length >= maxDepth) {
      skipStart = lt;
      skipLevel = rawText ? 0 : 1;
      deepElements++;
      if (skipLevel === 0) endSkip(resumeAt, resumeAt);
      at = resumeAt;
      continue;
    }
    if (opens && !rawText) {
      open.push(name);
      if (name === 'svg' || name === 'math') foreign++;
    }
    at = resumeAt;
  }
  if (skipStart >= 0) endSkip(html.length, html.length);
  if (deepElements === 0 && truncatedChars === 0) return { html };
  kept.push(html.slice(copiedTo));
  return { html: kept.join(''), skipped: { maxDepth, deepElements, deepChars, maxChars, truncatedChars } };
}

// The '>' that ends a tag, skipping quoted attribute values (which may hold '>').
function endOfTag(html: string, from: number): number {
  let at = from;
  while (at < html.length) {
    const code = html.charCodeAt(at);
    if (code === 0x3e /* > */) return at;
    if (code === 0x3d /* = */) {
      at++;
      while (at < html.length && /\s/.test(html[at] as string)) at++;
      const quote = html[at];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1);
        if (close < 0) return -1;
        at = close + 1;
        continue;
      }
      continue;
    }
    at++;
  }
  return -1;
}

const END_TAGS = new Map<string, RegExp>();

function afterEndTag(html: string, name: string, from: number): number {
  let pattern = END_TAGS.get(name);
  if (!pattern) END_TAGS.set(name, (pattern = new RegExp(`</${name}[\\s/>]`, 'gi')));
  pattern.lastIndex = from;
  const start = pattern.exec(html)?.index;
  if (start === undefined) return html.length;
  const end = endOfTag(html, start + 2 + name.length);
  return end < 0 ? html.length : end + 1;
}

// The open stack never holds more than `maxDepth` names, so this search keeps the pass linear.
// An end tag that matches no open element is ignored, as browsers do.
function reaches(open: string[], name: string): boolean {
  return open.lastIndexOf(name) >= 0;
}

function popTo(open: string[], name: string, pop: () => void): void {
  if (!reaches(open, name)) return;
  while (open.length > 0 && open[open.length - 1] !== name) pop();
  pop();
}
