export { createMonitor, type Monitor, type RunCycleOptions } from './create-monitor.js';
export { DEFAULT_SCOPE_ORDER, MONITOR_DEFAULTS, type MonitorOptions, type MonitorSettings } from './monitor-settings.js';
export type { MonitorError } from './monitor-error.js';
export type { MonitorProgressEvent, MonitorProgressListener } from './monitor-events.js';
export type { CycleDeferral, CycleDeletion, CycleFailure, CycleReport } from './cycle-report.js';
export type { MonitorAccountState, MonitorDeletionVerdict, MonitorEngine } from './monitor-engine.js';
export { captureIdFor } from './evidence-ids.js';
export { cycleIdOf, CYCLE_AUDIT_KIND } from './cycle-journal.js';
export { progressOf, type MonitorProgress } from './account-pipeline.js';
