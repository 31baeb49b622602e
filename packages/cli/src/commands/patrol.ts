import type { CampaignAccount, KeptPage, PatrolBrowser, PatrolError, RevisitResult, RevisitTarget } from '@sipansos/capture-browser';
import { appendIfAbsent, createAccountState, deletionVerdicts, findTrackedItem, observeCapture, type Account, type AccountState, type Capture, type Change, type ElectionContext, type Finding, type Platform, type Subject } from '@sipansos/core';
import type { AuditEntry } from '@sipansos/core/evidence';
import type { Result } from 'neverthrow';
import { evaluateItem, type CompiledRules } from '@sipansos/core/rules';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { loadContext } from '../runtime/load-context.js';
import { loadRules } from '../runtime/load-rules.js';
import { configErrorLine } from '../runtime/runtime-error.js';
import { closeWriterStore } from '../runtime/store-integrity.js';
import { terminalText } from '../runtime/terminal-text.js';
import { openStore, pickAccount, readSubjects, storeFailure } from './import.js';

const USAGE = `sipansos patrol [--subject ID [--handle AKUN] | --url URL] [--once] [--headless]
                [--record-every-navigation] [--actor NAMA] [--json] [--config F]
sipansos patrol --login
sipansos patrol --revisit [--max N] [--json] [--config F]

Patroli dengan peramban sungguhan (Chromium) pada profil kantor (patrol.profileDir). Masuk ke
platform sekali dengan --login (SIPANSOS tidak pernah meminta atau menyimpan kata sandi).
Lalu buka profil subjek (--subject) atau alamat (--url); tombol merah "Simpan bukti" (atau
Alt+Shift+K) di halaman host yang diizinkan (patrol.allowedHosts) menyimpan halaman sebagai
bukti: setiap pertukaran HTTP sebagai WARC/1.1, tangkapan layar penuh, MHTML, teks, rantai URL,
versi peramban, rincian TLS, petugas dan waktu — tanpa cookie, header Authorization atau token
sesi. Unggahan, komentar dan daftar reaksi dibaca; reaksi subjek pada unggahan calon atau tim
kampanye menjadi "like" subjek itu dan diperiksa aturan. Rekaman patroli membuktikan penguasaan
(siapa menyimpan apa, kapan, dengan peramban apa), bukan asal. --once: buka, simpan sekali,
tutup. --revisit: buka ulang unggahan yang pernah direkam (tanpa jendela, dalam anggaran
permintaan per host) dan laporkan ada / diubah / hilang; "konten tidak tersedia" dihitung hilang
hanya bila URL kontrol (patrol.controlUrls) tetap termuat; halaman login, pemeriksaan keamanan
atau pembatasan tidak pernah dihitung sebagai penghapusan.

Patrol in a real browser (Chromium) on the office profile (patrol.profileDir). Log in to the
platforms once with --login (SIPANSOS never asks for or stores a password). Then open a
subject's profile (--subject) or an address (--url); the red "Keep evidence" button (or
Alt+Shift+K) on pages of allowed hosts (patrol.allowedHosts) keeps the page as evidence: every
HTTP exchange as WARC/1.1, a full-page screenshot, MHTML, text, URL chain, browser version, TLS
details, the actor and the time — without cookies, Authorization headers or session tokens.
Posts, comments and reaction lists are read; a subject's reaction to a post of a candidate or
campaign team becomes that subject's "like" and goes through the rules. A patrol capture proves
custody (who kept what, when, with which browser), not origin. --once: open, keep once, close.
--revisit: reopen posts kept before (headless, within a per-host request budget) and report
present / edited / gone; "content isn't available" counts as gone only while the control URL
(patrol.controlUrls) still loads; a login wall, checkpoint or rate-limit page is never a deletion.

  --subject ID     buka profil akun subjek / open the subject's account profile
  --handle AKUN    akun subjek yang dimaksud, bila ada beberapa / which of the subject's accounts
  --url URL        buka alamat ini / open this address
  --once           simpan halaman pertama lalu tutup (tanpa tombol) / keep the first page, then close
  --headless       tanpa jendela / without a window
  --record-every-navigation  simpan setiap halaman di host yang diizinkan / keep every page on allowed hosts
  --login          buka jendela untuk masuk sekali; tidak menyimpan bukti / open a window to log in once; stores no evidence
  --revisit        kunjungi ulang unggahan yang sudah direkam / revisit posts kept before
  --max N          paling banyak N unggahan per kunjungan ulang (bawaan 50) / at most N posts per revisit (default 50)
  --actor NAMA     petugas yang dicatat (bawaan: actor di konfigurasi) / the staff member recorded (default: config actor)
  --json           ringkasan sebagai JSON / summary as JSON
`;

