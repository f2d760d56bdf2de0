import { describe, expect, it } from 'vitest';
import {
  hasHan,
  isCjkPunct,
  isDigit,
  isHan,
  isHangul,
  isKana,
  isLatin,
  isSpace,
} from '../../../lib/text/han';

const cp = (s: string) => s.codePointAt(0)!;

describe('code-point classes', () => {
  it('knows Simplified and Traditional Han, extensions and astral ideographs', () => {
    for (const c of ['中', '国', '學', '體', '㐀', '〇', '𠮷', '𪚥', '𰻞', '鿿'])
      expect(isHan(cp(c)), c).toBe(true);
  });

  it('does not take kana, Hangul, punctuation, Latin, digits or emoji for Han', () => {
    for (const c of ['の', 'カ', '한', '。', '，', 'A', 'é', '7', '７', '😀', ' ', '・', '々']) {
      expect(isHan(cp(c)), c).toBe(false);
    }
  });

  it('separates kana from Han and Hangul, leaving the middle dot to Chinese too', () => {
    expect(isKana(cp('ひ'))).toBe(true);
    expect(isKana(cp('ア'))).toBe(true);
    expect(isKana(cp('ｱ'))).toBe(true);
    expect(isKana(cp('・'))).toBe(false);
    expect(isKana(cp('中'))).toBe(false);
    expect(isHangul(cp('한'))).toBe(true);
    expect(isHangul(cp('中'))).toBe(false);
  });

  it('recognises full-width and CJK punctuation but not full-width letters or digits', () => {
    for (const c of ['。', '，', '、', '《', '》', '「', '」', '！', '？', '：', '“', '”', '…', '—', '·']) {
      expect(isCjkPunct(cp(c)), c).toBe(true);
    }
    for (const c of ['Ａ', '７', '中', 'a', '\u3000']) expect(isCjkPunct(cp(c)), c).toBe(false);
  });

  it('classes Latin letters, digits and spaces, including full-width forms and the ideographic space', () => {
    expect(isLatin(cp('a'))).toBe(true);
    expect(isLatin(cp('Ｚ'))).toBe(true);
    expect(isLatin(cp('ü'))).toBe(true);
    expect(isLatin(cp('×'))).toBe(false);
    expect(isDigit(cp('9'))).toBe(true);
    expect(isDigit(cp('９'))).toBe(true);
    expect(isDigit(cp('九'))).toBe(false);
    for (const c of [' ', '\t', '\n', '\u00a0', '\u3000']) expect(isSpace(cp(c))).toBe(true);
    expect(isSpace(cp('x'))).toBe(false);
  });

  it('finds Han anywhere in a string, astral characters included', () => {
    expect(hasHan('')).toBe(false);
    expect(hasHan('   ')).toBe(false);
    expect(hasHan('Hello 😀 world')).toBe(false);
    expect(hasHan('ひらがなだけ')).toBe(false);
    expect(hasHan('price 100 元')).toBe(true);
    expect(hasHan('😀𠮷')).toBe(true);
    expect(hasHan('x'.repeat(100_000) + '中')).toBe(true);
  });
});
