import { headForms, headsOf, type DubaoDb, type EntryRow, type ListRow, type ReviewRow } from '../../lib/db';

/** What a deletion removed, kept in memory so Undo can put it back exactly (same ids, same review state). */
export interface Snapshot {
  lists: ListRow[];
  entries: EntryRow[];
  reviews: ReviewRow[];
}

export async function snapshotList(db: DubaoDb, listId: number): Promise<Snapshot> {
  return db.transaction('r', db.lists, db.entries, db.reviews, async () => {
    const list = await db.lists.get(listId);
    const entries = await db.entries.where('listId').equals(listId).toArray();
    return { lists: list ? [list] : [], entries, reviews: await reviewsOf(db, entries) };
  });
}

export async function snapshotEntries(db: DubaoDb, ids: readonly number[]): Promise<Snapshot> {
  return db.transaction('r', db.entries, db.reviews, async () => {
    const entries = (await db.entries.bulkGet([...ids])).filter((e): e is EntryRow => e !== undefined);
    return { lists: [], entries, reviews: await reviewsOf(db, entries) };
  });
}

async function reviewsOf(db: DubaoDb, entries: EntryRow[]): Promise<ReviewRow[]> {
  const cards = await db.reviews.bulkGet(entries.map((e) => e.id!));
  return cards.filter((c): c is ReviewRow => c !== undefined);
}

export async function restoreSnapshot(db: DubaoDb, snap: Snapshot): Promise<void> {
  await db.transaction('rw', db.lists, db.entries, db.reviews, async () => {
    await db.lists.bulkPut(snap.lists);
    // An entry whose list is gone (deleted meanwhile) would be invisible: skip it rather than orphan it.
    const listIds = new Set((await db.lists.toCollection().primaryKeys()) as number[]);
    const entries = snap.entries.filter((e) => listIds.has(e.listId));
    const kept = new Set(entries.map((e) => e.id));
    await db.entries.bulkPut(entries);
    await db.reviews.bulkPut(snap.reviews.filter((r) => kept.has(r.entryId)));
  });
}

/**
 * "Delete all my data": lists, words, reviews, known words and the user's glossary work (own terms, edits, hidden flags).
 * The dictionary and the built-in glossary stay, so the reader keeps working.
 */
export async function deleteUserData(db: DubaoDb): Promise<void> {
  await db.transaction('rw', [db.lists, db.entries, db.reviews, db.terms, db.known], async () => {
    await db.known.clear();
    await db.reviews.clear();
    await db.entries.clear();
    await db.lists.clear();
    await db.terms.where('origin').equals('user').delete();
    await db.terms
      .where('origin')
      .equals('builtin')
      .modify((row) => {
        if (row.edit) {
          delete row.edit;
          row.heads = headForms(row.entry);
          row.category = row.entry.category;
        }
        row.hidden = 0;
      });
  });
}
