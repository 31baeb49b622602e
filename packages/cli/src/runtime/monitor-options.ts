import type { MonitorOptions } from '@sipansos/core';
import type { LoadedConfig } from '../config/load-config.js';
import { parseDuration } from './duration.js';

/** The monitor's options from the config's `monitor` block, for `run` and `serve --every`. */
export function monitorOptionsOf(config: LoadedConfig, deadlineMs: number): MonitorOptions {
  const monitorConfig = config.config.monitor;
  return {
    deadlineMs,
    concurrencyPerPlatform: monitorConfig.concurrencyPerPlatform,
    fetchMedia: monitorConfig.fetchMedia,
    actor: config.config.actor,
    ...(monitorConfig.maxPages !== undefined ? { maxPages: monitorConfig.maxPages } : {}),
    ...(monitorConfig.scopes ? { scopes: monitorConfig.scopes as MonitorOptions['scopes'] } : {}),
    ...(monitorConfig.scopeEvery ? { scopeIntervalsMs: Object.fromEntries(Object.entries(monitorConfig.scopeEvery).map(([scope, every]) => [scope, parseDuration(every)!])) } : {}),
    ...(monitorConfig.scopeBudgets ? { scopeBudgets: monitorConfig.scopeBudgets as MonitorOptions['scopeBudgets'] } : {}),
  };
}
