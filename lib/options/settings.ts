// The settings view's data: the only options module it reads or writes the database through.
import { headForms, type DubaoDb } from '../db';

export { dictStatus, shownDictStatus, type DictImportState } from '../db';

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
