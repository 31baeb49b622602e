import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_DEADLINE_POLICY, DEFAULT_ROUTING_TABLE, readFindingReviews } from '@sipansos/core/cases';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import { createFsStore } from '@sipansos/store-fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseFixture, hostilePostText } from '../../core/src/report/__fixtures__/case-fixture.js';
import { addUser } from '../src/users-file.js';
import { createWebApp } from '../src/web-app.js';

const PASSWORD = 'kata-sandi-rekaan-panjang';

describe('the web app on the server side', () => {
  let dir = '';
  let store: EvidenceStoreV1;
  let app: ReturnType<typeof createWebApp>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sipansos-web-app-'));
    const text = hostilePostText();
    const fixture = buildCaseFixture({ text, editedText: `${text.slice(0, -5)}EDIT!` });
    const signingKeyPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    store = createFsStore({ dir: path.join(dir, 'store'), signingKeyPem });
    (await store.open())._unsafeUnwrap();
    (await store.putBlob(fixture.rawBody))._unsafeUnwrap();
    (await store.append('capture', fixture.captures))._unsafeUnwrap();
    (await store.append('finding', fixture.findings))._unsafeUnwrap();
    const usersFile = path.join(dir, 'users.json');
    for (const role of ['staf', 'kajian', 'pimpinan'] as const) (await addUser(usersFile, { username: `${role}1`, role, password: PASSWORD }))._unsafeUnwrap();
    app = createWebApp({
      office: { store, officeName: 'Bawaslu Kabupaten Lembah Harapan', timeZone: 'WIB', subjects: () => [fixture.subject], routing: DEFAULT_ROUTING_TABLE, deadlines: DEFAULT_DEADLINE_POLICY, templates: {}, usersFile },
    });
  });

  afterAll(async () => {
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Sign in through the login form; returns the session cookie and a page's form token. */
  async function signIn(username: string): Promise<{ cookie: string; csrf: (path: string) => Promise<string> }> {
    const login = await app.request('/login');
    const anonymous = /sipansos_sid=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1] ?? '';
    const signed = await app.request('/login', { method: 'POST', headers: { cookie: `sipansos_sid=${anonymous}` }, body: new URLSearchParams({ _csrf: token, username, password: PASSWORD }) });
    expect(signed.status).toBe(303);
    const id = /sipansos_sid=([^;]+)/.exec(signed.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(id).not.toBe(anonymous);
    const cookie = `sipansos_sid=${id}`;
    return { cookie, csrf: async (at) => /name="_csrf" value="([^"]+)"/.exec(await (await app.request(at, { headers: { cookie } })).text())?.[1] ?? '' };
  }

  const post = (at: string, cookie: string, form: Record<string, string>) => app.request(at, { method: 'POST', headers: { cookie }, body: new URLSearchParams(form) });

  it('pages carry the CSP without inline script and never echo the post as markup', async () => {
    const { cookie } = await signIn('staf1');
    const response = await app.request('/findings/fnd-0001', { headers: { cookie } });
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const body = await response.text();
    expect(body).not.toMatch(/<script|<img|<iframe|<svg|<style|<link rel=stylesheet href="http/i);
    expect(body).toContain('&lt;script&gt;');
    expect(body).toContain('⟦U+202E⟧');
  });

  it('a dismissal needs a written reason; the refused one is not recorded', async () => {
    const staf = await signIn('staf1');
    const token = await staf.csrf('/findings/fnd-0001');
    const refused = await post('/findings/fnd-0001/dismiss', staf.cookie, { _csrf: token, reason: 'tidak' });
    expect(refused.status).toBe(400);
    expect((await readFindingReviews(store))._unsafeUnwrap().history).toEqual([]);
  });

  it('roles are checked on the server: staf opens, only kajian moves, only pimpinan approves', async () => {
    const staf = await signIn('staf1');
    const accepted = await post('/findings/fnd-0001/accept', staf.cookie, { _csrf: await staf.csrf('/findings/fnd-0001'), title: 'ASN mendukung paslon', reason: 'layak ditindaklanjuti' });
    expect(accepted.status).toBe(303);
    const casePath = accepted.headers.get('location') ?? '';
    expect(casePath).toMatch(/^\/cases\/K-\d{4}-0001$/);
    const review = (await readFindingReviews(store))._unsafeUnwrap().latest.get('fnd-0001');
    expect(review).toMatchObject({ outcome: 'accepted', actor: 'staf1', caseId: casePath.split('/').at(-1) });

    expect((await post(`${casePath}/move`, staf.cookie, { _csrf: await staf.csrf(casePath), to: 'kajian_awal', reason: 'staf mencoba' })).status).toBe(403);
    const kajian = await signIn('kajian1');
    for (const to of ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian']) {
      expect((await post(`${casePath}/move`, kajian.cookie, { _csrf: await kajian.csrf(casePath), to, reason: `ke ${to}` })).status).toBe(303);
    }
    expect((await post(`${casePath}/move`, kajian.cookie, { _csrf: await kajian.csrf(casePath), to: 'pelanggaran', violationType: 'peraturan_lainnya', reason: 'terbukti' })).status).toBe(303);
    expect((await post(`${casePath}/move`, kajian.cookie, { _csrf: await kajian.csrf(casePath), to: 'rekomendasi', reason: 'kajian mencoba menyetujui' })).status).toBe(403);
    expect(await (await app.request(`${casePath}/letter`, { headers: { cookie: kajian.cookie } })).text()).toContain('<div class="draf-tanda"');

    const pimpinan = await signIn('pimpinan1');
    // A move the procedure does not allow is refused even for a permitted role.
    expect((await post(`${casePath}/move`, pimpinan.cookie, { _csrf: await pimpinan.csrf(casePath), to: 'rekomendasi', reason: 'disetujui', expectedVersion: '1' })).status).toBe(409);
    expect((await post(`${casePath}/move`, pimpinan.cookie, { _csrf: await pimpinan.csrf(casePath), to: 'rekomendasi', reason: 'disetujui' })).status).toBe(303);
    expect(await (await app.request(`${casePath}/letter`, { headers: { cookie: pimpinan.cookie } })).text()).not.toContain('<div class="draf-tanda"');
    const audit = (await store.query('audit'))._unsafeUnwrap().map((entry) => entry.record);
    expect(audit.some((entry) => entry.action === 'web.login' && entry.actor === 'pimpinan1')).toBe(true);
    expect(audit.some((entry) => entry.actor === 'pimpinan1' && JSON.stringify(entry).includes('rekomendasi'))).toBe(true);
  });

  it('the language switch only sends the reader back to a local page', async () => {
    const away = await app.request('/lang/en?back=//evil.example/x');
    expect(away.headers.get('location')).toBe('/');
    const local = await app.request('/lang/en?back=/findings?page=2');
    expect(local.headers.get('location')).toBe('/findings?page=2');
    expect(local.headers.get('set-cookie')).toContain('sipansos_lang=en');
    const english = await (await app.request('/login', { headers: { cookie: 'sipansos_lang=en' } })).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Sign in');
    expect(english).toContain('All times in WIB');
  });
});
