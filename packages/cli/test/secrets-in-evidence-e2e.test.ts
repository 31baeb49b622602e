import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { createFacebookAdapter } from '@sipansos/adapter-facebook';
import { createInstagramAdapter } from '@sipansos/adapter-instagram';
import { createXAdapter } from '@sipansos/adapter-x';
import { createMonitor, type Capture, type Finding } from '@sipansos/core';
import { systemClock, type AdapterClock } from '@sipansos/core/adapter-kit';
import { createCaseWorkflow } from '@sipansos/core/cases';
import { bundleFromStore, bundleToZip } from '@sipansos/core/evidence';
import { renderCaseReportFromStore } from '@sipansos/core/report';
import { BUILTIN_RULE_SETS, compileRules } from '@sipansos/core/rules';
import { createFsStore } from '@sipansos/store-fs';
import { createSimulatedWorld, startWorldServer, type WorldServer } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 20 §1: Meta puts the access token into `paging.next` / `paging.previous`, and a platform
// may quote a token in an error body or a header. Here every Graph listing carries the token (raw,
// URL-encoded and JSON-escaped) and the appsecret_proof in its paging links, every response
// carries both tokens in a header, and some requests fail with bodies quoting them. After a
// monitor cycle, a case report, a bundle and its ZIP, no file anywhere holds a secret.

