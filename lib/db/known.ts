/** Words the user knows. The reader leaves their pinyin off when "No pinyin over words I know" is on. */
import { guardQuota } from './errors';
import type { DubaoDb } from './schema';
import type { KnownRow } from './types';

const HAN = /\p{Script=Han}/u;
export const MAX_KNOWN_WORD = 20;

/** A word worth keeping: some Han characters, no spaces, not absurdly long. */
export function isKnowableWord(word: string): boolean {
  const w = word.trim();
  return w.length > 0 && !/\s/.test(w) && Array.from(w).length <= MAX_KNOWN_WORD && HAN.test(w);
}

export interface KnownInput {
  simplified: string;
  traditional?: string;
}

/** Marks words known (adding or refreshing them); returns how many were new. Words that are not Chinese are ignored. */
export async function markKnown(
  db: DubaoDb,
  words: readonly KnownInput[],
  now = Date.now(),
): Promise<number> {
  const rows = new Map<string, KnownRow>();
  for (const w of words) {
    const word = w.simplified.trim();
    if (!isKnowableWord(word)) continue;
    const trad = w.traditional?.trim();
    rows.set(word, { word, traditional: trad && isKnowableWord(trad) ? trad : word, added: now });
  }
  if (rows.size === 0) return 0;
  return guardQuota('mark the words known', () =>
    db.transaction('rw', db.known, async () => {
      const had = await db.known.bulkGet([...rows.keys()]);
      // A word already known keeps the date it was first marked.
      const put = [...rows.values()].map((r, i) => (had[i] ? { ...r, added: had[i].added } : r));
      await db.known.bulkPut(put);
      return had.filter((h) => !h).length;
    }),
  );
}

/** Forgets the words, given in either script. Returns how many rows went. */
export async function unmarkKnown(db: DubaoDb, words: readonly string[]): Promise<number> {
  return db.transaction('rw', db.known, async () => {
    const keys = new Set<string>();
    for (const w of words) {
      const t = w.trim();
      if (!t) continue;
      if (await db.known.get(t)) keys.add(t);
      for (const k of await db.known.where('traditional').equals(t).primaryKeys()) keys.add(k);
    }
    await db.known.bulkDelete([...keys]);
    return keys.size;
  });
}

/** Every known word, most recently marked first. */
export async function listKnown(db: DubaoDb): Promise<KnownRow[]> {
  return (await db.known.orderBy('added').reverse().toArray()).map((r) => ({ ...r }));
}

/** Both script forms of every known word, for the engine. */
export async function knownForms(db: DubaoDb): Promise<Set<string>> {
  const out = new Set<string>();
  await db.known.each((r) => {
    out.add(r.word);
    out.add(r.traditional);
  });
  return out;
}

/** Whether the word (either script) is known. */
export async function isKnown(db: DubaoDb, word: string): Promise<boolean> {
  const t = word.trim();
  if (!t) return false;
  if (await db.known.get(t)) return true;
  return (await db.known.where('traditional').equals(t).count()) > 0;
}
