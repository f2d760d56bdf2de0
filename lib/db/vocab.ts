import { guardQuota } from './errors';
import type { DubaoDb } from './schema';
import { matchesQuery, prepareQuery } from './search';
import type { EntryContext, EntryRow, EntrySource, ListRow } from './types';

export type VocabList = Required<ListRow>;
export type VocabEntry = Required<EntryRow>;

export const DEFAULT_LIST_NAME = 'My words';

export class ListNotFoundError extends Error {
  override name = 'ListNotFoundError';
}

// ---- lists ------------------------------------------------------------------------------------------------

/** Lists in the user's order. */
export async function getLists(db: DubaoDb): Promise<VocabList[]> {
  return (await db.lists.orderBy('order').toArray()) as VocabList[];
}

export async function createList(db: DubaoDb, name: string): Promise<VocabList> {
  return guardQuota('create the list', () =>
    db.transaction('rw', db.lists, async () => {
      const last = await db.lists.orderBy('order').last();
      const row: ListRow = {
        name: name.trim() || DEFAULT_LIST_NAME,
        order: (last?.order ?? -1) + 1,
        created: Date.now(),
      };
      const id = await db.lists.add(row);
      return { ...row, id } as VocabList;
    }),
  );
}

/** The list words go to when none is chosen: the first list, created on first use. */
export async function defaultListId(db: DubaoDb): Promise<number> {
  const first = await db.lists.orderBy('order').first();
  return first?.id ?? (await createList(db, DEFAULT_LIST_NAME)).id;
}

export async function renameList(db: DubaoDb, id: number, name: string): Promise<void> {
  const n = await db.lists.update(id, { name: name.trim() || DEFAULT_LIST_NAME });
  if (n === 0) throw new ListNotFoundError(`No list ${id}`);
}

/** Sets the order to that of `ids`; lists not named keep their relative order after them. */
export async function reorderLists(db: DubaoDb, ids: readonly number[]): Promise<void> {
  await db.transaction('rw', db.lists, async () => {
    const lists = await db.lists.orderBy('order').toArray();
    const rank = new Map(ids.map((id, i) => [id, i]));
    const sorted = [...lists].sort(
      (a, b) => (rank.get(a.id!) ?? ids.length + a.order) - (rank.get(b.id!) ?? ids.length + b.order),
    );
    await Promise.all(sorted.map((l, i) => db.lists.update(l.id!, { order: i })));
  });
}

/** Deletes a list; its entries move to `moveEntriesTo`, or are deleted with their review state. */
export async function deleteList(db: DubaoDb, id: number, moveEntriesTo?: number): Promise<void> {
  await db.transaction('rw', db.lists, db.entries, db.reviews, async () => {
    if (moveEntriesTo !== undefined) {
      if (!(await db.lists.get(moveEntriesTo))) throw new ListNotFoundError(`No list ${moveEntriesTo}`);
      await db.entries.where('listId').equals(id).modify({ listId: moveEntriesTo });
    } else {
      const ids = (await db.entries.where('listId').equals(id).primaryKeys()) as number[];
      await db.reviews.bulkDelete(ids);
      await db.entries.bulkDelete(ids);
    }
    await db.lists.delete(id);
  });
}

// ---- entries ----------------------------------------------------------------------------------------------

export interface NewEntry {
  listId: number;
  word: string;
  simplified?: string;
  traditional?: string;
  pinyin?: string;
  definition?: string;
  context?: EntryContext | null;
  source?: EntrySource | null;
  tags?: string[];
  notes?: string;
}

export async function addEntry(db: DubaoDb, input: NewEntry): Promise<VocabEntry> {
  const row: EntryRow = {
    listId: input.listId,
    word: input.word,
    simplified: input.simplified ?? input.word,
    traditional: input.traditional ?? input.word,
    pinyin: input.pinyin ?? '',
    definition: input.definition ?? '',
    context: input.context ?? null,
    source: input.source ?? null,
    created: Date.now(),
    tags: input.tags ?? [],
    notes: input.notes ?? '',
  };
  return guardQuota('save the word', () =>
    db.transaction('rw', db.lists, db.entries, async () => {
      if (!(await db.lists.get(input.listId))) throw new ListNotFoundError(`No list ${input.listId}`);
      const id = await db.entries.add(row);
      return { ...row, id } as VocabEntry;
    }),
  );
}

export type EntryPatch = Partial<Omit<EntryRow, 'id' | 'created'>>;

export async function updateEntry(
  db: DubaoDb,
  id: number,
  patch: EntryPatch,
): Promise<VocabEntry | undefined> {
  await guardQuota('save the word', () => db.entries.update(id, patch));
  return (await db.entries.get(id)) as VocabEntry | undefined;
}

export async function getEntry(db: DubaoDb, id: number): Promise<VocabEntry | undefined> {
  return (await db.entries.get(id)) as VocabEntry | undefined;
}

/** Entries of one list (or all), newest first. */
export async function getEntries(db: DubaoDb, listId?: number): Promise<VocabEntry[]> {
  const rows =
    listId === undefined
      ? await db.entries.toArray()
      : await db.entries.where('listId').equals(listId).toArray();
  return rows.sort((a, b) => b.created - a.created || b.id! - a.id!) as VocabEntry[];
}

/** Saved entries for this word in either script: lets the UI say "already in list X". */
export async function findEntriesByWord(db: DubaoDb, word: string): Promise<VocabEntry[]> {
  const rows = await db.entries.where('simplified').equals(word).or('traditional').equals(word).toArray();
  return rows as VocabEntry[];
}

export async function deleteEntries(db: DubaoDb, ids: readonly number[]): Promise<void> {
  await db.transaction('rw', db.entries, db.reviews, async () => {
    await db.reviews.bulkDelete([...ids]);
    await db.entries.bulkDelete([...ids]);
  });
}

export async function moveEntries(db: DubaoDb, ids: readonly number[], toListId: number): Promise<void> {
  await db.transaction('rw', db.lists, db.entries, async () => {
    if (!(await db.lists.get(toListId))) throw new ListNotFoundError(`No list ${toListId}`);
    await db.entries
      .where(':id')
      .anyOf([...ids])
      .modify({ listId: toListId });
  });
}

/** Copies entries into another list as new entries (review state starts fresh); returns the new ids. */
export async function copyEntries(db: DubaoDb, ids: readonly number[], toListId: number): Promise<number[]> {
  return guardQuota('copy the words', () =>
    db.transaction('rw', db.lists, db.entries, async () => {
      if (!(await db.lists.get(toListId))) throw new ListNotFoundError(`No list ${toListId}`);
      const rows = (await db.entries.bulkGet([...ids])).filter((r): r is EntryRow => r !== undefined);
      const now = Date.now();
      const copies = rows.map(({ id: _id, ...rest }) => ({ ...rest, listId: toListId, created: now }));
      return (await db.entries.bulkAdd(copies, { allKeys: true })) as number[];
    }),
  );
}

/** Search by characters, pinyin with or without tones (`yin2hang2`, `yínháng`, `yinhang`) or English. */
export async function searchEntries(db: DubaoDb, text: string, listId?: number): Promise<VocabEntry[]> {
  const q = prepareQuery(text);
  return (await getEntries(db, listId)).filter((e) =>
    matchesQuery(q, {
      hanzi: [e.word, e.simplified, e.traditional],
      pinyin: e.pinyin,
      english: `${e.definition} ${e.notes} ${e.tags.join(' ')}`,
    }),
  );
}
