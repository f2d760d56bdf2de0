// The review view's data: the only options module it reads or writes the database through.
import { dueCards, type DubaoDb } from '../db';

export { getCard, getEntry, getLists, putCard, reviewCounts, termsForWord } from '../db';
export type { Term, VocabEntry } from '../db';

/** New words brought into one session, so a big import does not bury the due reviews. */
export const NEW_PER_SESSION = 20;

/** Entry ids to review now: due cards, earliest first, then words never reviewed, oldest first. */
export async function buildQueue(db: DubaoDb, listId: number | undefined, now: Date): Promise<number[]> {
  const due = (await dueCards(db, now, listId)).map((c) => c.entryId);
  const entries =
    listId === undefined
      ? await db.entries.toArray()
      : await db.entries.where('listId').equals(listId).toArray();
  const carded = new Set((await db.reviews.toCollection().primaryKeys()) as number[]);
  const fresh = entries
    .filter((e) => !carded.has(e.id!))
    .sort((a, b) => a.created - b.created || a.id! - b.id!)
    .slice(0, NEW_PER_SESSION)
    .map((e) => e.id!);
  return [...due, ...fresh];
}

/** When the next card of the list falls due, or null when none is scheduled. */
export async function nextDue(db: DubaoDb, listId: number | undefined): Promise<Date | null> {
  const inList =
    listId === undefined
      ? null
      : new Set((await db.entries.where('listId').equals(listId).primaryKeys()) as number[]);
  let found: Date | null = null;
  await db.reviews
    .orderBy('due')
    .until(() => found !== null)
    .each((r) => {
      if (!inList || inList.has(r.entryId)) found = r.due;
    });
  return found;
}
