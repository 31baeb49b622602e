import { generateKeyPairSync } from 'node:crypto';
import { createXAdapter } from '@sipansos/adapter-x';
import { createMonitor, type CycleJobResult, type Monitor } from '@sipansos/core';
import { canonicalJson, type RecordKind } from '@sipansos/core/evidence';
import { BUILTIN_RULE_SETS, compileRules } from '@sipansos/core/rules';
import { createSimulatedWorld, maskRunTimes, startWorldServer, worldEnvironment, type SimulatedWorld, type WorldServer } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureQueue, createPostgresStore, jobIdOf, type CaptureQueue, type PostgresEvidenceStore } from '../src/index.js';
import { startTestDatabase, type TestDatabase } from './postgres-service.js';

// The queue under a PostgreSQL restart: workers in this process (separate pg-boss instances),
// the simulated X API on 127.0.0.1, and an office that runs the same cycle in one process as
// the reference.

let database: TestDatabase;
let world: SimulatedWorld;
let server: WorldServer;
const opened: Array<{ close(): unknown }> = [];

beforeAll(async () => {
  database = await startTestDatabase();
  world = createSimulatedWorld({ subjects: 8 });
  server = await startWorldServer(world);
  world.advanceTo(1);
}, 120_000);

afterAll(async () => {
  for (const resource of opened.reverse()) await Promise.resolve(resource.close() as Promise<unknown>).catch(() => undefined);
  await server?.close();
  await database?.stop();
});

function officeMonitor(office: string): { store: PostgresEvidenceStore; monitor: Monitor } {
  const store = createPostgresStore({ url: database.url, office, blobs: 'postgres', signingKeyPem: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  opened.push(store);
  const adapter = createXAdapter({ env: worldEnvironment(world, server) });
  const rules = compileRules(BUILTIN_RULE_SETS, world.context)._unsafeUnwrap();
  const subjects = world.subjects.map((subject) => ({ ...subject, accounts: subject.accounts.filter((account) => account.platform === 'x') }));
  const monitor = createMonitor({ store, adapters: [adapter], rules, context: world.context, subjects, options: { deadlineMs: 300_000 } })._unsafeUnwrap();
  return { store, monitor };
}

async function queueFor(office: string): Promise<CaptureQueue> {
  const queue = (await createCaptureQueue({ url: database.url, office, expireInSeconds: 5, retryDelaySeconds: 1, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 1 }))._unsafeUnwrap();
  opened.push(queue);
  return queue;
}

async function evidence(store: PostgresEvidenceStore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const kind of ['capture', 'change', 'finding', 'account_state'] as RecordKind[]) {
    out[kind] = (await store.query(kind))._unsafeUnwrap().map((entry) => `${entry.id} ${canonicalJson(maskRunTimes(entry.record))._unsafeUnwrap()}`).sort();
  }
  return out;
}

describe('the capture queue', () => {
  it('enqueues a cycle once however often it is enqueued, under ids derived from the job keys', async () => {
    const { monitor } = officeMonitor('kab-antre');
    const queue = await queueFor('kab-antre');
    const plan = (await monitor.planJobs('kab-antre'))._unsafeUnwrap();
    expect(plan.jobs.length).toBeGreaterThan(0);
    expect((await queue.enqueue(plan))._unsafeUnwrap()).toEqual({ enqueued: plan.jobs.length, already: 0 });
    expect((await queue.enqueue(plan))._unsafeUnwrap()).toEqual({ enqueued: 0, already: plan.jobs.length });
    const rows = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM pgboss.job WHERE name = $1', [queue.name]);
    expect(Number(rows.rows[0]!.n)).toBe(plan.jobs.length);
    expect(jobIdOf(plan.jobs[0]!.key)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await queue.state(plan))._unsafeUnwrap()).toMatchObject({ pending: plan.jobs.length, results: [], failed: [] });
  }, 120_000);

  it('a cycle whose PostgreSQL restarts mid-way resumes and completes with the evidence of an undisturbed one', async () => {
    const cycle = async (id: string, workerCount: number, restartAfter?: number) => {
      const office = officeMonitor(id);
      const queue = await queueFor(id);
      const plan = (await office.monitor.planJobs(id))._unsafeUnwrap();
      (await queue.enqueue(plan))._unsafeUnwrap();
      let finished = 0;
      let restarted: Promise<void> | undefined;
      const workers = [];
      for (let index = 0; index < workerCount; index++) {
        // Each worker its own pg-boss instance, as on its own machine.
        const own = index === 0 ? queue : await queueFor(id);
        workers.push((await own.work((job, signal) => office.monitor.runJob(job, signal), {
          onEvent: (event) => {
            if (event.type === 'job_finished' && ++finished === restartAfter) restarted = database.restart();
          },
        }))._unsafeUnwrap());
      }
      const settled = (await queue.settle(plan, { pollMs: 500 }))._unsafeUnwrap();
      await restarted;
      await Promise.all(workers.map((worker) => worker.stop()));
      expect(settled.failed).toEqual([]);
      expect(settled.results.map((result: CycleJobResult) => result.key).sort()).toEqual(plan.jobs.map((job) => job.key).sort());
      const report = (await office.monitor.closeJobs(plan, settled.results))._unsafeUnwrap();
      expect(report.status).toBe('complete');
      expect((await office.store.get('audit', `${plan.cycleId}.finished`))._unsafeUnwrap()).toBeDefined();
      expect((await office.store.verify())._unsafeUnwrap().problems).toEqual([]);
      return { evidence: await evidence(office.store), restarted: restarted !== undefined };
    };
    const reference = await cycle('kab-tenang', 1);
    const disturbed = await cycle('kab-restart', 2, 2);
    expect(disturbed.restarted).toBe(true);
    expect(reference.evidence.capture!.length).toBeGreaterThan(0);
    for (const kind of Object.keys(reference.evidence)) expect(disturbed.evidence[kind], kind).toEqual(reference.evidence[kind]);
  }, 300_000);
});
