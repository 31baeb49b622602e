import { describe, expect, it } from 'vitest';
import { CliConfigSchema } from '../config/config-schema.js';
import { buildAdapters } from './build-adapters.js';

const config = CliConfigSchema.parse({});

describe('buildAdapters', () => {
  it('builds each platform whose token is set and notes the others', () => {
    const built = buildAdapters(config, { SIPANSOS_X_BEARER_TOKEN: 'AAAAinventedXToken0000' });
    expect(built.adapters.map((adapter) => adapter.platform)).toEqual(['x']);
    expect(built.notes.map((note) => note.en)).toEqual(expect.arrayContaining([expect.stringContaining('SIPANSOS_META_ACCESS_TOKEN is not set')]));
    expect(built.problems).toEqual([]);
  });

  it('reports an unusable setting as a problem naming the variable, never the token', () => {
    const token = 'EAAinventedMetaToken0000';
    const built = buildAdapters(config, { SIPANSOS_META_ACCESS_TOKEN: token, SIPANSOS_FACEBOOK_API_VERSION: 'latest', SIPANSOS_INSTAGRAM_USER_ID: 'not-a-number' });
    expect(built.adapters).toEqual([]);
    const problems = built.problems.map((problem) => problem.en).join('\n');
    expect(problems).toContain('settings.apiVersion (or SIPANSOS_FACEBOOK_API_VERSION) must look like "v25.0"');
    expect(problems).toContain('settings.igUserId (or SIPANSOS_INSTAGRAM_USER_ID)');
    expect(problems).not.toContain(token);
  });
});
