import { err, ok, type Result } from 'neverthrow';
import type { AccountState } from '../deletion/account-state.js';
import { deletionVerdicts } from '../deletion/deletion-verdicts.js';
import { observeEarlierVersions, versionLookupIdsOf } from '../deletion/earlier-versions.js';
import { observeCapture } from '../deletion/observe-capture.js';
import { observeCaptureFailure } from '../deletion/observe-capture-failure.js';
import { observeLookups } from '../deletion/observe-lookups.js';
import { createAccountState } from '../deletion/account-state.js';
import { resolveDeletionOptions, type DeletionOptions } from '../deletion/deletion-options.js';
import type { ElectionContext } from '../election/election-context-schema.js';
import type { CompiledRules } from '../rules/compile-rules.js';
import { evaluateItem } from '../rules/evaluate-item.js';
import type { MonitorAccountState, MonitorEngine } from './monitor-engine.js';

function isCompiledRules(value: unknown): value is CompiledRules {
  return typeof value === 'object' && value !== null && Array.isArray((value as CompiledRules).rules) && (value as CompiledRules).rulesByTarget instanceof Map;
}

/**
 * Core's deletion state machine and rule engine behind the monitor's seam.
 */
export function createDefaultEngine(rules: unknown, context: ElectionContext, deletion: DeletionOptions | undefined): Result<MonitorEngine, { path: string; message: string }> {
  if (!isCompiledRules(rules)) return err({ path: 'rules', message: 'pass compiled rules: compileRules(BUILTIN_RULE_SETS, context) (a list of rule sets is not compiled yet)' });
  if (rules.context.id !== context.id) {
    return err({ path: 'rules', message: `the rules were compiled for election "${rules.context.id}", the monitor watches "${context.id}"; compile them with the same context` });
  }
  try {
    resolveDeletionOptions(deletion);
  } catch (error) {
    return err({ path: 'options.deletion', message: (error as Error).message });
  }
  const asState = (state: MonitorAccountState): AccountState => state;
  return ok({
    createAccountState: (input) => createAccountState(input),
    observeCapture: (state, capture, options, capabilities) => observeCapture(asState(state), capture, options, capabilities),
    observeLookups: (state, input, options) => {
      const result = observeLookups(asState(state), input, options);
      return { state: result.state, changes: result.changes };
    },
    observeCaptureFailure: (state, input) => observeCaptureFailure(asState(state), input),
    deletionVerdicts: (state) => deletionVerdicts(asState(state)),
    versionLookupIds: (state) => versionLookupIdsOf(asState(state)),
    observeEarlierVersions: (state, input) => {
      const result = observeEarlierVersions(asState(state), input);
      return { state: result.state, changes: result.changes };
    },
    evaluateItem: (input) => evaluateItem(rules, input),
  });
}
