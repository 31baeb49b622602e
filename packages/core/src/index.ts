/**
 * @sipansos/core — the domain model, the versioned adapter and store contracts, and the
 * machinery (diffing, deletion detection, rules, cases, reports, the monitor) that composes them.
 *
 * @packageDocumentation
 */
export * from './account/index.js';
export * from './adapter/index.js';
export * from './bundle/index.js';
export * from './case-store/index.js';
export * from './capture/index.js';
export * from './cases/index.js';
export * from './deletion/index.js';
export * from './diff/index.js';
export * from './election/index.js';
export * from './evidence/index.js';
export * from './findings/index.js';
export * from './hashing/index.js';
export * from './monitor/index.js';
export * from './records/index.js';
export * from './rules/index.js';
export * from './saved-page/index.js';
export * from './referral/index.js';
export * from './report/index.js';
export * from './spec/index.js';
export * from './store-kit/index.js';
export * from './store-memory/index.js';
export * from './subject/index.js';
export * from './text/index.js';
export * from './validation/index.js';
export { registerJsonSchema, renderJsonSchemas } from './json-schemas.js';
