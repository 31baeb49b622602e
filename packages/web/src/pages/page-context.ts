import type { IndonesianTimeZone } from '@sipansos/core';
import { formatLocalTimestamp } from '@sipansos/core';
import { html, type SafeHtml } from '../html-template.js';
import type { WebSession } from '../session-store.js';
import { say, type UiLanguage } from '../ui-language.js';

/** What every page needs to render: who reads, in which language, the form token, the zone. */
export interface PageContext {
  language: UiLanguage;
  user?: NonNullable<WebSession['user']>;
  csrf: string;
  timeZone: IndonesianTimeZone;
  /** The request path with its query, for the language switch's way back. */
  path: string;
}

/** A time in the election's zone, the zone named (e.g. "2024-11-27 10:15 WIB"). */
export function timeText(context: PageContext, instant: string | undefined): string {
  return instant ? formatLocalTimestamp(instant, context.timeZone) : '—';
}

/** The hidden synchronizer token every form carries. */
export function csrfField(context: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${context.csrf}">`;
}

/** Shorthand for the page's language. */
export function t(context: PageContext, indonesian: string, english: string): string {
  return say(context.language, indonesian, english);
}
