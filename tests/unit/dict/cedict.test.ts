import { describe, expect, it } from 'vitest';
import {
  CEDICT_ATTRIBUTION,
  numberedToMarks,
  parseCedict,
  parseCedictLine,
  syllableToMarks,
} from '../../../lib/dict/cedict';
import {
  bucketByFirstChar,
  CedictAssetError,
  cedictRecords,
  decodeCedictAsset,
  decodeCedictLine,
  encodeCedictAsset,
  packBuckets,
} from '../../../lib/dict/asset';

describe('parseCedictLine', () => {
  it('reads a real entry with both scripts and every sense', () => {
    expect(parseCedictLine('傳統 传统 [chuan2 tong3] /tradition/traditional/convention/')).toEqual({
      traditional: '傳統',
      simplified: '传统',
      pinyin: 'chuan2 tong3',
      definitions: ['tradition', 'traditional', 'convention'],
    });
  });

  it('keeps senses that contain brackets, classifiers and cross-references', () => {
    const row = parseCedictLine('銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/');
    expect(row?.definitions).toEqual(['bank', 'CL:家[jia1],個|个[ge4]']);
  });

  it('accepts odd but real lines: Latin letters, digits, middle dots, CRLF', () => {
    expect(
      parseCedictLine('3C 3C [san1 C] /computers, communications, and consumer electronics/')?.pinyin,
    ).toBe('san1 C');
    expect(parseCedictLine('卡爾·馬克思 卡尔·马克思 [Ka3 er3 · Ma3 ke4 si1] /Karl Marx/\r')?.simplified).toBe(
      '卡尔·马克思',
    );
  });

  it('skips comments, blank lines and malformed lines', () => {
    expect(parseCedictLine('# CC-CEDICT')).toBeNull();
    expect(parseCedictLine('')).toBeNull();
    expect(parseCedictLine('銀行 银行 yin2 hang2 /bank/')).toBeNull();
    expect(parseCedictLine('銀行 银行 [yin2 hang2]')).toBeNull();
    expect(parseCedictLine('銀行 [yin2 hang2] /bank/')).toBeNull();
    expect(parseCedictLine('銀行 银行 [yin2 hang2] //')).toBeNull();
  });
});

describe('parseCedict', () => {
  it('reads the header and counts malformed lines instead of failing', () => {
    const text = [
      '# CC-CEDICT',
      '#! date=2026-09-10T07:14:51Z',
      '#! entries=2',
      '',
      '中國 中国 [Zhong1 guo2] /China/',
      'garbage line',
      '國家 国家 [guo2 jia1] /country/nation/state/',
    ].join('\n');
    const result = parseCedict(text);
    expect(result.header).toEqual({ date: '2026-09-10T07:14:51Z', entries: 2 });
    expect(result.rows.map((r) => r.simplified)).toEqual(['中国', '国家']);
    expect(result.malformed).toBe(1);
  });
});

describe('pinyin tone marks', () => {
  it.each([
    ['chuan2 tong3', 'chuán tǒng'],
    ['yin2 hang2', 'yín háng'],
    ['Bei3 jing1', 'Běi jīng'],
    ['nu:3 er2', 'nǚ ér'],
    ['lu:e4', 'lüè'],
    ['lv4 se4', 'lǜ sè'],
    ['Ou1 zhou1', 'Ōu zhōu'],
    ['gui4 liu2 shui3', 'guì liú shuǐ'],
    ['xie4 xie5', 'xiè xie'],
    ['r5', 'r'],
    ['m2', 'ḿ'],
    ['san1 C', 'sān C'],
    ['Ka3 er3 · Ma3 ke4 si1', 'Kǎ ěr · Mǎ kè sī'],
  ])('%s → %s', (numbered, marks) => {
    expect(numberedToMarks(numbered)).toBe(marks);
  });

  it('leaves Latin letters without a tone number alone', () => {
    expect(syllableToMarks('DVD')).toBe('DVD');
    expect(syllableToMarks('V')).toBe('V');
  });
});

describe('CEDICT asset', () => {
  const rows = [
    { traditional: '銀行', simplified: '银行', pinyin: 'yin2 hang2', definitions: ['bank'] },
    { traditional: '中', simplified: '中', pinyin: 'zhong1', definitions: ['middle', 'China'] },
    { traditional: '銀', simplified: '银', pinyin: 'yin2', definitions: ['silver'] },
  ];

  it('round-trips the records, the entry count and the version', () => {
    const asset = decodeCedictAsset(encodeCedictAsset(rows, 'v1'));
    expect(asset).toEqual({ version: 'v1', entries: 3, buckets: cedictRecords(rows) });
    const decoded = asset.buckets.flatMap((b) => b.block.split('\n').map(decodeCedictLine));
    expect(decoded).toEqual([rows[0], rows[2], rows[1]]); // grouped by first character, CEDICT order within
    expect(asset.buckets[0].heads).toEqual(['银', '銀', '中']);
  });

  it('rejects a truncated download, a foreign file and one of the old format', () => {
    const text = encodeCedictAsset(rows, 'v1');
    expect(() => decodeCedictAsset(text.slice(0, text.lastIndexOf('中')))).toThrow(CedictAssetError);
    expect(() => decodeCedictAsset(text.slice(0, text.lastIndexOf('#end')))).toThrow(CedictAssetError);
    expect(() => decodeCedictAsset(text.replace(/\n中\t.*/, ''))).toThrow(/Malformed record/);
    expect(() => decodeCedictAsset('<html>404</html>')).toThrow(CedictAssetError);
    expect(() => decodeCedictAsset('#dubao-cedict\t1\tv1\t3\n')).toThrow(/format 1, expected 2/);
  });

  it('packs whole first-character groups into records of about the target size', () => {
    const many = Array.from({ length: 3000 }, (_, i) => {
      const w = String.fromCodePoint(0x4e00 + (i % 700), 0x4e00 + i);
      return { simplified: w, traditional: w, pinyin: 'yi1', definitions: [`sense ${i}`] };
    });
    const groups = bucketByFirstChar(many);
    const records = packBuckets(groups, 2000);
    expect(groups).toHaveLength(700);
    expect(records.length).toBeGreaterThan(10);
    expect(records.length).toBeLessThan(groups.length / 10);
    for (const r of records.slice(0, -1)) expect(r.block.length).toBeGreaterThanOrEqual(2000 - 1);
    // Every group sits whole in exactly one record, keyed by the record's first group.
    const holder = new Map<string, string>();
    for (const r of records) {
      expect(r.id).toBe(r.heads[0]);
      for (const line of r.block.split('\n')) {
        const first = String.fromCodePoint(line.codePointAt(0)!);
        expect(holder.get(first) ?? r.id).toBe(r.id);
        holder.set(first, r.id);
        expect(r.heads).toContain(first);
      }
    }
    expect(holder.size).toBe(700);
    expect(packBuckets(bucketByFirstChar(many), 2000)).toEqual(records);
  });

  it('names the licence and the publisher for attribution', () => {
    expect(CEDICT_ATTRIBUTION).toContain('CC-CEDICT');
    expect(CEDICT_ATTRIBUTION).toContain('MDBG');
    expect(CEDICT_ATTRIBUTION).toContain('Attribution-ShareAlike 4.0');
  });
});
