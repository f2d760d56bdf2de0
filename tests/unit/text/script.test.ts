import { describe, expect, it } from 'vitest';
import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from '../../../lib/text/data/script-chars';
import { countScriptChars, detectScript, judgeScript } from '../../../lib/text/script';

describe('detectScript', () => {
  it('recognises Simplified news text', () => {
    expect(detectScript('国务院总理今天在北京主持召开国务院常务会议，部署推进乡村振兴的措施。')).toBe(
      'simplified',
    );
  });

  it('recognises Traditional text from Taiwan and Hong Kong', () => {
    expect(detectScript('這個問題我們會認真處理')).toBe('traditional');
    expect(detectScript('行政院長今日在臺北主持院會，說明經濟發展與國際貿易的最新情況。')).toBe(
      'traditional',
    );
    expect(detectScript('香港特區政府今日宣佈，會為市民提供更多的房屋。')).toBe('traditional');
  });

  it('returns null when no character tells the scripts apart', () => {
    expect(detectScript('')).toBeNull();
    expect(detectScript('   ')).toBeNull();
    expect(detectScript('中文')).toBeNull();
    expect(detectScript('Hello world 😀')).toBeNull();
    expect(detectScript('𠮷野家')).toBeNull();
  });

  it('lets a clear majority win over a quoted name in the other script', () => {
    expect(detectScript('据台湾《聯合報》报道，这项政策将于明年开始实施，两岸关系将继续发展。')).toBe(
      'simplified',
    );
  });

  it('stays undecided on an even mix', () => {
    expect(judgeScript({ simplified: 5, traditional: 5 })).toBeNull();
    expect(judgeScript({ simplified: 1, traditional: 0 })).toBe('simplified');
  });

  it('counts across mixed Latin, full-width punctuation and 100k characters', () => {
    const counts = countScriptChars('ＡＢＣ，这个。'.repeat(20_000));
    expect(counts.simplified).toBe(40_000); // 这 and 个
    expect(counts.traditional).toBe(0);
  });

  it('ships small tables with no character in both', () => {
    const s = new Set(SIMPLIFIED_ONLY);
    expect([...TRADITIONAL_ONLY].filter((c) => s.has(c))).toEqual([]);
    expect(SIMPLIFIED_ONLY.length + TRADITIONAL_ONLY.length).toBeLessThanOrEqual(700);
    // Characters shared by both scripts must not be in either table.
    for (const c of '中人大台里后面干着') {
      expect(SIMPLIFIED_ONLY.includes(c), c).toBe(false);
      expect(TRADITIONAL_ONLY.includes(c), c).toBe(false);
    }
  });
});
