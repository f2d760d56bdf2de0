import { describe, expect, it } from 'vitest';
import {
  getConverter,
  getWordConverter,
  TAIWAN_VOCABULARY,
  traditionalSourceOf,
} from '../../../lib/text/convert';
import { defaultLexicon } from '../../../lib/text/lexicon-default';
import { createSegmenter } from '../../../lib/text/segment';
import type { ScriptTarget, TraditionalSource } from '../../../lib/text/convert';

const segmenter = createSegmenter(defaultLexicon());
const convert = (text: string, to: ScriptTarget, from: TraditionalSource = 'any') =>
  getWordConverter(to, from)(segmenter.segment(text).map((t) => t.text)).join('');

describe('conversion word by word', () => {
  it('never lets a phrase match cross a word boundary (Simplified → Traditional)', () => {
    for (const to of ['tw', 'hk'] as const) {
      expect(convert('我们坚持一个中国原则', to)).toBe('我們堅持一個中國原則');
      expect(convert('他是人民信任的好干部', to)).toBe('他是人民信任的好幹部');
      expect(convert('踏上新征程', to)).toBe('踏上新征程');
      expect(convert('实行租购并举的住房制度', to)).toContain('租購並舉');
      expect(convert('在保护中发展，在发展中保护，保护发展两不误', to)).toContain('保護發展');
      expect(convert('这所大学制造业专业很强', to)).toContain('大學製造業');
      expect(convert('工程预计1000天后完工', to)).toContain('1000天後');
    }
  });

  it('writes political words in their standard Traditional forms', () => {
    expect(convert('庆祝香港回归祖国', 'tw')).toBe('慶祝香港回歸祖國');
    expect(convert('总台记者报道', 'tw')).toBe('總台記者報道');
    expect(convert('总台记者报道', 'hk')).toContain('總台');
    // A Traditional page's own spelling is left as written.
    expect(convert('迴歸分析', 'tw')).toBe('迴歸分析');
  });

  it('reads a Taiwan page as Taiwan writes (著 as the particle 着)', () => {
    expect(convert('隨著時代發展，他跟著我走，孩子睡著了', 'cn', 'tw')).toBe(
      '随着时代发展，他跟着我走，孩子睡着了',
    );
    expect(convert('著名作家', 'cn', 'tw')).toBe('著名作家');
    expect(convert('我們在火車站等車', 'cn', 'tw')).toBe('我们在火车站等车');
    expect(convert('一個中國', 'cn', 'hk')).toBe('一个中国');
  });

  it('converts political and everyday sentences both ways (Simplified ↔ Taiwan, Simplified ↔ Hong Kong)', () => {
    const cases: [string, string, string][] = [
      // [Simplified, Taiwan, Hong Kong]
      [
        '我们要坚决维护国家主权和领土完整',
        '我們要堅決維護國家主權和領土完整',
        '我們要堅決維護國家主權和領土完整',
      ],
      [
        '发展新质生产力是推动高质量发展的内在要求',
        '發展新質生產力是推動高質量發展的內在要求',
        '發展新質生產力是推動高質量發展的內在要求',
      ],
      ['特区政府会继续落实一国两制', '特區政府會繼續落實一國兩制', '特區政府會繼續落實一國兩制'],
      [
        '随着经济发展，人们的生活越来越好',
        '隨著經濟發展，人們的生活越來越好',
        '隨着經濟發展，人們的生活越來越好',
      ],
      ['我们在火车站等着你', '我們在火車站等著你', '我們在火車站等着你'],
      ['政府宣布了新的防疫措施', '政府宣佈了新的防疫措施', '政府宣佈了新的防疫措施'],
      ['这只猫躺着睡着了', '這隻貓躺著睡著了', '這隻貓躺着睡着了'],
    ];
    for (const [cn, tw, hk] of cases) {
      expect(convert(cn, 'tw')).toBe(tw);
      expect(convert(cn, 'hk')).toBe(hk);
      expect(convert(tw, 'cn', 'tw')).toBe(cn);
      expect(convert(hk, 'cn', 'hk')).toBe(cn);
    }
  });

  it('writes a lone 干 as 乾 "dry" after a degree adverb and 幹 "do" before 得', () => {
    for (const to of ['tw', 'hk'] as const) {
      expect(convert('他的头发有点干', to)).toBe('他的頭髮有點乾');
      expect(convert('今年冬天太干了', to)).toBe('今年冬天太乾了');
      expect(convert('这件事他干得很好', to)).toBe('這件事他幹得很好');
      expect(convert('他是人民的好干部', to)).toBe('他是人民的好幹部');
    }
    expect(convert('他的頭髮有點乾', 'cn', 'tw')).toBe('他的头发有点干');
  });

  it('twp swaps only reviewed everyday vocabulary, never ordinary words, names or politics', () => {
    expect(convert('打开软件，用鼠标点击', 'twp')).toBe('打開軟體，用滑鼠點擊');
    expect(convert('坐出租车去看激光表演', 'twp')).toBe('坐計程車去看雷射表演');
    expect(convert('办事窗口', 'twp')).toBe('辦事窗口');
    expect(convert('重点项目', 'twp')).toBe('重點項目');
    expect(convert('提高运行速度', 'twp')).toBe('提高運行速度');
    expect(convert('依法律程序办理文件', 'twp')).toBe('依法律程序辦理文件');
    expect(convert('奥巴马访问意大利', 'twp')).toBe('奧巴馬訪問意大利');
    expect(convert('支持发布信息', 'twp')).toBe('支持發佈信息');
  });

  it('every twp swap is one OpenCC’s Taiwan phrase table makes', async () => {
    const name = 'TWPhrases';
    const twPhrases = (await import(`opencc-js/dict/${name}`)) as { default: string };
    const table = new Map(twPhrases.default.split('|').map((e) => e.split(' ') as [string, string]));
    // The table is keyed by OpenCC's standard Traditional form.
    const t = getConverter('t');
    for (const [word, taiwan] of Object.entries(TAIWAN_VOCABULARY)) {
      expect([word, table.get(t(word))]).toEqual([word, taiwan]);
    }
  });

  it('gives one display per word and keeps words that do not convert', () => {
    const words = ['Hello', ' ', '世界', '😀', '𠮷', '\uE000'];
    const out = getWordConverter('tw')(words);
    expect(out).toEqual(['Hello', ' ', '世界', '😀', '𠮷', '\uE000']);
    expect(getWordConverter('tw')([])).toEqual([]);
  });
});

describe('traditionalSourceOf', () => {
  it('tells Taiwan and Hong Kong pages by language tag, then by host', () => {
    expect(traditionalSourceOf('zh-TW', 'example.com')).toBe('tw');
    expect(traditionalSourceOf('zh-Hant-TW', 'example.com')).toBe('tw');
    expect(traditionalSourceOf('zh_HK', 'example.com')).toBe('hk');
    expect(traditionalSourceOf('zh-Hant', 'news.ltn.com.tw')).toBe('tw');
    expect(traditionalSourceOf(null, 'news.mingpao.com.hk')).toBe('hk');
    expect(traditionalSourceOf('zh-CN', 'www.people.com.cn')).toBe('any');
    expect(traditionalSourceOf(undefined, 'localhost')).toBe('any');
  });
});