const META_TOKEN = 'EAAFakeMetaTokenForTestsOnly0000/with+slash=';
const APP_SECRET = 'fake-app-secret-for-tests-0000';
const PROOF = createHmac('sha256', APP_SECRET).update(META_TOKEN).digest('hex');
const X_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAFakeXBearerForTestsOnly%2Fzz';
const SECRETS = [META_TOKEN, encodeURIComponent(META_TOKEN), META_TOKEN.replace(/\//g, '\\/'), APP_SECRET, PROOF, X_TOKEN, decodeURIComponent(X_TOKEN)];

/** Meta's JSON escapes `/`; its paging links carry the token and the proof. */
function withTokenInPaging(body: string, origin: string): string {
  let parsed: { paging?: Record<string, unknown>; business_discovery?: { media?: { paging?: Record<string, unknown> } } };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return body;
  }
  const leak = (paging: Record<string, unknown> | undefined): void => {
    if (!paging) return;
    paging.next = `${origin}/v25.0/leak/posts?access_token=${encodeURIComponent(META_TOKEN)}&appsecret_proof=${PROOF}&limit=25&after=QVFI`;
    paging.previous = `${origin}/v25.0/leak/posts?access_token=${META_TOKEN}&before=QVFH`;
  };
  leak(parsed.paging);
  leak(parsed.business_discovery?.media?.paging);
  (parsed as Record<string, unknown>).debug_echo = `token ${META_TOKEN} proof ${PROOF}`;
  return JSON.stringify(parsed).replace(/\//g, '\\/');
}

let requestCount = 0;
/** The real world server behind a fetch that leaks secrets into bodies, headers and error bodies. */
function leakyFetch(kind: 'meta' | 'x'): typeof fetch {
  return async (input, init) => {
    const response = await globalThis.fetch(input, init);
    requestCount++;
    const url = new URL(String(input));
    const headers = new Headers(response.headers);
    headers.set('x-debug-token', kind === 'meta' ? META_TOKEN : X_TOKEN);
    headers.set('link', `<${url.origin}/next?access_token=${META_TOKEN}>; rel="next"`);
    // Every 7th request fails with a body quoting the token and the URL it was sent to.
    if (requestCount % 7 === 0) {
      const body =
        kind === 'meta'
          ? JSON.stringify({ error: { message: `Invalid parameter in ${url.href}?access_token=${META_TOKEN} (proof ${PROOF})`, type: 'GraphMethodException', code: 100, fbtrace_id: 'AfakeTrace' } })
          : JSON.stringify({ title: 'Invalid Request', detail: `Bearer ${X_TOKEN} is not allowed here`, type: 'about:blank' });
      return new Response(body, { status: 400, headers });
    }
    const text = await response.text();
    // Every 5th body is left as served, so some requests have nothing to remove.
    if (requestCount % 5 === 0) return new Response(text, { status: response.status, headers });
    return new Response(kind === 'meta' ? withTokenInPaging(text, url.origin) : `${text.slice(0, -1)},"echo":"${X_TOKEN}"}`.replace(/^\{,/, '{'), { status: response.status, headers });
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

function leaked(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  return SECRETS.filter((secret) => text.includes(secret));
}

let dir = '';
let server: WorldServer;
let captures: Capture[] = [];
let findings: Finding[] = [];
let reportHtml = '';
let bundleFiles: Map<string, Uint8Array> = new Map();
let zip: Uint8Array = new Uint8Array();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sipansos-secrets-'));
  const world = createSimulatedWorld({ subjects: 12, metaAccessToken: META_TOKEN, xBearerToken: X_TOKEN });
  server = await startWorldServer(world);
  const clock: AdapterClock = { now: () => Date.parse(world.now()) + 60_000, sleep: systemClock.sleep };
  const common = { env: {}, clock, retry: { maxRetries: 0 } } as const;
  const adapters = [
    createXAdapter({ ...common, bearerToken: X_TOKEN, baseUrl: server.urls.x, fetch: leakyFetch('x') }),
    createFacebookAdapter({ ...common, accessToken: META_TOKEN, appSecret: APP_SECRET, baseUrl: server.urls.facebook, fetch: leakyFetch('meta') }),
    createInstagramAdapter({ ...common, accessToken: META_TOKEN, appSecret: APP_SECRET, igUserId: '17841400000000001', baseUrl: server.urls.instagram, fetch: leakyFetch('meta') }),
  ];
  const { privateKey } = generateKeyPairSync('ed25519');
  const store = createFsStore({ dir: path.join(dir, 'store'), signingKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  (await store.open())._unsafeUnwrap();
  const rules = compileRules(BUILTIN_RULE_SETS, world.context)._unsafeUnwrap();
  const monitor = createMonitor({ store, adapters, rules, context: world.context, subjects: world.subjects, options: { clock: () => new Date(clock.now()), deadlineMs: 60_000 } })._unsafeUnwrap();
  for (let cycle = 1; cycle <= 3; cycle++) {
    world.advanceTo(cycle);
    (await monitor.runCycle())._unsafeUnwrap();
  }
  captures = (await store.query('capture'))._unsafeUnwrap().map((entry) => entry.record);
  findings = (await store.query('finding'))._unsafeUnwrap().map((entry) => entry.record);
  const metaCapture = new Set(captures.filter((capture) => capture.platform !== 'x').map((capture) => capture.id));
  const finding = findings.find((entry) => metaCapture.has(entry.evidence.captureId)) ?? findings[0];
  if (!finding) throw new Error('the world scripts findings in its first cycles');
  (await createCaseWorkflow({ store }).open({ id: 'K-SECRET', title: 'Kasus uji rahasia', subjectId: finding.subjectId, findingIds: [finding.id], actor: 'petugas-a', reason: 'uji' }))._unsafeUnwrap();
  const at = world.now();
  reportHtml = (await renderCaseReportFromStore(store, { caseId: 'K-SECRET', office: { name: 'Bawaslu Kabupaten Lembah Harapan' }, generatedBy: 'petugas-a', generatedAt: at, subjects: world.subjects }))._unsafeUnwrap().html;
  bundleFiles = (await bundleFromStore(store, { caseId: 'K-SECRET', office: 'Bawaslu Kabupaten Lembah Harapan', createdAt: at, createdBy: 'petugas-a', includePersonalData: true, reportHtml }))._unsafeUnwrap();
  zip = bundleToZip(bundleFiles)._unsafeUnwrap();
  (await store.close())._unsafeUnwrap();
}, 240_000);

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('secrets never reach stored evidence, reports or bundles', () => {
  it('the secrets really were served: paging links, headers and error bodies carried them', () => {
    const redacted = captures.flatMap((capture) => capture.requests.flatMap((request) => request.redactions ?? []));
    expect(redacted.map((entry) => entry.rule)).toEqual(expect.arrayContaining(['secret-value', 'secret-value-url-encoded', 'secret-value-json-escaped']));
    expect(captures.some((capture) => capture.platform === 'x' && capture.requests.some((request) => request.redactions !== undefined))).toBe(true);
    // Requests whose body held nothing to remove record no redaction.
    expect(captures.some((capture) => capture.requests.some((request) => request.redactions === undefined))).toBe(true);
  });

  it('no file of the store holds a secret', async () => {
    const files = await filesUnder(path.join(dir, 'store'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(leaked(await readFile(file)), file).toEqual([]);
  });

  it('the case report, every bundle file and the ZIP (packed and unpacked) hold no secret', async () => {
    expect(leaked(new TextEncoder().encode(reportHtml))).toEqual([]);
    expect(bundleFiles.size).toBeGreaterThan(3);
    expect([...bundleFiles.keys()].some((name) => name.startsWith('blobs/'))).toBe(true);
    for (const [name, bytes] of bundleFiles) expect(leaked(bytes), name).toEqual([]);
    expect(leaked(zip)).toEqual([]);
    const unpacked = await unzipAll(zip);
    expect(unpacked.size).toBe(bundleFiles.size);
    for (const [name, bytes] of unpacked) expect(leaked(bytes), name).toEqual([]);
  });
});

/** Every entry of a ZIP, inflated (the test's own ZIPs are small and trusted). */
function unzipAll(zip: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(zip), { lazyEntries: true }, (openError, file) => {
      if (openError || !file) return reject(openError);
      const files = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
          stream.on('error', reject);
        });
      });
      file.on('end', () => resolve(files));
      file.on('error', reject);
      file.readEntry();
    });
  });
}
