import { defineConfig } from 'vitest/config';

// Tests read every package's sources through the "sipansos-source" export condition, so no build
// is needed before `vitest run`.
const conditions = ['sipansos-source', 'node', 'import', 'module', 'default'];
// Vitest passes the SSR conditions to the test processes as `node --conditions`, which also
// apply to require(): with "import" there, a CommonJS package requiring a dual package (pg
// requiring pg-pool) gets its ES module. Node adds "import" or "require" by itself.
const processConditions = ['sipansos-source', 'node'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: processConditions, externalConditions: ['node'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/test/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
