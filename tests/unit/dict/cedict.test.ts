import { describe, expect, it } from 'vitest';
import {
  CEDICT_ATTRIBUTION,
  numberedToMarks,
  parseCedict,
  parseCedictLine,
  syllableToMarks,
} from '../../../lib/dict/cedict';
import { CedictAssetError, decodeCedictAsset, encodeCedictAsset } from '../../../lib/dict/asset';

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
  ];

  it('round-trips rows and the version', () => {
    expect(decodeCedictAsset(encodeCedictAsset(rows, 'v1'))).toEqual({ version: 'v1', rows });
  });

  it('rejects a truncated download and a foreign file', () => {
    const text = encodeCedictAsset(rows, 'v1');
    expect(() => decodeCedictAsset(text.slice(0, text.lastIndexOf('中')))).toThrow(CedictAssetError);
    expect(() => decodeCedictAsset('<html>404</html>')).toThrow(CedictAssetError);
  });

  it('names the licence and the publisher for attribution', () => {
    expect(CEDICT_ATTRIBUTION).toContain('CC-CEDICT');
    expect(CEDICT_ATTRIBUTION).toContain('MDBG');
    expect(CEDICT_ATTRIBUTION).toContain('Attribution-ShareAlike 4.0');
  });
});
