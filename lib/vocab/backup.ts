import * as v from 'valibot';
import { guardQuota } from '../db/errors';
import { headsOf, type DubaoDb } from '../db/schema';
import {
  exportUserTerms,
  headForms,
  importUserTerms,
  UserTermsExportSchema,
  type UserTermsExport,
} from '../db/terms';
import type { EntryRow, KnownRow, ListRow, ReviewRow, TermRow } from '../db/types';
import { isKnowableWord } from '../db/known';
import type { VocabEntry, VocabList } from '../db/vocab';
import { isSourceUrl, SOURCE_TITLE_MAX, SOURCE_URL_MAX, type ImportRow } from './formats';

export const BACKUP_FORMAT = 'dubao-backup';

/** Everything the user made: lists, words, review state, own glossary work and settings. */
export interface Backup {
  format: 'dubao-backup';
  version: 1;
  /** ISO time of the export. */
  exported: string;
  lists: VocabList[];
  entries: VocabEntry[];
  reviews: ReviewRow[];
  userTerms: UserTermsExport;
  /** Words the user knows (no pinyin over them); absent in backups made before Dubao had them. */
  known: KnownRow[];
  /** As the settings store keeps them; the caller restores them (they do not live in the database). */
  settings: unknown;
}

export interface BackupIssue {
  /** Where in the file, like `entries[3].word`; '' for the file as a whole. */
  path: string;
  message: string;
}

export interface BackupParse {
  backup: Backup | null;
  errors: BackupIssue[];
}

export interface ApplyResult {
  lists: number;
  entries: number;
  reviews: number;
  terms: number;
  /** Known words added. */
  known: number;
}

