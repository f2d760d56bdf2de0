import * as v from 'valibot';
import { guardQuota } from './errors';
import {
  aliasFromHeadword,
  foldVariants,
  surfacesOf,
  TERM_CATEGORIES,
  TERM_STATUSES,
  type GlossaryAlias,
  type GlossaryEntry,
} from './glossary-entry';
import { headsOf, type DubaoDb } from './schema';
import { matchesQuery, prepareQuery } from './search';
import type { TermRow } from './types';
import type { Term, TermOrigin } from '../glossary/types';

export type { Term } from '../glossary/types';

export const GLOSSARY_VERSION_KEY = 'glossaryVersion';

export function toTerm(row: TermRow): Term {
  return {
    ...row.entry,
    ...row.edit,
    key: row.id,
    origin: row.origin,
    edited: row.edit !== undefined && Object.keys(row.edit).length > 0,
    hidden: row.hidden === 1,
  };
}

/** Every form a row is found by: each surface in both scripts, and folded as the matcher folds (臺灣 → 台灣 …). */
export function headForms(e: Parameters<typeof surfacesOf>[0]): string[] {
  const surfaces = surfacesOf(e);
  return [...new Set([...surfaces, ...surfaces.map(foldVariants)])];
}

function withDerived(row: Omit<TermRow, 'heads' | 'category'>): TermRow {
  const e = { ...row.entry, ...row.edit };
  return { ...row, heads: headsOf(...headForms(e)), category: e.category };
}

export interface SeedResult {
  skipped: boolean;
  added: number;
  updated: number;
  removed: number;
}

/**
 * Brings the built-in terms to `version`. Only `entry` of built-in rows is written: user edits, hidden flags and
 * user terms survive every update. A built-in dropped from the data is deleted, unless the user edited it, in
 * which case it is kept as a user term.
 */
export async function seedBuiltinTerms(
  db: DubaoDb,
  entries: readonly GlossaryEntry[],
  version: string,
): Promise<SeedResult> {
  const current = await db.meta.get(GLOSSARY_VERSION_KEY);
  if (current?.value === version) return { skipped: true, added: 0, updated: 0, removed: 0 };
  return guardQuota('update the glossary', () =>
    db.transaction('rw', db.terms, db.meta, async () => {
      const existing = new Map(
        (await db.terms.where('origin').equals('builtin').toArray()).map((r) => [r.id, r]),
      );
      const now = Date.now();
      const rows: TermRow[] = [];
      let added = 0;
      for (const entry of entries) {
        const id = `builtin:${entry.id}`;
        const old = existing.get(id);
        existing.delete(id);
        if (!old) added++;
        rows.push(
          withDerived({
            id,
            origin: 'builtin',
            entry,
            edit: old?.edit,
            hidden: old?.hidden ?? 0,
            updated: now,
          }),
        );
      }
      await db.terms.bulkPut(rows);
      for (const orphan of existing.values()) {
        await db.terms.delete(orphan.id);
        if (orphan.edit && Object.keys(orphan.edit).length > 0) {
          const entry = { ...orphan.entry, ...orphan.edit };
          await db.terms.put(
            withDerived({
              id: `user:${entry.id}`,
              origin: 'user',
              entry,
              hidden: orphan.hidden,
              updated: now,
            }),
          );
        }
      }
      await db.meta.put({ key: GLOSSARY_VERSION_KEY, value: version });
      return { skipped: false, added, updated: rows.length - added, removed: existing.size };
    }),
  );
}

export interface TermQuery {
  category?: string;
  /** Characters, pinyin (with or without tones) or English. */
  text?: string;
  origin?: TermOrigin;
  includeHidden?: boolean;
}

