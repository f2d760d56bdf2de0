import { describe, expect, it, vi } from 'vitest';
import { QuotaExceededError } from '../../../lib/db/errors';
import {
  addEntry,
  copyEntries,
  createList,
  defaultListId,
  deleteEntries,
  deleteList,
  findEntriesByWord,
  getEntries,
  getLists,
  moveEntries,
  renameList,
  reorderLists,
  searchEntries,
  updateEntry,
} from '../../../lib/db/vocab';
import { putCard } from '../../../lib/db/reviews';
import { createEmptyCard } from 'ts-fsrs';
import { freshDb } from './helpers';

describe('vocabulary lists', () => {
  it('creates a default list on first save, then reuses it', async () => {
    const db = await freshDb();
    const id = await defaultListId(db);
    expect(await defaultListId(db)).toBe(id);
    expect((await getLists(db)).map((l) => l.name)).toEqual(['My words']);
  });

  it('creates, renames and reorders lists', async () => {
    const db = await freshDb();
    const a = await createList(db, 'News');
    const b = await createList(db, 'Economy');
    const c = await createList(db, 'Diplomacy');
    await renameList(db, b.id, 'Economy & finance');
    await reorderLists(db, [c.id, a.id]);
    expect((await getLists(db)).map((l) => l.name)).toEqual(['Diplomacy', 'News', 'Economy & finance']);
    await expect(renameList(db, 999, 'x')).rejects.toThrow(/No list/);
  });

  it('deletes a list with its entries and their reviews, or moves the entries first', async () => {
    const db = await freshDb();
    const a = await createList(db, 'A');
    const b = await createList(db, 'B');
    const e1 = await addEntry(db, { listId: a.id, word: '银行' });
    await addEntry(db, { listId: b.id, word: '通胀' });
    await putCard(db, e1.id, createEmptyCard());
    await deleteList(db, a.id);
    expect(await getEntries(db)).toHaveLength(1);
    expect(await db.reviews.count()).toBe(0);

    const c = await createList(db, 'C');
    await deleteList(db, b.id, c.id);
    expect((await getEntries(db, c.id)).map((e) => e.word)).toEqual(['通胀']);
  });
});

describe('vocabulary entries', () => {
  it('saves a word with its context sentence, offset and source', async () => {
    const db = await freshDb();
    const listId = await defaultListId(db);
    const e = await addEntry(db, {
      listId,
      word: '銀行',
      simplified: '银行',
      traditional: '銀行',
      pinyin: 'yín háng',
      definition: 'bank',
      context: { sentence: '他去銀行取錢。', offset: 2 },
      source: { title: '聯合報', url: 'https://udn.com/a' },
    });
    const [stored] = await getEntries(db, listId);
    expect(stored).toEqual(e);
    expect(stored.context!.sentence.slice(stored.context!.offset, stored.context!.offset + 2)).toBe('銀行');
    expect((await findEntriesByWord(db, '银行')).map((x) => x.id)).toEqual([e.id]);
    expect((await findEntriesByWord(db, '銀行')).map((x) => x.id)).toEqual([e.id]);
  });

  it('refuses to save into a list that does not exist', async () => {
    const db = await freshDb();
    await expect(addEntry(db, { listId: 42, word: '银行' })).rejects.toThrow(/No list/);
  });

  it('edits notes and tags, deletes entries with their reviews', async () => {
    const db = await freshDb();
    const listId = await defaultListId(db);
    const e = await addEntry(db, { listId, word: '银行' });
    expect(await updateEntry(db, e.id, { notes: 'HSK 3', tags: ['finance'] })).toMatchObject({
      notes: 'HSK 3',
      tags: ['finance'],
    });
    await putCard(db, e.id, createEmptyCard());
    await deleteEntries(db, [e.id]);
    expect(await getEntries(db)).toEqual([]);
    expect(await db.reviews.count()).toBe(0);
  });

  it('moves and copies entries between lists', async () => {
    const db = await freshDb();
    const a = await createList(db, 'A');
    const b = await createList(db, 'B');
    const e1 = await addEntry(db, { listId: a.id, word: '银行' });
    const e2 = await addEntry(db, { listId: a.id, word: '通胀' });
    await moveEntries(db, [e1.id], b.id);
    expect((await getEntries(db, b.id)).map((e) => e.word)).toEqual(['银行']);
    const copies = await copyEntries(db, [e2.id], b.id);
    expect(copies).toHaveLength(1);
    expect((await getEntries(db, a.id)).map((e) => e.word)).toEqual(['通胀']);
    expect((await getEntries(db, b.id)).map((e) => e.word).sort()).toEqual(['通胀', '银行']);
    await expect(moveEntries(db, [e1.id], 999)).rejects.toThrow(/No list/);
  });

  it('finds entries by characters, pinyin with or without tones, or English', async () => {
    const db = await freshDb();
    const listId = await defaultListId(db);
    await addEntry(db, { listId, word: '银行', traditional: '銀行', pinyin: 'yín háng', definition: 'bank' });
    await addEntry(db, { listId, word: '绿色', pinyin: 'lǜ sè', definition: 'green; eco-friendly' });
    await addEntry(db, { listId, word: '行人', pinyin: 'xíng rén', definition: 'pedestrian' });
    const words = async (q: string) => (await searchEntries(db, q)).map((e) => e.word).sort();
    expect(await words('行')).toEqual(['行人', '银行']);
    expect(await words('銀')).toEqual(['银行']);
    expect(await words('yinhang')).toEqual(['银行']);
    expect(await words('yín háng')).toEqual(['银行']);
    expect(await words('yin2hang2')).toEqual(['银行']);
    expect(await words('yin2 hang4')).toEqual([]);
    expect(await words('lvse')).toEqual(['绿色']);
    expect(await words('lu:4')).toEqual(['绿色']);
    expect(await words('GREEN')).toEqual(['绿色']);
    expect(await words('')).toHaveLength(3);
  });

  it('surfaces a full disk as a QuotaExceededError the UI can show', async () => {
    const db = await freshDb();
    const listId = await defaultListId(db);
    vi.spyOn(db.entries, 'add').mockRejectedValue(
      Object.assign(new Error('QuotaExceededError'), {
        name: 'AbortError',
        inner: { name: 'QuotaExceededError' },
      }),
    );
    const saving = addEntry(db, { listId, word: '银行' });
    await expect(saving).rejects.toBeInstanceOf(QuotaExceededError);
    await expect(saving).rejects.toMatchObject({ name: 'QuotaExceededError', operation: 'save the word' });
  });
});
