import type { AdapterCall, HttpSuccess } from '@sipansos/core/adapter-kit';
import type { AdapterErrorV1, LookupBatchV1, LookupResultV1, RawResponseV1 } from '@sipansos/core/spec';
import { err, ok, type Result } from 'neverthrow';
import { FACEBOOK_ENDPOINTS, FACEBOOK_POST_FIELDS, type FacebookGraph } from './facebook-capture.js';
import { isObjectUnavailable } from './facebook-graph-errors.js';
import { facebookPostToItem } from './facebook-map-item.js';
import { FacebookPostSchema } from './facebook-schemas.js';

function readPost(graph: FacebookGraph, call: AdapterCall, id: string) {
  // A post id is "<page id>_<post id>": the post counts against its Page.
  return call.json({ endpoint: FACEBOOK_ENDPOINTS.post, path: `/${graph.settings.apiVersion}/${id}`, query: { fields: FACEBOOK_POST_FIELDS, ...graph.settings.commonQuery }, schema: FacebookPostSchema, pauseKeys: [id.split('_')[0] ?? id] });
}

export async function lookupFacebookPosts(graph: FacebookGraph, call: AdapterCall, ids: readonly string[]): Promise<Result<LookupBatchV1, AdapterErrorV1>> {
  const results: LookupResultV1[] = [];
  const raw: RawResponseV1[] = [];
  const ambiguous: Array<{ id: string; reason: string }> = [];
  let stopReason: string | undefined;
  for (const id of ids) {
    if (stopReason) {
      results.push({ id, status: 'unknown', reason: stopReason });
      continue;
    }
    if (!/^\d{1,32}(_\d{1,32})?$/.test(id)) {
      results.push({ id, status: 'unknown', reason: 'not a Graph post id (a post read from a web page has no Graph id)' });
      continue;
    }
    const response = await readPost(graph, call, id);
    if (response.isOk()) {
      raw.push(response.value.raw);
      results.push({ id, status: 'live', item: facebookPostToItem(response.value.data) });
      continue;
    }
    const error = response.error;
    if (error.type === 'unauthorized') return err(error);
    if (isObjectUnavailable(error)) {
      ambiguous.push({ id, reason: error.message });
      results.push({ id, status: 'unknown', reason: error.message });
      continue;
    }
    if (error.type === 'rate_limited' || error.type === 'timeout') stopReason = `not asked: ${error.message}`;
    results.push({ id, status: 'unknown', reason: error.message });
  }
  if (ambiguous.length > 0) {
    const control = await checkControl(graph, call);
    if (control.kind === 'unauthorized') return err(control.error);
    for (const entry of ambiguous) {
      const index = results.findIndex((result) => result.id === entry.id);
      if (control.kind === 'live') results[index] = { id: entry.id, status: 'gone', reason: `${entry.reason}; the control post still reads with the same token, so the post is gone` };
      else results[index] = { id: entry.id, status: 'unknown', reason: `${entry.reason}; ${control.reason}` };
    }
    if (control.kind === 'live') raw.push(control.raw);
  }
  return ok({ results, raw });
}

async function checkControl(graph: FacebookGraph, call: AdapterCall): Promise<{ kind: 'live'; raw: RawResponseV1 } | { kind: 'unauthorized'; error: AdapterErrorV1 } | { kind: 'unknown'; reason: string }> {
  const controlPostId = graph.controlPostId;
  if (!controlPostId) return { kind: 'unknown', reason: 'no control post is configured (settings.controlPostId), so "deleted" cannot be told from "no permission"' };
  const control: Result<HttpSuccess<unknown>, AdapterErrorV1> = await readPost(graph, call, controlPostId);
  if (control.isOk()) return { kind: 'live', raw: control.value.raw };
  const error = control.error;
  if (error.type === 'unauthorized' || isObjectUnavailable(error) || error.type === 'not_found') {
    return {
      kind: 'unauthorized',
      error: {
        type: 'unauthorized',
        message: `the control post ${controlPostId} cannot be read with this token either (${error.message}); the token has lost access, so missing posts are not deletions`,
      },
    };
  }
  return { kind: 'unknown', reason: `the control post could not be checked: ${error.message}` };
}
