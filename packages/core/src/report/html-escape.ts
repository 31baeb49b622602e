/**
 * Escaping for the HTML documents SIPANSOS writes. A post is hostile input: every piece of it is
 * escaped, and characters that could disguise text are made visible instead of being obeyed.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escape text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * Bidirectional controls (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM) reorder what a reader
 * sees: "gnp.exe" can display as "exe.png". Zero-width characters hide words from a search.
 * Other C0/C1 controls have no business in a report.
 */
const DISGUISING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/** Whether text holds characters {@link escapeVisible} shows as markers. */
export function hasDisguisingCharacters(text: string): boolean {
  DISGUISING.lastIndex = 0;
  const found = DISGUISING.test(text);
  DISGUISING.lastIndex = 0;
  return found;
}

/**
 * Escape text and show every disguising character as a visible marker `⟦U+202E⟧`, so the
 * reader sees the text as stored, not as the author wanted it displayed.
 */
export function escapeVisible(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(DISGUISING)) {
    const index = match.index ?? 0;
    out += escapeHtml(text.slice(last, index));
    const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    out += `<span class="ctl" title="karakter kontrol / control character U+${code}">⟦U+${code}⟧</span>`;
    last = index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}
