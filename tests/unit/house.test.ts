import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering of docs/DESIGN.md that ESLint cannot see file by file: lib/ modules never import each other in a
// circle (a cycle makes load order decide what a module sees, and ties layers that should stand alone).

const ROOT = resolve(__dirname, '../..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** The lib/ files a file imports (type-only imports included: they tie the modules as much). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const base = resolve(ROOT, dirname(file), m[1]);
    const hit = ['', '.ts', '.tsx', '/index.ts']
      .map((s) => base + s)
      .find((p) => existsSync(p) && /\.tsx?$/.test(p));
    if (hit) out.push(relative(ROOT, hit));
  }
  return out;
}

/** `lib/db/dict.ts` → `lib/db`, `lib/messages.ts` → `lib/messages.ts`. */
const partOf = (file: string) => file.split('/').slice(0, 2).join('/');

function cycles(files: string[], node: (file: string) => string): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const f of files) {
    const edges = graph.get(node(f)) ?? new Set<string>();
    for (const t of importsOf(f)) if (t.startsWith('lib/') && node(t) !== node(f)) edges.add(node(t));
    if (node(f) === f) for (const t of importsOf(f)) if (t.startsWith('lib/')) edges.add(node(t));
    graph.set(node(f), edges);
  }
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 'open') found.push([...stack.slice(stack.indexOf(t)), t]);
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('the house', () => {
  it('has no import cycle in lib/, file by file', () => {
    expect(cycles(sourcesUnder('lib'), (f) => f).map((c) => c.join(' → '))).toEqual([]);
  });

  it('has no import cycle between the parts of lib/ (lib/db, lib/text, lib/messages.ts …)', () => {
    expect(cycles(sourcesUnder('lib'), partOf).map((c) => c.join(' → '))).toEqual([]);
  });
});
