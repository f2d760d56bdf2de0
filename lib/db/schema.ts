import Dexie, { type Table, type Transaction } from 'dexie';
import { bucketize, DICT_IMPORT_KEY, upgradeImportState } from './dict-buckets';
import {
  aliasFromHeadword,
  foldVariants,
  surfacesOf,
  type GlossaryAlias,
  type GlossaryEntry,
} from './glossary-entry';
import type { CedictRow } from '../dict/cedict';
import type { DictBucket, EntryRow, KnownRow, ListRow, MetaRow, ReviewRow, TermRow } from './types';

export const DB_NAME = 'dubao';

/** Version 1, kept verbatim: Dexie needs the old schema to upgrade from it, and the migration test opens it. */
export const SCHEMA_V1 = {
  dict: 'id, simplified, traditional',
  terms: 'id, simplified, category',
  lists: '++id, name',
  entries: '++id, listId, word, created',
  meta: 'key',
} as const;

export const SCHEMA_V2 = {
  dict: 'id, *heads',
  terms: 'id, origin, category, hidden, *heads',
  lists: '++id, name, order, created',
  entries: '++id, listId, simplified, traditional, created, *tags',
  reviews: 'entryId, due, state',
  meta: 'key',
} as const;

/** Version 3 adds the words the user knows (no pinyin over them when the reader is set so). */
export const SCHEMA_V3 = { ...SCHEMA_V2, known: 'word, traditional, added' } as const;

export const DB_VERSION = 4;

export interface OpenDbOptions {
  name?: string;
  /** Injected in tests (fake-indexeddb); the browser's own by default. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class DubaoDb extends Dexie {
  dict!: Table<DictBucket, string>;
  terms!: Table<TermRow, string>;
  lists!: Table<ListRow, number>;
  entries!: Table<EntryRow, number>;
  reviews!: Table<ReviewRow, number>;
  meta!: Table<MetaRow, string>;
  known!: Table<KnownRow, string>;

  constructor(options: OpenDbOptions = {}) {
    const deps =
      options.indexedDB && options.IDBKeyRange
        ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }
        : undefined;
    super(options.name ?? DB_NAME, deps);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3);
    // Version 4: term aliases carry their own Traditional form and pinyin (were bare Simplified strings).
    this.version(4).stores(SCHEMA_V3).upgrade(upgradeToV4);
  }
}

/** Opens (creating or upgrading) the database. */
export async function openDb(options: OpenDbOptions = {}): Promise<DubaoDb> {
  const db = new DubaoDb(options);
  await db.open();
  return db;
}

export function headsOf(...forms: (string | undefined)[]): string[] {
  return [...new Set(forms.filter((f): f is string => !!f))];
}

// ---- v1 → v2 -------------------------------------------------------------------------------------------------

/** Row shapes of version 1, only read by the upgrade. */
export interface TermRowV1 extends Omit<GlossaryEntry, 'englishSource' | 'status' | 'related' | 'aliases'> {
  aliases?: string[];
  user?: boolean;
  hidden?: boolean;
}
export interface ListRowV1 {
  id?: number;
  name: string;
}
export interface EntryRowV1 {
  id?: number;
  listId: number;
  word: string;
  pinyin: string;
  definition: string;
  sentence?: string;
  title?: string;
  url?: string;
  created: number;
}

export interface DictRowV1 extends CedictRow {
  id: number;
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  // One record per entry becomes one record per first character.
  const oldDict = (await tx.table('dict').toArray()) as DictRowV1[];
  await tx.table('dict').clear();
  const buckets = bucketize(oldDict.sort((a, b) => a.id - b.id));
  await tx.table('dict').bulkAdd(buckets);
  const importState = (await tx.table('meta').get(DICT_IMPORT_KEY)) as MetaRow | undefined;
  if (importState) {
    await tx.table('meta').put({
      key: DICT_IMPORT_KEY,
      value: upgradeImportState(
        importState.value as Parameters<typeof upgradeImportState>[0],
        buckets.length,
      ),
    });
  }

  // v1 keyed terms by the bare entry id; v2 prefixes the origin, and a primary key cannot be modified in place.
  const oldTerms = (await tx.table('terms').toArray()) as TermRowV1[];
  await tx.table('terms').clear();
  const now = Date.now();
  await tx.table('terms').bulkAdd(oldTerms.map((t) => termFromV1(t, now)));

  let order = 0;
  await tx
    .table('lists')
    .toCollection()
    .modify((row: ListRow) => {
      row.order = order++;
      row.created ??= now;
    });

  await tx
    .table('entries')
    .toCollection()
    .modify((row: EntryRowV1 & Partial<EntryRow>) => {
      const sentence = row.sentence ?? '';
      row.simplified = row.word;
      row.traditional = row.word;
      row.context = sentence ? { sentence, offset: sentence.indexOf(row.word) } : null;
      row.source = row.url ? { title: row.title ?? '', url: row.url } : null;
      row.tags = [];
      row.notes = '';
      delete row.sentence;
      delete row.title;
      delete row.url;
    });
}

function termFromV1(t: TermRowV1, now: number): TermRow {
  const { user, hidden, aliases, ...rest } = t;
  // Aliases stay bare strings here, as every row had them until version 4, whose upgrade reads them.
  const entry = {
    englishSource: 'descriptive',
    status: 'current',
    related: [],
    ...rest,
    aliases,
  } as unknown as GlossaryEntry;
  return {
    id: `${user ? 'user' : 'builtin'}:${t.id}`,
    origin: user ? 'user' : 'builtin',
    entry,
    hidden: hidden ? 1 : 0,
    heads: headsOf(entry.simplified, entry.traditional, ...(aliases ?? [])),
    category: entry.category,
    updated: now,
  };
}

// ---- v3 → v4 -------------------------------------------------------------------------------------------------

/**
 * String aliases become objects read from their headword (its syllables and Traditional characters). No
 * dictionary runs inside the upgrade (it may run in the popup); a character the headword lacks leaves the
 * pinyin empty, and the background completes such aliases when it reads the term (lib/glossary/alias.ts).
 * Built-in rows get the shipped objects at the next seed anyway; user terms and edits keep theirs.
 */
async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table('terms')
    .toCollection()
    .modify((row: TermRow) => {
      const head = { ...row.entry, ...row.edit };
      const fix = (aliases: readonly unknown[]): GlossaryAlias[] =>
        aliases.map((a) => (typeof a === 'string' ? aliasFromHeadword(a, head) : (a as GlossaryAlias)));
      if (row.entry.aliases) row.entry.aliases = fix(row.entry.aliases);
      if (row.edit?.aliases) row.edit.aliases = fix(row.edit.aliases);
      const surfaces = surfacesOf({ ...row.entry, ...row.edit });
      row.heads = headsOf(...surfaces, ...surfaces.map(foldVariants));
    });
}
