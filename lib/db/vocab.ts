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
      return { ...row, id };
    }),
  );
}

/** The list words go to when none is chosen: the first list, created on first use. */
export async function defaultListId(db: DubaoDb): Promise<number> {
  const first = await db.lists.orderBy('order').first();
  if (first) return first.id!;
  // Looked for again inside the write: read-then-create in two steps let 100 parallel first saves make two or
  // three lists all named "My words". Write transactions on one store run one at a time, so only one creates it.
  return guardQuota('create the list', () =>
    db.transaction('rw', db.lists, async () => {
      const again = await db.lists.orderBy('order').first();
      if (again) return again.id!;
      return (await db.lists.add({ name: DEFAULT_LIST_NAME, order: 0, created: Date.now() })) as number;
    }),
  );
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

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as every file format can carry it: a lone surrogate (a page's text cut inside an emoji or a rare
 * character) becomes U+FFFD here, once, in the same place in the string, instead of in a CSV or Anki export,
 * where the saved word and its exported copy would then differ.
 */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd');
}

function wellFormedRow<T extends Partial<EntryRow>>(row: T): T {
  const out: Partial<EntryRow> = { ...row };
  for (const key of ['word', 'simplified', 'traditional', 'pinyin', 'definition', 'notes'] as const) {
    const value = out[key];
    if (typeof value === 'string') out[key] = wellFormed(value);
  }
  if (out.context) out.context = { ...out.context, sentence: wellFormed(out.context.sentence) };
  if (out.source) out.source = { title: wellFormed(out.source.title), url: wellFormed(out.source.url) };
  if (out.tags) out.tags = out.tags.map(wellFormed);
  return out as T;
}

export async function addEntry(db: DubaoDb, input: NewEntry): Promise<VocabEntry> {
  const row: EntryRow = wellFormedRow({
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
  });
  return guardQuota('save the word', () =>
    db.transaction('rw', db.lists, db.entries, async () => {
      if (!(await db.lists.get(input.listId))) throw new ListNotFoundError(`No list ${input.listId}`);
      const id = await db.entries.add(row);
      return { ...row, id };
    }),
  );
}

export type EntryPatch = Partial<Omit<EntryRow, 'id' | 'created'>>;

export async function updateEntry(
  db: DubaoDb,
  id: number,
  patch: EntryPatch,
): Promise<VocabEntry | undefined> {
  await guardQuota('save the word', () => db.entries.update(id, wellFormedRow(patch)));
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
