import { randomBytes } from 'node:crypto';
import type { Subject } from '@sipansos/core';
import { CASE_STATES, VIOLATION_TYPES, AUTHORITY_OUTCOMES, caseDeadlines, createCaseWorkflow, reviewPrecision, recordFindingReview, type AuthorityOutcome, type CaseError, type CaseState, type ViolationType } from '@sipansos/core/cases';
import { bundleFromStore, bundleToZip, ensureCheckpointCovers } from '@sipansos/core/evidence';
import { collectCaseEvidence, exportAuditEntry, isDraftLetter, renderCaseReportFromStore, renderLetter } from '@sipansos/core/report';
import { localDateAt } from '@sipansos/core';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { APP_CSS } from './app-css.js';
import type { SafeHtml } from './html-template.js';
import { createLoginThrottle, type LoginThrottle } from './login-throttle.js';
import { createFindingIndex } from './finding-index.js';
import { allCases, caseReferral, dashboardData, deletionRows, findingItem, findingQueue, StoreReadError } from './office-reads.js';
import { APPROVAL_STATE, casePage, casesPage } from './pages/case-page.js';
import { findingPage, findingsPage } from './pages/findings-page.js';
import { loginPage } from './pages/login-page.js';
import { dashboardPage, deletionsPage, problemPage, rulesPage, subjectsPage } from './pages/overview-pages.js';
import type { PageContext } from './pages/page-context.js';
import { can, type Permission } from './roles.js';
import { createSessionStore, csrfMatches, type SessionStore, type WebSession } from './session-store.js';
import { say, type UiLanguage } from './ui-language.js';
import { checkPassword, createUserDirectory } from './users-file.js';
import type { SubjectImportPreview, WebOffice } from './web-office.js';

/** Settings of {@link createWebApp}. */
export interface WebAppSettings {
  office: WebOffice;
  /** Served over TLS: cookies get `Secure` and the `__Host-` prefix. @default false */
  secure?: boolean;
  /** @default an in-memory store with a 2-hour idle limit */
  sessions?: SessionStore;
  /** @default ten wrong passwords lock an account for 15 minutes */
  throttle?: LoginThrottle;
  /** The peer address of a request (for per-address throttling). @default the socket's remote address */
  addressOf?: (context: Context) => string;
}

/** The app's pages and actions; the CSP forbids inline script, so no page carries any. */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** Letters and reports are whole documents with their own inline style and never any script. */
const DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

type Form = Record<string, string | File | (string | File)[]>;
type Env = { Variables: { session: WebSession; form: Form; language: UiLanguage } };

