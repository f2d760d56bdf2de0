import type { CedictRow } from '../dict/cedict';
import { numberedToMarks } from '../dict/cedict';
import { guardQuota } from './errors';
import { headsOf, type DubaoDb } from './schema';
import type { DictRow } from './types';

export const DICT_IMPORT_KEY = 'dictImport';

export type DictImportStatus = 'importing' | 'complete' | 'failed';

/** Kept in `meta` under `dictImport`, updated in the same transaction as each chunk, so it never lies. */
export interface DictImportState {
  /** Version of the data being (or last) imported, e.g. the CEDICT release date. */
  version: string;
  total: number;
  /** Rows 1..done are stored. */
  done: number;
  status: DictImportStatus;
  error?: string;
  started: number;
  updated: number;
}

export interface DictImportProgress {
  done: number;
  total: number;
}

export interface DictImportOptions {
  version: string;
  /** Rows per transaction; larger is faster, smaller reports progress more often. */
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

/**
 * Imports the dictionary in chunks. Rows get ids 1..n, so a chunk written twice is harmless: an interrupted or
 * failed import resumes where `meta` says it stopped, and an update overwrites the old version in place, so
 * lookups keep working (on a mix of old and new rows) while it runs.
 */
export async function importDictionary(
  db: DubaoDb,
  rows: readonly CedictRow[],
  options: DictImportOptions,
): Promise<DictImportState> {
  const { version, chunkSize = 5000, onProgress, signal, force = false } = options;
  const previous = await dictStatus(db);
  const now = Date.now();
  if (previous && previous.version === version && previous.status === 'complete' && !force) {
    onProgress?.({ done: previous.total, total: previous.total });
    return previous;
  }
  const resume = previous && previous.version === version && previous.total === rows.length && !force;
  let state: DictImportState = {
    version,
    total: rows.length,
    done: resume ? Math.min(previous.done, rows.length) : 0,
    status: 'importing',
    started: resume ? previous.started : now,
    updated: now,
  };
  await db.meta.put({ key: DICT_IMPORT_KEY, value: state });
  onProgress?.({ done: state.done, total: state.total });

  try {
    while (state.done < rows.length) {
      signal?.throwIfAborted();
      const start = state.done;
      const end = Math.min(start + chunkSize, rows.length);
      const chunk: DictRow[] = [];
      for (let i = start; i < end; i++) chunk.push(toDictRow(rows[i], i + 1));
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
    // Rows left over from a longer previous version.
    await db.dict.where(':id').above(rows.length).delete();
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

function toDictRow(r: CedictRow, id: number): DictRow {
  return {
    id,
    simplified: r.simplified,
    traditional: r.traditional,
    pinyin: r.pinyin,
    definitions: r.definitions,
    heads: headsOf(r.simplified, r.traditional),
  };
}

/** A dictionary entry whose headword starts the looked-up text. */
export interface DictMatch {
  /** The headword as found in the text (Simplified or Traditional). */
  matched: string;
  simplified: string;
  traditional: string;
  /** Numbered, as in CEDICT: `yin2 hang2`. */
  pinyinNumbers: string;
  /** Tone marks: `yín háng`. */
  pinyin: string;
  definitions: string[];
}

/** Every prefix of `text`, longest first, counted in characters (not UTF-16 units) and at most `max` long. */
export function prefixesOf(text: string, max = 8): string[] {
  const chars = Array.from(text.trim()).slice(0, max);
  const out: string[] = [];
  for (let n = chars.length; n > 0; n--) out.push(chars.slice(0, n).join(''));
  return out;
}

/**
 * Entries whose headword is a prefix of `text` (the text at the pointer), in one indexed query.
 * Longest matches first; among equals, common words before proper nouns, then CEDICT order.
 */
export async function lookup(db: DubaoDb, text: string, maxLength = 8): Promise<DictMatch[]> {
  const prefixes = prefixesOf(text, maxLength);
  if (prefixes.length === 0) return [];
  const rows = await db.dict.where('heads').anyOf(prefixes).distinct().toArray();
  const wanted = new Set(prefixes);
  const matches = rows.map((row) => {
    const matched = row.heads.filter((h) => wanted.has(h)).sort((a, b) => b.length - a.length)[0];
    return { row, matched };
  });
  matches.sort(
    (a, b) =>
      b.matched.length - a.matched.length ||
      Number(isProperNoun(a.row)) - Number(isProperNoun(b.row)) ||
      (a.row.id ?? 0) - (b.row.id ?? 0),
  );
  return matches.map(({ row, matched }) => toMatch(row, matched));
}

/** Entries for exactly this word, in either script. */
export async function lookupWord(db: DubaoDb, word: string): Promise<DictMatch[]> {
  const rows = await db.dict.where('heads').equals(word).toArray();
  rows.sort((a, b) => Number(isProperNoun(a)) - Number(isProperNoun(b)) || (a.id ?? 0) - (b.id ?? 0));
  return rows.map((row) => toMatch(row, word));
}

// CEDICT capitalises the pinyin of names (`Yin2 hang2`); readers of a newspaper want the common word first.
function isProperNoun(row: DictRow): boolean {
  const c = row.pinyin.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function toMatch(row: DictRow, matched: string): DictMatch {
  return {
    matched,
    simplified: row.simplified,
    traditional: row.traditional,
    pinyinNumbers: row.pinyin,
    pinyin: numberedToMarks(row.pinyin),
    definitions: row.definitions,
  };
}
