import { describe, expect, it, vi } from 'vitest';
import { dictStatus, importCedictAsset, importDictionary, lookup, prefixesOf } from '../../../lib/db/dict';
import { CedictAssetError, encodeCedictAsset } from '../../../lib/dict/asset';
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

describe('importDictionary', () => {
  it('reports progress chunk by chunk and ends complete', async () => {
    const db = await freshDb();
    const progress: number[] = [];
    const state = await importDictionary(db, rows(2500), {
      version: 'v1',
      chunkSize: 1000,
      onProgress: (p) => progress.push(p.done),
    });
    expect(progress).toEqual([0, 1000, 2000, 2500]);
    expect(state).toMatchObject({ status: 'complete', done: 2500, total: 2500, version: 'v1' });
    expect(await db.dict.count()).toBe(2500);
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
    const data = rows(3000);
    const abort = new AbortController();
    await expect(
      importDictionary(db, data, {
        version: 'v1',
        chunkSize: 1000,
        signal: abort.signal,
        onProgress: (p) => p.done === 2000 && abort.abort(),
      }),
    ).rejects.toThrow();
    expect(await dictStatus(db)).toMatchObject({ status: 'importing', done: 2000, total: 3000 });
    expect((await lookup(db, data[10].simplified))[0].definitions).toEqual(['sense 10']);

    const put = vi.spyOn(db.dict, 'bulkPut');
    const state = await importDictionary(db, data, { version: 'v1', chunkSize: 1000 });
    expect(put).toHaveBeenCalledTimes(1);
    expect(state.status).toBe('complete');
    expect(await db.dict.count()).toBe(3000);
  });

  it('records a failure with how far it got, surfaces a full disk as QuotaExceededError, and retries', async () => {
    const db = await freshDb();
    const data = rows(3000);
    const real = db.dict.bulkPut.bind(db.dict);
    let calls = 0;
    vi.spyOn(db.dict, 'bulkPut').mockImplementation(((items: never[]) => {
      if (++calls === 2) return Promise.reject(new DOMException('disk full', 'QuotaExceededError'));
      return real(items);
    }) as never);
    const failure = importDictionary(db, data, { version: 'v1', chunkSize: 1000 });
    await expect(failure).rejects.toBeInstanceOf(QuotaExceededError);
    await expect(failure).rejects.toThrow(/storage space/);
    expect(await dictStatus(db)).toMatchObject({ status: 'failed', done: 1000 });
    expect(await db.dict.count()).toBe(1000);

    const state = await importDictionary(db, data, { version: 'v1', chunkSize: 1000 });
    expect(state).toMatchObject({ status: 'complete', done: 3000 });
  });

  it('replaces an older version in place and drops rows the new one no longer has', async () => {
    const db = await freshDb();
    await importDictionary(db, rows(1200, ' (old)'), { version: '2025' });
    await importDictionary(db, rows(1000, ' (new)'), { version: '2026' });
    expect(await db.dict.count()).toBe(1000);
    expect((await lookup(db, rows(1)[0].simplified))[0].definitions).toEqual(['sense 0 (new)']);
    expect(await dictStatus(db)).toMatchObject({ version: '2026', status: 'complete' });
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
