import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** One import that crosses folders: who imports what, and how it was written. */
interface CrossImport {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

/** The folder a source file belongs to: its first path segment under `src/` (a root file is its own node, named without extension, as imported or as read). */
function folderOf(path: string): string {
  const [first = path, ...rest] = path.split(sep);
  return rest.length === 0 ? first.replace(/\.[jt]s$/, '') : first;
}

/** Every relative import of core's sources (tests and fixtures left out), `import type` and `export … from` included. */
function crossFolderImports(): CrossImport[] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.split(sep).includes('__fixtures__'),
  );
  const out: CrossImport[] = [];
  for (const file of files) {
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = relative(SRC, resolve(SRC, dirname(file), specifier));
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) out.push({ from, to, file, specifier });
    }
  }
  return out;
}

/**
 * The cycles of a directed graph, one per strongly connected component of two or more nodes
 * (Tarjan), each written as a closed walk `a → b → … → a` found inside that component.
 */
function folderCycles(edges: ReadonlyArray<{ from: string; to: string }>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    next.get(from)?.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component);
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => closedWalk(component, next));
}

/** A shortest way from the component's first node (by name) back to itself, staying inside it. */
function closedWalk(component: string[], next: Map<string, Set<string>>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0] ?? '';
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() ?? '';
    for (const target of [...(next.get(node) ?? [])].sort()) {
      if (!members.has(target)) continue;
      if (target === start) {
        const walk = [node];
        while (walk[0] !== start) walk.unshift(previous.get(walk[0] ?? '') ?? start);
        return [...walk, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

describe('folder imports inside core', () => {
  it('finds the loop in a graph that has one and names its folders in order', () => {
    const edges = [
      { from: 'monitor', to: 'deletion' },
      { from: 'deletion', to: 'diff' },
      { from: 'diff', to: 'deletion' },
      { from: 'cases', to: 'referral' },
      { from: 'referral', to: 'findings' },
    ];
    expect(folderCycles(edges)).toEqual([['deletion', 'diff', 'deletion']]);
    expect(folderCycles(edges.filter((edge) => edge.from !== 'diff'))).toEqual([]);
  });

  it('reports a loop through three folders as one walk', () => {
    const cycles = folderCycles([
      { from: 'spec', to: 'records' },
      { from: 'records', to: 'cases' },
      { from: 'cases', to: 'spec' },
    ]);
    expect(cycles).toEqual([['cases', 'spec', 'records', 'cases']]);
  });

  it('has no cycle between the folders of packages/core/src (type-only imports count)', () => {
    const imports = crossFolderImports();
    // The scan must see the sources, or an empty graph would pass for a clean one.
    expect(imports.some((edge) => edge.from === 'monitor' && edge.to === 'deletion')).toBe(true);
    expect(imports.some((edge) => edge.from === 'cases' && edge.to === 'findings')).toBe(true);
    const explained = folderCycles(imports).map((cycle) => {
      const steps = cycle.slice(1).map((to, position) => {
        const from = cycle[position];
        const example = imports.find((edge) => edge.from === from && edge.to === to);
        return `  ${from} → ${to}  (${example?.file} imports '${example?.specifier}')`;
      });
      return `${cycle.join(' → ')}\n${steps.join('\n')}`;
    });
    expect(explained, 'import loop between folders: move the shared piece down or the caller up').toEqual([]);
  });
});
