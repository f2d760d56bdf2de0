import { describe, expect, it } from 'vitest';
import { LOOKUP_SPAN, prefetchOrder } from '../../../lib/reader/prefetch';

const VIEWPORT = 800;

describe('prefetch order', () => {
  it('asks for one lookup per Han character, its text running on for the longest word', () => {
    expect(prefetchOrder([{ text: '我爱 news 北京', top: 0, bottom: 20 }], VIEWPORT, 100)).toEqual([
      '我爱 news 北京',
      '爱 news 北京',
      '北京',
      '京',
    ]);
    const long = '中'.repeat(40);
    expect(prefetchOrder([{ text: long, top: 0, bottom: 20 }], VIEWPORT, 1)[0]).toHaveLength(LOOKUP_SPAN);
  });

  it('starts with the blocks on screen, middle first, then the nearest off screen', () => {
    const blocks = [
      { text: '下', top: 900, bottom: 950 }, // 100 px below the screen
      { text: '远', top: -2000, bottom: -1500 }, // far above
      { text: '顶', top: 0, bottom: 40 }, // on screen, near the top
      { text: '中', top: 380, bottom: 420 }, // on screen, in the middle
      { text: '上', top: -100, bottom: -50 }, // 50 px above
    ];
    expect(prefetchOrder(blocks, VIEWPORT, 100)).toEqual(['中', '顶', '上', '下', '远']);
  });

  it('asks once for text that repeats and stops at the limit', () => {
    const blocks = [
      { text: '人民', top: 380, bottom: 420 },
      { text: '人民日报', top: 0, bottom: 20 },
    ];
    expect(prefetchOrder(blocks, VIEWPORT, 3)).toEqual(['人民', '民', '人民日报']);
  });

  it('steps over a character outside the BMP as one character', () => {
    expect(prefetchOrder([{ text: '𠮷野', top: 0, bottom: 20 }], VIEWPORT, 10)).toEqual(['𠮷野', '野']);
  });
});
