import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { dueCards, getCard, putCard, reviewCounts } from '../../../lib/db/reviews';
import { addEntry, createList } from '../../../lib/db/vocab';
import { freshDb } from './helpers';

describe('reviews', () => {
  it('stores and returns FSRS card state per entry', async () => {
    const db = await freshDb();
    const list = await createList(db, 'A');
    const e = await addEntry(db, { listId: list.id, word: '银行' });
    expect(await getCard(db, e.id)).toBeUndefined();
    const now = new Date('2026-01-01T00:00:00Z');
    const card = fsrs().next(createEmptyCard(now), now, Rating.Good).card;
    await putCard(db, e.id, card);
    expect(await getCard(db, e.id)).toEqual(card);
  });

  it('counts due, new and total cards, overall and per list', async () => {
    const db = await freshDb();
    const a = await createList(db, 'A');
    const b = await createList(db, 'B');
    const now = new Date('2026-03-01T00:00:00Z');
    const past = new Date('2026-02-01T00:00:00Z');
    const future = new Date('2026-04-01T00:00:00Z');
    const e1 = await addEntry(db, { listId: a.id, word: '银行' });
    const e2 = await addEntry(db, { listId: a.id, word: '通胀' });
    await addEntry(db, { listId: a.id, word: '市场' });
    const e4 = await addEntry(db, { listId: b.id, word: '外交' });
    await putCard(db, e1.id, { ...createEmptyCard(), due: past });
    await putCard(db, e2.id, { ...createEmptyCard(), due: future });
    await putCard(db, e4.id, { ...createEmptyCard(), due: new Date('2026-01-15T00:00:00Z') });

    expect(await reviewCounts(db, now)).toEqual({ due: 2, new: 1, total: 4 });
    expect(await reviewCounts(db, now, a.id)).toEqual({ due: 1, new: 1, total: 3 });
    expect((await dueCards(db, now)).map((c) => c.entryId)).toEqual([e4.id, e1.id]);
    expect((await dueCards(db, now, a.id)).map((c) => c.entryId)).toEqual([e1.id]);
    expect(await dueCards(db, now, undefined, 1)).toHaveLength(1);
  });
});
