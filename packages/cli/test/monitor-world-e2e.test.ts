import { createFacebookAdapter } from '@sipansos/adapter-facebook';
import { createInstagramAdapter } from '@sipansos/adapter-instagram';
import { createXAdapter } from '@sipansos/adapter-x';
import {
  createMemoryStore,
  createMonitor,
  deletionVerdicts,
  type AccountState,
  type Change,
  type CycleReport,
  type DeletionVerdict,
  type Finding,
} from '@sipansos/core';
import { systemClock, type AdapterClock } from '@sipansos/core/adapter-kit';
import { BUILTIN_RULE_SETS, compileRules } from '@sipansos/core/rules';
import { createSimulatedWorld, startWorldServer, type ExpectedEvent, type SimulatedWorld, type WorldServer } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every cycle of the simulated world (200 invented subjects on X, Facebook and Instagram, eight
// cycles from pre-campaign to post-election) runs through the real adapters over HTTP on
// 127.0.0.1, the real deletion state machine and the built-in rules. Then every scripted event
// of the world's truth is checked against what SIPANSOS recorded.

const DAY = 86_400_000;
/** Before the world's first cycle (2024-09-01T03:00Z). */
const WORLD_START = '2024-09-01T00:00:00Z';

let world: SimulatedWorld;
let server: WorldServer;
const reports: CycleReport[] = [];
let findings: Finding[] = [];
let changes: Change[] = [];
const verdicts = new Map<string, DeletionVerdict>();

beforeAll(async () => {
  // One virtual clock for the world's rate-limit windows, the adapters and the monitor, on the
  // world's calendar (as in `pnpm demo`): each cycle starts at its scripted 2024 instant and time
  // flows normally inside it, so a spent 15-minute window is over by the next cycle, and an act
  // X gives no time for (a like, a follow) is judged in the phase it was captured in.
  let cycleStartsAt = Date.parse(WORLD_START);
  let cycleStartedReal = Date.now();
  const now = (): number => cycleStartsAt + (Date.now() - cycleStartedReal);
  const startCycleAt = (instant: number): void => {
    cycleStartsAt = Math.max(instant, now());
    cycleStartedReal = Date.now();
  };
  const clock: AdapterClock = { now, sleep: systemClock.sleep };
  world = createSimulatedWorld({ clock: now });
  server = await startWorldServer(world);
  const control = world.posts.find((post) => post.platform === 'facebook' && post.appearsCycle === 1 && post.deletedCycle === undefined && world.accounts.find((account) => account.id === post.accountId)?.kind === 'facebook_page' && world.accounts.find((account) => account.id === post.accountId)?.statusChanges.length === 0);
  const hourly = { limit: 5_000, windowMs: 3_600_000 };
  const adapters = [
    createXAdapter({ bearerToken: 'token-e2e', baseUrl: server.urls.x, clock, env: {}, rateLimits: { 'GET /2/users/:id/liked_tweets': { limit: 5_000, windowMs: 900_000 } } }),
    createFacebookAdapter({ accessToken: 'token-e2e', baseUrl: server.urls.facebook, clock, env: {}, rateLimit: hourly, ...(control ? { controlPostId: control.id } : {}) }),
    createInstagramAdapter({ accessToken: 'token-e2e', baseUrl: server.urls.instagram, igUserId: '17841400000000001', clock, env: {}, rateLimit: hourly }),
  ];
  const rules = compileRules(BUILTIN_RULE_SETS, world.context)._unsafeUnwrap();
  const store = createMemoryStore();
  const monitor = createMonitor({ store, adapters, rules, context: world.context, subjects: world.subjects, options: { clock: () => new Date(now()), concurrencyPerPlatform: 16, deadlineMs: 120_000 } })._unsafeUnwrap();
  for (let cycle = 1; cycle <= world.cycles; cycle++) {
    world.advanceTo(cycle);
    startCycleAt(Date.parse(world.now()));
    reports.push((await monitor.runCycle())._unsafeUnwrap());
  }
  // Deferred work is taken up first by the next cycle; one more cycle a day later settles it.
  startCycleAt(now() + DAY);
  reports.push((await monitor.runCycle())._unsafeUnwrap());
  findings = (await store.query('finding'))._unsafeUnwrap().map((entry) => entry.record);
  changes = (await store.query('change'))._unsafeUnwrap().map((entry) => entry.record);
  for (const { record } of (await store.query('account_state'))._unsafeUnwrap()) {
    for (const verdict of deletionVerdicts(record as AccountState)) verdicts.set(verdict.itemKey, verdict);
  }
}, 600_000);

afterAll(async () => {
  await server?.close();
});

function truth<K extends ExpectedEvent['kind']>(kind: K): Array<Extract<ExpectedEvent, { kind: K }>> {
  return world.truth().filter((event): event is Extract<ExpectedEvent, { kind: K }> => event.kind === kind);
}

describe('the monitor against the simulated world', () => {
  it('completes every cycle, and defers the work scripted rate limits push past the deadline instead of failing it', () => {
    expect(reports.every((report) => report.status === 'complete')).toBe(true);
    expect(reports.reduce((sum, report) => sum + report.captures.stored, 0)).toBeGreaterThan(1_000);
    const limited = truth('rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    for (const event of limited) {
      const report = reports[event.cycle - 1]!;
      expect(report.deferred.some((entry) => entry.reason === 'rate_limited'), `cycle ${event.cycle} ${event.endpoint}`).toBe(true);
      expect(report.failures.filter((failure) => failure.errorType === 'rate_limited')).toEqual([]);
    }
  });

  it('finds every scripted API violation with the right category', () => {
    const missed: string[] = [];
    for (const event of truth('violation').filter((entry) => entry.source === 'api')) {
      const itemKey = `${event.platform}:${event.itemId}`;
      const found = findings.filter((finding) => finding.itemKey === itemKey || finding.itemKey.endsWith(`:${event.itemId}`));
      if (!found.some((finding) => finding.category === event.category && finding.subjectId === event.subjectId)) {
        missed.push(`${event.subjectId} ${itemKey} ${event.category}: ${event.note} (found: ${found.map((finding) => finding.category).join(', ') || 'nothing'})`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('raises no finding on the innocent posts the world scripts as traps', () => {
    const wrong = truth('no_finding')
      .map((event) => ({ event, found: findings.filter((finding) => finding.itemKey === `${event.platform}:${event.itemId}`) }))
      .filter(({ found }) => found.length > 0)
      .map(({ event, found }) => `${event.subjectId} ${event.platform}:${event.itemId} (${event.note}): ${found.map((finding) => `${finding.ruleId}/${finding.category}`).join(', ')}`);
    expect(wrong).toEqual([]);
  });

  it('confirms every deletion a lookup can confirm, and never confirms one it cannot', () => {
    const problems: string[] = [];
    for (const event of truth('deletion')) {
      const verdict = verdicts.get(`${event.platform}:${event.itemId}`);
      if (event.confirmable && verdict?.verdict !== 'deleted') problems.push(`${event.platform}:${event.itemId} (${event.note}) is ${verdict?.verdict ?? 'not reported'}, expected deleted`);
      if (!event.confirmable && verdict?.verdict === 'deleted') problems.push(`${event.platform}:${event.itemId} (${event.note}) was confirmed without a lookup`);
    }
    expect(problems).toEqual([]);
  });

  it('reports no deletion for anything still live: private, suspended, fell off the window, failed request', () => {
    const deletedKinds = new Set(['deleted', 'deleted_unverified']);
    const wrong = truth('still_live')
      .filter((event) => deletedKinds.has(verdicts.get(`${event.platform}:${event.itemId}`)?.verdict ?? ''))
      .map((event) => `${event.platform}:${event.itemId} (${event.reason}, cycle ${event.cycle}) reported ${verdicts.get(`${event.platform}:${event.itemId}`)?.verdict}`);
    expect(wrong).toEqual([]);
    const reallyDeleted = new Set(truth('deletion').map((event) => `${event.platform}:${event.itemId}`));
    const hiddenAccounts = new Set(truth('account_hidden').map((event) => event.accountId));
    const onHidden = [...verdicts.values()].filter((verdict) => deletedKinds.has(verdict.verdict) && !reallyDeleted.has(verdict.itemKey) && hiddenAccounts.has(verdict.accountKey.split(':')[1] ?? ''));
    expect(onHidden.map((verdict) => verdict.itemKey)).toEqual([]);
  });

  it('keeps every scripted edit as versions of one post', () => {
    const problems = truth('edit')
      .map((event) => ({ event, verdict: verdicts.get(`${event.platform}:${event.itemId}`) }))
      .filter(({ verdict }) => verdict?.verdict !== 'edited' || verdict.versions.length < 2)
      .map(({ event, verdict }) => `${event.platform}:${event.itemId} → ${event.newItemId}: ${verdict?.verdict ?? 'not reported'}`);
    expect(problems).toEqual([]);
  });

  it('recovers an edit made between two captures from the edit history and reports what it removed', () => {
    const events = truth('edit').filter((event) => event.betweenObservations);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const edit = changes.find((change) => change.type === 'edited' && change.betweenObservations && change.itemKey === `${event.platform}:${event.itemId}`);
      expect(edit, `${event.platform}:${event.itemId}`).toMatchObject({ before: { id: event.itemId }, after: { id: event.newItemId } });
      expect(edit!.textDiff?.some((segment) => segment.op === 'delete')).toBe(true);
      const verdict = verdicts.get(`${event.platform}:${event.itemId}`)!;
      expect(verdict.versions[0]).toMatchObject({ recoveredFromEditHistory: true, item: { id: event.itemId } });
      expect(verdict.versions[0]!.rawBlobs?.length).toBeGreaterThan(0);
    }
  });

  it('reports a post deleted before any capture, known through its author\'s own reply, as deleted before capture', () => {
    const events = truth('deletion').filter((event) => event.beforeCapture);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const verdict = verdicts.get(`${event.platform}:${event.itemId}`);
      expect(verdict, `${event.platform}:${event.itemId}`).toMatchObject({
        verdict: 'deleted',
        contentCaptured: false,
        label: { id: 'dihapus sebelum terekam', en: 'deleted before capture' },
        proof: { knownFrom: expect.arrayContaining([expect.objectContaining({ itemKey: `${event.platform}:${event.beforeCapture!.replyId}` })]) },
      });
      expect(verdict!.caveats).toContain('known_only_through_reference');
      expect(verdict!.proof.timeBounds?.createdBefore).toBeDefined();
    }
  });

  it('a page served only in part is an incomplete capture: nothing past it goes missing', () => {
    const events = truth('partial_page');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const cycleId = reports[event.cycle - 1]!.cycleId;
      const missing = changes.filter((change) => change.type === 'missing' && change.accountKey === `x:${event.accountId}` && change.captureId.includes(cycleId));
      expect(missing).toEqual([]);
    }
  });

  it('pools the lookups of many accounts into shared requests', () => {
    const calls = reports.flatMap((report) => report.lookups.calls.filter((call) => call.platform === 'x' && call.outcome === 'ok'));
    // This world deletes few posts per cycle; `pnpm bench crawl` measures full batches at scale.
    expect(calls.some((call) => call.accounts > 1)).toBe(true);
  });

  it('records a scripted failed request as a failure of that cycle, never as an absence', () => {
    for (const event of truth('failed_request')) {
      const report = reports[event.cycle - 1]!;
      expect(report.failures.some((failure) => failure.accountKey.endsWith(`:${event.accountId}`)), `${event.platform}:${event.accountId} cycle ${event.cycle}`).toBe(true);
    }
  });
});
