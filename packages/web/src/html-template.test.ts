import { describe, expect, it } from 'vitest';
import { html, trusted } from './html-template.js';

describe('html template', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const hostile = '<script>alert(1)</script>" onmouseover="x" \'`';
    const out = html`<p title="${hostile}">${hostile}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('" onmouseover');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('&quot; onmouseover=&quot;');
  });

  it('shows bidi overrides as visible markers, without markup inside attributes', () => {
    const out = html`<input value="${'gnp\u202Eexe'}"><p>${'a\u2066b'}</p>`.value;
    expect(out).toBe('<input value="gnp⟦U+202E⟧exe"><p>a⟦U+2066⟧b</p>');
  });

  it('keeps trusted markup and nested templates as they are', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<div>${inner}${trusted('<mark>x</mark>')}${[1, 2]}${undefined}${false}</div>`.value).toBe('<div><b>&lt;i&gt;</b><mark>x</mark>12</div>');
  });
});
