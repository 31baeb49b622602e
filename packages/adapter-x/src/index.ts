/**
 * @sipansos/adapter-x — X (Twitter) API v2 adapter for SIPANSOS.
 *
 * @packageDocumentation
 */
export { createXAdapter, X_ADAPTER_ID, X_ADAPTER_VERSION } from './x-adapter.js';
export type { XAdapterSettings } from './x-adapter-settings.js';
