import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getConverter, type ScriptTarget, type TraditionalSource } from '../../../lib/text/convert';

interface Case {
  id: string;
  input: string;
  expected: Record<string, string>;
}
const cases: Case[] = JSON.parse(readFileSync('tests/fixtures/opencc/testcases.json', 'utf8')).cases;

// Which OpenCC configuration each of our converters reproduces.
const configs: [config: string, target: ScriptTarget | 't', source?: TraditionalSource][] = [
  ['s2t', 't'],
  ['s2tw', 'tw'],
  ['s2twp', 'twp'],
  ['s2hk', 'hk'],
  ['t2s', 'cn'],
  ['hk2s', 'cn'],
  ['tw2s', 'cn', 'tw'],
];

describe('OpenCC test cases', () => {
  for (const [config, target, source] of configs) {
    const mine = cases.filter((c) => c.expected[config] !== undefined);
    it(`${config} → getConverter('${target}'${source ? `, '${source}'` : ''}) passes all ${mine.length} cases`, () => {
      expect(mine.length).toBeGreaterThan(10);
      const convert = getConverter(target, source);
      const failures = mine
        .map((c) => ({ id: c.id, got: convert(c.input), want: c.expected[config] }))
        .filter((r) => r.got !== r.want);
      expect(failures).toEqual([]);
    });
  }
});

describe('getConverter', () => {
  it('converts between the scripts a reader switches between', () => {
    expect(getConverter('tw')('汉语')).toBe('漢語');
    expect(getConverter('cn')('漢語')).toBe('汉语');
    expect(getConverter('twp')('项目软件')).toBe('專案軟體');
    expect(getConverter('hk')('里面')).toBe('裏面');
  });

  it('builds each converter once and reuses it', () => {
    expect(getConverter('hk')).toBe(getConverter('hk'));
    expect(getConverter('cn')).not.toBe(getConverter('cn', 'tw'));
  });

  it('leaves empty, white space, Japanese, English, emoji and astral text alone where nothing converts', () => {
    const cn = getConverter('cn');
    const tw = getConverter('tw');
    expect(tw('')).toBe('');
    expect(tw(' \n ')).toBe(' \n ');
    expect(tw('Hello, world 😀')).toBe('Hello, world 😀');
    expect(tw('𠮷野家')).toBe('𠮷野家');
    expect(cn('ひらがな')).toBe('ひらがな');
    expect(tw('ＧＤＰ增长，５％！')).toBe('ＧＤＰ增長，５％！');
  });

  it('converts 100k characters, one for one', () => {
    const text = '中华人民共和国国务院发布关于经济发展的意见。'.repeat(5000);
    const convert = getConverter('tw');
    convert('预热');
    const out = convert(text);
    expect(out.length).toBe(text.length);
    expect(out.startsWith('中華人民共和國國務院發佈關於經濟發展的意見。')).toBe(true);
  });
});
