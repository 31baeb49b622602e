import { ClaimRegistrySchema, type Claim } from './claim-schema.js';
import data from './builtin-claims.json' with { type: 'json' };

/**
 * The built-in registry: election-related false claims that Indonesian fact-checkers, KPU,
 * Bawaslu and Kominfo debunked in public, each re-worded by the project (Apache-2.0) with the
 * debunk's address, publisher and date. The sources are listed in `claims/README.md`.
 */
export const BUILTIN_CLAIMS: readonly Claim[] = ClaimRegistrySchema.parse(data).claims;
