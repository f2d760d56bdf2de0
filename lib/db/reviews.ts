import type { Card } from 'ts-fsrs';
import { guardQuota } from './errors';
import type { DubaoDb } from './schema';
import type { ReviewRow } from './types';

export async function getCard(db: DubaoDb, entryId: number): Promise<Card | undefined> {
  const row = await db.reviews.get(entryId);
  if (!row) return undefined;
  const { entryId: _id, ...card } = row;
  return card;
}

export async function putCard(db: DubaoDb, entryId: number, card: Card): Promise<void> {
  await guardQuota('save the review', () => db.reviews.put({ ...card, entryId }));
}

/** Cards due at `now`, earliest first, optionally only for entries of one list. */
export async function dueCards(
  db: DubaoDb,
  now = new Date(),
  listId?: number,
  limit = Infinity,
): Promise<ReviewRow[]> {
  const due = await db.reviews.where('due').belowOrEqual(now).sortBy('due');
  const inList = listId === undefined ? null : await entryIdsOf(db, listId);
  return due.filter((r) => !inList || inList.has(r.entryId)).slice(0, limit);
}

export interface ReviewCounts {
  /** Cards whose due date has come. */
  due: number;
  /** Entries never reviewed (no card yet). */
  new: number;
  total: number;
}

export async function reviewCounts(db: DubaoDb, now = new Date(), listId?: number): Promise<ReviewCounts> {
  if (listId === undefined) {
    const [due, cards, total] = await Promise.all([
      db.reviews.where('due').belowOrEqual(now).count(),
      db.reviews.count(),
      db.entries.count(),
    ]);
    return { due, new: total - cards, total };
  }
  const ids = await entryIdsOf(db, listId);
  const cards = (await db.reviews.bulkGet([...ids])).filter((c): c is ReviewRow => c !== undefined);
  return { due: cards.filter((c) => c.due <= now).length, new: ids.size - cards.length, total: ids.size };
}

async function entryIdsOf(db: DubaoDb, listId: number): Promise<Set<number>> {
  return new Set((await db.entries.where('listId').equals(listId).primaryKeys()) as number[]);
}
