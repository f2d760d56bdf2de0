import type { DubaoDb } from '../db/schema';
import type { VocabEntry } from '../db/vocab';
import type { ExportItem } from './formats';

/**
 * Entries to export, in the user's list order and, within a list, oldest first: the order a file re-imported
 * into an empty database comes back in, so an export of the import is the same file.
 */
export async function loadExportItems(db: DubaoDb, listIds?: readonly number[]): Promise<ExportItem[]> {
  return db.transaction('r', db.lists, db.entries, async () => {
    const wanted = listIds ? new Set(listIds) : null;
    const lists = (await db.lists.orderBy('order').toArray()).filter((l) => !wanted || wanted.has(l.id!));
    const items: ExportItem[] = [];
    for (const list of lists) {
      const entries = (await db.entries.where('listId').equals(list.id!).toArray()) as VocabEntry[];
      entries.sort((a, b) => a.created - b.created || a.id - b.id);
      for (const entry of entries) items.push({ entry, listName: list.name });
    }
    return items;
  });
}
