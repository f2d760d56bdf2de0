/**
 * Answers hover lookups from memory where it can: dictionary records read once per first character and kept,
 * glossary terms indexed by every form, known words from the engine. Pages prefetch the lookups of what is on
 * screen, so this runs thousands of times per page; without the caches each would cost two IndexedDB reads.
 */
import { activeTerms, lookup, prefixesOf, type BucketSource, type DictBucket, type Term } from '../../lib/db';
import type { ResponseOf } from '../../lib/messages';
import { db } from './db';
import { knownWords, readingsOf } from './engine';

const MAX_CACHED_CHARS = 4000;
let buckets = new Map<string, Promise<DictBucket[]>>();

/** Forgets the cached dictionary records (after an import changed them). */
export function clearLookupCache(): void {
  buckets = new Map();
  termsAt = 0;
}

const cachedBuckets: BucketSource = (d, first) => {
  let p = buckets.get(first);
  if (!p) {
    if (buckets.size >= MAX_CACHED_CHARS) buckets = new Map();
    p = d.dict.where('heads').equals(first).toArray();
    p.catch(() => buckets.delete(first));
    buckets.set(first, p);
  }
  return p;
};

/** Terms are re-read at most this often, as the engine does, so edits in the options page reach pages soon. */
const TERMS_TTL_MS = 3_000;
let termsAt = 0;
let termsByForm: Promise<Map<string, Term[]>> | null = null;

function termIndex(): Promise<Map<string, Term[]>> {
  if (!termsByForm || Date.now() - termsAt > TERMS_TTL_MS) {
    termsAt = Date.now();
    termsByForm = db()
      .then(activeTerms)
      .then((terms) => {
        const map = new Map<string, Term[]>();
        for (const t of terms) {
          for (const form of new Set([t.simplified, t.traditional, ...(t.aliases ?? [])])) {
            if (!form) continue;
            const list = map.get(form);
            if (list) list.push(t);
            else map.set(form, [t]);
          }
        }
        return map;
      });
  }
  return termsByForm;
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
  for (const p of prefixes) {
    for (const t of index.get(p) ?? []) {
      if (seen.has(t.key)) continue;
      seen.add(t.key);
      terms.push(t);
    }
  }
  terms.sort((a, b) => b.simplified.length - a.simplified.length);
  const known = prefixes.filter((p) => knownSet.has(p));
  return { entries, terms, readings: withReadings ? readingsOf(text) : undefined, known };
}
