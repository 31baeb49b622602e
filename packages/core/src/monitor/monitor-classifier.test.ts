import { errAsync, okAsync, ResultAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import type { Account } from '../account/account-schema.js';
import type { Item } from '../capture/item-schema.js';
import { EXAMPLE_ELECTION } from '../rules/__fixtures__/example-election.js';
import { compileRules } from '../rules/compile-rules.js';
import { RuleSetSchema } from '../rules/rule-set-schema.js';
import type { PlatformAdapterV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import type { TextClassifierV1 } from '../spec/text-classifier/v1/text-classifier-v1.js';
import { createMemoryStore } from '../store-memory/memory-store.js';
import { SubjectSchema } from '../subject/subject-schema.js';
import { createMonitor } from './create-monitor.js';

// One invented account with two posts; an office rule reads an in-process classifier.
const AT = '2024-10-15T12:00:00Z';
const items: Item[] = ['aku benci kaum itu', 'selamat pagi warga'].map((text, index) => ({ platform: 'x', id: `${index + 1}`, kind: 'post', author: { id: 'id-warga', handle: 'warga_contoh' }, createdAt: AT, text, media: [], links: [], hashtags: [], mentions: [] }));
const raw = { bytes: new TextEncoder().encode('{}'), mediaType: 'application/json', request: { method: 'GET', url: 'https://api.example.test/t', status: 200, at: AT } };
const adapter: PlatformAdapterV1 = {
  specificationVersion: 'v1',
  platform: 'x',
  adapterId: 'fake-x',
  adapterVersion: '1.0.0',
  capabilities: { scopes: ['timeline'], lookup: false, distinguishesPrivateFromDeleted: true, exposesEdits: false, exposesLikes: false, exposesFollows: false, mediaDownload: false, maxLookupBatch: 1 },
  resolve: (handle: string) => okAsync({ account: { platform: 'x', handle, id: 'id-warga' }, observation: 'public' as const, raw: [raw] }),
  capture: (account: Account) => okAsync({ account, scope: 'timeline' as const, status: 'ok' as const, accountObservation: 'public' as const, items, window: { complete: true, reachedEnd: true }, raw: [raw], startedAt: AT, capturedAt: AT, requests: { 'capture:timeline': 1 } }),
} as unknown as PlatformAdapterV1;
const subject = SubjectSchema.parse({ id: 'other-1', name: 'Warga contoh', category: 'other', accounts: [{ platform: 'x', handle: 'warga_contoh' }] });
const rules = compileRules(
  [
    RuleSetSchema.parse({
      id: 'kantor-model',
      version: '1.0.0',
      title: { id: 'Model kantor', en: 'Office model' },
      rules: [{ id: 'kantor.model_kebencian', title: { id: 'Model kantor', en: 'Office model' }, category: 'hate_speech', sanctions: ['review'], legalBasis: [{ instrument: 'UU 1/2024', article: 'Ps 28 ayat (2)', verified: false }], subjectCategories: ['other'], itemKinds: ['post'], when: { type: 'classifier', id: 'model-kantor', label: 'hate', minScore: 0.8 } }],
    }),
  ],
  EXAMPLE_ELECTION,
)._unsafeUnwrap();

function classifier(answer: 'scores' | 'fails'): TextClassifierV1 & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    specificationVersion: 'v1',
    classifierId: 'model-kantor',
    version: 'uji-1',
    capabilities: { maxBatchSize: 8 },
    calls,
    classify(texts) {
      calls.push([...texts]);
      if (answer === 'fails') return errAsync({ type: 'timeout', timeoutMs: 50, message: 'no answer within 50 ms' });
      return ResultAsync.fromSafePromise(Promise.resolve(texts.map((text) => [{ label: 'hate', score: text.includes('benci') ? 0.9 : 0.1 }])));
    },
  };
}

async function cycle(model: TextClassifierV1) {
  const monitor = createMonitor({ store: createMemoryStore(), adapters: [adapter], rules, context: EXAMPLE_ELECTION, subjects: [subject], classifiers: [model], options: { deadlineMs: 60_000, fetchMedia: false } })._unsafeUnwrap();
  return (await monitor.runCycle())._unsafeUnwrap();
}

describe('a monitor cycle with an office classifier', () => {
  it('scores the new items before the rules run, and the classifier rule raises its finding', async () => {
    const model = classifier('scores');
    const report = await cycle(model);
    expect(model.calls).toEqual([['aku benci kaum itu', 'selamat pagi warga']]);
    expect(report.findings).toEqual({ total: 1, byCategory: { hate_speech: 1 } });
    expect(report.classifierNotes).toBeUndefined();
  });

  it('finishes the cycle when the classifier fails, and says so in the report', async () => {
    const report = await cycle(classifier('fails'));
    expect(report.status).toBe('complete');
    expect(report.accounts.captured).toBe(1);
    expect(report.findings.total).toBe(0);
    expect(report.classifierNotes).toEqual([expect.stringContaining('Classifier failed for 2 texts (model-kantor: timeout)')]);
  });

  it('refuses a classifier of another contract version', () => {
    const result = createMonitor({ store: createMemoryStore(), adapters: [adapter], rules, context: EXAMPLE_ELECTION, subjects: [subject], classifiers: [{ ...classifier('scores'), specificationVersion: 'v9' } as unknown as TextClassifierV1] });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'unsupported_specification', contract: 'TextClassifier' });
  });
});