/** Terms matching the query, sorted by simplified form; for the glossary browser. */
export async function listTerms(db: DubaoDb, query: TermQuery = {}): Promise<Term[]> {
  const rows = query.category
    ? await db.terms.where('category').equals(query.category).toArray()
    : await db.terms.toArray();
  const q = prepareQuery(query.text ?? '');
  return rows
    .filter((r) => (query.includeHidden || r.hidden === 0) && (!query.origin || r.origin === query.origin))
    .map(toTerm)
    .filter((t) =>
      matchesQuery(q, {
        hanzi: surfacesOf(t),
        pinyin: t.pinyin,
        english: `${t.english} ${t.explanation}`,
      }),
    )
    .sort((a, b) => a.simplified.localeCompare(b.simplified, 'zh'));
}

/** Every visible term: what the reader highlights and segments with. */
export async function activeTerms(db: DubaoDb): Promise<Term[]> {
  return (await db.terms.where('hidden').equals(0).toArray()).map(toTerm);
}

/** Visible terms whose simplified, traditional or alias form is `word` (regional variants folded). */
export async function termsForWord(db: DubaoDb, word: string): Promise<Term[]> {
  return (
    await db.terms
      .where('heads')
      .anyOf([...new Set([word, foldVariants(word)])])
      .distinct()
      .toArray()
  )
    .filter((r) => r.hidden === 0)
    .map(toTerm);
}

/** Visible terms whose form is one of `forms` (e.g. all prefixes at the pointer), longest first. */
export async function termsForAny(db: DubaoDb, forms: readonly string[]): Promise<Term[]> {
  if (forms.length === 0) return [];
  const keys = [...new Set([...forms, ...forms.map(foldVariants)])];
  const rows = await db.terms.where('heads').anyOf(keys).distinct().toArray();
  return rows
    .filter((r) => r.hidden === 0)
    .map(toTerm)
    .sort((a, b) => b.simplified.length - a.simplified.length);
}

export type NewUserTerm = Omit<GlossaryEntry, 'id'> & { id?: string };

export async function addUserTerm(db: DubaoDb, input: NewUserTerm): Promise<Term> {
  const entry: GlossaryEntry = { ...input, id: input.id ?? crypto.randomUUID() };
  checkTerm(input, false);
  const row = withDerived({ id: `user:${entry.id}`, origin: 'user', entry, hidden: 0, updated: Date.now() });
  await guardQuota('save the term', () => db.terms.add(row));
  return toTerm(row);
}

export class TermNotFoundError extends Error {
  override name = 'TermNotFoundError';
}

async function getRow(db: DubaoDb, key: string): Promise<TermRow> {
  const row = await db.terms.get(key);
  if (!row) throw new TermNotFoundError(`No term ${key}`);
  return row;
}

/** Edits a term. For a built-in the change is kept apart from the shipped data, so updates never undo it. */
export async function editTerm(
  db: DubaoDb,
  key: string,
  patch: Partial<Omit<GlossaryEntry, 'id'>>,
): Promise<Term> {
  const row = await getRow(db, key);
  const clean = Object.fromEntries(Object.entries(patch).filter(([k, v]) => k !== 'id' && v !== undefined));
  checkTerm(clean, true);
  const next =
    row.origin === 'user'
      ? withDerived({ ...row, entry: { ...row.entry, ...clean }, updated: Date.now() })
      : withDerived({ ...row, edit: { ...row.edit, ...clean }, updated: Date.now() });
  await guardQuota('save the term', () => db.terms.put(next));
  return toTerm(next);
}

/** Drops the user's edit of a built-in term, back to the shipped data. */
export async function revertTerm(db: DubaoDb, key: string): Promise<Term> {
  const row = await getRow(db, key);
  const next = withDerived({ ...row, edit: undefined, updated: Date.now() });
  await db.terms.put(next);
  return toTerm(next);
}

export async function setTermHidden(db: DubaoDb, key: string, hidden: boolean): Promise<void> {
  const row = await getRow(db, key);
  await db.terms.put({ ...row, hidden: hidden ? 1 : 0, updated: Date.now() });
}

