import { cedictRecords, decodeCedictAsset, decodeCedictLine } from '../dict/asset';
import type { CedictRow } from '../dict/cedict';
import { numberedToMarks } from '../text/syllables';
import { DICT_IMPORT_KEY, firstChar, type DictImportState } from './dict-buckets';
import { guardQuota } from './errors';
import type { DubaoDb } from './schema';
import type { DictBucket } from './types';
import type { DictMatch } from '../dict/types';

export type { DictMatch } from '../dict/types';

export { DICT_IMPORT_KEY, type DictImportState, type DictImportStatus } from './dict-buckets';

export interface DictImportProgress {
  /** Records written so far. */
  done: number;
  total: number;
}

export interface DictImportOptions {
  version: string;
  /**
   * Records per transaction. A record holds ~8k characters of entries (`RECORD_CHARS`), so the full CEDICT is
   * ~700 records and the default writes it in ~10 transactions of ~1 MB, each with its progress record.
   */
  chunkSize?: number;
  onProgress?: (progress: DictImportProgress) => void;
  signal?: AbortSignal;
  /** Re-import even if this version is already complete. */
  force?: boolean;
}

export async function dictStatus(db: DubaoDb): Promise<DictImportState | null> {
  const row = await db.meta.get(DICT_IMPORT_KEY);
  return (row?.value as DictImportState | undefined) ?? null;
}

/** An import whose progress has not moved for this long is not running any more (its writes failed, or its
 * worker was stopped): chunks are written every few milliseconds while it runs. */
export const DICT_STALL_MS = 20_000;

/**
 * The state to show: an "importing" record that has not moved for DICT_STALL_MS is reported as failed. A full
 * disk refuses the very write that would record the failure, so the stored state alone kept saying
 * "importing 64/676" for as long as the disk stayed full. `knownError` is the failure the importer saw, if any.
 */
export function shownDictStatus(
  state: DictImportState | null,
  now: number,
  knownError?: string,
): DictImportState | null {
  if (!state || state.status !== 'importing') return state;
  if (knownError) return { ...state, status: 'failed', error: knownError };
  if (now - state.updated < DICT_STALL_MS) return state;
  return {
    ...state,
    status: 'failed',
    error: `no progress for ${Math.round((now - state.updated) / 1000)} s (the disk may be full)`,
  };
}

/** Imports CEDICT rows, packed into records as the shipped asset is (`cedictRecords`); see `importRecords`. */
export async function importDictionary(
  db: DubaoDb,
  rows: readonly CedictRow[],
  options: DictImportOptions,
): Promise<DictImportState> {
  return importRecords(db, () => cedictRecords(rows), rows.length, options);
}

/**
 * The install step in one call: decodes the shipped asset text (fetched from `CEDICT_ASSET_PATH`) and imports its
 * records under the asset's own version. Throws `CedictAssetError` for a truncated or foreign file before touching
 * the database, `QuotaExceededError` when storage is full; call it again to retry or resume.
 */
export async function importCedictAsset(
  db: DubaoDb,
  assetText: string,
  options: Omit<DictImportOptions, 'version'> = {},
): Promise<DictImportState> {
  const { version, entries, buckets } = decodeCedictAsset(assetText);
  return importRecords(db, () => buckets, entries, { ...options, version });
}

/**
 * Writes the records in chunks, one transaction each, with the progress record in `meta` updated in the same
 * transaction. Record keys and order depend only on the data, so a chunk written twice is harmless: an
 * interrupted or failed import resumes where `meta` says it stopped, and an update overwrites the old version in
 * place, so lookups keep working (on a mix of old and new data) while it runs.
 */
async function importRecords(
  db: DubaoDb,
  recordsOf: () => readonly DictBucket[],
  entries: number,
  options: DictImportOptions,
): Promise<DictImportState> {
  const { version, chunkSize = 64, onProgress, signal, force = false } = options;
  const previous = await dictStatus(db);
  if (previous && previous.version === version && previous.status === 'complete' && !force) {
    onProgress?.({ done: previous.total, total: previous.total });
    return previous;
  }
  const records = recordsOf();
  const now = Date.now();
  const resume = previous && previous.version === version && previous.total === records.length && !force;
  let state: DictImportState = {
    version,
    total: records.length,
    done: resume ? Math.min(previous.done, records.length) : 0,
    entries,
    status: 'importing',
    started: resume ? previous.started : now,
    updated: now,
  };
  await db.meta.put({ key: DICT_IMPORT_KEY, value: state });
  onProgress?.({ done: state.done, total: state.total });

  try {
    while (state.done < records.length) {
      signal?.throwIfAborted();
      const end = Math.min(state.done + chunkSize, records.length);
      const chunk = records.slice(state.done, end);
      const next: DictImportState = { ...state, done: end, updated: Date.now() };
      await guardQuota('import the dictionary', () =>
        db.transaction('rw', db.dict, db.meta, async () => {
          await db.dict.bulkPut(chunk);
          await db.meta.put({ key: DICT_IMPORT_KEY, value: next });
        }),
      );
      state = next;
      onProgress?.({ done: state.done, total: state.total });
    }
    // Records of a previous version (or an earlier packing) that this one no longer has.
    const keep = new Set(records.map((b) => b.id));
    const stale = (await db.dict.toCollection().primaryKeys()).filter((k) => !keep.has(k));
    await db.dict.bulkDelete(stale);
    state = { ...state, status: 'complete', updated: Date.now() };
    await db.meta.put({ key: DICT_IMPORT_KEY, value: state });
    return state;
  } catch (err) {
    if (!signal?.aborted) {
      const failed: DictImportState = { ...state, status: 'failed', error: String(err), updated: Date.now() };
      await db.meta.put({ key: DICT_IMPORT_KEY, value: failed }).catch(() => undefined);
    }
    throw err;
  }
}

