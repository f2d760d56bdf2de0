import { describe, expect, it, vi } from 'vitest';
import {
  dictStatus,
  importCedictAsset,
  importDictionary,
  linesStartingWith,
  lookup,
  lookupWord,
  prefixesOf,
} from '../../../lib/db/dict';
import { bucketize } from '../../../lib/db/dict-buckets';
import { CedictAssetError, cedictRecords, encodeCedictAsset } from '../../../lib/dict/asset';
import { QuotaExceededError } from '../../../lib/db/errors';
import type { CedictRow } from '../../../lib/dict/cedict';
import { freshDb } from './helpers';

function rows(n: number, tag = ''): CedictRow[] {
  // Distinct two-character headwords from the CJK block, so every row can be looked up.
  return Array.from({ length: n }, (_, i) => {
    const w = String.fromCodePoint(0x4e00 + i, 0x4e00 + ((i * 7) % 500));
    return { simplified: w, traditional: w, pinyin: 'yi1 er4', definitions: [`sense ${i}${tag}`] };
  });
}

describe('prefixesOf', () => {
  it('counts characters, not UTF-16 units, and stops at 8', () => {
    expect(prefixesOf('𠀀银行')).toEqual(['𠀀银行', '𠀀银', '𠀀']);
    expect(prefixesOf('一二三四五六七八九十')[0]).toBe('一二三四五六七八');
  });
});

describe('linesStartingWith', () => {
  it('keeps, once and in order, the lines whose Simplified or Traditional headword starts with the character', () => {
    const a = {
      id: 'a',
      heads: ['银', '銀', '行'],
      block: '银行\t銀行\tyin2 hang2\tbank\n行\t\txing2\tto walk',
    };
    const b = {
      id: 'b',
      heads: ['银', '銀'],
      block: '銀行\t\tyin2 hang2\tbank (Taiwan)\n银行\t銀行\tyin2 hang2\tbank',
    };
    expect(linesStartingWith('银', [a, b]).block.split('\n')).toEqual(['银行\t銀行\tyin2 hang2\tbank']);
    expect(linesStartingWith('銀', [a, b]).block.split('\n')).toEqual([
      '银行\t銀行\tyin2 hang2\tbank',
      '銀行\t\tyin2 hang2\tbank (Taiwan)',
    ]);
    expect(
      linesStartingWith('𠮷', [{ id: 'c', heads: ['𠮷'], block: '𠮷\t\tji2\tlucky (variant)' }]).block,
    ).toBe('𠮷\t\tji2\tlucky (variant)');
    expect(linesStartingWith('书', [a]).block).toBe('');
  });
});

