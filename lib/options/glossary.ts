// The glossary view's data: the only options module it reads or writes the database through.
import { toTerm, type DubaoDb, type Term } from '../db';

export {
  addUserTerm,
  deleteTerm,
  editTerm,
  exportUserTerms,
  importUserTerms,
  listTerms,
  revertTerm,
  setTermHidden,
  TERM_CATEGORIES,
} from '../db';
export type { Term } from '../db';

/** How many terms each category holds, counting hidden ones and others' terms as asked. */
export async function termCountsByCategory(
  db: DubaoDb,
  { showHidden, onlyMine }: { showHidden: boolean; onlyMine: boolean },
): Promise<Map<string, number>> {
  const m = new Map<string, number>();
  // toArray rather than each: liveQuery re-runs reliably on changes to what toArray read.
  for (const r of await db.terms.toArray()) {
    if ((showHidden || r.hidden === 0) && (!onlyMine || r.origin === 'user'))
      m.set(r.category, (m.get(r.category) ?? 0) + 1);
  }
  return m;
}

/** One term as the user sees it, by its row key; null when it is gone. */
export async function termByKey(db: DubaoDb, key: string): Promise<Term | null> {
  const row = await db.terms.get(key);
  return row ? toTerm(row) : null;
}
