import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureQueue, type CaptureQueue } from '../src/index.js';
import { startTestDatabase, type TestDatabase } from './postgres-service.js';

// Worker processes are started together (a service manager, `sipansos worker` on several
// machines): each opens the queue on the same database at the same moment.

let database: TestDatabase;
const opened: CaptureQueue[] = [];

beforeAll(async () => {
  database = await startTestDatabase();
}, 120_000);

afterAll(async () => {
  for (const queue of opened) await queue.close().catch(() => undefined);
  await database?.stop();
});

describe('opening the capture queue', () => {
  it('opens from many workers at once, on a fresh database and beside running workers', async () => {
    const open = (office: string) => createCaptureQueue({ url: database.url, office, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 1 });
    for (let round = 0; round < 4; round++) {
      // Round 0 creates pg-boss's schema; each round adds a new office's queue while the earlier ones run.
      const results = await Promise.all(Array.from({ length: 6 }, () => open(`kab-serentak-${round}`)));
      for (const result of results) {
        if (result.isErr()) throw new Error(result.error.message);
        opened.push(result.value);
      }
      expect(results.every((result) => result.isOk())).toBe(true);
    }
  }, 120_000);
});