const text = (form: Form, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

/**
 * The office web app as a Hono application: every route checks the role on the server, every
 * POST needs the session's CSRF token, and every change is an audit entry naming the user.
 */
export function createWebApp(settings: WebAppSettings): Hono<Env> {
  const { office } = settings;
  const { store } = office;
  const sessions = settings.sessions ?? createSessionStore();
  const throttle = settings.throttle ?? createLoginThrottle();
  const now = office.now ?? (() => new Date());
  const cookieName = settings.secure ? '__Host-sipansos_sid' : 'sipansos_sid';
  // The peer's address as @hono/node-server hands it over (c.env.incoming is the Node request).
  const addressOf = settings.addressOf ?? ((c: Context) => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local');
  const workflow = createCaseWorkflow({ store, routing: office.routing, deadlines: office.deadlines, timeZone: office.timeZone, now });
  const directory = createUserDirectory(office.usersFile);
  const findingIndex = createFindingIndex(store);
  const reviewLedger = async () => (await findingIndex.current()).ledger;
  const pendingImports = new Map<string, { sessionId: string; subjects: Subject[]; at: number }>();
  const app = new Hono<Env>();

  const setSessionCookie = (c: Context<Env>, session: WebSession) => {
    setCookie(c, cookieName, session.id, { path: '/', httpOnly: true, sameSite: 'Strict', secure: Boolean(settings.secure) });
  };
  const pageContext = (c: Context<Env>): PageContext => {
    const session = c.get('session');
    const url = new URL(c.req.url);
    return { language: c.get('language'), csrf: session.csrf, timeZone: office.timeZone, path: `${url.pathname}${url.search}`, ...(session.user ? { user: session.user } : {}) };
  };
  const page = (c: Context<Env>, body: SafeHtml, status: 200 | 400 | 403 | 404 | 409 | 429 | 500 = 200) => c.html(body.value, status);
  const audit = (actor: string, action: string, target: { kind: string; id: string }, details: Record<string, unknown> = {}) => {
    const at = now().toISOString();
    return store.append('audit', [{ id: `${action}:${at}:${randomBytes(6).toString('hex')}`, at, actor, action, target, details }]);
  };
  const refuse = (c: Context<Env>, status: 400 | 403 | 404 | 409, indonesian: string, english: string) => page(c, problemPage(pageContext(c), say(c.get('language'), 'Ditolak', 'Refused'), say(c.get('language'), indonesian, english)), status);
  const requirePermission = (c: Context<Env>, permission: Permission) => {
    const user = c.get('session').user;
    return user && can(user.role, permission) ? undefined : refuse(c, 403, 'peran Anda tidak berwenang untuk tindakan ini', 'your role may not do this');
  };

  // Headers on every answer: the CSP without inline script, no sniffing, no referrer, no caching.
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'no-referrer');
    c.res.headers.set('cross-origin-opener-policy', 'same-origin');
    c.res.headers.set('cross-origin-resource-policy', 'same-origin');
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
    if (settings.secure) c.res.headers.set('strict-transport-security', 'max-age=31536000');
  });

  app.get('/static/app.css', (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.body(APP_CSS, 200, { 'content-type': 'text/css; charset=utf-8' });
  });

  // Session, language, and for every POST: same origin and the synchronizer token.
  app.use('*', async (c, next) => {
    let session = sessions.get(getCookie(c, cookieName));
    if (!session) {
      session = sessions.create();
      setSessionCookie(c, session);
    }
    c.set('session', session);
    c.set('language', getCookie(c, 'sipansos_lang') === 'en' ? 'en' : 'id');
    if (c.req.method === 'POST') {
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      if (origin && host && origin !== 'null' && new URL(origin).host !== host) return refuse(c, 403, 'permintaan dari situs lain ditolak', 'a request from another site is refused');
      let form: Form;
      try {
        form = (await c.req.parseBody({ all: true })) as Form;
      } catch {
        return refuse(c, 400, 'isi formulir tidak terbaca', 'the form could not be read');
      }
      if (!csrfMatches(session, text(form, '_csrf'))) return refuse(c, 403, 'token formulir hilang atau salah; muat ulang halaman lalu coba lagi', 'the form token is missing or wrong; reload the page and try again');
      c.set('form', form);
    }
    await next();
  });

  app.get('/lang/:to', (c) => {
    const to = c.req.param('to') === 'en' ? 'en' : 'id';
    setCookie(c, 'sipansos_lang', to, { path: '/', sameSite: 'Strict', httpOnly: true, secure: Boolean(settings.secure), maxAge: 365 * 86_400 });
    const back = c.req.query('back') ?? '/';
    // Only a local path: never an open redirect.
    return c.redirect(/^\/(?![/\\])/.test(back) ? back : '/', 303);
  });

  app.get('/login', (c) => (c.get('session').user ? c.redirect('/', 303) : page(c, loginPage(pageContext(c)))));

  app.post('/login', async (c) => {
    const form = c.get('form');
    const username = text(form, 'username').trim().toLowerCase();
    const password = text(form, 'password');
    const address = addressOf(c);
    const language = c.get('language');
    const gate = throttle.check(username, address);
    if (!gate.allowed) {
      const until = new Date(gate.retryAt).toISOString();
      return page(c, loginPage(pageContext(c), say(language, `Terlalu banyak percobaan gagal; akun/alamat terkunci sampai ${until}`, `Too many failed attempts; locked until ${until}`), username), 429);
    }
    const users = await directory.users();
    if (users.isErr()) return page(c, loginPage(pageContext(c), users.error.message, username), 500);
    const user = await checkPassword(users.value, username, password);
    if (!user) {
      const locked = throttle.failed(username, address);
      await audit(username || '(kosong)', locked ? 'web.account_locked' : 'web.login_failed', { kind: 'user', id: username || '(kosong)' }, { address });
      return page(c, loginPage(pageContext(c), locked ? say(language, 'Sepuluh kata sandi salah: akun dikunci sementara', 'Ten wrong passwords: the account is locked for a while') : say(language, 'Nama pengguna atau kata sandi salah', 'Wrong username or password'), username), locked ? 429 : 400);
    }
    throttle.succeeded(username);
    // A new session id at login: an id planted before login is worth nothing after it.
    const session = sessions.rotate(c.get('session'), { username: user.username, name: user.name, role: user.role });
    setSessionCookie(c, session);
    await audit(user.username, 'web.login', { kind: 'user', id: user.username }, { role: user.role, address });
    return c.redirect('/', 303);
  });

  app.post('/logout', async (c) => {
    const session = c.get('session');
    if (session.user) await audit(session.user.username, 'web.logout', { kind: 'user', id: session.user.username });
    sessions.end(session.id);
    return c.redirect('/login', 303);
  });

  // Everything below needs a signed-in, still-enabled user.
  app.use('*', async (c, next) => {
    const session = c.get('session');
    if (!session.user) return c.req.method === 'GET' ? c.redirect('/login', 303) : refuse(c, 403, 'masuk dulu', 'sign in first');
    // A user disabled (or re-roled) since login is out at the next request, not at session end.
    const users = await directory.users();
    const current = users.isOk() ? users.value.find((user) => user.username === session.user?.username) : undefined;
    if (!current || current.disabled || current.role !== session.user.role) {
      sessions.end(session.id);
      return c.req.method === 'GET' ? c.redirect('/login', 303) : refuse(c, 403, 'sesi berakhir; masuk lagi', 'the session ended; sign in again');
    }
    await next();
  });

  app.get('/', async (c) => page(c, dashboardPage(pageContext(c), await dashboardData(office, findingIndex, now()))));

  app.get('/findings', async (c) => {
    const query = c.req.query();
    const filters = {
      page: Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1),
      ...Object.fromEntries((['category', 'subject', 'platform', 'phase', 'rule', 'status'] as const).flatMap((key) => (query[key] ? [[key, query[key]]] : []))),
    };
    const { queue, rules } = await findingQueue(findingIndex, filters);
    return page(c, findingsPage(pageContext(c), filters, queue, rules));
  });

  const showFinding = async (c: Context<Env>, id: string, messages: { problem?: string; done?: string } = {}, status: 200 | 400 | 409 = 200) => {
    const stored = await store.get('finding', id);
    if (stored.isErr()) throw new StoreReadError(stored.error.message);
    if (!stored.value) return refuse(c, 404, `temuan ${id} tidak ada`, `no finding ${id}`);
    const finding = stored.value.record;
    const ledger = await reviewLedger();
    const history = ledger.history.filter((review) => review.findingId === id);
    const item = await findingItem(store, finding);
    const user = c.get('session').user;
    return page(c, findingPage(pageContext(c), { finding, ...(item ? { item } : {}), history, canReview: Boolean(user && can(user.role, 'finding.review')), ...messages }), status);
  };

  app.get('/findings/:id', (c) => showFinding(c, c.req.param('id')));

  app.post('/findings/:id/accept', async (c) => {
    const denied = requirePermission(c, 'finding.review');
    if (denied) return denied;
    const id = c.req.param('id');
    const form = c.get('form');
    const user = c.get('session').user!;
    const stored = await store.get('finding', id);
    if (stored.isErr() || !stored.value) return refuse(c, 404, `temuan ${id} tidak ada`, `no finding ${id}`);
    const finding = stored.value.record;
    const standing = (await reviewLedger()).latest.get(id);
    if (standing?.outcome === 'accepted' && standing.caseId) return c.redirect(`/cases/${encodeURIComponent(standing.caseId)}`, 303);
    const reason = text(form, 'reason').trim();
    const title = text(form, 'title').trim();
    const year = now().getUTCFullYear();
    let opened: Awaited<ReturnType<typeof workflow.open>> | undefined;
    // Case ids count up per year; a clash (two reviewers at once) takes the next number.
    for (let attempt = 0; attempt < 5; attempt++) {
      const count = (await allCases(store)).filter((value) => value.id.startsWith(`K-${year}-`)).length;
      const caseId = `K-${year}-${String(count + 1 + attempt).padStart(4, '0')}`;
      opened = await workflow.open({ id: caseId, title, subjectId: finding.subjectId, findingIds: [id], actor: user.username, reason, routes: finding.routes, discoveredAt: finding.createdAt });
      if (opened.isOk() || opened.error.type !== 'already_exists') break;
    }
    if (!opened || opened.isErr()) return showFinding(c, id, { problem: opened ? opened.error.message : 'gagal / failed' }, 400);
    const reviewed = await recordFindingReview(store, id, { outcome: 'accepted', reason, actor: user.username, caseId: opened.value.id, at: now().toISOString() });
    if (reviewed.isErr()) return showFinding(c, id, { problem: reviewed.error.message }, 400);
    return c.redirect(`/cases/${encodeURIComponent(opened.value.id)}`, 303);
  });

  app.post('/findings/:id/dismiss', async (c) => {
    const denied = requirePermission(c, 'finding.review');
    if (denied) return denied;
    const id = c.req.param('id');
    const user = c.get('session').user!;
    const reviewed = await recordFindingReview(store, id, { outcome: 'dismissed', reason: text(c.get('form'), 'reason'), actor: user.username, at: now().toISOString() });
    if (reviewed.isErr()) {
      if (reviewed.error.type === 'finding_not_found') return refuse(c, 404, `temuan ${id} tidak ada`, `no finding ${id}`);
      return showFinding(c, id, { problem: reviewed.error.message }, 400);
    }
    return showFinding(c, id, { done: say(c.get('language'), 'Temuan ditolak; alasan dicatat.', 'Finding dismissed; the reason is kept.') });
  });

  app.get('/cases', async (c) => {
    const cases = await allCases(store);
    const at = now();
    const rows = cases
      .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
      .map((value) => {
        const next = caseDeadlines(value, office.deadlines, at).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
        return next ? { value, next } : { value };
      });
    return page(c, casesPage(pageContext(c), rows));
  });

  const showCase = async (c: Context<Env>, id: string, messages: { problem?: string; done?: string } = {}, status: 200 | 400 | 409 = 200) => {
    const value = await workflow.get(id);
    if (value.isErr()) return value.error.type === 'not_found' ? refuse(c, 404, `kasus ${id} tidak ada`, `no case ${id}`) : Promise.reject(new StoreReadError(value.error.message));
    const at = now();
    const user = c.get('session').user!;
    const referral = await caseReferral(office, value.value, at);
    const abilities = { move: can(user.role, 'case.move'), approve: can(user.role, 'case.approve'), note: can(user.role, 'case.note'), respond: can(user.role, 'case.respond'), export: can(user.role, 'case.export') };
    return page(c, casePage(pageContext(c), { value: value.value, deadlines: caseDeadlines(value.value, office.deadlines, at), ...(referral ? { referral } : {}), abilities, draft: isDraftLetter(value.value), ...messages }), status);
  };
  const caseProblem = (c: Context<Env>, id: string, error: CaseError) => showCase(c, id, { problem: error.message }, error.type === 'not_found' ? 400 : 409);

  app.get('/cases/:id', (c) => showCase(c, c.req.param('id')));

  app.post('/cases/:id/move', async (c) => {
    const id = c.req.param('id');
    const form = c.get('form');
    const to = text(form, 'to') as CaseState;
    if (!(CASE_STATES as readonly string[]).includes(to)) return refuse(c, 400, 'status tujuan tidak dikenal', 'unknown target state');
    // Approving the recommendation is a commissioner's act; every other move is the kajian's.
    const denied = requirePermission(c, to === APPROVAL_STATE ? 'case.approve' : 'case.move');
    if (denied) return denied;
    const user = c.get('session').user!;
    const violationType = text(form, 'violationType');
    const expectedVersion = Number.parseInt(text(form, 'expectedVersion'), 10);
    const moved = await workflow.move(id, {
      to,
      actor: user.username,
      reason: text(form, 'reason'),
      ...((VIOLATION_TYPES as readonly string[]).includes(violationType) ? { violationType: violationType as ViolationType } : {}),
      ...(text(form, 'kajianSummary').trim() ? { kajianSummary: text(form, 'kajianSummary') } : {}),
      ...(text(form, 'letterNumber').trim() ? { letterNumber: text(form, 'letterNumber').trim() } : {}),
      ...(Number.isInteger(expectedVersion) && expectedVersion > 0 ? { expectedVersion } : {}),
    });
    if (moved.isErr()) return caseProblem(c, id, moved.error);
    return c.redirect(`/cases/${encodeURIComponent(id)}`, 303);
  });

  app.post('/cases/:id/note', async (c) => {
    const denied = requirePermission(c, 'case.note');
    if (denied) return denied;
    const id = c.req.param('id');
    const noted = await workflow.note(id, { actor: c.get('session').user!.username, text: text(c.get('form'), 'text') });
    if (noted.isErr()) return caseProblem(c, id, noted.error);
    return c.redirect(`/cases/${encodeURIComponent(id)}`, 303);
  });

  app.post('/cases/:id/respond', async (c) => {
    const denied = requirePermission(c, 'case.respond');
    if (denied) return denied;
    const id = c.req.param('id');
    const form = c.get('form');
    const outcome = text(form, 'outcome');
    if (!(AUTHORITY_OUTCOMES as readonly string[]).includes(outcome)) return refuse(c, 400, 'hasil tidak dikenal', 'unknown outcome');
    const recorded = await workflow.recordResponse(id, { actor: c.get('session').user!.username, outcome: outcome as AuthorityOutcome, at: now().toISOString(), summary: text(form, 'summary') });
    if (recorded.isErr()) return caseProblem(c, id, recorded.error);
    return c.redirect(`/cases/${encodeURIComponent(id)}`, 303);
  });

  app.get('/cases/:id/letter', async (c) => {
    const id = c.req.param('id');
    const evidence = await collectCaseEvidence(store, id);
    if (evidence.isErr()) return evidence.error.type === 'case_not_found' ? refuse(c, 404, `kasus ${id} tidak ada`, `no case ${id}`) : Promise.reject(new StoreReadError(evidence.error.message));
    const value = evidence.value.case.record;
    const at = now();
    const referral = await caseReferral(office, value, at);
    if (!referral) return refuse(c, 409, 'tujuan surat belum dapat ditentukan', 'the recipient cannot be resolved yet');
    const subject = office.subjects().find((entry) => entry.id === value.subjectId);
    const template = office.templates[referral.kind];
    const letter = renderLetter({
      case: value,
      findings: evidence.value.findings.map((entry) => entry.record),
      captures: evidence.value.captures.map((entry) => entry.record),
      office: { name: office.officeName, ...(office.seat ? { city: office.seat } : {}) },
      letter: { date: localDateAt(at, office.timeZone) },
      referral,
      timeZone: office.timeZone,
      draft: isDraftLetter(value),
      includePersonalData: false,
      ...(subject ? { subject } : {}),
      ...(template ? { template } : {}),
    });
    if (letter.isErr()) return refuse(c, 409, `surat tidak dapat dibuat: ${letter.error.message}`, `cannot write the letter: ${letter.error.message}`);
    return c.body(letter.value, 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': DOCUMENT_POLICY, 'x-frame-options': 'SAMEORIGIN' });
  });

  app.get('/cases/:id/report', async (c) => {
    const id = c.req.param('id');
    const user = c.get('session').user!;
    const report = await renderCaseReportFromStore(store, { caseId: id, office: { name: office.officeName }, generatedBy: user.username, generatedAt: now().toISOString(), subjects: [...office.subjects()], deadlines: office.deadlines, includePersonalData: false });
    if (report.isErr()) return report.error.type === 'case_not_found' ? refuse(c, 404, `kasus ${id} tidak ada`, `no case ${id}`) : Promise.reject(new StoreReadError(report.error.message));
    return c.body(report.value.html, 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': DOCUMENT_POLICY });
  });

  app.post('/cases/:id/bundle', async (c) => {
    const denied = requirePermission(c, 'case.export');
    if (denied) return denied;
    const id = c.req.param('id');
    const user = c.get('session').user!;
    const at = now().toISOString();
    const evidence = await collectCaseEvidence(store, id);
    if (evidence.isErr()) return evidence.error.type === 'case_not_found' ? refuse(c, 404, `kasus ${id} tidak ada`, `no case ${id}`) : Promise.reject(new StoreReadError(evidence.error.message));
    // The case's captures must sit under a signed checkpoint for their proofs to be checkable.
    const signed = await ensureCheckpointCovers(store, evidence.value.captures.map((entry) => entry.id));
    if (signed.isErr() && signed.error.type !== 'unsupported') return showCase(c, id, { problem: signed.error.message }, 409);
    const report = await renderCaseReportFromStore(store, { caseId: id, office: { name: office.officeName }, generatedBy: user.username, generatedAt: at, subjects: [...office.subjects()], deadlines: office.deadlines, includePersonalData: false });
    const files = await bundleFromStore(store, { caseId: id, office: office.officeName, createdAt: at, createdBy: user.username, includePersonalData: false, ...(report.isOk() ? { reportHtml: report.value.html } : {}) });
    if (files.isErr()) return showCase(c, id, { problem: files.error.message }, 409);
    const zip = bundleToZip(files.value, new Date(at));
    if (zip.isErr()) return showCase(c, id, { problem: zip.error.message }, 409);
    const name = `bundle-${id}.zip`;
    const audited = await store.append('audit', [exportAuditEntry({ actor: user.username, at, action: 'export.bundle', target: { kind: 'case', id }, includePersonalData: false, destination: `web:${name}`, details: { files: files.value.size, zip: true } })]);
    if (audited.isErr()) return showCase(c, id, { problem: audited.error.message }, 409);
    return c.body(new Uint8Array(zip.value), 200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${name}"` });
  });

  app.get('/deletions', async (c) => page(c, deletionsPage(pageContext(c), await deletionRows(office))));

  const showSubjects = (c: Context<Env>, extra: { preview?: { token: string; preview: SubjectImportPreview }; problem?: string; done?: string } = {}, status: 200 | 400 = 200) => {
    const user = c.get('session').user!;
    return page(c, subjectsPage(pageContext(c), { subjects: office.subjects(), query: c.req.query('q') ?? '', canImport: Boolean(office.subjectImporter) && can(user.role, 'subjects.import'), ...extra }), status);
  };

  app.get('/subjects', (c) => showSubjects(c));

  app.post('/subjects/import', async (c) => {
    const denied = requirePermission(c, 'subjects.import');
    if (denied) return denied;
    const importer = office.subjectImporter;
    const file = c.get('form').file;
    if (!importer || !(file instanceof File)) return showSubjects(c, { problem: say(c.get('language'), 'pilih berkas CSV atau XLSX', 'choose a CSV or XLSX file') }, 400);
    const preview = await importer.preview(file.name, new Uint8Array(await file.arrayBuffer()));
    if ('problem' in preview) return showSubjects(c, { problem: say(c.get('language'), preview.problem.id, preview.problem.en) }, 400);
    const token = randomBytes(18).toString('base64url');
    for (const [key, pending] of pendingImports) if (Date.now() - pending.at > 30 * 60_000) pendingImports.delete(key);
    pendingImports.set(token, { sessionId: c.get('session').id, subjects: preview.subjects, at: Date.now() });
    return showSubjects(c, { preview: { token, preview } });
  });

  app.post('/subjects/import/confirm', async (c) => {
    const denied = requirePermission(c, 'subjects.import');
    if (denied) return denied;
    const token = text(c.get('form'), 'token');
    const pending = pendingImports.get(token);
    if (!office.subjectImporter || !pending || pending.sessionId !== c.get('session').id) return showSubjects(c, { problem: say(c.get('language'), 'pratinjau kedaluwarsa; unggah lagi', 'the preview expired; upload again') }, 400);
    pendingImports.delete(token);
    const saved = await office.subjectImporter.save(pending.subjects);
    if ('problem' in saved) return showSubjects(c, { problem: say(c.get('language'), saved.problem.id, saved.problem.en) }, 400);
    const user = c.get('session').user!;
    await audit(user.username, 'subjects.imported', { kind: 'subjects', id: '*' }, { subjects: pending.subjects.length, via: 'web' });
    return showSubjects(c, { done: say(c.get('language'), `${pending.subjects.length} subjek disimpan`, `${pending.subjects.length} subjects saved`) });
  });

  app.get('/rules', async (c) => page(c, rulesPage(pageContext(c), reviewPrecision(await reviewLedger()))));

  app.notFound((c) => refuse(c, 404, 'halaman tidak ada', 'no such page'));
  app.onError((error, c) => {
    const language: UiLanguage = getCookie(c, 'sipansos_lang') === 'en' ? 'en' : 'id';
    const message = error instanceof StoreReadError ? say(language, `penyimpanan gagal dibaca: ${error.message}`, `the store could not be read: ${error.message}`) : say(language, 'galat tak terduga; lihat log server', 'unexpected error; see the server log');
    if (!(error instanceof StoreReadError)) console.error(error);
    return c.text(message, 500);
  });

  return app;
}
