import { describe, expect, it } from 'vitest';
import { detectText } from '../../../lib/text/detect';

describe('detectText', () => {
  it('reads a Simplified news paragraph as Chinese prose', () => {
    const r = detectText('国务院总理今天在北京主持召开国务院常务会议，部署推进乡村振兴的措施。');
    expect(r.isChineseProse).toBe(true);
    expect(r.hanChars).toBe(32);
    expect(r.kana).toBe(0);
    expect(r.density).toBeGreaterThan(0.9);
  });

  it('reads Traditional prose as Chinese prose too', () => {
    expect(detectText('行政院長今日在臺北主持院會，說明經濟發展與國際貿易的最新情況。').isChineseProse).toBe(
      true,
    );
  });

  it('does not take Japanese (kana among kanji) for Chinese', () => {
    const r = detectText('東京都の小池知事は記者会見で、新型コロナウイルスの感染状況について説明しました。');
    expect(r.kana).toBeGreaterThan(10);
    expect(r.hanChars).toBeGreaterThan(10);
    expect(r.isChineseProse).toBe(false);
  });

  it('does not take an English menu with a few Chinese dish names for prose', () => {
    const menu =
      'Kung Pao Chicken 宫保鸡丁 $12.95 · Mapo Tofu 麻婆豆腐 $10.50 · Fried Rice 炒饭 $8.00 — ask our staff';
    const r = detectText(menu);
    expect(r.hanChars).toBe(10);
    expect(r.density).toBeLessThan(0.4);
    expect(r.isChineseProse).toBe(false);
  });

  it('treats a short label as not prose', () => {
    expect(detectText('首页').isChineseProse).toBe(false);
  });

  it('handles empty, white space, emoji and astral text', () => {
    expect(detectText('')).toEqual({
      hanChars: 0,
      kana: 0,
      hangul: 0,
      nonSpace: 0,
      density: 0,
      isChineseProse: false,
    });
    expect(detectText(' \n\t\u3000 ').nonSpace).toBe(0);
    const emoji = detectText('😀😀😀');
    expect(emoji.nonSpace).toBe(3);
    expect(emoji.hanChars).toBe(0);
    const astral = detectText('𠮷𠮷');
    expect(astral.hanChars).toBe(2);
    expect(astral.nonSpace).toBe(2);
  });

  it('counts mixed Latin and full-width punctuation as visible non-Han characters', () => {
    const r = detectText('GDP增长５％，CPI上涨！');
    expect(r.hanChars).toBe(4);
    expect(r.nonSpace).toBe(14);
  });

  it('copes with 100k characters at once', () => {
    const text = '中国经济保持稳定增长。'.repeat(10_000);
    const r = detectText(text);
    expect(r.hanChars).toBe(100_000);
    expect(r.isChineseProse).toBe(true);
  });
});
