// Words read from a CSV or Pleco file (lib/vocab/formats.ts parses them) written into the database.
import { guardQuota } from '../db/errors';
import type { DubaoDb } from '../db/schema';
import type { EntryRow } from '../db/types';
import type { ImportRow } from './formats';
import { entryKey, ListsByName } from './lists-by-name';

/**
 * Adds rows read from a CSV or Pleco file in one transaction, creating lists by name. A row identical to a
 * saved word (same list, word and context sentence) is skipped, so importing a file twice adds nothing.
 * Returns the number of words added.
 */
export async function importRows(db: DubaoDb, rows: ImportRow[], now: number = Date.now()): Promise<number> {
  return guardQuota('import the words', () =>
    db.transaction('rw', db.lists, db.entries, async () => {
      const lists = new ListsByName(db);
      const existing = new Set(
        (await db.entries.toArray()).map((e) => entryKey(e.listId, e.word, e.context?.sentence)),
      );
      let added = 0;
      for (const r of rows) {
        const { id: listId } = await lists.idFor(r.listName, now);
        const key = entryKey(listId, r.word, r.context);
        if (existing.has(key)) continue;
        existing.add(key);
        const row: EntryRow = {
          listId,
          word: r.word,
          simplified: r.simplified || r.word,
          traditional: r.traditional || r.word,
          pinyin: r.pinyin,
          definition: r.definition,
          context: r.context ? { sentence: r.context, offset: r.context.indexOf(r.word) } : null,
          source: r.sourceTitle || r.sourceUrl ? { title: r.sourceTitle, url: r.sourceUrl } : null,
          created: r.created ?? now,
          tags: [...r.tags],
          notes: r.notes,
        };
        await db.entries.add(row);
        added++;
      }
      return added;
    }),
  );
}
