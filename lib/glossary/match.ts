import { formsOf } from './forms';
import type { GlossaryEntry } from './types';

export interface TermMatch {
  start: number;
  end: number;
  entry: GlossaryEntry;
}

export interface TermMatcher {
  find(text: string): TermMatch[];
}

interface TrieNode {
  next: Map<number, TrieNode>;
  entry?: GlossaryEntry;
}

function newNode(): TrieNode {
  return { next: new Map() };
}

/**
 * Surface forms of one entry, most authoritative first. When two entries share a form (one's alias is another's
 * headword), the headword wins because all headwords are inserted before any alias.
 */
function insert(root: TrieNode, form: string, entry: GlossaryEntry): void {
  if (form.length === 0) return;
  let node = root;
  for (let i = 0; i < form.length; i++) {
    const code = form.charCodeAt(i);
    let child = node.next.get(code);
    if (!child) {
      child = newNode();
      node.next.set(code, child);
    }
    node = child;
  }
  node.entry ??= entry;
}

/**
 * Leftmost-longest, non-overlapping matching over a trie of every simplified, traditional and alias form.
 * Terms are short (a handful of characters), so walking the trie from each start is linear in practice and
 * simpler than Aho–Corasick, which would need extra bookkeeping to give leftmost-longest results.
 */
export function createTermMatcher(entries: readonly GlossaryEntry[]): TermMatcher {
  const root = newNode();
  for (const e of entries) insert(root, e.simplified, e);
  for (const e of entries) insert(root, e.traditional, e);
  for (const e of entries)
    for (const alias of formsOf(e).slice(1)) {
      insert(root, alias.simplified, e);
      insert(root, alias.traditional, e);
    }

  return {
    find(text: string): TermMatch[] {
      const out: TermMatch[] = [];
      const n = text.length;
      let i = 0;
      while (i < n) {
        let node = root.next.get(text.charCodeAt(i));
        let bestEnd = -1;
        let best: GlossaryEntry | undefined;
        let j = i + 1;
        while (node) {
          if (node.entry) {
            bestEnd = j;
            best = node.entry;
          }
          if (j >= n) break;
          node = node.next.get(text.charCodeAt(j));
          j++;
        }
        if (best) {
          out.push({ start: i, end: bestEnd, entry: best });
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
