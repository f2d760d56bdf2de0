import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hskLevel } from '../../../lib/text/hsk';
import { hskData, HSK_OUT } from '../../../tools/gen-hsk';

describe('HSK levels', () => {
  it('gives the level of words in the HSK 2.0 lists and 0 for others', () => {
    expect(hskLevel('的')).toBe(1);
    expect(hskLevel('我们')).toBe(1);
    expect(hskLevel('银行')).toBe(3);
    expect(hskLevel('经济')).toBe(4);
    expect(hskLevel('共同富裕')).toBe(0);
    expect(hskLevel('')).toBe(0);
    expect(hskLevel('銀行')).toBe(0); // Simplified only; the engine converts first
  });

  it('holds the six levels, about 5,000 words, with the lower level for a word listed twice', () => {
    const levels: string[] = JSON.parse(readFileSync(HSK_OUT, 'utf8')).levels;
    // The package's level 2 has one word more than the official 150.
    expect(levels.map((l) => l.split(' ').length)).toEqual([150, 151, 300, 600, 1300, 2500]);
    expect(hskLevel('还')).toBe(2); // in levels 2 and 3 of the lists
  });

  it('matches the installed chinese-lexicon package (regenerate with npx tsx tools/gen-hsk.ts)', () => {
    expect(JSON.parse(readFileSync(HSK_OUT, 'utf8'))).toEqual(hskData());
  });
});
