import { describe, expect, it } from 'vitest';
import { asEvidenceStore, asPlatformAdapter } from './check-specification-version.js';

describe('specificationVersion check', () => {
  it('accepts v1 and rejects an unknown version with a typed error naming the object', () => {
    expect(asPlatformAdapter({ specificationVersion: 'v1', adapterId: 'x-api-v2' }).isOk()).toBe(true);
    const future = asPlatformAdapter({ specificationVersion: 'v2', adapterId: 'tiktok-web' });
    expect(future._unsafeUnwrapErr()).toMatchObject({ type: 'unsupported_specification', contract: 'PlatformAdapter', found: 'v2', supported: ['v1'] });
    expect(future._unsafeUnwrapErr().message).toContain('adapter "tiktok-web"');
    expect(asEvidenceStore({ storeId: 'pg' })._unsafeUnwrapErr()).toMatchObject({ contract: 'EvidenceStore', found: undefined });
    expect(asEvidenceStore(null).isErr()).toBe(true);
  });
});
