/**
 * Storage faults (issue 17): a database that failed to open at first is opened again on the next message, and a
 * dictionary import stopped by a full disk is shown as failed, not as "importing" for ever.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import * as dbModule from '../../../lib/db';
import { DICT_STALL_MS, shownDictStatus, type DictImportState } from '../../../lib/db';

vi.mock('../../../lib/db', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/db')>();
  return { ...real, openDb: vi.fn(real.openDb), seedBuiltinTerms: vi.fn(real.seedBuiltinTerms) };
});

const quotaError = () =>
  Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('opening the database', () => {
  it('fails while storage is full and works on the next call once there is room', async () => {
    const { db } = await import('../../../lib/engine/db');
    const real = await vi.importActual<typeof import('../../../lib/db')>('../../../lib/db');
    const open = vi.mocked(dbModule.openDb);
    const fresh = () => real.openDb({ name: 'dubao-open', indexedDB: new IDBFactory(), IDBKeyRange });
    open.mockRejectedValueOnce(quotaError());
    await expect(db()).rejects.toThrow(/quota/);
    open.mockImplementationOnce(fresh);
    const d = await db();
    expect(await d.terms.count()).toBeGreaterThan(100); // the built-in glossary, seeded on this open
  });
});

describe('the dictionary status while the disk is full', () => {
  const importing: DictImportState = {
    version: '2026-01-01',
    total: 676,
    done: 64,
    entries: 120_000,
    status: 'importing',
    started: 1_000,
    updated: 2_000,
  };

  it('says the import failed, and why when the importer knows', () => {
    expect(shownDictStatus(importing, 2_000 + DICT_STALL_MS + 1)).toMatchObject({
      status: 'failed',
      done: 64,
      error: expect.stringMatching(/no progress .* disk may be full/),
    });
    expect(shownDictStatus(importing, 2_500, 'storage is full. Free some disk space')).toMatchObject({
      status: 'failed',
      error: 'storage is full. Free some disk space',
    });
  });

  it('still says importing while chunks keep arriving, and complete when done', () => {
    expect(shownDictStatus(importing, 2_000 + DICT_STALL_MS - 1)).toEqual(importing);
    const complete = { ...importing, status: 'complete' as const, done: 676 };
    expect(shownDictStatus(complete, 10 ** 12, 'old error')).toEqual(complete);
  });
});