// Loaded only when `patrol` runs: Playwright and the WARC writer would slow every other command's start.
type PatrolKit = typeof import('@sipansos/capture-browser');
const loadKit = (): Promise<PatrolKit> => import('@sipansos/capture-browser');

const LOGIN_PAGES = ['https://www.facebook.com/login/', 'https://www.instagram.com/accounts/login/', 'https://x.com/i/flow/login'];

export const patrolCommand: CliCommand = {
  name: 'patrol',
  summary: { id: 'patroli di peramban sungguhan: simpan halaman sebagai bukti, kunjungi ulang', en: 'patrol in a real browser: keep pages as evidence, revisit them' },
  usage: USAGE,
  stopsGracefully: true,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, {
      ...CONFIG_OPTION,
      subject: { type: 'string' },
      handle: { type: 'string' },
      url: { type: 'string' },
      once: { type: 'boolean', default: false },
      headless: { type: 'boolean', default: false },
      'record-every-navigation': { type: 'boolean', default: false },
      login: { type: 'boolean', default: false },
      revisit: { type: 'boolean', default: false },
      max: { type: 'string' },
      actor: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values } = parsed;
    const modes = [values.login, values.revisit, Boolean(values.subject || values.url)].filter(Boolean).length;
    if (modes !== 1) {
      printError(io, 'pilih satu: --login, --revisit, atau --subject ID / --url URL', 'choose one: --login, --revisit, or --subject ID / --url URL');
      return EXIT.usage;
    }
    if (values.url !== undefined && (!/^https?:\/\//i.test(values.url) || !URL.canParse(values.url))) {
      printError(io, '--url harus alamat http(s) lengkap', '--url must be a full http(s) address');
      return EXIT.usage;
    }
    const max = values.max === undefined ? 50 : Number(values.max);
    if (!Number.isInteger(max) || max < 1 || max > 10_000) {
      printError(io, '--max harus bilangan bulat 1–10000', '--max must be a whole number 1–10000');
      return EXIT.usage;
    }
    const loaded = await loadConfig(values.config ?? 'sipansos.config.json', io.cwd);
    if (loaded.isErr()) {
      const line = configErrorLine(loaded.error);
      printError(io, line.id, line.en);
      return EXIT.problem;
    }
    const config = loaded.value;
    const actor = values.actor ?? config.config.actor;

    if (values.login) return login(io, config);

    const subjects = await readSubjects(config);
    if ('problem' in subjects) {
      printError(io, subjects.problem.id, subjects.problem.en);
      return EXIT.problem;
    }
    const loadedContext = await loadContext(config);
    if ('problem' in loadedContext) {
      printError(io, loadedContext.problem.id, loadedContext.problem.en);
      return EXIT.problem;
    }
    const loadedRules = await loadRules(config, loadedContext.context);
    if ('problem' in loadedRules) {
      printError(io, loadedRules.problem.id, loadedRules.problem.en);
      return EXIT.problem;
    }
    const office: Office = { config, subjects: subjects.subjects, context: loadedContext.context, rules: loadedRules.rules, actor };

    let start: { url: string; account?: Account; subject?: Subject } | undefined;
    if (values.subject) {
      const subject = office.subjects.find((entry) => entry.id === values.subject);
      if (!subject) {
        printError(io, `subjek "${values.subject}" tidak ada di ${config.config.subjects}`, `no subject "${values.subject}" in ${config.config.subjects}`);
        return EXIT.problem;
      }
      const platform = (subject.accounts.find((account) => !values.handle || account.handle.toLowerCase() === values.handle.toLowerCase())?.platform ?? 'facebook') as Platform;
      const account = pickAccount(subject, platform, values.handle);
      if ('problem' in account) {
        printError(io, account.problem.id, account.problem.en);
        return EXIT.problem;
      }
      start = { url: profileUrl(account.account), account: account.account, subject };
    } else if (values.url) start = { url: values.url };

    const opened = await openStore(io, config);
    if ('exitCode' in opened) return opened.exitCode;
    const store = opened.store;
    try {
      const browser = await launch(io, config, values.revisit || values.headless || values.once);
      if ('exitCode' in browser) return browser.exitCode;
      try {
        if (values.revisit) return await revisit(io, office, store, browser.browser, max, values.json);
        return await patrol(io, office, store, browser.browser, start!, { once: values.once, everyNavigation: values['record-every-navigation'] || config.config.patrol.recordEveryNavigation, json: values.json });
      } finally {
        await browser.browser.close().catch(() => undefined);
      }
    } finally {
      await closeWriterStore(io, store);
    }
  },
};

