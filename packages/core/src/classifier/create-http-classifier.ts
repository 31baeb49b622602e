import { errAsync, ResultAsync } from 'neverthrow';
import { z } from 'zod';
import type { ClassifierErrorV1, LabelScoreV1, TextClassifierV1 } from '../spec/text-classifier/v1/text-classifier-v1.js';

/** Settings of {@link createHttpClassifier}. */
export interface HttpClassifierSettings {
  /** The endpoint that scores texts, e.g. `http://127.0.0.1:8080/classify`. */
  url: string;
  /** The id rules use (`{ "type": "classifier", "id": ... }`). */
  classifierId: string;
  /** The model's version, recorded with scores. @default "unknown" */
  version?: string;
  /** Abort a batch that takes longer. @default 5000 */
  timeoutMs?: number;
  /** Texts per request. @default 16 */
  maxBatchSize?: number;
  /**
   * Extra request headers, e.g. `{ authorization: \`Bearer ${process.env.OFFICE_MODEL_TOKEN}\` }`;
   * read secrets from the environment, never from a file in the project.
   */
  headers?: Record<string, string>;
  /** Labels the model returns, when known. */
  labels?: readonly string[];
  /** Injectable fetch. @default globalThis.fetch (Node's built-in undici) */
  fetch?: typeof globalThis.fetch;
}

const LabelScoreSchema = z.object({ label: z.string().min(1).max(200), score: z.number().min(0).max(1) });
/** Hugging Face text-classification style (`[[{label, score}]]`) or `{ results: [...] }`. */
const ResponseSchema = z.union([z.array(z.array(LabelScoreSchema)), z.object({ results: z.array(z.array(LabelScoreSchema)) })]);

/**
 * A {@link TextClassifierV1} over HTTP: `POST url` with `{"inputs": [text, ...]}` as JSON; the
 * answer is one list of `{label, score}` per text, in order (the Hugging Face text-classification
 * shape), bare or under `results`. Timeouts, HTTP errors and answers of another shape are
 * `err` values, never throws.
 */
export function createHttpClassifier(settings: HttpClassifierSettings): TextClassifierV1 {
  if (!settings.url) throw new Error('createHttpClassifier: settings.url is required (the endpoint that scores texts)');
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(settings.classifierId ?? '')) throw new Error('createHttpClassifier: settings.classifierId must be a lowercase id such as "indobert-hs"');
  const timeoutMs = settings.timeoutMs ?? 5000;
  const doFetch = settings.fetch ?? globalThis.fetch;
  return {
    specificationVersion: 'v1',
    classifierId: settings.classifierId,
    version: settings.version ?? 'unknown',
    capabilities: { maxBatchSize: settings.maxBatchSize ?? 16, labels: settings.labels },
    classify(texts, options = {}) {
      if (texts.length === 0) return ResultAsync.fromSafePromise(Promise.resolve([]));
      if (options.signal?.aborted) return errAsync({ type: 'aborted', message: 'dibatalkan sebelum dikirim / aborted before sending' });
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      const request = doFetch(settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...settings.headers },
        body: JSON.stringify({ inputs: texts }),
        signal,
      });
      return ResultAsync.fromPromise(request, (error) => requestError(error, timeout, timeoutMs))
        .andThen((response) =>
          ResultAsync.fromPromise(
            response.text().then((body) => ({ response, body })),
            (error) => requestError(error, timeout, timeoutMs),
          ),
        )
        .andThen(({ response, body }) => {
          if (!response.ok) return errAsync<LabelScoreV1[][], ClassifierErrorV1>({ type: 'http', status: response.status, message: `pengklasifikasi menjawab HTTP ${response.status} / classifier answered HTTP ${response.status}` });
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            return errAsync<LabelScoreV1[][], ClassifierErrorV1>({ type: 'parse', message: 'jawaban bukan JSON / the answer is not JSON' });
          }
          const parsed = ResponseSchema.safeParse(json);
          if (!parsed.success) return errAsync<LabelScoreV1[][], ClassifierErrorV1>({ type: 'parse', message: `bentuk jawaban tidak dikenal / unexpected answer shape: ${parsed.error.issues[0]?.message ?? ''}` });
          const results = Array.isArray(parsed.data) ? parsed.data : parsed.data.results;
          if (results.length !== texts.length) return errAsync<LabelScoreV1[][], ClassifierErrorV1>({ type: 'parse', message: `${results.length} hasil untuk ${texts.length} teks / ${results.length} results for ${texts.length} texts` });
          return ResultAsync.fromSafePromise(Promise.resolve(results));
        });
    },
  };
}

function requestError(error: unknown, timeout: AbortSignal, timeoutMs: number): ClassifierErrorV1 {
  if (timeout.aborted) return { type: 'timeout', timeoutMs, message: `pengklasifikasi tidak menjawab dalam ${timeoutMs} ms / classifier did not answer within ${timeoutMs} ms` };
  if (error instanceof Error && error.name === 'AbortError') return { type: 'aborted', message: 'dibatalkan / aborted' };
  return { type: 'network', message: `pengklasifikasi tidak terjangkau / classifier unreachable: ${error instanceof Error ? error.message : String(error)}`, cause: error };
}
