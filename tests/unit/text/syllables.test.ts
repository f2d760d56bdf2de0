import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../lib/vocab/backup';
import { marksToNumbered, numberedToSpacedMarks } from '../../../lib/text/syllables';

describe('pinyin for Pleco', () => {
  it('numbers marked syllables, spaced or glued, keeping the spacing', () => {
    expect(marksToNumbered('gòng tóng fù yù')).toBe('gong4 tong2 fu4 yu4');
    expect(marksToNumbered('gòngtóng fùyù')).toBe('gong4tong2 fu4yu4');
    expect(marksToNumbered('Běijīng')).toBe('Bei3jing1');
    expect(marksToNumbered('xiān')).toBe('xian1');
    expect(marksToNumbered("Xī'ān")).toBe("Xi1'an1");
  });

  it('writes ü as u: and an unmarked syllable in toned text as tone 5', () => {
    expect(marksToNumbered('lǜ sè')).toBe('lu:4 se4');
    expect(marksToNumbered('lüè')).toBe('lu:e4');
    expect(marksToNumbered('shén me')).toBe('shen2 me5');
  });

  it('leaves text that is not pinyin alone', () => {
    expect(marksToNumbered('DVD jī')).toBe('DVD ji1');
    expect(marksToNumbered('ma')).toBe('ma');
    expect(marksToNumbered('')).toBe('');
  });

  it('reads numbered pinyin back as spaced syllables with marks', () => {
    expect(numberedToSpacedMarks('gong4tong2 fu4yu4')).toBe('gòng tóng fù yù');
    expect(numberedToSpacedMarks('lu:4 se4')).toBe('lǜ sè');
    expect(numberedToSpacedMarks('lv4 se4')).toBe('lǜ sè');
    expect(numberedToSpacedMarks('shen2 me5')).toBe('shén me');
    expect(numberedToSpacedMarks(' gǎi  gé ')).toBe('gǎi gé');
  });
});

describe('locating a JSON fault', () => {
  it('points at the first character JSON.parse rejects', () => {
    expect(jsonErrorOffset('{"a": [1,,2]}')).toBe(9);
    expect(jsonErrorOffset('{"a": 1 "b": 2}')).toBe(8);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": "x\\q"}')).toBe(8);
    expect(jsonErrorOffset('[1] 2')).toBe(4);
  });

  it('points past the end of a truncated text, and finds nothing wrong in valid JSON', () => {
    expect(jsonErrorOffset('{"a": [1, 2')).toBe(11);
    expect(jsonErrorOffset('{"a": "open')).toBe(11);
    expect(jsonErrorOffset('{"a": [1, {"b": null}], "c": -1.5e3}')).toBe(-1);
  });
});
