import { sha256Hex } from '../hashing/sha256.js';
import type { ChangeType } from './change-schema.js';

/**
 * The id of a change: a hash of what revealed it (capture or lookup batch), its type and the
 * item, so diffing the same capture against the same state twice (a resumed cycle) yields the
 * same ids and a store can drop the duplicates.
 */
export function changeId(type: ChangeType, source: string, subject: string): string {
  return `chg_${type}_${sha256Hex(`${source}\n${type}\n${subject}`).slice(0, 40)}`;
}
