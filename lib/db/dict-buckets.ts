import { bucketByFirstChar } from '../dict/asset';
import type { CedictRow } from '../dict/cedict';
import type { DictBucket } from './types';

export const DICT_IMPORT_KEY = 'dictImport';

export type DictImportStatus = 'importing' | 'complete' | 'failed';

/** Kept in `meta` under `dictImport`, updated in the same transaction as each chunk, so it never lies. */
export interface DictImportState {
  /** Version of the data being (or last) imported, e.g. the CEDICT release date. */
  version: string;
  /** Records to write (each holds the entries of one or more first characters). */
  total: number;
  /** Records 0..done-1 are stored. */
  done: number;
  /** CEDICT entries in this version. */
  entries: number;
  status: DictImportStatus;
  error?: string;
  started: number;
  updated: number;
}

export { firstChar } from '../dict/asset';

/**
 * Groups entries by the first character of the Simplified headword, keeping CEDICT order within each group: one
 * record per first character, as the v1 → v2 upgrade stores them. The import packs these groups into fewer,
 * larger records (`cedictRecords`); lookups read both shapes alike.
 */
export function bucketize(rows: readonly CedictRow[]): DictBucket[] {
  return bucketByFirstChar(rows);
}

/**
 * A v1 import state counted entries; v2 counts buckets. A complete import stays complete; anything else is
 * restarted from the beginning, since v1's progress cannot be mapped onto buckets.
 */
export function upgradeImportState(old: Partial<DictImportState>, buckets: number): DictImportState {
  const now = Date.now();
  const complete = old.status === 'complete';
  return {
    version: old.version ?? 'unknown',
    total: buckets,
    done: complete ? buckets : 0,
    entries: old.total ?? 0,
    status: complete ? 'complete' : 'failed',
    ...(complete ? {} : { error: 'Interrupted before the database upgrade; import again.' }),
    started: old.started ?? now,
    updated: now,
  };
}
