import { defineConfig } from 'tsup';

// One entry per subpath export in package.json (dist/<name>.js, .cjs, .d.ts, .d.cts).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    spec: 'src/spec/index.ts',
    'adapter-kit': 'src/entries/adapter-kit.ts',
    rules: 'src/entries/rules.ts',
    cases: 'src/entries/cases.ts',
    report: 'src/entries/report.ts',
    evidence: 'src/entries/evidence.ts',
  },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { customConditions: [] } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
});
