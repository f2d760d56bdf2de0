/**
 * Answers hover lookups from memory where it can: dictionary records read once per first character and kept, the
 * engine's glossary terms indexed by every form, known words from the engine. Pages prefetch the lookups of what
 * is on screen, so this runs thousands of times per page; without the caches each would cost two IndexedDB reads.
 */
import { linesStartingWith, lookup, prefixesOf, type BucketSource, type DictBucket, type Term } from '../db';
import { foldVariants } from '../glossary/fold';
import { surfacesOf } from '../glossary/forms';
import type { ResponseOf } from '../messages';
import { db } from './db';
import { currentTerms, knownWords, readingsOf } from './engine';

/**
 * Per first character, the dictionary lines whose headword (in either script) starts with it, as one record. A
 * packed record holds the lines of many first characters (~13 KB); a lookup then reads a few dozen lines instead
 * of splitting and scanning the whole record. Every line is kept under at most its two first characters
 * (Simplified and Traditional), so the cache can grow to about twice the dictionary's ~9 MB only if pages touch
 * every character; a page touches a few thousand.
 */
let byChar = new Map<string, Promise<DictBucket[]>>();

/** Forgets the cached dictionary lines (after an import changed them). */
export function clearLookupCache(): void {
  byChar = new Map();
}

const cachedBuckets: BucketSource = (d, first) => {
  let p = byChar.get(first);
  if (!p) {
    p = d.dict
      .where('heads')
      .equals(first)
      .toArray()
      .then((records) => [linesStartingWith(first, records)]);
    p.catch(() => byChar.delete(first));
    byChar.set(first, p);
  }
  return p;
};

let indexed: { from: Term[]; byForm: Map<string, Term[]> } | null = null;

/**
 * The engine's current terms by every form (Simplified, Traditional, aliases), folded as the matcher folds them
 * (台/臺, 裏/裡 …), rebuilt when they change.
 */
async function termIndex(): Promise<Map<string, Term[]>> {
  const terms = await currentTerms();
  if (indexed?.from !== terms) {
    const byForm = new Map<string, Term[]>();
    for (const t of terms) {
      for (const form of new Set(surfacesOf(t).map(foldVariants))) {
        if (!form) continue;
        const list = byForm.get(form);
        if (list) list.push(t);
        else byForm.set(form, [t]);
      }
    }
    indexed = { from: terms, byForm };
  }
  return indexed.byForm;
}

/** The hover card's data for the text at the pointer: entries, terms (longest first), readings, known prefixes. */
export async function answerLookup(text: string, withReadings = true): Promise<ResponseOf<'lookup'>> {
  const d = await db();
  const prefixes = prefixesOf(text);
  const [entries, index, knownSet] = await Promise.all([
    lookup(d, text, 8, cachedBuckets),
    termIndex(),
    knownWords(),
  ]);
  const seen = new Set<string>();
  const terms: Term[] = [];
  // Terms run longer than dictionary words (国务院台湾事务办公室): every prefix the reader sent, as the matcher folds it.
  for (const p of prefixesOf(text, 16)) {
    for (const t of index.get(foldVariants(p)) ?? []) {
      if (seen.has(t.key)) continue;
      seen.add(t.key);
      terms.push(t);
    }
  }
  terms.sort((a, b) => b.simplified.length - a.simplified.length);
  const known = prefixes.filter((p) => knownSet.has(p));
  return { entries, terms, readings: withReadings ? readingsOf(text) : undefined, known };
}
