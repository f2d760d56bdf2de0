import * as v from 'valibot';
import { guardQuota } from '../db/errors';
import type { DubaoDb } from '../db/schema';
import { exportUserTerms, headForms, importUserTerms, UserTermsExportSchema } from '../db/terms';
import type { EntryRow, KnownRow, ListRow, ReviewRow, TermRow } from '../db/types';
import type { VocabEntry, VocabList } from '../db/vocab';
import { entryKey, ListsByName } from './lists-by-name';
import { BACKUP_FORMAT, BackupError, type ApplyResult, type Backup } from './backup-schema';
import { consistencyIssues, type Raw } from './backup-parse';

// A backup is split by job: its format and schema (backup-schema.ts), reading a file (backup-parse.ts, with the
// JSON error locator in json-error.ts), and here the database side: export and apply. CSV and Pleco rows are
// written by import-rows.ts. The names are re-exported here, where callers have always found them.
export * from './backup-schema';
export { parseBackup } from './backup-parse';
export { jsonErrorOffset } from './json-error';
export { importRows } from './import-rows';

// ---- export ---------------------------------------------------------------------------------------------

// Rows are rebuilt field by field so that key order, and so the file, never depends on how a row was stored.
function canonicalList(l: ListRow): VocabList {
  return { id: l.id!, name: l.name, order: l.order, created: l.created };
}

function canonicalEntry(e: EntryRow): VocabEntry {
  return {
    id: e.id!,
    listId: e.listId,
    word: e.word,
    simplified: e.simplified,
    traditional: e.traditional,
    pinyin: e.pinyin,
    definition: e.definition,
    context: e.context ? { sentence: e.context.sentence, offset: e.context.offset } : null,
    source: e.source ? { title: e.source.title, url: e.source.url } : null,
    created: e.created,
    tags: [...e.tags],
    notes: e.notes,
  };
}

function canonicalReview(r: ReviewRow): ReviewRow {
  const out: ReviewRow = {
    entryId: r.entryId,
    due: new Date(r.due),
    stability: r.stability,
    difficulty: r.difficulty,
    elapsed_days: r.elapsed_days,
    scheduled_days: r.scheduled_days,
    learning_steps: r.learning_steps,
    reps: r.reps,
    lapses: r.lapses,
    state: r.state,
  };
  if (r.last_review) out.last_review = new Date(r.last_review);
  return out;
}

function byNumber<T>(key: (t: T) => number): (a: T, b: T) => number {
  return (a, b) => key(a) - key(b);
}

/** The whole backup as pretty JSON, rows ordered by id, so two exports of the same data are identical. */
export async function exportBackup(db: DubaoDb, settings: unknown, now: Date = new Date()): Promise<string> {
  const [lists, entries, reviews, terms, known] = await db.transaction(
    'r',
    [db.lists, db.entries, db.reviews, db.terms, db.known],
    () =>
      Promise.all([
        db.lists.toArray(),
        db.entries.toArray(),
        db.reviews.toArray(),
        exportUserTerms(db),
        db.known.orderBy('word').toArray(),
      ]),
  );
  const canonicalTerms = v.safeParse(UserTermsExportSchema, terms);
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: 1,
    exported: now.toISOString(),
    lists: lists.map(canonicalList).sort(byNumber((l) => l.id)),
    entries: entries.map(canonicalEntry).sort(byNumber((e) => e.id)),
    reviews: reviews.map(canonicalReview).sort(byNumber((r) => r.entryId)),
    userTerms: canonicalTerms.success ? canonicalTerms.output : terms,
    known: known.map((k) => ({ word: k.word, traditional: k.traditional, added: k.added })),
    settings,
  };
  return JSON.stringify(backup, null, 2) + '\n';
}

// ---- apply ----------------------------------------------------------------------------------------------

/**
 * Writes a parsed backup in one transaction: either all of it lands or nothing changes. `replace` first removes
 * lists, words, review state and the user's glossary work; `merge` adds to them, joining lists by name and
 * skipping words already in that list with the same context sentence. Settings are left to the caller.
 */
