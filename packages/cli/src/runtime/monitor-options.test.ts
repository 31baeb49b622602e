import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { monitorOptionsOf } from './monitor-options.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function optionsFor(monitor: Record<string, unknown>) {
  dir = mkdtempSync(path.join(tmpdir(), 'sipansos-monitor-options-'));
  writeFileSync(path.join(dir, 'sipansos.config.json'), JSON.stringify({ signingKey: null, monitor }));
  const loaded = await loadConfig('sipansos.config.json', dir);
  if (loaded.isErr()) return loaded.error;
  return monitorOptionsOf(loaded.value, 60_000);
}

describe('monitor options from the config', () => {
  it('turns each scope cadence into milliseconds and passes the per-platform budgets on', async () => {
    const options = await optionsFor({ scopeEvery: { follows: '24h', profile: '1h' }, scopeBudgets: { x: { follows: 15, likes: 75 } } });
    expect(options).toMatchObject({ deadlineMs: 60_000, scopeIntervalsMs: { follows: 86_400_000, profile: 3_600_000 }, scopeBudgets: { x: { follows: 15, likes: 75 } } });
  });

  it('reads every scope every cycle when no cadence is set', async () => {
    const options = await optionsFor({});
    expect(options).not.toHaveProperty('scopeIntervalsMs');
    expect(options).not.toHaveProperty('scopeBudgets');
  });

  it('refuses a cadence that is not a duration, naming the field', async () => {
    const problem = await optionsFor({ scopeEvery: { follows: 'daily' } });
    expect(problem).toMatchObject({ type: 'invalid_input' });
    expect(JSON.stringify(problem)).toContain('scopeEvery');
  });
});
