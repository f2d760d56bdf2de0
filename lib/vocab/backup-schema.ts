// What a Dubao backup file holds, as types and as the schema every backup is checked against before it is read.
import * as v from 'valibot';
import { UserTermsExportSchema, type UserTermsExport } from '../db/terms';
import type { KnownRow, ReviewRow } from '../db/types';
import { isKnowableWord } from '../db/known';
import type { VocabEntry, VocabList } from '../db/vocab';
import { isSourceUrl, SOURCE_TITLE_MAX, SOURCE_URL_MAX } from './formats';

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

export const BackupSchema = v.object({
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
