import { describe, expect, it } from 'vitest';
import { foldToSimplified, readRun } from '../../../lib/text/pinyin';

const read = (text: string) =>
  readRun(text)
    .map((r) => r.pinyin ?? r.char)
    .join(' ');

describe('Traditional text reads as its Simplified counterpart does', () => {
  it.each([
    ['我們坐火車去', 'wǒ men zuò huǒ chē qù'],
    ['他開車回家', 'tā kāi chē huí jiā'],
    ['車站前面', 'chē zhàn qián miàn'],
    ['她跟著老師走', 'tā gēn zhe lǎo shī zǒu'],
    ['孩子睡著了', 'hái zi shuì zháo le'],
    ['一位著名的作家', 'yī wèi zhù míng de zuò jiā'],
    ['他的著作很多', 'tā de zhù zuò hěn duō'],
    ['飛機安全著陸', 'fēi jī ān quán zhuó lù'],
    ['隨著經濟發展', 'suí zhe jīng jì fā zhǎn'],
    ['乾隆年間', 'qián lóng nián jiān'],
    ['把桌子擦乾淨', 'bǎ zhuō zi cā gān jìng'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it('Hong Kong and Taiwan variant forms fold too, one character for one', () => {
    const text = '衞生署裡的人';
    const folded = foldToSimplified(Array.from(text));
    expect(folded.join('')).toBe('卫生署里的人');
    expect(read(text)).toBe(read('卫生署里的人'));
  });

  it('keeps offsets of the page text', () => {
    const r = readRun('火車站');
    expect(r.map((c) => [c.char, c.start, c.pinyin])).toEqual([
      ['火', 0, 'huǒ'],
      ['車', 1, 'chē'],
      ['站', 2, 'zhàn'],
    ]);
  });
});