/** Deletes a user term. A built-in cannot be deleted (the next update would restore it): it is hidden instead. */
export async function deleteTerm(db: DubaoDb, key: string): Promise<'deleted' | 'hidden'> {
  const row = await getRow(db, key);
  if (row.origin === 'builtin') {
    await setTermHidden(db, key, true);
    return 'hidden';
  }
  await db.terms.delete(key);
  return 'deleted';
}

// ---- export / import of the user's own glossary work ------------------------------------------------------

export { TERM_CATEGORIES };

const AliasSchema = v.object({
  simplified: v.pipe(v.string(), v.minLength(1), v.maxLength(50, 'alias is longer than 50 characters')),
  traditional: v.optional(v.pipe(v.string(), v.maxLength(50, 'alias is longer than 50 characters')), ''),
  pinyin: v.optional(v.pipe(v.string(), v.maxLength(300)), ''),
});

type AliasInput = string | { simplified: string; traditional: string; pinyin: string };
type Head = Pick<GlossaryEntry, 'simplified' | 'traditional' | 'pinyin'>;

/** Aliases as stored: every one an object, with what the headword tells filled in where it was left out. */
export function normalizeAliases(aliases: readonly AliasInput[], head: Head): GlossaryAlias[] {
  return aliases.map((a) => {
    if (typeof a === 'string') return aliasFromHeadword(a, head);
    const fromHead = aliasFromHeadword(a.simplified, head);
    return {
      simplified: a.simplified,
      traditional: a.traditional || fromHead.traditional,
      pinyin: a.pinyin || fromHead.pinyin,
    };
  });
}

function normalizeEntry<T extends Partial<Head> & { aliases?: readonly AliasInput[] }>(
  e: T,
  base?: Head,
): Omit<T, 'aliases'> & { aliases?: GlossaryAlias[] } {
  if (!e.aliases) return e as Omit<T, 'aliases'>;
  const head = { ...base, ...e } as Head;
  return { ...e, aliases: normalizeAliases(e.aliases, head) };
}

/** Limits of one glossary term and of a glossary file: what the engine and the card are built to carry. */
export const TERM_LIMITS = {
  form: 50,
  pinyin: 300,
  english: 500,
  explanation: 5000,
  source: 500,
  since: 50,
  /** Aliases and related forms of one term. */
  forms: 50,
  /** Terms added, edited or hidden in one file. */
  terms: 10_000,
} as const;

const bounded = (max: number, what: string) =>
  v.pipe(v.string(), v.maxLength(max, `${what} is longer than ${max} characters`));
const forms = (what: string) =>
  v.pipe(
    v.array(v.pipe(bounded(TERM_LIMITS.form, what), v.minLength(1, `${what} is empty`))),
    v.maxLength(TERM_LIMITS.forms, `more than ${TERM_LIMITS.forms} ${what}s`),
  );
const termList = <T extends v.GenericSchema>(item: T, what: string) =>
  v.pipe(v.array(item), v.maxLength(TERM_LIMITS.terms, `more than ${TERM_LIMITS.terms} ${what}`));

const EntrySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  simplified: v.pipe(bounded(TERM_LIMITS.form, 'the Simplified form'), v.minLength(1)),
  traditional: bounded(TERM_LIMITS.form, 'the Traditional form'),
  pinyin: bounded(TERM_LIMITS.pinyin, 'the pinyin'),
  english: bounded(TERM_LIMITS.english, 'the English'),
  englishSource: v.picklist(['official', 'descriptive']),
  source: v.optional(bounded(TERM_LIMITS.source, 'the source')),
  explanation: bounded(TERM_LIMITS.explanation, 'the explanation'),
  category: v.picklist(TERM_CATEGORIES),
  status: v.picklist(TERM_STATUSES),
  since: v.optional(bounded(TERM_LIMITS.since, '"since"')),
  related: forms('related form'),
  // Exports made before aliases had readings hold bare strings; a reading left out is filled in from the
  // headword here and completed by the background (lib/glossary/alias.ts) when it reads the term.
  aliases: v.optional(
    v.pipe(
      v.array(
        v.union([bounded(TERM_LIMITS.form, 'alias'), AliasSchema], 'alias is longer than 50 characters'),
      ),
      v.maxLength(TERM_LIMITS.forms, `more than ${TERM_LIMITS.forms} aliases`),
    ),
  ),
});

