import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, waitForDictionary, type ExtensionBrowser } from './chromium';
import { openDrawn } from './page-text';
import { serveFolder, type StaticServer } from '../../tools/serve';

// What a reader sees of words drawn with pinyin (tests/fixtures/pages/news-article.html): the page's own text
// decoration under them (which words are links, which text a correction struck out), checked on the pixels of the
// screen so the test holds whatever markup or CSS draws the lines; and one-line headings that keep their height.

let browser: ExtensionBrowser;
let server: StaticServer;
let page: Page;
const errors: string[] = [];

interface Box {
  left: number;
  right: number;
  /** The word's own line (its characters' 1em), under its pinyin. */
  top: number;
  bottom: number;
  /** Where the pinyin starts. */
  pinyinTop: number;
}

/** The boxes of the words drawn with pinyin inside `selector`, on its first line, scrolled into view. */
async function wordsOf(selector: string): Promise<Box> {
  const box = await page.evaluate((s) => {
    const el = document.querySelector(s)!;
    el.scrollIntoView({ block: 'center' });
    const rubies = [...el.querySelectorAll('dubao-t [data-py]')].map((r) => ({
      r: r.getBoundingClientRect(),
      em: parseFloat(getComputedStyle(r).fontSize),
    }));
    if (!rubies.length) return null;
    const line = rubies.filter((x) => Math.abs(x.r.top - rubies[0].r.top) < 2);
    const em = line[0].em;
    // A term's box ends in its dotted border (and the gap above it): the word's line is the 1em above.
    const bottom = Math.min(...line.map((x) => x.r.bottom));
    return {
      left: Math.min(...line.map((x) => x.r.left)),
      right: Math.max(...line.map((x) => x.r.right)),
      top: bottom - em,
      bottom,
      pinyinTop: Math.min(...line.map((x) => x.r.top)),
    };
  }, selector);
  expect(box, `${selector} is drawn with pinyin`).not.toBeNull();
  return box!;
}

interface Row {
  /** Share of the row's pixels that are not the page's background. */
  inked: number;
  /** The longest stretch of such pixels without a gap, in px. */
  run: number;
  /** Mean colour of those pixels. */
  rgb: [number, number, number];
}

/** The rows of the screen between `top` and `bottom` (CSS px), over `left`–`right`. */
async function rows(box: { left: number; right: number }, top: number, bottom: number): Promise<Row[]> {
  const clip = {
    x: Math.round(box.left) + 1,
    y: Math.floor(top),
    width: Math.round(box.right - box.left) - 2,
    height: Math.ceil(bottom - top),
  };
  const png = (await page.screenshot({ clip })).toString('base64');
  const decoder = await browser.context.newPage();
  try {
    return await decoder.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const out: Row[] = [];
      for (let y = 0; y < c.height; y++) {
        let n = 0;
        let run = 0;
        let longest = 0;
        const sum = [0, 0, 0];
        for (let x = 0; x < c.width; x++) {
          const i = (y * c.width + x) * 4;
          // The page's background is white.
          if (765 - d[i] - d[i + 1] - d[i + 2] < 120) {
            run = 0;
            continue;
          }
          longest = Math.max(longest, ++run);
          n++;
          for (let k = 0; k < 3; k++) sum[k] += d[i + k];
        }
        out.push({
          inked: n / c.width,
          run: longest,
          rgb: sum.map((s) => (n ? s / n : 255)) as [number, number, number],
        });
      }
      return out;
    }, png);
  } finally {
    await decoder.close();
  }
}

const best = (rs: Row[]) => rs.reduce((a, b) => (b.inked > a.inked ? b : a));
const longest = (rs: Row[]) => Math.max(...rs.map((r) => r.run));

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages');
  browser = await launchWithExtension();
  // Prose gets its pinyin once the fresh profile's dictionary is in.
  await waitForDictionary(browser);
  page = await openDrawn(browser, `${server.url}/news-article.html`, errors, '#correction dubao-t [data-py]');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  expect(errors).toEqual([]);
});

