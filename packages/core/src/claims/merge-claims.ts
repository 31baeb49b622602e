import type { Claim } from './claim-schema.js';

/**
 * One list from several registries (the built-in one first, then an office's own): a later
 * claim with the id of an earlier one replaces it, so an office can correct a built-in entry.
 */
export function mergeClaims(...registries: ReadonlyArray<readonly Claim[]>): Claim[] {
  const byId = new Map<string, Claim>();
  for (const registry of registries) for (const claim of registry) byId.set(claim.id, claim);
  return [...byId.values()];
}