export async function applyBackup(
  db: DubaoDb,
  backup: Backup,
  mode: 'merge' | 'replace',
): Promise<ApplyResult> {
  const issues = consistencyIssues(backup as unknown as Raw);
  if (issues.length > 0) throw new BackupError(issues);
  return guardQuota('restore the backup', () =>
    db.transaction('rw', [db.lists, db.entries, db.reviews, db.terms, db.known], async () => {
      const result = mode === 'replace' ? await replaceAll(db, backup) : await mergeInto(db, backup);
      const terms = await importUserTerms(db, backup.userTerms);
      if (!terms.ok) throw new BackupError([{ path: 'userTerms', message: terms.error }]);
      const known = await applyKnown(db, backup.known ?? [], mode);
      return { ...result, terms: terms.added + terms.edited + terms.hidden, known };
    }),
  );
}

/** Known words: `replace` takes the backup's list; `merge` adds the words missing here, keeping dates here. */
async function applyKnown(db: DubaoDb, known: KnownRow[], mode: 'merge' | 'replace'): Promise<number> {
  if (mode === 'replace') await db.known.clear();
  const have = new Set((await db.known.toCollection().primaryKeys()) as string[]);
  const add = known.filter((k) => !have.has(k.word));
  await db.known.bulkPut(add.map((k) => ({ word: k.word, traditional: k.traditional, added: k.added })));
  return add.length;
}

async function replaceAll(db: DubaoDb, backup: Backup): Promise<Omit<ApplyResult, 'terms' | 'known'>> {
  await Promise.all([db.lists.clear(), db.entries.clear(), db.reviews.clear()]);
  await db.terms.where('origin').equals('user').delete();
  // Built-in terms stay (they ship with Dubao) but lose the user's edits and hidden flags.
  await db.terms
    .where('origin')
    .equals('builtin')
    .modify((row: TermRow) => {
      delete row.edit;
      row.hidden = 0;
      row.heads = headForms(row.entry);
      row.category = row.entry.category;
    });
  await db.lists.bulkAdd(backup.lists.map(canonicalList));
  await db.entries.bulkAdd(backup.entries.map(canonicalEntry));
  await db.reviews.bulkAdd(backup.reviews.map(canonicalReview));
  return { lists: backup.lists.length, entries: backup.entries.length, reviews: backup.reviews.length };
}

async function mergeInto(db: DubaoDb, backup: Backup): Promise<Omit<ApplyResult, 'terms' | 'known'>> {
  const lists = new ListsByName(db);
  const listIds = new Map<number, number>();
  let newLists = 0;
  for (const l of [...backup.lists].sort((a, b) => a.order - b.order || a.id - b.id)) {
    const { id, created } = await lists.idFor(l.name, l.created);
    listIds.set(l.id, id);
    if (created) newLists++;
  }

  const existing = new Map<string, number>();
  for (const e of await db.entries.toArray())
    existing.set(entryKey(e.listId, e.word, e.context?.sentence), e.id!);
  const entryIds = new Map<number, { id: number; added: boolean }>();
  for (const e of backup.entries) {
    const listId = listIds.get(e.listId)!;
    const key = entryKey(listId, e.word, e.context?.sentence);
    const same = existing.get(key);
    if (same !== undefined) {
      entryIds.set(e.id, { id: same, added: false });
      continue;
    }
    const { id: _old, ...row } = canonicalEntry(e);
    const id = await db.entries.add({ ...row, listId });
    existing.set(key, id);
    entryIds.set(e.id, { id, added: true });
  }

  let reviews = 0;
  for (const r of backup.reviews) {
    const target = entryIds.get(r.entryId)!;
    // A word already known here keeps its own review history; one without history takes the backup's.
    if (!target.added && (await db.reviews.get(target.id))) continue;
    await db.reviews.put({ ...canonicalReview(r), entryId: target.id });
    reviews++;
  }
  const entries = [...entryIds.values()].filter((e) => e.added).length;
  return { lists: newLists, entries, reviews };
}
