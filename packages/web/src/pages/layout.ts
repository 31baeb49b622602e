import { html, type HtmlValue, type SafeHtml } from '../html-template.js';
import { ROLE_LABELS } from '../roles.js';
import { labelIn } from '../ui-language.js';
import { csrfField, t, type PageContext } from './page-context.js';

/** The page frame: skip link, navigation, language switch, sign-out, then the page's content. */
export function layout(context: PageContext, title: string, body: HtmlValue): SafeHtml {
  const other = context.language === 'en' ? 'id' : 'en';
  const nav = context.user
    ? html`<nav aria-label="${t(context, 'Navigasi utama', 'Main navigation')}"><ul>
        <li><a href="/">${t(context, 'Dasbor', 'Dashboard')}</a></li>
        <li><a href="/findings">${t(context, 'Temuan', 'Findings')}</a></li>
        <li><a href="/cases">${t(context, 'Kasus', 'Cases')}</a></li>
        <li><a href="/deletions">${t(context, 'Penghapusan', 'Deletions')}</a></li>
        <li><a href="/subjects">${t(context, 'Subjek', 'Subjects')}</a></li>
        <li><a href="/rules">${t(context, 'Presisi aturan', 'Rule precision')}</a></li>
      </ul></nav>
      <div class="who">${context.user.name} (${labelIn(context.language, ROLE_LABELS[context.user.role])})
        <form method="post" action="/logout" class="inline">${csrfField(context)}<button type="submit">${t(context, 'Keluar', 'Sign out')}</button></form></div>`
    : '';
  return html`<!doctype html>
<html lang="${context.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — SIPANSOS</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<a class="skip" href="#main">${t(context, 'Langsung ke isi', 'Skip to content')}</a>
<header>
<p class="brand">SIPANSOS</p>
${nav}
<p class="lang"><a href="/lang/${other}?back=${encodeURIComponent(context.path)}" hreflang="${other}" lang="${other}">${other === 'en' ? 'English' : 'Bahasa Indonesia'}</a></p>
</header>
<main id="main">
<h1>${title}</h1>
${body}
</main>
<footer><p>${t(context, `Semua waktu dalam zona ${context.timeZone}`, `All times in ${context.timeZone}`)}</p></footer>
</body>
</html>`;
}

/** A message box: `error` for refusals, `ok` for done. */
export function notice(kind: 'error' | 'ok', text: string): SafeHtml {
  return html`<p class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</p>`;
}