export const UserTermsExportSchema = v.object({
  format: v.literal('dubao-terms'),
  version: v.literal(1),
  /** Terms the user added. */
  added: termList(EntrySchema, 'added terms'),
  /** User changes to built-in terms, by built-in id. */
  edited: termList(
    v.object({ id: v.pipe(v.string(), v.maxLength(200)), patch: v.partial(v.omit(EntrySchema, ['id'])) }),
    'edited terms',
  ),
  /** Built-in ids the user hid. */
  hidden: termList(v.pipe(v.string(), v.maxLength(200)), 'hidden terms'),
});

/** A term (or an edit of one) that breaks a limit: the message says which field and what the limit is. */
export class TermInvalidError extends Error {
  override name = 'TermInvalidError';
}

function checkTerm(entry: unknown, partial: boolean): void {
  const r = v.safeParse(
    partial ? v.partial(v.omit(EntrySchema, ['id'])) : v.omit(EntrySchema, ['id']),
    entry,
  );
  if (!r.success) throw new TermInvalidError(`The term cannot be saved: ${r.issues[0].message}.`);
}

export type UserTermsExport = v.InferOutput<typeof UserTermsExportSchema>;

export async function exportUserTerms(db: DubaoDb): Promise<UserTermsExport> {
  const rows = await db.terms.toArray();
  const builtins = rows.filter((r) => r.origin === 'builtin');
  return {
    format: 'dubao-terms',
    version: 1,
    added: rows.filter((r) => r.origin === 'user').map((r) => r.entry),
    edited: builtins
      .filter((r) => r.edit && Object.keys(r.edit).length > 0)
      .map((r) => ({ id: r.entry.id, patch: r.edit! })),
    hidden: builtins.filter((r) => r.hidden === 1).map((r) => r.entry.id),
  };
}

export type ImportTermsResult =
  | { ok: true; added: number; edited: number; hidden: number; unknownBuiltins: string[] }
  | { ok: false; error: string };

/** Validates and merges an export: added terms replace same-id user terms; edits of unknown built-ins are reported. */
export async function importUserTerms(db: DubaoDb, raw: unknown): Promise<ImportTermsResult> {
  const parsed = v.safeParse(UserTermsExportSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, error: `Not a Dubao glossary export${path ? ` (${path})` : ''}: ${issue.message}` };
  }
  const data = parsed.output;
  const unknownBuiltins: string[] = [];
  const now = Date.now();
  await guardQuota('import terms', () =>
    db.transaction('rw', db.terms, async () => {
      await db.terms.bulkPut(
        data.added.map((entry) =>
          withDerived({
            id: `user:${entry.id}`,
            origin: 'user',
            entry: normalizeEntry(entry) as GlossaryEntry,
            hidden: 0,
            updated: now,
          }),
        ),
      );
      for (const { id, patch } of data.edited) {
        const row = await db.terms.get(`builtin:${id}`);
        if (!row) unknownBuiltins.push(id);
        else
          await db.terms.put(
            withDerived({
              ...row,
              edit: {
                ...row.edit,
                ...(normalizeEntry(patch, { ...row.entry, ...row.edit }) as Partial<GlossaryEntry>),
              },
              updated: now,
            }),
          );
      }
      for (const id of data.hidden) {
        const row = await db.terms.get(`builtin:${id}`);
        if (!row) unknownBuiltins.push(id);
        else await db.terms.put({ ...row, hidden: 1, updated: now });
      }
    }),
  );
  return {
    ok: true,
    added: data.added.length,
    edited: data.edited.length,
    hidden: data.hidden.length,
    unknownBuiltins,
  };
}
