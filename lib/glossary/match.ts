import { foldTable } from './fold';
import { formsOf, type TermForm } from './forms';
import type { GlossaryEntry } from './types';

export interface TermMatch {
  start: number;
  end: number;
  entry: GlossaryEntry;
  /** The form of the entry found (its headword or one of its aliases), which reads and glosses as itself. */
  form: TermForm;
}

export interface TermMatcher {
  find(text: string): TermMatch[];
}

interface TrieNode {
  next: Map<number, TrieNode>;
  hit?: { entry: GlossaryEntry; form: TermForm };
}

function newNode(): TrieNode {
  return { next: new Map() };
}

/** Inserts `written`, folded, unless an earlier (more authoritative) form already holds the same key. */
function insert(
  root: TrieNode,
  fold: Uint16Array,
  written: string,
  entry: GlossaryEntry,
  form: TermForm,
): void {
  if (written.length === 0) return;
  let node = root;
  for (let i = 0; i < written.length; i++) {
    const c = written.charCodeAt(i);
    const code = fold[c] || c;
    let child = node.next.get(code);
    if (!child) {
      child = newNode();
      node.next.set(code, child);
    }
    node = child;
  }
  node.hit ??= { entry, form };
}

/**
 * Leftmost-longest, non-overlapping matching over a trie of every form of every entry, headwords and aliases,
 * in both scripts. Keys and text are folded one code unit for one (regional variants such as 台/臺, 裏/裡,
 * lib/glossary/fold.ts), so Taiwan and Hong Kong print matches as printed and offsets are the text's own.
 * When two entries share a form, headwords win over aliases (all headwords are inserted first), then the first
 * entry. Terms are short, so walking the trie from each start is linear in practice and simpler than
 * Aho–Corasick, which would need extra bookkeeping to give leftmost-longest results.
 */
export function createTermMatcher(entries: readonly GlossaryEntry[]): TermMatcher {
  const fold = foldTable();
  const root = newNode();
  const forms = entries.map((e) => formsOf(e));
  entries.forEach((e, i) => insert(root, fold, e.simplified, e, forms[i]![0]!));
  entries.forEach((e, i) => insert(root, fold, e.traditional, e, forms[i]![0]!));
  entries.forEach((e, i) => {
    for (const alias of forms[i]!.slice(1)) {
      insert(root, fold, alias.simplified, e, alias);
      insert(root, fold, alias.traditional, e, alias);
    }
  });

  return {
    find(text: string): TermMatch[] {
      const out: TermMatch[] = [];
      const n = text.length;
      let i = 0;
      while (i < n) {
        const c0 = text.charCodeAt(i);
        let node = root.next.get(fold[c0] || c0);
        let bestEnd = -1;
        let best: TrieNode['hit'];
        let j = i + 1;
        while (node) {
          if (node.hit) {
            bestEnd = j;
            best = node.hit;
          }
          if (j >= n) break;
          const c = text.charCodeAt(j);
          node = node.next.get(fold[c] || c);
          j++;
        }
        if (best) {
          out.push({ start: i, end: bestEnd, entry: best.entry, form: best.form });
          i = bestEnd;
        } else {
          i++;
        }
      }
      return out;
    },
  };
}

export function findTerms(text: string, entries: readonly GlossaryEntry[]): TermMatch[] {
  return createTermMatcher(entries).find(text);
}
