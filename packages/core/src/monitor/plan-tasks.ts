import { accountKey } from '../account/account-schema.js';
import type { CaptureScope } from '../capture/capture-schema.js';
import type { PlatformAdapterV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import type { Subject } from '../subject/subject-schema.js';
import { handleKey } from './account-resolutions.js';
import type { AccountTask } from './account-pipeline.js';
import type { CycleDeferral } from './cycle-report.js';
import { DEFAULT_SCOPE_ORDER, type MonitorOptions } from './monitor-settings.js';

/** An account left out of a cycle, and why (no adapter for its platform, no scope to read). */
export interface SkippedAccount {
  subjectId: string;
  platform: string;
  handle: string;
  reason: string;
}

/**
 * Every account of every subject as a task, work deferred last cycle first. An account listed
 * twice is captured once.
 */
export function planTasks(input: {
  subjects: readonly Subject[];
  adapters: ReadonlyMap<string, PlatformAdapterV1>;
  scopes: MonitorOptions['scopes'];
  resolutions: ReadonlyMap<string, string>;
  previouslyDeferred: readonly CycleDeferral[];
}): { tasks: AccountTask[]; skipped: SkippedAccount[] } {
  const tasks: AccountTask[] = [];
  const skipped: SkippedAccount[] = [];
  const seen = new Set<string>();
  for (const subject of input.subjects) {
    for (const account of subject.accounts) {
      const adapter = input.adapters.get(account.platform);
      if (!adapter) {
        skipped.push({ subjectId: subject.id, platform: account.platform, handle: account.handle, reason: `no adapter for platform "${account.platform}"` });
        continue;
      }
      const wanted = input.scopes?.[account.platform] ?? DEFAULT_SCOPE_ORDER;
      const scopes = wanted.filter((scope): scope is CaptureScope => adapter.capabilities.scopes.includes(scope));
      if (scopes.length === 0) {
        skipped.push({ subjectId: subject.id, platform: account.platform, handle: account.handle, reason: `adapter ${adapter.adapterId} supports none of the scopes asked for (${wanted.join(', ')})` });
        continue;
      }
      const key = keyOf(account, input.resolutions);
      if (seen.has(key)) continue;
      seen.add(key);
      tasks.push({ subject, account, adapter, scopes });
    }
  }
  const deferred = new Set(input.previouslyDeferred.map((entry) => entry.accountKey));
  const first = tasks.filter((task) => deferred.has(keyOf(task.account, input.resolutions)) || deferred.has(handleKey(task.account)));
  const rest = tasks.filter((task) => !first.includes(task));
  return { tasks: [...first, ...rest], skipped };
}

function keyOf(account: AccountTask['account'], resolutions: ReadonlyMap<string, string>): string {
  if (account.id) return accountKey(account);
  const id = resolutions.get(handleKey(account));
  return id ? accountKey({ ...account, id }) : handleKey(account);
}
