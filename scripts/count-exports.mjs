// `node scripts/count-exports.mjs [repo root]`: how many names each package exports, per entry
// point (the subpaths of its package.json `exports`), split into runtime values and type-only
// names. Reads the sources the entries point at through the TypeScript compiler; no build needed.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const ts = createRequire(path.join(import.meta.dirname, '..', 'package.json'))('typescript');

/** The source file of each subpath: the "sipansos-source" condition, else src/<dist name>.ts. */
function entries(pkgDir, manifest) {
  const out = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (subpath === './package.json') continue;
    const source = typeof target === 'object' ? target['sipansos-source'] : undefined;
    const file = source ?? (typeof target === 'object' ? JSON.stringify(target).match(/\.\/dist\/([^"]+)\.js"/)?.[1] : undefined);
    const src = source ? path.join(pkgDir, source) : file ? path.join(pkgDir, 'src', `${file}.ts`) : undefined;
    if (src && existsSync(src)) out.push([subpath, src]);
  }
  return out;
}

const rows = [];
for (const dir of readdirSync(path.join(root, 'packages')).sort()) {
  const pkgDir = path.join(root, 'packages', dir);
  const manifestFile = path.join(pkgDir, 'package.json');
  if (!existsSync(manifestFile)) continue;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const list = entries(pkgDir, manifest);
  const program = ts.createProgram(list.map(([, file]) => file), {
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true, customConditions: ['sipansos-source'],
  });
  const checker = program.getTypeChecker();
  const all = new Set();
  for (const [subpath, file] of list) {
    const symbol = checker.getSymbolAtLocation(program.getSourceFile(file));
    const names = symbol ? checker.getExportsOfModule(symbol) : [];
    let runtime = 0;
    for (const name of names) {
      const target = name.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(name) : name;
      const typeOnly = name.declarations?.some((d) => ts.isTypeOnlyImportOrExportDeclaration?.(d) || (d.parent && ts.isExportSpecifier(d) && d.isTypeOnly));
      if (!typeOnly && target.flags & ts.SymbolFlags.Value) runtime++;
      all.add(`${name.name}`);
    }
    rows.push({ package: manifest.name, subpath, runtime, types: names.length - runtime, total: names.length });
  }
  rows.push({ package: manifest.name, subpath: '(distinct names)', runtime: '', types: '', total: all.size });
}
const pad = (v, n) => String(v).padEnd(n);
process.stdout.write(`${pad('package', 30)}${pad('subpath', 20)}${pad('runtime', 9)}${pad('types', 7)}total\n`);
for (const r of rows) process.stdout.write(`${pad(r.package, 30)}${pad(r.subpath, 20)}${pad(r.runtime, 9)}${pad(r.types, 7)}${r.total}\n`);
