/**
 * No import cycle anywhere in src: a module that needs another's type or
 * value takes it from a module below both, so each can be read, tested and
 * bundled on its own. Type-only imports count too: they tie two modules
 * together for the reader all the same.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SRC, sourceFiles, withoutComments } from './source-support';

/** The relative specifier of `import … from`, `import '…'`, `export … from`, `import('…')` or `require('…')`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"`])(\.{1,2}\/[^'"`]*)\1/g;

function relativeImports(text: string): string[] {
  return [...withoutComments(text).matchAll(RELATIVE_IMPORT)].map((match) => match[2]);
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`, path.join(base, 'index.ts')].find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
}

/** One path per edge that closes a cycle, from the module it returns to and back to it. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const visiting = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    visiting.add(node);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (visiting.has(next)) cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!done.has(next)) visit(next);
    }
    stack.pop();
    visiting.delete(node);
    done.add(node);
  };
  for (const node of graph.keys()) if (!done.has(node)) visit(node);
  return cycles;
}

function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = relativeImports(readFileSync(file, 'utf8')).map((specifier) => resolveImport(file, specifier));
    graph.set(file, [...new Set(targets.filter((target): target is string => target !== undefined))]);
  }
  return graph;
}

describe('src has no import cycle', () => {
  it('the pattern finds every form of a relative import', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      'import {\n  c,\n  type C,\n} from "./c";',
      "import './d';",
      "export { e } from './e';",
      "export * from '../../f';",
      "const g = await import('./g');",
      "const h = require('./h');",
      "import { z } from 'zod';",
      "// import { x } from './commented';",
      "/* export * from './commented-too'; */",
    ].join('\n');
    assert.deepEqual(relativeImports(text), ['./a', '../b', './c', './d', './e', '../../f', './g', './h']);
  });

  it('the search finds cycles of any length, and none where there are none', () => {
    const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
    assert.deepEqual(findCycles(graph({ a: ['b'], b: ['a'] })), [['a', 'b', 'a']]);
    assert.deepEqual(findCycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] })), [['a', 'b', 'c', 'a']]);
    assert.deepEqual(findCycles(graph({ a: ['a'] })), [['a', 'a']]);
    assert.deepEqual(findCycles(graph({ a: ['b', 'c'], b: ['c'], c: [] })), []);
  });

  it('no module under src imports itself through others', () => {
    const graph = importGraph(sourceFiles(SRC).filter((file) => file.endsWith('.ts')));
    const edges = [...graph.values()].reduce((sum, targets) => sum + targets.length, 0);
    assert.ok(graph.size >= 100 && edges >= graph.size, `read only ${graph.size} files and ${edges} imports under ${SRC}`);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => path.relative(SRC, file)).join(' → '));
    assert.deepEqual(cycles, [], `import cycles; move what both sides need into a module of its own:\n${cycles.join('\n')}`);
  });
});
