import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSiteCertificate } from './patrol-site-certificate.js';
import { checkpointPage, loginPage, ORIGIN, postPage, profilePage, rateLimitPage, reactionsJson, timelineJson, unavailablePage } from './patrol-site-pages.js';
import { PATROL_CANDIDATE_POST_ID, PATROL_CONTROL_POST_ID, PATROL_REMOVABLE_POST_ID, PATROL_SITE_ACCOUNTS, pagePosts, subjectPosts, type PatrolSiteAccount, type PatrolSitePost } from './patrol-site-people.js';

/** How the site answers right now: as usual, or as the walls the real web app puts up. */
export type PatrolSiteMode = 'normal' | 'login_wall' | 'checkpoint' | 'rate_limit';

/** Settings of {@link createPatrolSite}. */
export interface PatrolSiteOptions {
  /** Posts on the subject's profile. @default 6 */
  subjectPostCount?: number;
  /** Posts in the profile's HTML; the rest come over GraphQL. @default 3 */
  inlinePosts?: number;
}

/** A running simulated "logged-in web app" (Facebook-like) on 127.0.0.1 over TLS. */
export interface PatrolSite {
  /** Chromium flags that route the simulated hosts to this server, trust its certificate only, and resolve nothing else. */
  chromiumArgs: string[];
  /** The hosts served (all routed to 127.0.0.1). */
  hosts: string[];
  /** The login of the invented staff account, and the session it gets (tests grep the store for these). */
  login: { email: string; password: string };
  /**
   * Log in on a browser tab as staff do once by hand (`sipansos patrol --login`): fill the login
   * form, submit, wait for the redirect. The session then lives in that browser profile.
   */
  logIn(page: LoginTab): Promise<void>;
  /** Values of the session cookie and the page's CSRF token once logged in: secrets that must never be stored. */
  secrets(): string[];
  urls: { login: string; subjectProfile: string; candidatePost: string; controlPost: string; removablePost: string; otherHost: string };
  ids: { candidatePost: string; controlPost: string; removablePost: string };
  /** Requests served, by path (no query). */
  hits: string[];
  setMode(mode: PatrolSiteMode): void;
  /** The post now answers "this content isn't available". */
  removePost(id: string): void;
  /** The post's text changes (an edit). */
  editPost(id: string, text: string): void;
  close(): Promise<void>;
}

/** The few calls of a browser tab (Playwright's `Page`) that logging in needs. */
export interface LoginTab {
  goto(url: string): Promise<unknown>;
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  waitForNavigation(): Promise<unknown>;
}

const HOSTS = ['www.facebook.com', 'facebook.com', 'm.facebook.com', 'berita-lembah.test'];

