import type { Card } from 'ts-fsrs';
import type { GlossaryEntry } from './glossary-entry';
import type { TermOrigin } from '../glossary/types';

/**
 * CC-CEDICT entries grouped by the first character of their Simplified headword, one entry a line in `block`
 * (encoded as in the shipped asset). A record holds the whole groups of one or more first characters, packed to
 * about 8k characters (676 records instead of 125k entries; Chromium's IndexedDB costs ~0.1 ms a record), so the
 * install import is a few hundred writes and a lookup a single read of one or two records.
 */
export interface DictBucket {
  /** First character of the Simplified headwords in this bucket. */
  id: string;
  /** First characters of every headword in the bucket, both scripts, for the multiEntry index. */
  heads: string[];
  /** Entries, `simplified \t traditional-or-empty \t pinyin \t sense/sense`, one a line, in CEDICT order. */
  block: string;
}

export type { TermOrigin } from '../glossary/types';

/**
 * A glossary term. Built-in rows keep the shipped data in `entry` (replaced by each data update) and the user's
 * changes apart in `edit` (never touched by an update); what the user sees is `{...entry, ...edit}`.
 */
export interface TermRow {
  /** `builtin:<entry id>` or `user:<entry id>`. */
  id: string;
  origin: TermOrigin;
  entry: GlossaryEntry;
  edit?: Partial<GlossaryEntry>;
  /** 0/1 rather than boolean: booleans are not valid IndexedDB keys. */
  hidden: 0 | 1;
  /** Effective simplified, traditional and aliases, for lookup by any form. */
  heads: string[];
  /** Effective category, indexed for browsing. */
  category: string;
  updated: number;
}

export interface ListRow {
  id?: number;
  name: string;
  order: number;
  created: number;
}

export interface EntryContext {
  sentence: string;
  /** UTF-16 offset of the word in `sentence`, or -1 when unknown. */
  offset: number;
}

export interface EntrySource {
  title: string;
  url: string;
}

export interface EntryRow {
  id?: number;
  listId: number;
  /** The word as it appeared on the page (either script). */
  word: string;
  simplified: string;
  traditional: string;
  pinyin: string;
  definition: string;
  context: EntryContext | null;
  source: EntrySource | null;
  created: number;
  tags: string[];
  notes: string;
}

/** FSRS card state for one vocabulary entry, with ts-fsrs's own field names. */
export type ReviewRow = Card & { entryId: number };

export interface MetaRow<T = unknown> {
  key: string;
  value: T;
}

/** A word the user knows: the reader can leave pinyin off it. Both script forms count. */
export interface KnownRow {
  /** Simplified form, the key. */
  word: string;
  /** Traditional form; the same as `word` when the scripts agree. */
  traditional: string;
  added: number;
}
