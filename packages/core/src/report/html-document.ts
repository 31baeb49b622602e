import { createHash } from 'node:crypto';
import { escapeHtml } from './html-escape.js';

/**
 * The Content-Security-Policy of every SIPANSOS document: nothing may load from anywhere, no
 * script may run, only the document's own style block (by hash) and `data:` images and media.
 * A hostile post that slipped through escaping would still be inert.
 */
export function documentCsp(styleHash: string): string {
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src '${styleHash}'`,
    'img-src data:',
    'media-src data:',
    "font-src 'none'",
    "connect-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A whole self-contained HTML document. */
export interface HtmlDocumentInput {
  title: string;
  /** The document's CSS (trusted: written by SIPANSOS or the office). */
  style: string;
  /** The body's inner HTML, already escaped. */
  body: string;
  /** @default 'id' */
  lang?: string;
}

/** Wrap escaped body HTML into a document with a restrictive CSP meta and no external reference. */
export function htmlDocument(input: HtmlDocumentInput): string {
  const styleHash = `sha256-${createHash('sha256').update(input.style, 'utf8').digest('base64')}`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(input.lang ?? 'id')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(documentCsp(styleHash))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="SIPANSOS">
<title>${escapeHtml(input.title)}</title>
<style>${input.style}</style>
</head>
<body>
${input.body}
</body>
</html>
`;
}