/** Start the simulated web app. Needs openssl (for its certificate). */
export async function createPatrolSite(options: PatrolSiteOptions = {}): Promise<PatrolSite> {
  const certificate = createSiteCertificate(HOSTS);
  const accounts = new Map<string, PatrolSiteAccount>(PATROL_SITE_ACCOUNTS.map((account) => [account.handle, account]));
  const posts = new Map<string, PatrolSitePost>();
  for (const post of [...subjectPosts(options.subjectPostCount ?? 6), ...pagePosts()]) posts.set(post.id, post);
  const removed = new Set<string>();
  const sessions = new Set<string>();
  const login = { email: 'petugas.patroli@contoh.invalid', password: `kata-sandi-palsu-${randomBytes(6).toString('hex')}` };
  const staffId = '100099999999999';
  let dtsg = '';
  let mode: PatrolSiteMode = 'normal';
  const hits: string[] = [];
  const inlinePosts = options.inlinePosts ?? 3;

  const sessionOf = (request: IncomingMessage): string | undefined => {
    const cookie = request.headers.cookie ?? '';
    const value = /(?:^|;\s*)xs=([^;]+)/.exec(cookie)?.[1];
    return value && sessions.has(value) ? value : undefined;
  };
  const send = (response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'private, no-cache', 'x-frame-options': 'DENY', ...headers });
    response.end(body);
  };

  const handler = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host ?? 'www.facebook.com'}`);
    hits.push(url.pathname);
    let body = '';
    for await (const chunk of request) body += String(chunk);
    if (url.hostname === 'berita-lembah.test') {
      if (url.pathname.endsWith('.png')) return send(response, 200, 'image/png', '');
      return send(response, 200, 'text/html; charset=utf-8', '<!DOCTYPE html><title>Berita Lembah</title><p>Portal berita lain (bukan host yang diizinkan).</p>');
    }
    if (url.pathname === '/login/' || url.pathname === '/login') {
      if (request.method === 'POST') {
        const form = new URLSearchParams(body);
        if (form.get('email') !== login.email || form.get('pass') !== login.password) return send(response, 200, 'text/html; charset=utf-8', loginPage());
        const session = `fake-session-${randomBytes(16).toString('hex')}`;
        sessions.add(session);
        dtsg = `fake-dtsg-${randomBytes(12).toString('hex')}`;
        response.writeHead(302, { location: `${ORIGIN}/`, 'set-cookie': [`xs=${session}; Max-Age=31536000; Path=/; Secure; HttpOnly; SameSite=None`, `c_user=${staffId}; Max-Age=31536000; Path=/; Secure; SameSite=None`] });
        return void response.end();
      }
      return send(response, 200, 'text/html; charset=utf-8', loginPage());
    }
    if (url.pathname.startsWith('/checkpoint')) return send(response, 200, 'text/html; charset=utf-8', checkpointPage());
    if (mode === 'checkpoint') {
      response.writeHead(302, { location: `${ORIGIN}/checkpoint/?next=${encodeURIComponent(url.href)}` });
      return void response.end();
    }
    if (mode === 'rate_limit') {
      if (url.pathname === '/api/graphql/') return send(response, 200, 'application/json', `${JSON.stringify({ errors: [{ message: 'Rate limit exceeded', severity: 'CRITICAL', code: 1675004 }] })}\n`);
      return send(response, 200, 'text/html; charset=utf-8', rateLimitPage());
    }
    if (mode === 'login_wall' || !sessionOf(request)) {
      if (url.pathname === '/api/graphql/') return send(response, 200, 'application/json', `${JSON.stringify({ errors: [{ message: 'Please log in to continue.', code: 1357001 }] })}\n`);
      return send(response, 200, 'text/html; charset=utf-8', loginPage());
    }
    if (url.pathname === '/api/graphql/' && request.method === 'POST') {
      const form = new URLSearchParams(body);
      if (form.get('fb_dtsg') !== dtsg) return send(response, 200, 'application/json', `${JSON.stringify({ errors: [{ message: 'Invalid request token', code: 1357004 }] })}\n`);
      const variables = JSON.parse(form.get('variables') ?? '{}') as { id?: string; cursor?: string; feedbackTargetID?: string };
      if (form.get('fb_api_req_friendly_name') === 'CometUFIReactionsDialogQuery') {
        const postId = Buffer.from(variables.feedbackTargetID ?? '', 'base64').toString('utf8').replace(/^feedback:/, '');
        const post = posts.get(postId);
        if (!post || removed.has(postId)) return send(response, 200, 'application/json', `${JSON.stringify({ data: { node: null } })}\n`);
        return send(response, 200, 'application/json', reactionsJson(post, accounts));
      }
      const account = [...accounts.values()].find((entry) => entry.id === variables.id);
      if (!account) return send(response, 200, 'application/json', `${JSON.stringify({ data: { node: null } })}\n`);
      const own = [...posts.values()].filter((post) => post.authorHandle === account.handle && !removed.has(post.id));
      return send(response, 200, 'application/json', timelineJson(account, own.slice(Number(variables.cursor ?? 0))));
    }
    const [first, second, third] = url.pathname.split('/').filter(Boolean);
    if (!first) return send(response, 200, 'text/html; charset=utf-8', profilePage({ account: accounts.get('info.lembahharapan')!, posts: [], accounts, inlinePosts, dtsg }));
    const account = accounts.get(first);
    if (!account) return send(response, 404, 'text/html; charset=utf-8', unavailablePage(dtsg));
    if (second === 'posts' && third) {
      const post = posts.get(third);
      if (!post || removed.has(third) || post.authorHandle !== account.handle) return send(response, 200, 'text/html; charset=utf-8', unavailablePage(dtsg));
      return send(response, 200, 'text/html; charset=utf-8', postPage({ post, author: account, accounts, dtsg }));
    }
    const own = [...posts.values()].filter((post) => post.authorHandle === account.handle && !removed.has(post.id));
    return send(response, 200, 'text/html; charset=utf-8', profilePage({ account, posts: own, accounts, inlinePosts, dtsg, thirdPartyImage: 'https://berita-lembah.test/spanduk.png' }));
  };

  const server: Server = createServer({ key: certificate.keyPem, cert: certificate.certPem }, (request, response) => {
    handler(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const subject = 'yudha.pratama.wijaya';
  return {
    chromiumArgs: [`--host-resolver-rules=${HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(',')},MAP * ~NOTFOUND`, `--ignore-certificate-errors-spki-list=${certificate.spkiSha256}`],
    hosts: HOSTS,
    login,
    logIn: async (page) => {
      await page.goto(`${ORIGIN}/login/`);
      await page.fill('input[name="email"]', login.email);
      await page.fill('input[name="pass"]', login.password);
      await Promise.all([page.waitForNavigation(), page.click('button[name="login"]')]);
    },
    secrets: () => [...sessions, ...(dtsg ? [dtsg] : []), login.password],
    urls: {
      login: `${ORIGIN}/login/`,
      subjectProfile: `${ORIGIN}/${subject}`,
      candidatePost: `${ORIGIN}/armanrina.resmi/posts/${PATROL_CANDIDATE_POST_ID}`,
      controlPost: `${ORIGIN}/info.lembahharapan/posts/${PATROL_CONTROL_POST_ID}`,
      removablePost: `${ORIGIN}/${subject}/posts/${PATROL_REMOVABLE_POST_ID}`,
      otherHost: 'https://berita-lembah.test/',
    },
    ids: { candidatePost: PATROL_CANDIDATE_POST_ID, controlPost: PATROL_CONTROL_POST_ID, removablePost: PATROL_REMOVABLE_POST_ID },
    hits,
    setMode: (next) => {
      mode = next;
    },
    removePost: (id) => removed.add(id),
    editPost: (id, text) => {
      const post = posts.get(id);
      if (post) post.text = text;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
