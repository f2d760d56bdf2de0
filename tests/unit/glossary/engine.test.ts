import { describe, expect, it } from 'vitest';
import { builtinGlossary, termsForEngine } from '../../../lib/glossary';

const HAN = /\p{Script=Han}/u;
const words = termsForEngine(builtinGlossary());
const pinyinOf = (word: string) => words.find((w) => w.word === word)?.pinyin;

describe('termsForEngine', () => {
  it('lists simplified, traditional and alias forms with their pinyin', () => {
    expect(pinyinOf('共同富裕')).toBe('gòng tóng fù yù');
    expect(pinyinOf('鄉村振興')).toBe('xiāng cūn zhèn xīng');
    expect(pinyinOf('先富帮后富')).toBe('xiān fù bāng hòu fù');
  });

  it('reads each alias as itself, in both scripts, not with its headword’s pinyin', () => {
    expect(pinyinOf('工商联')).toBe('gōng shāng lián');
    expect(pinyinOf('工商聯')).toBe('gōng shāng lián');
    expect(pinyinOf('统战部')).toBe('tǒng zhàn bù');
    expect(pinyinOf('統戰部')).toBe('tǒng zhàn bù');
    expect(pinyinOf('全国工商联')).toBe('quán guó gōng shāng lián');
  });

  it('leaves an alias whose reading is not known yet to the pinyin reader', () => {
    const e = builtinGlossary()[0]!;
    const own = termsForEngine([{ ...e, aliases: [{ simplified: '某某', traditional: '', pinyin: '' }] }]);
    expect(own.map((w) => w.word)).not.toContain('某某');
  });

  it('reuses the headword’s checked readings for the characters an alias shares with it', () => {
    // 长 in 长期共存 is cháng; the alias must not fall back to a guess.
    expect(pinyinOf('长期共存、互相监督')).toBe('cháng qī gòng cún hù xiāng jiān dū');
    expect(pinyinOf('党的建设')).toBe('dǎng de jiàn shè');
  });

  it('gives one syllable per Han character of every word, and lists each word once', () => {
    for (const { word, pinyin } of words) {
      expect(pinyin.split(' ').length, word).toBe([...word].filter((c) => HAN.test(c)).length);
    }
    expect(new Set(words.map((w) => w.word)).size).toBe(words.length);
  });

  it('returns nothing for no entries', () => {
    expect(termsForEngine([])).toEqual([]);
  });
});
