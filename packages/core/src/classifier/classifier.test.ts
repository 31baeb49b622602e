import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemSchema } from '../capture/item-schema.js';
import { EXAMPLE_ELECTION } from '../rules/__fixtures__/example-election.js';
import { compileRules } from '../rules/compile-rules.js';
import { evaluateItem } from '../rules/evaluate-item.js';
import { RuleSetSchema } from '../rules/rule-set-schema.js';
import { asTextClassifier } from '../spec/check-specification-version.js';
import { SubjectSchema } from '../subject/subject-schema.js';
import { createHttpClassifier } from './create-http-classifier.js';
import { scoreItems } from './score-items.js';

// A fake model on 127.0.0.1: "benci" scores as hate; the path picks a failure to play.
const seen: { path: string; body: unknown; authorization?: string }[] = [];
let base = '';
const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const json = JSON.parse(body) as { inputs: string[] };
    seen.push({ path: request.url ?? '', body: json, authorization: request.headers.authorization });
    const scores = json.inputs.map((text) => [
      { label: 'hate', score: text.includes('benci') ? 0.93 : 0.04 },
      { label: 'neutral', score: text.includes('benci') ? 0.07 : 0.96 },
    ]);
    if (request.url === '/slow') return void setTimeout(() => response.end(JSON.stringify(scores)), 1500);
    if (request.url === '/broken') return void response.writeHead(500).end('boom');
    if (request.url === '/odd') return void response.end(JSON.stringify({ labels: 'hate' }));
    if (request.url === '/wrapped') return void response.end(JSON.stringify({ results: scores }));
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(scores));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const item = (id: string, text: string, target?: string) =>
  ItemSchema.parse({ platform: 'x', id, kind: target ? 'quote' : 'post', author: { handle: 'warga_contoh' }, text, createdAt: '2024-10-15T19:30:00+07:00', ...(target ? { target: { kind: 'post', id: `t-${id}`, text: target } } : {}) });
const subject = SubjectSchema.parse({ id: 'other-1', name: 'Warga contoh', category: 'other', accounts: [{ platform: 'x', handle: 'warga_contoh' }] });

const ruleSet = RuleSetSchema.parse({
  id: 'kantor-model',
  version: '1.0.0',
  title: { id: 'Model kantor', en: 'Office model' },
  rules: [
    {
      id: 'kantor.model_kebencian',
      title: { id: 'Model kantor: ujaran kebencian', en: 'Office model: hate speech' },
      category: 'hate_speech',
      sanctions: ['review'],
      legalBasis: [{ instrument: 'UU 1/2024', article: 'Ps 28 ayat (2)', verified: false }],
      subjectCategories: ['other'],
      itemKinds: ['post', 'quote'],
      when: { type: 'classifier', id: 'indobert-hs', label: 'hate', minScore: 0.8, scope: 'all' },
    },
  ],
});

describe('createHttpClassifier', () => {
  it('posts the texts as one batch and reads one list of label scores per text', async () => {
    seen.length = 0;
    const classifier = createHttpClassifier({ url: `${base}/classify`, classifierId: 'indobert-hs', headers: { authorization: 'Bearer contoh-token-palsu' } });
    const result = (await classifier.classify(['aku benci mereka', 'selamat pagi']))._unsafeUnwrap();
    expect(result.map((labels) => labels.find((entry) => entry.label === 'hate')?.score)).toEqual([0.93, 0.04]);
    expect(seen).toEqual([{ path: '/classify', body: { inputs: ['aku benci mereka', 'selamat pagi'] }, authorization: 'Bearer contoh-token-palsu' }]);
    expect((await createHttpClassifier({ url: `${base}/wrapped`, classifierId: 'm' }).classify(['benci']))._unsafeUnwrap()[0]![0]!.score).toBe(0.93);
  });

  it('turns a slow answer, an HTTP error and an unknown shape into typed errors', async () => {
    const slow = await createHttpClassifier({ url: `${base}/slow`, classifierId: 'm', timeoutMs: 100 }).classify(['x']);
    expect(slow._unsafeUnwrapErr()).toMatchObject({ type: 'timeout', timeoutMs: 100 });
    expect((await createHttpClassifier({ url: `${base}/broken`, classifierId: 'm' }).classify(['x']))._unsafeUnwrapErr()).toMatchObject({ type: 'http', status: 500 });
    expect((await createHttpClassifier({ url: `${base}/odd`, classifierId: 'm' }).classify(['x']))._unsafeUnwrapErr().type).toBe('parse');
    expect((await createHttpClassifier({ url: 'http://127.0.0.1:1/none', classifierId: 'm' }).classify(['x']))._unsafeUnwrapErr().type).toBe('network');
  });

  it('is checked as a v1 contract, and refuses settings without a url or a valid id', () => {
    expect(asTextClassifier(createHttpClassifier({ url: base, classifierId: 'm' })).isOk()).toBe(true);
    expect(asTextClassifier({ specificationVersion: 'v2', classifierId: 'm' })._unsafeUnwrapErr()).toMatchObject({ type: 'unsupported_specification', contract: 'TextClassifier', found: 'v2' });
    expect(() => createHttpClassifier({ url: '', classifierId: 'm' })).toThrow(/url/);
    expect(() => createHttpClassifier({ url: base, classifierId: 'Model Kantor' })).toThrow(/classifierId/);
  });
});

