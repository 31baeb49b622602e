import { html, type SafeHtml } from '../html-template.js';
import { layout, notice } from './layout.js';
import { csrfField, t, type PageContext } from './page-context.js';

/** The sign-in form; `problem` is shown above it. */
export function loginPage(context: PageContext, problem?: string, username = ''): SafeHtml {
  return layout(
    context,
    t(context, 'Masuk', 'Sign in'),
    html`${problem ? notice('error', problem) : ''}
<form method="post" action="/login" class="stack">
${csrfField(context)}
<label for="username">${t(context, 'Nama pengguna', 'Username')}</label>
<input id="username" name="username" autocomplete="username" required value="${username}">
<label for="password">${t(context, 'Kata sandi', 'Password')}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${t(context, 'Masuk', 'Sign in')}</button>
</form>`,
  );
}
