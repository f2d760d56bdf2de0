import { describe, expect, it } from 'vitest';
import { foldTable, foldVariants } from '../../../lib/glossary/fold';

describe('foldVariants', () => {
  it('folds regional variants to the form the glossary writes, one character for one', () => {
    expect(foldVariants('台灣')).toBe('臺灣');
    expect(foldVariants('臺灣')).toBe('臺灣');
    expect(foldVariants('這裏')).toBe('這裡');
    expect(foldVariants('這\uF9E8')).toBe('這裡');
    expect(foldVariants('保衞')).toBe('保衛');
    expect(foldVariants('爲人民')).toBe('為人民');
    expect(foldVariants('綫')).toBe('線');
    expect(foldVariants('峯')).toBe('峰');
    expect(foldVariants('跟着')).toBe('跟著');
    expect(foldVariants('人工智能＋行动')).toBe('人工智能+行动');
  });

  it('keeps length, and every character that has no variant', () => {
    const text = '國務院台灣事務辦公室發言人表示，香港綫上會議。共同富裕 abc 😀';
    expect(foldVariants(text)).toHaveLength(text.length);
    expect(foldVariants('共同富裕 abc 😀')).toBe('共同富裕 abc 😀');
    expect(foldVariants('')).toBe('');
  });

  it('gives the matcher the same folding as a table', () => {
    const t = foldTable();
    for (const c of '台裏衞爲綫峯着\uF9E8')
      expect(String.fromCharCode(t[c.charCodeAt(0)]!)).toBe(foldVariants(c));
    expect(t['共'.charCodeAt(0)]).toBe(0);
  });

  it('never folds a character that is a word of its own (幺 is not 么)', () => {
    expect(foldVariants('幺')).toBe('幺');
  });
});