describe('scoreItems and the classifier predicate', () => {
  const compiled = compileRules([ruleSet], EXAMPLE_ELECTION)._unsafeUnwrap();
  const items = [item('1', 'aku benci kaum itu'), item('2', 'selamat pagi warga'), item('3', 'setuju', 'aku benci mereka semua')];
  const run = (scores: Awaited<ReturnType<typeof scoreItems>>['scores']) =>
    items.filter((entry) => evaluateItem(compiled, { item: entry, subject, evidence: { captureId: 'c', rawBlobs: [] }, now: '2024-10-15T12:00:00Z', classifierScores: scores.get(`x:${entry.id}`) }).length > 0).map((entry) => entry.id);

  it('scores each distinct text once, in batches, and the rule reads the scores (own and shared text)', async () => {
    seen.length = 0;
    const pass = await scoreItems(items, [createHttpClassifier({ url: `${base}/classify`, classifierId: 'indobert-hs', maxBatchSize: 2 })], { only: compiled.classifierIds });
    expect(seen.map((entry) => (entry.body as { inputs: string[] }).inputs.length)).toEqual([2, 2]);
    expect(pass).toMatchObject({ scored: 4, unscored: 0, problems: [], note: undefined });
    expect(run(pass.scores)).toEqual(['1', '3']);
    const finding = evaluateItem(compiled, { item: items[0]!, subject, evidence: { captureId: 'c', rawBlobs: [] }, now: '2024-10-15T12:00:00Z', classifierScores: pass.scores.get('x:1') })[0]!;
    expect(finding.spans[0]!.predicate).toBe('classifier:indobert-hs:hate=0.930');
  });

  it('never blocks on a slow or broken model: the items go unscored and the failure is reported', async () => {
    const pass = await scoreItems(items, [createHttpClassifier({ url: `${base}/slow`, classifierId: 'indobert-hs', timeoutMs: 100 })]);
    expect(pass.problems.map((problem) => problem.error.type)).toEqual(['timeout']);
    expect(pass.unscored).toBe(4);
    expect(pass.note).toMatch(/Pengklasifikasi gagal untuk 4 teks \(indobert-hs: timeout\).*Classifier failed/);
    expect(run(pass.scores)).toEqual([]);
  });

  it('skips classifiers no rule reads, and starts nothing once the cycle is stopped', async () => {
    seen.length = 0;
    const unused = await scoreItems(items, [createHttpClassifier({ url: `${base}/classify`, classifierId: 'model-lain' })], { only: compiled.classifierIds });
    expect(unused.scored + unused.unscored).toBe(0);
    const controller = new AbortController();
    controller.abort();
    const stopped = await scoreItems(items, [createHttpClassifier({ url: `${base}/classify`, classifierId: 'indobert-hs' })], { signal: controller.signal });
    expect(stopped.problems.map((problem) => problem.error.type)).toEqual(['aborted']);
    expect(seen).toEqual([]);
  });
});
