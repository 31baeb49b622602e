import type { Item } from '../capture/item-schema.js';
import { sha256Hex } from '../hashing/sha256.js';

function mediaSignature(item: Item): unknown[] {
  return item.media.map((media) => [media.type, media.altText ?? null, media.blobSha256 ?? null]);
}

/**
 * The parts of an item its author controls. Metrics, URLs (signed CDN links rotate), the
 * author's name or handle (a rename is not an edit) and platform bookkeeping are left out, so a
 * new version means the author changed what the post says or shows.
 */
function contentOf(item: Item): unknown[] {
  return [
    item.kind,
    item.text ?? '',
    mediaSignature(item),
    item.links,
    item.target ? [item.target.kind, item.target.id] : null,
    item.profile ? [item.profile.displayName ?? null, item.profile.bio ?? null, item.profile.photoSha256 ?? null] : null,
  ];
}

/** sha256 of an item's author-controlled content (see `contentOf`): equal hashes, same content. */
export function itemContentHash(item: Item): string {
  // JSON.stringify over a fixed-order array is deterministic and far cheaper than RFC 8785 here.
  return sha256Hex(JSON.stringify(contentOf(item)));
}

/** Names of the author-controlled fields that differ between two versions of an item. */
export function changedContentFields(before: Item, after: Item): string[] {
  const fields: string[] = [];
  if ((before.text ?? '') !== (after.text ?? '')) fields.push('text');
  if (JSON.stringify(mediaSignature(before)) !== JSON.stringify(mediaSignature(after))) fields.push('media');
  if (JSON.stringify(before.links) !== JSON.stringify(after.links)) fields.push('links');
  if ((before.target?.id ?? null) !== (after.target?.id ?? null)) fields.push('target');
  if (before.kind !== after.kind) fields.push('kind');
  return fields;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (!same(a[index]!, b[index]!)) return false;
  return true;
}

/**
 * Whether two items carry the same author-controlled content (what {@link itemContentHash}
 * hashes), compared field by field: the cheap check for the common case of an unchanged item.
 */
export function sameContent(a: Item, b: Item): boolean {
  return (
    a.kind === b.kind &&
    (a.text ?? '') === (b.text ?? '') &&
    sameList(a.media, b.media, (x, y) => x.type === y.type && (x.altText ?? null) === (y.altText ?? null) && (x.blobSha256 ?? null) === (y.blobSha256 ?? null)) &&
    sameList(a.links, b.links, (x, y) => x === y) &&
    (a.target?.kind ?? null) === (b.target?.kind ?? null) &&
    (a.target?.id ?? null) === (b.target?.id ?? null) &&
    (a.profile?.displayName ?? null) === (b.profile?.displayName ?? null) &&
    (a.profile?.bio ?? null) === (b.profile?.bio ?? null) &&
    (a.profile?.photoSha256 ?? null) === (b.profile?.photoSha256 ?? null) &&
    (a.profile === undefined) === (b.profile === undefined)
  );
}
