import { CaptureSchema, type Capture, type CaptureWindow } from '../../capture/capture-schema.js';
import { ItemSchema, type Item, type ItemInput } from '../../capture/item-schema.js';
import type { LookupResultV1 } from '../../spec/platform-adapter/v1/platform-adapter-v1.js';

/** An invented civil servant's X account used across deletion tests. */
export const ACCOUNT = { platform: 'x', handle: 'budi_contoh', id: '1001' } as const;
export const ACCOUNT_KEY = 'x:1001';

const base = Date.parse('2024-11-01T00:00:00Z');

/** An ISO time `minutes` after 2024-11-01T00:00Z. */
export function at(minutes: number): string {
  return new Date(base + minutes * 60_000).toISOString();
}

/** A post of the test account. */
export function post(id: string, minutes: number, text: string, extra: Partial<ItemInput> = {}): Item {
  return ItemSchema.parse({
    platform: extra.platform ?? ACCOUNT.platform,
    id,
    kind: 'post',
    author: { id: ACCOUNT.id, handle: ACCOUNT.handle },
    createdAt: at(minutes),
    text,
    ...extra,
  });
}

/** A 64-hex blob hash derived from a label, for raw responses. */
export function blob(label: string): string {
  let hex = '';
  for (let index = 0; hex.length < 64; index++) hex += ((label.charCodeAt(index % label.length) * 31 + index * 7) % 256).toString(16).padStart(2, '0');
  return hex.slice(0, 64);
}

export interface CaptureSpec {
  id: string;
  /** Capture time in minutes (see {@link at}); the capture starts one minute earlier. */
  minutes: number;
  items: Item[];
  window?: Partial<CaptureWindow>;
  observation?: Capture['accountObservation'];
  status?: Capture['status'];
  scope?: Capture['scope'];
  handle?: string;
  platform?: string;
}

/**
 * A capture of the test account. By default the window is complete and reached the start of
 * the history (the whole timeline was read).
 */
export function capture(spec: CaptureSpec): Capture {
  const platform = spec.platform ?? ACCOUNT.platform;
  return CaptureSchema.parse({
    id: spec.id,
    adapter: { id: 'test', version: '1' },
    platform,
    account: { platform, handle: spec.handle ?? ACCOUNT.handle, id: ACCOUNT.id },
    accountKey: `${platform}:${ACCOUNT.id}`,
    scope: spec.scope ?? 'timeline',
    startedAt: at(spec.minutes - 1),
    capturedAt: at(spec.minutes),
    status: spec.status ?? 'ok',
    accountObservation: spec.observation ?? 'public',
    rawBlobs: [blob(spec.id)],
    items: spec.items,
    window: { complete: true, reachedEnd: true, ...spec.window },
  });
}

/** A lookup answer. */
export function answer(id: string, status: LookupResultV1['status'], item?: Item): LookupResultV1 {
  return { id, status, ...(item ? { item } : {}) };
}

/** Adapter abilities of the X API (lookup that tells private from deleted, 3,200 limit). */
export const X_CAPABILITIES = { lookup: true, distinguishesPrivateFromDeleted: true, historyLimit: 3200 } as const;
/** An adapter that cannot look posts up (saved pages, some scrapers). */
export const NO_LOOKUP = { lookup: false, distinguishesPrivateFromDeleted: false } as const;