interface Office {
  config: LoadedConfig;
  subjects: Subject[];
  context: ElectionContext;
  rules: CompiledRules;
  actor: string;
}

interface KeptSummary {
  captureIds: string[];
  url: string;
  items: number;
  likes: number;
  findings: number;
  warcSha256: string;
  problem?: string;
  warnings: string[];
}

function profileUrl(account: Account): string {
  switch (account.platform) {
    case 'instagram':
      return `https://www.instagram.com/${account.handle}/`;
    case 'x':
      return `https://x.com/${account.handle}`;
    default:
      return `https://www.facebook.com/${account.handle}`;
  }
}

async function launch(io: CliIo, config: LoadedConfig, headless: boolean): Promise<{ browser: PatrolBrowser } | { exitCode: number }> {
  const settings = config.config.patrol;
  const { openPatrolBrowser } = await loadKit();
  const opened = await openPatrolBrowser({ profileDir: config.resolve(settings.profileDir), executablePath: settings.chromium, headless, allowedHosts: settings.allowedHosts, extraArgs: settings.chromiumArgs });
  if (opened.isErr()) {
    printError(io, opened.error.message, opened.error.message);
    return { exitCode: EXIT.failure };
  }
  return { browser: opened.value };
}

async function login(io: CliIo, config: LoadedConfig): Promise<number> {
  const browser = await launch(io, config, false);
  if ('exitCode' in browser) return browser.exitCode;
  try {
    const page = await browser.browser.page();
    for (const [index, url] of LOGIN_PAGES.entries()) {
      const tab = index === 0 ? page : await browser.browser.context.newPage();
      await tab.goto(url).catch(() => undefined);
    }
    io.stdout.write('Masuk ke setiap platform di jendela ini, lalu tutup jendelanya. Sesi tersimpan hanya di folder profil. / Log in to each platform in this window, then close it. The session stays only in the profile folder.\n');
    await new Promise<void>((resolve) => {
      browser.browser.context.once('close', () => resolve());
      io.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    return io.signal?.aborted ? EXIT.interrupted : EXIT.ok;
  } finally {
    await browser.browser.close().catch(() => undefined);
  }
}

function campaignAccountsOf(context: ElectionContext): CampaignAccount[] {
  return context.candidatePairs.flatMap((pair) => [...pair.officialAccounts, ...pair.knownCampaignAccounts]);
}

/** Store one kept page: blobs, captures, the accounts' states, findings, an audit entry. */
async function storeKept(office: Office, store: EvidenceStoreV1, kept: KeptPage, account: Account | undefined): Promise<KeptSummary> {
  const { readPatrolPage, buildPatrolCaptures } = await loadKit();
  const reading = readPatrolPage(kept, kept.blobs.mhtml?.sha256 ?? kept.blobs.warc.sha256);
  const built = buildPatrolCaptures({ kept, reading, subjects: office.subjects, campaignAccounts: campaignAccountsOf(office.context), ...(account ? { account } : {}) });
  for (const blob of built.blobs) {
    const stored = await store.putBlob(blob.bytes);
    if (stored.isErr()) throw new Error(stored.error.message);
    if (stored.value.sha256 !== blob.sha256) throw new Error(`the store answered another hash (${stored.value.sha256}) for ${blob.sha256}`);
  }
  const captures = built.entries.map((entry) => entry.capture);
  unwrap(await appendIfAbsent(store, 'capture', captures));
  const changes: Change[] = [];
  for (const capture of captures) {
    const previous = unwrap(await store.get('account_state', capture.accountKey))?.record;
    const state = previous ?? createAccountState({ accountKey: capture.accountKey, platform: capture.platform, at: capture.capturedAt });
    const observed = observeCapture(state, capture, {}, state.capabilities ?? { lookup: false, distinguishesPrivateFromDeleted: false });
    changes.push(...observed.changes);
    unwrap(await store.append('account_state', [observed.state]));
  }
  unwrap(await appendIfAbsent(store, 'change', changes));
  const findings: Finding[] = built.entries.flatMap((entry) =>
    entry.subject ? entry.capture.items.filter((item) => item.kind !== 'comment' || entry.capture.scope === 'timeline').flatMap((item) => evaluateItem(office.rules, { item, subject: entry.subject!, evidence: { captureId: entry.capture.id, rawBlobs: entry.capture.rawBlobs }, now: entry.capture.capturedAt })) : [],
  );
  const newFindings = unwrap(await appendIfAbsent(store, 'finding', findings));
  const audit: AuditEntry = {
    id: `patrol-${kept.blobs.warc.sha256.slice(0, 40)}`,
    at: kept.capturedAt,
    actor: kept.actor,
    action: 'patrol.capture',
    target: { kind: 'capture', id: captures[0]!.id },
    details: { url: kept.url, captures: captures.map((capture) => capture.id), warcSha256: kept.blobs.warc.sha256, items: reading.items.length, page: reading.kind, ...(reading.problem ? { problem: reading.problem.type } : {}), redactedValues: kept.redactedValues },
  };
  unwrap(await appendIfAbsent(store, 'audit', [audit]));
  return {
    captureIds: captures.map((capture) => capture.id),
    url: kept.url,
    items: reading.items.length,
    likes: captures.filter((capture) => capture.scope === 'likes').reduce((sum, capture) => sum + capture.items.length, 0),
    findings: newFindings.length,
    warcSha256: kept.blobs.warc.sha256,
    ...(reading.problem ? { problem: `${reading.problem.type}: ${reading.problem.message}` } : {}),
    warnings: built.warnings,
  };
}

function unwrap<T>(result: Result<T, { type: string; message: string }>): T {
  if (result.isOk()) return result.value;
  throw Object.assign(new Error(result.error.message), { storeError: result.error });
}

function printKept(io: CliIo, summary: KeptSummary, json: boolean): void {
  if (json) {
    io.stdout.write(`${JSON.stringify({ kept: summary })}\n`);
    return;
  }
  io.stdout.write(`disimpan / kept: ${terminalText(summary.url, 200)}\n  rekaman / captures: ${summary.captureIds.join(', ')}\n  WARC sha256 ${summary.warcSha256}\n  unggahan terbaca / items read: ${summary.items}; like subjek / subjects' likes: ${summary.likes}; temuan baru / new findings: ${summary.findings}\n`);
  if (summary.problem) io.stderr.write(`peringatan / warning: halaman disimpan tanpa unggahan terbaca / page kept without items read (${terminalText(summary.problem, 300)})\n`);
  for (const warning of summary.warnings) io.stderr.write(`peringatan / warning: ${terminalText(warning, 300)}\n`);
}

async function patrol(io: CliIo, office: Office, store: EvidenceStoreV1, browser: PatrolBrowser, start: { url: string; account?: Account }, options: { once: boolean; everyNavigation: boolean; json: boolean }): Promise<number> {
  let failures = 0;
  let keptCount = 0;
  const onError = (error: PatrolError) => {
    failures++;
    printError(io, error.message, error.message);
  };
  const { startPatrolSession } = await loadKit();
  const session = await startPatrolSession({
    browser,
    actor: office.actor,
    recordEveryNavigation: options.everyNavigation && !options.once,
    onKept: async (kept) => {
      try {
        // The account named on the command line holds only for the page it opened.
        const account = start.account && kept.urlChain[0] === start.url ? start.account : undefined;
        printKept(io, await storeKept(office, store, kept, account), options.json);
        keptCount++;
        return 'ok';
      } catch (error) {
        const storeError = (error as { storeError?: { type: string; message: string } }).storeError;
        if (storeError) storeFailure(io, storeError);
        else printError(io, `halaman tidak tersimpan: ${(error as Error).message}`, `the page was not stored: ${(error as Error).message}`);
        failures++;
        throw error;
      }
    },
    onError,
  });
  const opened = await session.open(start.url);
  if (opened.isErr()) {
    printError(io, `tidak dapat membuka ${start.url}: ${opened.error.message}`, `cannot open ${start.url}: ${opened.error.message}`);
    return EXIT.failure;
  }
  if (options.once) {
    const kept = await session.keep();
    if (kept.isErr()) {
      if (kept.error.type !== 'navigation' || failures === 0) onError(kept.error);
      return kept.error.type === 'not_allowed' ? EXIT.problem : EXIT.failure;
    }
    return failures > 0 ? EXIT.failure : EXIT.ok;
  }
  io.stderr.write('Patroli berjalan: tekan "Simpan bukti" (Alt+Shift+K) pada halaman yang ingin disimpan; tutup jendela untuk selesai. / Patrol running: press "Keep evidence" (Alt+Shift+K) on pages to keep; close the window to finish.\n');
  await Promise.race([session.closed, new Promise<void>((resolve) => io.signal?.addEventListener('abort', () => resolve(), { once: true }))]);
  io.stderr.write(`selesai / done: ${keptCount} halaman disimpan / pages kept\n`);
  if (io.signal?.aborted) return EXIT.interrupted;
  return failures > 0 ? EXIT.failure : EXIT.ok;
}

async function revisit(io: CliIo, office: Office, store: EvidenceStoreV1, browser: PatrolBrowser, max: number, json: boolean): Promise<number> {
  const { revisitPosts, observeRevisits } = await loadKit();
  const captures = unwrap(await store.query('capture')).map((entry) => entry.record as Capture).filter((capture) => capture.adapter.id === 'patrol');
  const states = new Map<string, AccountState>();
  const targets: RevisitTarget[] = [];
  const seen = new Set<string>();
  for (const capture of [...captures].reverse()) {
    for (const item of capture.items) {
      if ((item.kind !== 'post' && item.kind !== 'share') || !item.url || item.author.handle === undefined) continue;
      const key = `${capture.accountKey}\n${item.id}`;
      if (seen.has(key) || targets.length >= max) continue;
      seen.add(key);
      if (!states.has(capture.accountKey)) {
        const state = unwrap(await store.get('account_state', capture.accountKey))?.record;
        if (state) states.set(capture.accountKey, state);
      }
      const tracked = states.get(capture.accountKey) && findTrackedItem(states.get(capture.accountKey)!, `${capture.platform}:${item.id}`);
      if (!tracked || tracked.status === 'deleted' || tracked.status === 'deleted_unverified') continue;
      const latest = tracked.versions.at(-1)?.item ?? item;
      targets.push({ accountKey: capture.accountKey, itemId: item.id, url: item.url, ...(latest.text !== undefined ? { text: latest.text } : {}) });
    }
  }
  const byPlatform = new Map<string, RevisitTarget[]>();
  for (const target of targets) {
    const platform = target.accountKey.slice(0, target.accountKey.indexOf(':'));
    byPlatform.set(platform, [...(byPlatform.get(platform) ?? []), target]);
  }
  const results: RevisitResult[] = [];
  for (const [platform, list] of byPlatform) {
    const controlUrl = office.config.config.patrol.controlUrls[platform as keyof typeof office.config.config.patrol.controlUrls];
    if (!controlUrl) {
      io.stderr.write(`peringatan / warning: tidak ada patrol.controlUrls.${platform}; ${list.length} unggahan tidak dikunjungi ulang / no patrol.controlUrls.${platform}; ${list.length} posts not revisited\n`);
      continue;
    }
    const report = await revisitPosts({ browser, actor: office.actor, targets: list, controlUrl, budget: office.config.config.patrol.revisit });
    results.push(...report.results);
  }
  // Every page that gave an answer is stored, so the lookups it feeds point at stored bytes.
  const blobsOf = new Map<RevisitResult, string[]>();
  for (const result of results) {
    if (!result.kept) continue;
    const blobs = [result.kept.blobs.warc, result.kept.blobs.screenshot, result.kept.blobs.text].filter((entry) => entry !== undefined);
    for (const blob of blobs) unwrap(await store.putBlob(blob.bytes));
    blobsOf.set(result, blobs.map((blob) => blob.sha256));
  }
  const at = new Date().toISOString();
  const changes: Change[] = [];
  const confirmed: string[] = [];
  for (const [accountKey, state] of states) {
    const mine = results.filter((result) => result.target.accountKey === accountKey);
    const before = new Set(deletionVerdicts(state).map((verdict) => verdict.itemKey));
    const observed = observeRevisits(state, mine, mine.flatMap((result) => blobsOf.get(result) ?? []), at);
    if (observed.state === state) continue;
    changes.push(...observed.changes);
    for (const verdict of deletionVerdicts(observed.state)) if (!before.has(verdict.itemKey)) confirmed.push(verdict.itemKey);
    unwrap(await store.append('account_state', [observed.state]));
  }
  unwrap(await appendIfAbsent(store, 'change', changes));
  const counts: Record<string, number> = {};
  for (const result of results) counts[result.status] = (counts[result.status] ?? 0) + 1;
  const audit: AuditEntry = { id: `patrol-revisit-${at}`, at, actor: office.actor, action: 'patrol.revisit', target: { kind: 'store', id: 'patrol' }, details: { revisited: results.length, ...counts, changes: changes.length } };
  unwrap(await appendIfAbsent(store, 'audit', [audit]));
  if (json) {
    io.stdout.write(`${JSON.stringify({ revisited: results.map((result) => ({ accountKey: result.target.accountKey, itemId: result.target.itemId, url: result.target.url, status: result.status, reason: result.reason })), counts, changes: changes.map((change) => ({ type: change.type, itemKey: change.itemKey })), deletionsConfirmed: confirmed })}\n`);
  } else {
    for (const result of results) io.stdout.write(`${result.status.padEnd(12)} ${terminalText(result.target.url, 160)} — ${terminalText(result.reason, 200)}\n`);
    io.stdout.write(`ringkasan / summary: ${Object.entries(counts).map(([status, count]) => `${status} ${count}`).join(', ') || 'tidak ada / none'}; perubahan / changes: ${changes.length}; penghapusan terkonfirmasi / deletions confirmed: ${confirmed.length}\n`);
  }
  return EXIT.ok;
}
