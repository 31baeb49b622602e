import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { caseOffice } from './case-office-fixture.js';
import { ROOT } from './bin-process.js';
import { memoryIo } from './memory-io.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'web');
const PASSWORD = 'kata-sandi-rekaan-panjang';
const ROLES = ['staf', 'kajian', 'pimpinan', 'admin'] as const;

// A shared machine under load: each step drives a real browser, so each test gets minutes, not one.
describe('sipansos serve in a real browser', { timeout: 300_000 }, () => {
  let dir = '';
  let browser: Browser | undefined;
  let url = '';
  const stop = new AbortController();
  let served: Promise<number> | undefined;
  const serveIo = () => ({ ...memoryIo(dir), signal: stop.signal });
  let serveOut: ReturnType<typeof serveIo>;
  let caseUrl = '';
  /** Every request any page made, for the "no request leaves" check. */
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium tidak ditemukan di ${CHROMIUM}; pasang dengan apt-get install -y chromium (.ci/run melakukannya) / Chromium missing at ${CHROMIUM}: install it with apt-get install -y chromium (.ci/run does this)`);
    }
    dir = await caseOffice(await mkdtemp(path.join(tmpdir(), 'sipansos-web-')));
    for (const role of [...ROLES, 'korban'] as const) {
      const io = memoryIo(dir, {}, `${PASSWORD}\n`);
      expect(await main(['users', 'add', `${role}1`, '--role', role === 'korban' ? 'staf' : role, '--name', `Petugas ${role}`], io), io.err()).toBe(0);
    }
    serveOut = serveIo();
    served = main(['serve', '--port', '0'], serveOut);
    for (let waited = 0; !/http:\/\/\S+/.test(serveOut.out()) && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    url = /http:\/\/\S+/.exec(serveOut.out())?.[0] ?? '';
    expect(url, serveOut.err()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'] });
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    stop.abort();
    if (served) expect(await served).toBe(0);
    if (dir) await rm(path.dirname(dir), { recursive: true, force: true });
  });

  async function signIn(role: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser!.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      requests.push(`dialog:${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${url}/login`);
    await page.fill('#username', `${role}1`);
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]:has-text("Masuk")');
    await page.waitForURL(`${url}/`);
    return { context, page };
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${name}: ${violation.id} ${violation.help}`)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  it('every role signs in and sees the dashboard; the session id changes at login', async () => {
    for (const role of ROLES) {
      const context = await browser!.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/login`);
      const before = (await context.cookies()).find((cookie) => cookie.name === 'sipansos_sid');
      expect(before?.httpOnly).toBe(true);
      expect(before?.sameSite).toBe('Strict');
      await page.fill('#username', `${role}1`);
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]:has-text("Masuk")');
      await page.waitForURL(`${url}/`);
      const after = (await context.cookies()).find((cookie) => cookie.name === 'sipansos_sid');
      expect(after?.value).toBeTruthy();
      expect(after?.value).not.toBe(before?.value);
      await expect(page.locator('h1').textContent()).resolves.toBe('Dasbor');
      if (role === 'staf') {
        await expectAccessible(page, 'dashboard');
        await page.goto(`${url}/login`);
        await expectAccessible(page, 'login-signed-in');
      }
      await context.close();
    }
  });

  it('staf accepts a finding by keyboard alone and the case opens; a hostile post stays inert', async () => {
    const { context, page } = await signIn('staf');
    await page.goto(`${url}/findings`);
    await expectAccessible(page, 'findings');
    // Keyboard only: Tab to the finding's link, Enter; Tab to "accept", Enter.
    const tabTo = async (test: string): Promise<void> => {
      for (let presses = 0; presses < 80; presses++) {
        await page.keyboard.press('Tab');
        // A string, evaluated in the page: this test's TypeScript has no DOM types.
        const focused = (await page.evaluate(`({ text: document.activeElement?.textContent ?? '', href: document.activeElement?.getAttribute('href') ?? '' })`)) as { text: string; href: string };
        if (focused.text.includes(test) || focused.href.includes(test)) return;
      }
      throw new Error(`could not reach "${test}" with Tab`);
    };
    await tabTo('/findings/fnd-0001');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/findings/fnd-0001`);
    await expect(page.locator('mark').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.post-text').first().textContent()).resolves.toContain('<script>');
    await expect(page.locator('.post-text').first().textContent()).resolves.toContain('⟦U+202E⟧');
    await expectAccessible(page, 'finding');
    await tabTo('Terima dan buka kasus');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/K-\d{4}-0001$/);
    caseUrl = page.url();
    // Staff may not move or approve: no form is shown...
    await expect(page.locator('form.move').count()).resolves.toBe(0);
    // ...and the server refuses the approval even with a valid token.
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const refused = await page.request.post(`${caseUrl}/move`, { form: { _csrf: csrf, to: 'rekomendasi', reason: 'mencoba menyetujui' } });
    expect(refused.status()).toBe(403);
    const stillTemuan = await page.request.get(caseUrl);
    expect(await stillTemuan.text()).toContain('Temuan');
    for (const screen of ['/findings?status=all', '/findings/fnd-0001', caseUrl.replace(url, ''), '/deletions', '/subjects', '/rules', '/']) {
      await page.goto(`${url}${screen}`);
      expect(await page.evaluate('window.pwned ?? null')).toBeNull();
      expect(await page.title()).not.toContain('PWNED');
    }
    await context.close();
  });

  it('kajian moves the case to a violation, pimpinan approves, the letter loses DRAF and the bundle verifies', async () => {
    expect(caseUrl).not.toBe('');
    const kajian = await signIn('kajian');
    const move = async (page: Page, to: string, extra?: () => Promise<void>) => {
      await page.goto(caseUrl);
      const form = page.locator(`form.move:has(input[name=to][value=${to}])`);
      await form.locator('textarea[name=reason]').fill(`alasan ${to}`);
      if (extra) await extra();
      await form.locator('button[type=submit]').click();
      await page.waitForURL(caseUrl);
      await expect(page.locator('.notice.error').count()).resolves.toBe(0);
    };
    for (const to of ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian']) await move(kajian.page, to);
    await move(kajian.page, 'pelanggaran', async () => {
      await kajian.page.selectOption(`form.move:has(input[name=to][value=pelanggaran]) select[name=violationType]`, 'peraturan_lainnya');
    });
    await expect(kajian.page.locator('.state').textContent()).resolves.toContain('Pelanggaran');
    // The kajian cannot approve: the form is absent and the server refuses.
    await expect(kajian.page.locator('form.move').count()).resolves.toBe(0);
    const draft = await kajian.page.request.get(`${caseUrl}/letter`);
    expect(await draft.text()).toContain('<div class="draf-tanda"');
    expect(draft.headers()['content-security-policy']).toContain('sandbox');
    await kajian.context.close();

    const pimpinan = await signIn('pimpinan');
    await expectAccessible(pimpinan.page, 'dashboard-pimpinan');
    await pimpinan.page.goto(caseUrl);
    await expectAccessible(pimpinan.page, 'case-before-approval');
    await move(pimpinan.page, 'rekomendasi');
    await expect(pimpinan.page.locator('.state').textContent()).resolves.toContain('Rekomendasi');
    const final = await pimpinan.page.request.get(`${caseUrl}/letter`);
    expect(await final.text()).not.toContain('<div class="draf-tanda"');
    await pimpinan.page.goto(`${caseUrl}/letter`);
    await pimpinan.page.screenshot({ path: path.join(ARTIFACTS, 'letter-final.png'), fullPage: true });
    await pimpinan.page.goto(caseUrl);
    await expectAccessible(pimpinan.page, 'case');
    const [download] = await Promise.all([pimpinan.page.waitForEvent('download'), pimpinan.page.click('text=Unduh bundel verifikasi luring (ZIP)')]);
    const zip = path.join(dir, 'bundle.zip');
    await download.saveAs(zip);
    const verifyIo = memoryIo(dir);
    expect(await main(['verify-bundle', zip], verifyIo), verifyIo.out() + verifyIo.err()).toBe(0);
    await pimpinan.context.close();
  });

  it('no request left the app while the hostile post was shown', () => {
    const origin = new URL(url).origin;
    const outside = requests.filter((request) => !request.startsWith(origin) && !request.startsWith('data:'));
    expect(outside).toEqual([]);
  });

  it('the remaining screens pass the accessibility check; admin imports subjects after a preview', async () => {
    const { context, page } = await signIn('admin');
    for (const screen of ['deletions', 'subjects', 'rules', 'cases']) {
      await page.goto(`${url}/${screen}`);
      await expectAccessible(page, screen);
    }
    // A row error is shown and nothing can be saved; a good file is previewed, then saved.
    await page.goto(`${url}/subjects`);
    await page.setInputFiles('#file', { name: 'salah.csv', mimeType: 'text/csv', buffer: Buffer.from('id,name,category,x\nasn-201,Nama Rekaan,pegawai,rekaan_satu\n') });
    await page.click('button:has-text("Pratinjau")');
    await expect(page.locator('.preview table').textContent()).resolves.toContain('pegawai');
    await expect(page.locator('button:has-text("Simpan")').count()).resolves.toBe(0);
    await expectAccessible(page, 'subjects-import-preview');
    await page.setInputFiles('#file', { name: 'baik.csv', mimeType: 'text/csv', buffer: Buffer.from('id,name,category,x\nasn-202,Dewi Rekaan Contoh,asn,dewi_rekaan_contoh\n') });
    await page.click('button:has-text("Pratinjau")');
    await page.click('button:has-text("Simpan 1 subjek")');
    await expect(page.locator('.notice.ok').textContent()).resolves.toContain('1 subjek disimpan');
    await expect(page.locator('table').last().textContent()).resolves.toContain('Dewi Rekaan Contoh');
    const listed = memoryIo(dir);
    expect(await main(['subjects', 'list', '--json'], listed)).toBe(0);
    expect(listed.out()).toContain('asn-202');
    await context.close();
  });

  it('a form without the CSRF token, or with a wrong one, is refused', async () => {
    const { context, page } = await signIn('staf');
    const missing = await page.request.post(`${url}/findings/fnd-0001/dismiss`, { form: { reason: 'bukan pelanggaran sama sekali' } });
    expect(missing.status()).toBe(403);
    const wrong = await page.request.post(`${url}/findings/fnd-0001/dismiss`, { form: { _csrf: 'x'.repeat(43), reason: 'bukan pelanggaran sama sekali' } });
    expect(wrong.status()).toBe(403);
    const page2 = await page.request.get(`${url}/findings/fnd-0001`);
    expect(await page2.text()).not.toContain('bukan pelanggaran sama sekali');
    await context.close();
  });

  it('ten wrong passwords lock the account, even for the right password afterwards', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    for (let attempt = 0; attempt < 10; attempt++) {
      await page.goto(`${url}/login`);
      await page.fill('#username', 'korban1');
      await page.fill('#password', `salah-${attempt}-salah-salah`);
      await page.click('button[type=submit]:has-text("Masuk")');
    }
    await page.goto(`${url}/login`);
    await page.fill('#username', 'korban1');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]:has-text("Masuk")');
    expect(page.url()).toBe(`${url}/login`);
    await expect(page.locator('.notice.error').textContent()).resolves.toMatch(/terkunci|dikunci/);
    await context.close();
  });

  it('a writing command names the running server; a reading one keeps working', async () => {
    const caseId = caseUrl.split('/').at(-1)!;
    const writer = memoryIo(dir);
    expect(await main(['cases', 'note', caseId, '--text', 'catatan dari terminal'], writer)).toBe(3);
    expect(writer.err()).toContain('sipansos serve');
    const reader = memoryIo(dir);
    expect(await main(['cases', 'show', caseId, '--json'], reader), reader.err()).toBe(0);
    expect(reader.out()).toContain('"state":"rekomendasi"');
  });
});
