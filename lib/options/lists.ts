// The lists view's data: the only options module it reads or writes the database through.
import type { DubaoDb, EntryRow, ListRow, ReviewRow } from '../db';

export {
  copyEntries,
  createList,
  deleteEntries,
  deleteList,
  getEntries,
  getLists,
  isKnown,
  markKnown,
  moveEntries,
  renameList,
  reorderLists,
  searchEntries,
  unmarkKnown,
  updateEntry,
} from '../db';
export type { VocabEntry, VocabList } from '../db';

/** Words per list id. */
export async function entryCountsByList(db: DubaoDb): Promise<Map<number, number>> {
  const ids = (await db.entries.orderBy('listId').keys()) as number[];
  const m = new Map<number, number>();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
}

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
