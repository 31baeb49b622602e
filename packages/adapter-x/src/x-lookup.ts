import type { AdapterCall } from '@sipansos/core/adapter-kit';
import type { AdapterErrorV1, LookupBatchV1, LookupResultV1, RawResponseV1 } from '@sipansos/core/spec';
import { err, ok, type Result } from 'neverthrow';
import { tweetQuery, X_ENDPOINTS } from './x-endpoints.js';
import { mapTweet, responseContext } from './x-map-item.js';
import { lookupStatusFromProblem, problemText } from './x-problems.js';
import { XTweetsLookupSchema } from './x-schemas.js';

/** X's posts lookup takes at most 100 ids per request. */
export const X_LOOKUP_BATCH = 100;

/**
 * Look posts up by id in batches of 100. Per-id answers inside an HTTP 200 are read one by
 * one; an id X neither served nor named is `unknown`, never `gone`. A batch that could not be
 * read makes its ids `unknown`; only when every batch failed is the whole call an error.
 */
export async function lookupPosts(call: AdapterCall, ids: readonly string[]): Promise<Result<LookupBatchV1, AdapterErrorV1>> {
  const results: LookupResultV1[] = [];
  const raw: RawResponseV1[] = [];
  let firstError: AdapterErrorV1 | undefined;
  let anyBatchRead = false;
  for (let start = 0; start < ids.length; start += X_LOOKUP_BATCH) {
    const batch = ids.slice(start, start + X_LOOKUP_BATCH);
    const invalid = batch.filter((id) => !/^\d{1,20}$/.test(id));
    for (const id of invalid) results.push({ id, status: 'unknown', reason: 'not an X post id (digits only)' });
    const valid = batch.filter((id) => /^\d{1,20}$/.test(id));
    if (valid.length === 0) continue;
    const response = await call.json({ endpoint: X_ENDPOINTS.tweetsLookup, path: '/2/tweets', query: { ids: valid, ...tweetQuery() }, schema: XTweetsLookupSchema });
    if (response.isErr()) {
      firstError ??= response.error;
      for (const id of valid) results.push({ id, status: 'unknown', reason: response.error.message });
      continue;
    }
    anyBatchRead = true;
    raw.push(response.value.raw);
    const body = response.value.data;
    const context = responseContext(body.includes, body.errors);
    const served = new Map((body.data ?? []).map((tweet) => [tweet.id, tweet]));
    const requestProblems = new Map(
      (body.errors ?? [])
        .filter((problem) => problem.section !== 'includes' && (problem.parameter === undefined || problem.parameter === 'ids'))
        .map((problem) => [problem.resource_id ?? String(problem.value ?? ''), problem]),
    );
    for (const id of valid) {
      const tweet = served.get(id);
      if (tweet) {
        results.push({ id, status: 'live', item: mapTweet(tweet, context) });
        continue;
      }
      const problem = requestProblems.get(id);
      if (problem) {
        results.push({ id, status: lookupStatusFromProblem(problem), reason: call.redact(problemText(problem)) });
        continue;
      }
      results.push({ id, status: 'unknown', reason: 'X neither served this id nor reported a problem with it' });
    }
  }
  if (!anyBatchRead && firstError) return err(firstError);
  return ok({ results, raw });
}
