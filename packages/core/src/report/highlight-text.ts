import type { MatchSpan } from '../findings/finding-schema.js';
import { escapeVisible } from './html-escape.js';

/** A span that could not be placed (its offsets do not hold its text in this version). */
export interface UnplacedSpan {
  span: MatchSpan;
  reason: string;
}

/**
 * Render a field's text as escaped HTML with the matched words in `<mark>`. Spans are offsets
 * into the original text; a span is used only where the original holds exactly its recorded
 * words there, so a highlight never lands on the wrong words of another version. `display`
 * transforms the text for showing (masking) and must keep its length.
 */
export function highlightText(original: string, spans: readonly MatchSpan[], display: (text: string) => string = (text) => text): { html: string; unplaced: UnplacedSpan[] } {
  const shown = display(original);
  const safeShown = shown.length === original.length ? shown : original;
  const unplaced: UnplacedSpan[] = [];
  const ranges: Array<{ start: number; end: number; title: string }> = [];
  for (const span of spans) {
    if (!(span.start < span.end && span.end <= original.length)) {
      unplaced.push({ span, reason: 'offsets outside the text' });
      continue;
    }
    if (original.slice(span.start, span.end) !== span.text) {
      unplaced.push({ span, reason: 'the text at these offsets differs (another version)' });
      continue;
    }
    ranges.push({ start: span.start, end: span.end, title: [span.term, span.predicate].filter(Boolean).join(' · ') });
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  // Merge overlapping ranges so marks never nest or cross.
  const merged: typeof ranges = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
      if (range.title && !last.title.includes(range.title)) last.title = [last.title, range.title].filter(Boolean).join('; ');
    } else merged.push({ ...range });
  }
  let html = '';
  let at = 0;
  for (const range of merged) {
    html += escapeVisible(safeShown.slice(at, range.start));
    const title = display(range.title);
    html += `<mark${title ? ` title="${escapeVisible(title).replace(/<[^>]*>/g, '')}"` : ''}>${escapeVisible(safeShown.slice(range.start, range.end))}</mark>`;
    at = range.end;
  }
  html += escapeVisible(safeShown.slice(at));
  return { html, unplaced };
}
