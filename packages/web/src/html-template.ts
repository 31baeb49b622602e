import { escapeVisible } from '@sipansos/core/report';

const CONTROL_MARKER = /<span class="ctl"[^>]*>(⟦U\+[0-9A-F]+⟧)<\/span>/g;

/** Markup that is already safe: built by {@link html} or by core's escaping renderers. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template slot accepts: text (escaped), safe markup, or lists of either. */
export type HtmlValue = string | number | boolean | null | undefined | SafeHtml | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((entry) => render(entry)).join('');
  // Every plain value is hostile until escaped: bidi and zero-width controls become visible
  // markers. The marker's own <span> is dropped, so the result is safe in attributes too (user
  // text holds no '<' after escaping, so only core's markers match).
  return escapeVisible(String(value)).replace(CONTROL_MARKER, '$1');
}

/**
 * The one way pages write markup: every interpolated value is escaped unless it is a
 * {@link SafeHtml}, so forgetting to escape is impossible rather than merely unlikely.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Trust markup produced by an escaping renderer (core's `highlightText`). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