/** The backup cannot be applied; nothing was written. */
export class BackupError extends Error {
  override name = 'BackupError';
  constructor(readonly issues: BackupIssue[]) {
    super(`The backup is not consistent: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

// ---- schema ---------------------------------------------------------------------------------------------

const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const finite = v.pipe(v.number(), v.finite());
const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const date = v.pipe(
  v.string(),
  v.check((s) => Number.isFinite(Date.parse(s)), 'Invalid date'),
  v.transform((s) => new Date(s)),
);

const ListSchema = v.object({ id, name: str(200), order: finite, created: finite });

const EntrySchema = v.object({
  id,
  listId: id,
  word: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  simplified: str(100),
  traditional: str(100),
  pinyin: str(500),
  definition: str(5000),
  context: v.nullable(
    v.object({ sentence: str(5000), offset: v.pipe(v.number(), v.integer(), v.minValue(-1)) }),
  ),
  source: v.nullable(
    v.object({
      title: str(SOURCE_TITLE_MAX),
      url: v.pipe(str(SOURCE_URL_MAX), v.check(isSourceUrl, 'Not a page address')),
    }),
  ),
  created: finite,
  tags: v.array(str(200)),
  notes: str(10000),
});

const ReviewSchema = v.object({
  entryId: id,
  due: date,
  stability: v.pipe(finite, v.minValue(0)),
  difficulty: finite,
  elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  reps: count,
  lapses: count,
  state: v.picklist([0, 1, 2, 3]),
  last_review: v.optional(date),
});

const knownWord = v.pipe(v.string(), v.check(isKnowableWord, 'Not a Chinese word'));
const KnownSchema = v.object({ word: knownWord, traditional: knownWord, added: finite });

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(1),
  exported: v.string(),
  lists: v.array(ListSchema),
  entries: v.array(EntrySchema),
  reviews: v.array(ReviewSchema),
  userTerms: UserTermsExportSchema,
  known: v.optional(v.array(KnownSchema), []),
  settings: v.unknown(),
});

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

// ---- parse ----------------------------------------------------------------------------------------------

function pathOf(path: readonly { key: unknown }[] | undefined): string {
  let out = '';
  for (const { key } of path ?? [])
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function jsonError(text: string, err: unknown): BackupIssue {
  const detail = err instanceof Error ? err.message : String(err);
  const position = Math.min(jsonErrorOffset(text), text.length);
  const before = text.slice(0, position).split('\n');
  const where = `line ${before.length}, column ${before[before.length - 1].length + 1} (position ${position})`;
  const endsEarly = position >= text.trimEnd().length;
  return {
    path: '',
    message: endsEarly
      ? `Not valid JSON, ends early at ${where}: ${detail}`
      : `Not valid JSON at ${where}: ${detail}`,
  };
}

const JSON_ATOM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Where JSON.parse gave up: Node's message names the position for some faults only, so the text is walked
 * again (only after a failure) to find the first offending character.
 */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw new RangeError(String(i));
  };
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i])) i++;
  };
  const expect = (c: string) => {
    ws();
    if (s[i] !== c) fail();
    i++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= s.length || s.charCodeAt(i) < 0x20) fail();
      if (s[i] === '"') return void i++;
      if (s[i] === '\\') {
        JSON_ESCAPE.lastIndex = i;
        if (!JSON_ESCAPE.test(s)) fail();
        i = JSON_ESCAPE.lastIndex;
      } else i++;
    }
  };
  const items = (close: string, item: () => void) => {
    ws();
    if (s[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (s[i] === ',') i++;
      else return expect(close);
    }
  };
  const value = (): void => {
    ws();
    if (s[i] === '{') {
      i++;
      return items('}', () => {
        string();
        expect(':');
        value();
      });
    }
    if (s[i] === '[') {
      i++;
      return items(']', value);
    }
    if (s[i] === '"') return string();
    JSON_ATOM.lastIndex = i;
    if (!JSON_ATOM.test(s)) fail();
    i = JSON_ATOM.lastIndex;
  };
  try {
    value();
    ws();
    return i < s.length ? i : -1;
  } catch (e) {
    if (e instanceof RangeError && /^\d+$/.test(e.message)) return Number(e.message);
    // Nesting too deep to walk: at least point at the start.
    return 0;
  }
}

type Raw = Record<string, unknown>;
const isObject = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Ids that repeat and references to rows the backup lacks; reads raw data so it runs beside the schema. */
function consistencyIssues(data: Raw): BackupIssue[] {
  const issues: BackupIssue[] = [];
  const rows = (key: string) =>
    (Array.isArray(data[key]) ? (data[key] as unknown[]) : []).map((r) => (isObject(r) ? r : {}));
  const uniqueIds = (key: string, field: string): Set<number> => {
    const seen = new Map<number, number>();
    rows(key).forEach((row, i) => {
      const value = row[field];
      if (typeof value !== 'number') return;
      const first = seen.get(value);
      if (first !== undefined) {
        issues.push({
          path: `${key}[${i}].${field}`,
          message: `Duplicate ${field} ${value} (also ${key}[${first}])`,
        });
      } else seen.set(value, i);
    });
    return new Set(seen.keys());
  };
  const listIds = uniqueIds('lists', 'id');
  const entryIds = uniqueIds('entries', 'id');
  uniqueIds('reviews', 'entryId');
  rows('entries').forEach((row, i) => {
    if (typeof row.listId === 'number' && !listIds.has(row.listId))
      issues.push({ path: `entries[${i}].listId`, message: `No list with id ${row.listId} in the backup` });
  });
  rows('reviews').forEach((row, i) => {
    if (typeof row.entryId === 'number' && !entryIds.has(row.entryId))
      issues.push({
        path: `reviews[${i}].entryId`,
        message: `No entry with id ${row.entryId} in the backup`,
      });
  });
  return issues;
}

/** Reads and checks a backup file. Pure: whatever the input, the database is not touched. */
export function parseBackup(text: string): BackupParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    return { backup: null, errors: [jsonError(body, err)] };
  }
  if (!isObject(data))
    return { backup: null, errors: [{ path: '', message: 'Not a Dubao backup: expected a JSON object' }] };
  if (data.format !== BACKUP_FORMAT) {
    const message =
      data.format === 'dubao-terms'
        ? 'This is a glossary export, not a backup: import it in the glossary'
        : `Not a Dubao backup: format is ${JSON.stringify(data.format) ?? 'missing'}, expected "${BACKUP_FORMAT}"`;
    return { backup: null, errors: [{ path: 'format', message }] };
  }
  if (typeof data.version === 'number' && data.version > 1) {
    return {
      backup: null,
      errors: [
        {
          path: 'version',
          message: `Made by a newer Dubao (backup version ${data.version}); update Dubao first`,
        },
      ],
    };
  }
  const parsed = v.safeParse(BackupSchema, data);
  const errors: BackupIssue[] = parsed.success
    ? []
    : parsed.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message }));
  errors.push(...consistencyIssues(data));
  if (errors.length > 0 || !parsed.success) return { backup: null, errors };
  return { backup: parsed.output as Backup, errors };
}

// ---- apply ----------------------------------------------------------------------------------------------

const entryKey = (listId: number, word: string, sentence: string | undefined) =>
  `${listId}\u0000${word}\u0000${sentence ?? ''}`;

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

/** Finds lists by name, creating missing ones at the end of the user's order. Runs inside a transaction. */
class ListsByName {
  private byName: Map<string, number> | null = null;
  private nextOrder = 0;
  constructor(private readonly db: DubaoDb) {}

  async idFor(name: string, created: number): Promise<{ id: number; created: boolean }> {
    if (!this.byName) {
      const all = await this.db.lists.orderBy('order').toArray();
      this.byName = new Map();
      for (const l of all) if (!this.byName.has(l.name)) this.byName.set(l.name, l.id!);
      this.nextOrder = (all.at(-1)?.order ?? -1) + 1;
    }
    const found = this.byName.get(name);
    if (found !== undefined) return { id: found, created: false };
    const id = await this.db.lists.add({ name, order: this.nextOrder++, created });
    this.byName.set(name, id);
    return { id, created: true };
  }
}

/**
 * Adds rows read from a CSV or Pleco file in one transaction, creating lists by name. A row identical to a
 * saved word (same list, word and context sentence) is skipped, so importing a file twice adds nothing.
 * Returns the number of words added.
 */
export async function importRows(db: DubaoDb, rows: ImportRow[], now: number = Date.now()): Promise<number> {
  return guardQuota('import the words', () =>
    db.transaction('rw', db.lists, db.entries, async () => {
      const lists = new ListsByName(db);
      const existing = new Set(
        (await db.entries.toArray()).map((e) => entryKey(e.listId, e.word, e.context?.sentence)),
      );
      let added = 0;
      for (const r of rows) {
        const { id: listId } = await lists.idFor(r.listName, now);
        const key = entryKey(listId, r.word, r.context);
        if (existing.has(key)) continue;
        existing.add(key);
        const row: EntryRow = {
          listId,
          word: r.word,
          simplified: r.simplified || r.word,
          traditional: r.traditional || r.word,
          pinyin: r.pinyin,
          definition: r.definition,
          context: r.context ? { sentence: r.context, offset: r.context.indexOf(r.word) } : null,
          source: r.sourceTitle || r.sourceUrl ? { title: r.sourceTitle, url: r.sourceUrl } : null,
          created: r.created ?? now,
          tags: [...r.tags],
          notes: r.notes,
        };
        await db.entries.add(row);
        added++;
      }
      return added;
    }),
  );
}