/** Every prefix of `text`, longest first, counted in characters (not UTF-16 units) and at most `max` long. */
export function prefixesOf(text: string, max = 8): string[] {
  const chars = Array.from(text.trim()).slice(0, max);
  const out: string[] = [];
  for (let n = chars.length; n > 0; n--) out.push(chars.slice(0, n).join(''));
  return out;
}

interface Candidate {
  row: CedictRow;
  matched: string;
  /** Position in CEDICT order within its bucket, for stable ordering. */
  order: number;
}

/**
 * Entries of the records holding `text`'s first character whose headword is one of `wanted`. A line found twice
 * (in an old and a new record while an update that packs records differently is under way) counts once.
 */
/** Where lookups read the dictionary records holding headwords that start with a character. */
export type BucketSource = (db: DubaoDb, first: string) => Promise<DictBucket[]>;

const fromDb: BucketSource = (db, first) => db.dict.where('heads').equals(first).toArray();

/**
 * The lines of `records` (in their order, each once) whose Simplified or Traditional headword starts with
 * `first`, as one record: what a cache keeps per first character, so that a lookup reads a few dozen lines
 * instead of a whole packed record of many characters.
 */
export function linesStartingWith(first: string, records: readonly DictBucket[]): DictBucket {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    for (const line of r.block.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0 || seen.has(line)) continue;
      if (line.startsWith(first) || line.startsWith(first, tab + 1)) {
        seen.add(line);
        lines.push(line);
      }
    }
  }
  return { id: `lines:${first}`, heads: [first], block: lines.join('\n') };
}

async function candidates(
  db: DubaoDb,
  first: string,
  wanted: ReadonlySet<string>,
  source: BucketSource = fromDb,
): Promise<Candidate[]> {
  const buckets = await source(db, first);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  let order = 0;
  for (const bucket of buckets) {
    for (const line of bucket.block.split('\n')) {
      order++;
      // Cheap check on the raw line before decoding it.
      const tab = line.indexOf('\t');
      const simp = line.slice(0, tab);
      const trad = line.slice(tab + 1, line.indexOf('\t', tab + 1));
      const matched = wanted.has(simp) ? simp : trad && wanted.has(trad) ? trad : null;
      if (matched === null || seen.has(line)) continue;
      seen.add(line);
      const row = decodeCedictLine(line);
      if (row) out.push({ row, matched, order });
    }
  }
  return out;
}

/**
 * Entries whose headword is a prefix of `text` (the text at the pointer), from one indexed query.
 * Longest matches first; among equals, common words before proper nouns, then CEDICT order.
 */
export async function lookup(
  db: DubaoDb,
  text: string,
  maxLength = 8,
  source?: BucketSource,
): Promise<DictMatch[]> {
  const prefixes = prefixesOf(text, maxLength);
  if (prefixes.length === 0) return [];
  const found = await candidates(db, firstChar(prefixes[0]), new Set(prefixes), source);
  found.sort(
    (a, b) =>
      b.matched.length - a.matched.length ||
      Number(isProperNoun(a.row)) - Number(isProperNoun(b.row)) ||
      a.order - b.order,
  );
  return found.map((c) => toMatch(c.row, c.matched));
}

/** Entries for exactly this word, in either script. */
export async function lookupWord(db: DubaoDb, word: string): Promise<DictMatch[]> {
  const found = await candidates(db, firstChar(word), new Set([word]));
  found.sort((a, b) => Number(isProperNoun(a.row)) - Number(isProperNoun(b.row)) || a.order - b.order);
  return found.map((c) => toMatch(c.row, c.matched));
}

// CEDICT capitalises the pinyin of names (`Yin2 hang2`); readers of a newspaper want the common word first.
function isProperNoun(row: CedictRow): boolean {
  const c = row.pinyin.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function toMatch(row: CedictRow, matched: string): DictMatch {
  return {
    matched,
    simplified: row.simplified,
    traditional: row.traditional,
    pinyinNumbers: row.pinyin,
    pinyin: numberedToMarks(row.pinyin),
    definitions: row.definitions,
  };
}
