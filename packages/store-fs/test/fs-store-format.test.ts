import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_KINDS, type AuditEntry } from '@sipansos/core/evidence';
import { fixtureAccountState, fixtureCapture, fixtureCase, fixtureChange, fixtureFinding } from '@sipansos/testkit';
import { createFsStore } from '../src/index.js';
import { temporaryDir } from './store-test-helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Details that exercise every corner of canonical JSON: escapes, surrogates, number forms, key order, nesting. */
function awkwardDetails(index: number): Record<string, unknown> {
  return {
    teks: `catatan ${index}: "kutip" \\ garis\nmiring / tab\t ✓ é 中文 🗳️ \u0000 \u001f \u007f \u2028 \u2029 \ud800 lone \udc00 end`,
    angka: [0, -0, 1, -1, 0.1 + 0.2, 1e21, 1e-7, 123.456e10, -5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1.7976931348623157e308, index / 7],
    bersarang: [[1, [2, [3, []]]], {}, [{ b: 1, a: [null, true, false] }], ''],
    'é': 1,
    z: 'last?',
    A: 'upper',
    aa: 2,
    a: 3,
    '10': 'ten',
    '9': 'nine',
    '\u00e9\u0301': 'combining',
    '😀': 'astral key',
    '\uff61': 'halfwidth',
    hilang: undefined,
    kosong: { '': '' },
    waktu: new Date(Date.UTC(2024, 10, 20, 1, index % 60)),
  };
}

function awkwardAudit(index: number): AuditEntry {
  return { id: `F-${index}-ü`, at: '2024-11-20T01:00:00.000Z', actor: 'petugas-contoh', action: 'test.format', target: { kind: 'capture', id: `C-${index}` }, details: awkwardDetails(index) };
}

/**
 * What the store wrote for these records before appends were made faster (captured from the
 * code as it was): any change to the bytes, the hashes or the chain changes these.
 */
const EXPECTED: Record<string, { bytes: number; sha256: string }> = {
  account_state: { bytes: 1380, sha256: '2c5f0b36433dc3c1d558063e7ab0371e03d793d757339b8efcb4a5898d020fb6' },
  audit: { bytes: 21707, sha256: '58c06e8ee7a50d712fefd31099e75c7557c3d6c63b1fb10a727f4ddffe3d319c' },
  capture: { bytes: 2497, sha256: '737d8b08c798854fe51a0eeb7db7509b3f8267d441e17d1a1ff0e7a26cc1ed89' },
  case: { bytes: 1530, sha256: 'e4f2455262d932d8ad643d0d37e91a7f991b4f0b53653241b713cf9698928a5e' },
  change: { bytes: 932, sha256: '035283d40ea8b172553c9c195c163f973882b984d3c1b18a36ce3f37c0b42c58' },
  finding: { bytes: 1902, sha256: '8f038852f8aa4fbcf701a8ffc8aa57515ae36a9f423de7e73e1884398e76a844' },
};

describe('the log format does not change', () => {
  it('a fixed set of appends writes the same bytes, hashes and chain as before', async () => {
    const { dir, cleanup } = temporaryDir();
    cleanups.push(cleanup);
    let tick = 0;
    const now = () => new Date(Date.UTC(2024, 10, 21, 0, 0, 0, tick++));
    const store = createFsStore({ dir, now });
    (await store.open())._unsafeUnwrap();

    // One-record appends from concurrent callers, a multi-record append, an id met again, every kind.
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.append('audit', [awkwardAudit(index)]).then((result) => result._unsafeUnwrap())));
    (await store.append('audit', [awkwardAudit(20), awkwardAudit(21), awkwardAudit(3), awkwardAudit(20)]))._unsafeUnwrap();
    (await store.append('capture', [fixtureCapture({ id: 'C-1', itemIds: ['p1', 'p2'] }), fixtureCapture({ id: 'C-2', handle: 'budi_contoh', padTo: 600 })]))._unsafeUnwrap();
    (await store.append('capture', [fixtureCapture({ id: 'C-1', itemIds: ['p1', 'p2'] })]))._unsafeUnwrap();
    (await store.append('finding', [fixtureFinding({ id: 'F-1' }), fixtureFinding({ id: 'F-2', category: 'neutrality', minute: 5 })]))._unsafeUnwrap();
    (await store.append('change', [fixtureChange({ id: 'CH-1' }), fixtureChange({ id: 'CH-2', type: 'missing', minute: 3 })]))._unsafeUnwrap();
    (await store.append('case', [fixtureCase({ id: 'K-1', version: 1, state: 'temuan' }), fixtureCase({ id: 'K-1', version: 2, state: 'kajian_awal' })]))._unsafeUnwrap();
    (await store.append('account_state', [{ ...fixtureAccountState({ knownItems: 3 }), extra: awkwardDetails(99) } as never]))._unsafeUnwrap();
    (await store.append('account_state', [fixtureAccountState({ knownItems: 4, minute: 9 })]))._unsafeUnwrap();
    (await store.close())._unsafeUnwrap();

    const found: Record<string, { bytes: number; sha256: string }> = {};
    for (const kind of RECORD_KINDS) {
      const bytes = readFileSync(path.join(dir, 'logs', `${kind}.jsonl`));
      found[kind] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    }
    expect(found).toEqual(EXPECTED);

    const reopened = createFsStore({ dir, readOnly: true });
    const report = (await reopened.open())._unsafeUnwrap();
    expect(report.damaged).toEqual([]);
    expect((await reopened.verify())._unsafeUnwrap().ok).toBe(true);
    (await reopened.close())._unsafeUnwrap();
  });
});
