import { err, type Result } from 'neverthrow';
import type { ElectionContext } from '../election/election-context-schema.js';
import type { MonitorEngine } from './monitor-engine.js';

/**
 * Core's deletion state machine and rule engine behind the monitor's seam.
 */
export function createDefaultEngine(rules: unknown, context: ElectionContext, deletion: Record<string, unknown> | undefined): Result<MonitorEngine, { path: string; message: string }> {
  void rules;
  void context;
  void deletion;
  return err({ path: 'engine', message: 'the deletion and rules engines are not wired yet' });
}
