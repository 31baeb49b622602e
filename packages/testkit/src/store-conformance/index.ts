export { STORE_CONFORMANCE_CASES, storeConformanceSuite, type StoreConformanceCase, type StoreConformanceSuiteOptions } from './store-conformance-suite.js';
export { fixtureAccountState, fixtureAudit, fixtureCapture, fixtureCase, fixtureChange, fixtureFinding, fixtureTime, type FixtureCaptureOptions } from './store-fixtures.js';
