import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findingReviewEntry } from '@sipansos/core/cases';
import { createFsStore } from '@sipansos/store-fs';
import { describe, expect, it } from 'vitest';
import { buildCaseFixture } from '../../core/src/report/__fixtures__/case-fixture.js';
import { createFindingIndex } from './finding-index.js';

describe('finding index', () => {
  it('sees findings and decisions appended after its first read, newest act first', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-finding-index-'));
    const store = createFsStore({ dir, signingKeyPem: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    try {
      (await store.open())._unsafeUnwrap();
      const fixture = buildCaseFixture();
      const first = fixture.findings[0]!;
      (await store.append('capture', fixture.captures))._unsafeUnwrap();
      (await store.append('finding', [first]))._unsafeUnwrap();
      const index = createFindingIndex(store);
      expect((await index.current()).findings.map((finding) => finding.id)).toEqual([first.id]);
      const later = { ...first, id: 'fnd-later', actAt: '2024-10-05T00:00:00.000Z' };
      (await store.append('finding', [later]))._unsafeUnwrap();
      (await store.append('audit', [findingReviewEntry(first, { outcome: 'dismissed', reason: 'bukan dukungan, hanya kutipan berita', actor: 'staf1', at: '2024-10-06T00:00:00.000Z' })._unsafeUnwrap()]))._unsafeUnwrap();
      const now = await index.current();
      expect(now.findings.map((finding) => finding.id)).toEqual(['fnd-later', first.id]);
      expect(now.ledger.latest.get(first.id)?.outcome).toBe('dismissed');
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
