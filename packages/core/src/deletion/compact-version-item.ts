import type { Item, ItemAuthor } from '../capture/item-schema.js';

// One frozen empty list for every version that has none: at a million items, four fresh empty
// arrays per item were 128 bytes of a ~430-byte item. Frozen, so no holder can change another's.
const EMPTY: readonly never[] = Object.freeze([]);

// Authors repeat on every item of an account: one frozen object per distinct author, keyed by
// its fields in their order (so the stored JSON stays the item's own).
const authors = new Map<string, ItemAuthor>();
const MAX_AUTHORS = 10_000;

function sharedAuthor(author: ItemAuthor): ItemAuthor {
  let key = '';
  for (const [name, value] of Object.entries(author)) {
    // Only plain string fields: anything else (an explicit undefined) keeps its own object.
    if (typeof value !== 'string') return author;
    key += `${name}\u0000${value}\u0001`;
  }
  let shared = authors.get(key);
  if (shared === undefined) {
    // A bound, not a cache policy: a state rarely has more than a handful of authors.
    if (authors.size >= MAX_AUTHORS) authors.clear();
    shared = Object.freeze({ ...author });
    authors.set(key, shared);
  }
  return shared;
}

function isEmptyList(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length === 0;
}

/**
 * The item as an account state keeps it in a version: equal as JSON (same keys in the same
 * order, same values), but its empty lists and its author shared with the state's other items.
 * The copy is shallow; nothing of the input is changed.
 */
export function compactVersionItem(item: Item): Item {
  const copy = { ...item };
  if (isEmptyList(copy.media)) copy.media = EMPTY as unknown as Item['media'];
  if (isEmptyList(copy.links)) copy.links = EMPTY as unknown as Item['links'];
  if (isEmptyList(copy.hashtags)) copy.hashtags = EMPTY as unknown as Item['hashtags'];
  if (isEmptyList(copy.mentions)) copy.mentions = EMPTY as unknown as Item['mentions'];
  if (copy.author !== undefined && copy.author !== null && typeof copy.author === 'object') copy.author = sharedAuthor(copy.author);
  return copy;
}