describe('importDictionary', () => {
  // 2500 short entries pack into a handful of records (~8k characters each); chunks count records.
  const data = rows(2500);
  const records = cedictRecords(data).length;

  it('packs entries into few records, every first character whole in one of them', async () => {
    expect(records).toBeGreaterThanOrEqual(5);
    expect(records).toBeLessThan(20);
    const db = await freshDb();
    await importDictionary(db, data, { version: 'v1' });
    expect(await db.dict.count()).toBe(records);
    for (const i of [0, 777, 2499]) {
      expect(await db.dict.where('heads').equals(data[i].simplified[0]).count()).toBe(1);
      expect((await lookupWord(db, data[i].simplified)).map((m) => m.definitions)).toEqual([[`sense ${i}`]]);
    }
  });

  it('reports progress chunk by chunk and ends complete', async () => {
    const db = await freshDb();
    const progress: number[] = [];
    const state = await importDictionary(db, data, {
      version: 'v1',
      chunkSize: 2,
      onProgress: (p) => progress.push(p.done),
    });
    const steps = Array.from({ length: Math.ceil(records / 2) }, (_, i) => Math.min(records, 2 * (i + 1)));
    expect(progress).toEqual([0, ...steps]);
    expect(state).toMatchObject({ status: 'complete', done: records, total: records, entries: 2500 });
    expect(await db.dict.count()).toBe(records);
  });

  it('does nothing when the same version is already complete', async () => {
    const db = await freshDb();
    await importDictionary(db, rows(100), { version: 'v1' });
    const put = vi.spyOn(db.dict, 'bulkPut');
    await importDictionary(db, rows(100), { version: 'v1' });
    expect(put).not.toHaveBeenCalled();
  });

  it('after an interruption, keeps what it stored usable and resumes where it stopped', async () => {
    const db = await freshDb();
    const abort = new AbortController();
    await expect(
      importDictionary(db, data, {
        version: 'v1',
        chunkSize: 2,
        signal: abort.signal,
        onProgress: (p) => p.done === 4 && abort.abort(),
      }),
    ).rejects.toThrow();
    expect(await dictStatus(db)).toMatchObject({ status: 'importing', done: 4, total: records });
    expect((await lookup(db, data[10].simplified))[0].definitions).toEqual(['sense 10']);

    const put = vi.spyOn(db.dict, 'bulkPut');
    const state = await importDictionary(db, data, { version: 'v1', chunkSize: 2 });
    expect(put).toHaveBeenCalledTimes(Math.ceil((records - 4) / 2));
    expect(state.status).toBe('complete');
    expect(await db.dict.count()).toBe(records);
  });

  it('records a failure with how far it got, surfaces a full disk as QuotaExceededError, and retries', async () => {
    const db = await freshDb();
    const real = db.dict.bulkPut.bind(db.dict);
    let calls = 0;
    vi.spyOn(db.dict, 'bulkPut').mockImplementation(((items: never[]) => {
      if (++calls === 2) return Promise.reject(new DOMException('disk full', 'QuotaExceededError'));
      return real(items);
    }) as never);
    const failure = importDictionary(db, data, { version: 'v1', chunkSize: 2 });
    await expect(failure).rejects.toBeInstanceOf(QuotaExceededError);
    await expect(failure).rejects.toThrow(/storage space/);
    expect(await dictStatus(db)).toMatchObject({ status: 'failed', done: 2 });
    expect(await db.dict.count()).toBe(2);

    const state = await importDictionary(db, data, { version: 'v1', chunkSize: 2 });
    expect(state).toMatchObject({ status: 'complete', done: records });
  });

  it('replaces an older version in place and drops records the new one no longer has', async () => {
    const db = await freshDb();
    await importDictionary(db, rows(5000, ' (old)'), { version: '2025' });
    await importDictionary(db, rows(1000, ' (new)'), { version: '2026' });
    expect(await db.dict.count()).toBe(cedictRecords(rows(1000, ' (new)')).length);
    expect((await lookup(db, rows(1)[0].simplified))[0].definitions).toEqual(['sense 0 (new)']);
    expect(await lookup(db, rows(5000)[4000].simplified)).toEqual([]);
    expect(await dictStatus(db)).toMatchObject({ version: '2026', status: 'complete' });
  });

  it('replaces one record per first character (an older layout) without doubling entries meanwhile', async () => {
    const db = await freshDb();
    await db.dict.bulkPut(bucketize(rows(2500, ' (old)')));
    const abort = new AbortController();
    await expect(
      importDictionary(db, data, {
        version: 'v2',
        chunkSize: 1,
        signal: abort.signal,
        onProgress: (p) => p.done === 1 && abort.abort(),
      }),
    ).rejects.toThrow();
    // The first record is new, the rest old; 一丁's line is in both the new record and the old 一 record.
    expect((await lookup(db, data[0].simplified)).map((m) => m.definitions)).toEqual([['sense 0']]);
    expect((await lookup(db, data[2400].simplified)).map((m) => m.definitions)).toEqual([
      ['sense 2400 (old)'],
    ]);
    await importDictionary(db, data, { version: 'v2' });
    expect(await db.dict.count()).toBe(records);
  });

  it('imports the shipped asset under its own version, and refuses a truncated one without touching the data', async () => {
    const db = await freshDb();
    const asset = encodeCedictAsset(rows(50), '2026-09-10');
    expect(await importCedictAsset(db, asset)).toMatchObject({
      version: '2026-09-10',
      status: 'complete',
      entries: 50,
    });
    await expect(importCedictAsset(db, asset.slice(0, asset.length / 2))).rejects.toBeInstanceOf(
      CedictAssetError,
    );
    expect(await dictStatus(db)).toMatchObject({ version: '2026-09-10', status: 'complete' });
  });
});
