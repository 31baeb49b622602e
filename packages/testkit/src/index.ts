/**
 * @packageDocumentation
 */
export const PACKAGE_NAME = "@sipansos/testkit";
export * from './adapter-conformance/index.js';
export * from './store-conformance/index.js';
export * from './world/index.js';
export * from './tsa/index.js';
export * from './patrol-site/index.js';
