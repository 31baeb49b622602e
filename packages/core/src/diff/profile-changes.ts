import type { ProfileSnapshot } from '../capture/item-schema.js';

/**
 * Names of the profile facts that differ. A photo counts as changed only when both snapshots
 * carry its hash: photo URLs rotate on every request on some platforms. Follower counts are
 * metrics, not profile changes.
 */
export function changedProfileFields(before: ProfileSnapshot, after: ProfileSnapshot): string[] {
  const fields: string[] = [];
  const simple = ['displayName', 'bio', 'location', 'website', 'isPrivate', 'verified'] as const;
  for (const field of simple) {
    if (before[field] !== after[field]) fields.push(field);
  }
  if (before.photoSha256 && after.photoSha256 && before.photoSha256 !== after.photoSha256) fields.push('photo');
  return fields;
}
