export { createTestTsaCa, type CreateTestTsaCaOptions, OPENSSL_MISSING, type TestTsaCa } from './test-tsa-ca.js';
export { type LocalTsa, startLocalTsa } from './local-tsa.js';
