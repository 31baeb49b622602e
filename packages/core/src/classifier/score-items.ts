import PQueue from 'p-queue';
import type { Item } from '../capture/item-schema.js';
import type { ItemClassifierScores, LabelScores } from '../rules/classifier-scores.js';
import type { ClassifierErrorV1, TextClassifierV1 } from '../spec/text-classifier/v1/text-classifier-v1.js';

/** Options for {@link scoreItems}. */
export interface ScoreItemsOptions {
  /** Batches in flight at once, over all classifiers. @default 2 */
  concurrency?: number;
  /** Stop starting batches (the cycle was stopped); running ones are aborted. */
  signal?: AbortSignal;
  /** Only these classifier ids (e.g. `compiled.classifierIds`); default every one given. */
  only?: ReadonlySet<string>;
}

/** A batch a classifier could not score: its texts go unscored, the cycle goes on. */
export interface ClassifierProblem {
  classifierId: string;
  error: ClassifierErrorV1;
  /** How many texts that batch held. */
  texts: number;
}

/** What the pre-pass produced: scores per item key (`platform:id`) and what failed. */
export interface ClassifierPass {
  scores: Map<string, ItemClassifierScores>;
  problems: ClassifierProblem[];
  /** Texts scored and texts left unscored, over all classifiers. */
  scored: number;
  unscored: number;
  /** A one-line note for the cycle report when something failed, Indonesian first; `undefined` when all went well. */
  note: string | undefined;
}

/**
 * Score items with an office's classifiers before rule evaluation (which is synchronous): the
 * item's own text and the text it shares or answers, each distinct text once per classifier,
 * in batches of the classifier's `maxBatchSize`, a few batches at a time. Never rejects: a batch
 * that times out or fails leaves its items unscored (their classifier predicates do not match)
 * and is listed in `problems` and `note`, so a slow or broken model never blocks a cycle.
 */
export async function scoreItems(items: readonly Item[], classifiers: readonly TextClassifierV1[], options: ScoreItemsOptions = {}): Promise<ClassifierPass> {
  const queue = new PQueue({ concurrency: options.concurrency ?? 2 });
  const problems: ClassifierProblem[] = [];
  const byText = new Map<string, Map<string, LabelScores>>();
  const texts = new Set<string>();
  for (const item of items) {
    if (item.text) texts.add(item.text);
    if (item.target?.text) texts.add(item.target.text);
  }
  const unique = [...texts];
  let scored = 0;
  let unscored = 0;
  for (const classifier of classifiers) {
    if (options.only && !options.only.has(classifier.classifierId)) continue;
    const own = new Map<string, LabelScores>();
    byText.set(classifier.classifierId, own);
    const size = Math.max(1, classifier.capabilities.maxBatchSize);
    for (let start = 0; start < unique.length; start += size) {
      const batch = unique.slice(start, start + size);
      void queue.add(async () => {
        if (options.signal?.aborted) {
          unscored += batch.length;
          problems.push({ classifierId: classifier.classifierId, texts: batch.length, error: { type: 'aborted', message: 'siklus dihentikan / cycle stopped' } });
          return;
        }
        const result = await classifier.classify(batch, { signal: options.signal });
        if (result.isErr()) {
          unscored += batch.length;
          problems.push({ classifierId: classifier.classifierId, texts: batch.length, error: result.error });
          return;
        }
        batch.forEach((text, index) => own.set(text, Object.fromEntries((result.value[index] ?? []).map((entry) => [entry.label, entry.score]))));
        scored += batch.length;
      });
    }
  }
  await queue.onIdle();
  const scores = new Map<string, ItemClassifierScores>();
  for (const item of items) {
    const perClassifier = new Map<string, { own?: LabelScores; target?: LabelScores }>();
    for (const [id, own] of byText) {
      const mine = item.text ? own.get(item.text) : undefined;
      const target = item.target?.text ? own.get(item.target.text) : undefined;
      if (mine || target) perClassifier.set(id, { own: mine, target });
    }
    if (perClassifier.size > 0) scores.set(`${item.platform}:${item.id}`, perClassifier);
  }
  return { scores, problems, scored, unscored, note: noteOf(problems, unscored) };
}

function noteOf(problems: readonly ClassifierProblem[], unscored: number): string | undefined {
  if (problems.length === 0) return undefined;
  const kinds = [...new Set(problems.map((problem) => `${problem.classifierId}: ${problem.error.type}`))].join(', ');
  return `Pengklasifikasi gagal untuk ${unscored} teks (${kinds}); aturan pengklasifikasi tidak berlaku untuknya / Classifier failed for ${unscored} texts (${kinds}); classifier rules did not apply to them`;
}
