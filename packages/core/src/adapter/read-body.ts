/** How reading a response body ended. */
export type BodyReadOutcome =
  | { kind: 'complete'; bytes: Uint8Array }
  | { kind: 'too_large'; bytes: Uint8Array; limit: number }
  | { kind: 'aborted'; bytes: Uint8Array }
  | { kind: 'failed'; bytes: Uint8Array; error: unknown };

const ABORTED = Symbol('aborted');

/**
 * Read a body chunk by chunk, stopping at `maxBytes` or when `signal` aborts. Every read races
 * the signal, because not every stream implementation errors its reader on abort, and a
 * stalled body must end the read at the deadline, not when the server gives up.
 */
export async function readBody(body: ReadableStream<Uint8Array> | null, maxBytes: number, signal: AbortSignal): Promise<BodyReadOutcome> {
  if (!body) return { kind: 'complete', bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const collected = (): Uint8Array => concat(chunks, total);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<typeof ABORTED>((resolve) => {
    onAbort = () => resolve(ABORTED);
    if (signal.aborted) resolve(ABORTED);
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    for (;;) {
      const read = reader.read();
      read.catch(() => undefined);
      let next: Awaited<typeof read> | typeof ABORTED;
      try {
        next = await Promise.race([read, aborted]);
      } catch (error) {
        return signal.aborted ? { kind: 'aborted', bytes: collected() } : { kind: 'failed', bytes: collected(), error };
      }
      if (next === ABORTED) {
        reader.cancel().catch(() => undefined);
        return { kind: 'aborted', bytes: collected() };
      }
      if (next.done) return { kind: 'complete', bytes: collected() };
      const chunk = next.value;
      if (total + chunk.byteLength > maxBytes) {
        reader.cancel().catch(() => undefined);
        chunks.push(chunk.subarray(0, maxBytes - total));
        total = maxBytes;
        return { kind: 'too_large', bytes: collected(), limit: maxBytes };
      }
      chunks.push(chunk);
      total += chunk.byteLength;
    }
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