describe("the page's own text decoration under words drawn with pinyin", () => {
  it('a link keeps an unbroken underline under its words, and not across their pinyin', async () => {
    for (const link of ['#related a:first-of-type', '#related a:last-of-type']) {
      const w = await wordsOf(link);
      const em = w.bottom - w.top;
      // An underline: one row under the characters inked from the link's first word to its last.
      const under = best(await rows(w, w.bottom - 0.3 * em, w.bottom + 1));
      expect(under.inked, `${link}: underline`).toBeGreaterThan(0.95);
      // In the link's colour (#1a4f9c): blue, not black.
      expect(under.rgb[2] - under.rgb[0], `${link}: underline colour`).toBeGreaterThan(60);
      // The pinyin above is not underlined or struck through: no row of it is inked across.
      const pinyin = await rows(w, w.pinyinTop, w.top - 1);
      expect(longest(pinyin), `${link}: pinyin`).toBeLessThan(0.8 * em);
    }
  });

  it("the underline takes the link's hover colour", async () => {
    const link = '#related a:first-of-type';
    const w = await wordsOf(link);
    await page.mouse.move(w.left + 4, (w.top + w.bottom) / 2);
    await page.waitForFunction(
      (s) =>
        document.querySelector(s)!.matches(':hover') && getComputedStyle(document.querySelector(s)!).color,
      link,
    );
    await page.waitForTimeout(300);
    const under = best(await rows(w, w.bottom - 0.3 * (w.bottom - w.top), w.bottom + 1));
    expect(under.inked).toBeGreaterThan(0.95);
    // #c00 on hover: red, not blue.
    expect(under.rgb[0] - under.rgb[2]).toBeGreaterThan(60);
    await page.mouse.move(1, 1);
  });

  it('a glossary term inside a link shows both its dotted underline and the link underline', async () => {
    const link = await wordsOf('#related a:first-of-type');
    const top = link.bottom - 0.3 * (link.bottom - link.top);
    const under = (await rows(link, top, link.bottom + 1)).findIndex((r) => r.inked > 0.95);
    expect(under, 'link underline').toBeGreaterThanOrEqual(0);
    // The term's box ends in its dotted border: rows from the same top down past it, over the term alone.
    const term = await page.evaluate(() => {
      const r = document
        .querySelector('#related a:first-of-type dubao-w[data-term][data-py]')!
        .getBoundingClientRect();
      return { left: r.left, right: r.right, bottom: r.bottom };
    });
    const rs = await rows(term, top, term.bottom + 2);
    expect(rs[under].inked, 'link underline under the term').toBeGreaterThan(0.95);
    // Below it, after at least one row that is not the solid line, a dotted one: inked in part.
    const dotted = rs.findIndex((r, i) => i > under + 1 && r.inked > 0.25 && r.inked < 0.8);
    expect(dotted, 'term underline below the link underline').toBeGreaterThan(under + 1);
  });

  it('deleted text stays struck through and inserted text underlined, the pinyin left clear', async () => {
    const del = await wordsOf('#correction del');
    const em = del.bottom - del.top;
    const strike = best(await rows(del, del.top + 0.3 * em, del.bottom - 0.25 * em));
    expect(strike.inked, 'line-through').toBeGreaterThan(0.95);
    const pinyin = await rows(del, del.pinyinTop, del.top - 1);
    expect(longest(pinyin), 'pinyin of deleted text').toBeLessThan(0.8 * em);
    const ins = await wordsOf('#correction ins');
    expect(best(await rows(ins, ins.bottom - 0.3 * em, ins.bottom + 1)).inked, 'underline').toBeGreaterThan(
      0.95,
    );
  });
});

describe('headings with a tight line height', () => {
  it('a one-line heading keeps its height, its pinyin in the room above it and clear of what is above', async () => {
    for (const selector of ['h1', 'aside h3']) {
      const h = await page.evaluate((s) => {
        const el = document.querySelector(s)!;
        el.scrollIntoView({ block: 'center' });
        const rubies = [...el.querySelectorAll('dubao-t [data-py]')].map((r) => r.getBoundingClientRect());
        return {
          height: el.getBoundingClientRect().height,
          lineHeight:
            parseFloat(getComputedStyle(el).lineHeight) || 1.2 * parseFloat(getComputedStyle(el).fontSize),
          words: rubies.length,
          pinyinTop: Math.min(...rubies.map((r) => r.top)),
          // The red bar of links over the article and the sidebar: what is above both headings.
          above: document.querySelector('.top')!.getBoundingClientRect().bottom,
        };
      }, selector);
      expect(h.words, `${selector} drawn`).toBeGreaterThan(0);
      // One line, as the page lays it out (news-article.html: 28px at line-height 1.4; 16px at normal).
      expect(h.height, `${selector} height`).toBeLessThan(h.lineHeight + 1);
      expect(h.pinyinTop, `${selector} pinyin under the bar above`).toBeGreaterThan(h.above + 1);
    }
  });
});

describe('justified columns', () => {
  it('a justified newspaper column keeps each comma by its word, not spread a character away', async () => {
    const p = await openDrawn(browser, `${server.url}/newspaper.html`, errors, '#a1 .body dubao-t [data-py]');
    try {
      const found = await p.evaluate(() => {
        const body = document.querySelector('#a1 .body')!;
        // Justification stretches a line by widening the characters it may stretch after; between word boxes
        // drawn with pinyin those are the punctuation marks and other characters outside them. Each one's width
        // is what a reader sees of the gap it leaves.
        let widest = 0;
        let which = '';
        let seen = 0;
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          if (!n.parentElement?.closest('dubao-t') || n.parentElement.closest('[data-py]')) continue;
          const em = parseFloat(getComputedStyle(n.parentElement).fontSize);
          for (let i = 0; i < n.data.length; i++) {
            if (!/[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff\u201c\u201d]/.test(n.data[i])) continue;
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const ratio = range.getBoundingClientRect().width / em;
            seen++;
            if (ratio > widest) [widest, which] = [ratio, n.data[i]];
          }
        }
        return { widest, which, seen };
      });
      expect(found.seen, 'punctuation drawn in the column').toBeGreaterThan(50);
      // A full-width mark is one em wide; justified, some were 1.5–2.1 em.
      expect(found.widest, `widest mark, ${found.which}, in em`).toBeLessThan(1.05);
    } finally {
      await p.close();
    }
  });
});
