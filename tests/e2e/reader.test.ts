import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, sendFromExtension, type ExtensionBrowser } from './chromium';
import { serveFolder, type StaticServer } from '../../tools/serve';
import { hoverWord } from './layout';
import { cardMarks, cardText } from './shadow';

let browser: ExtensionBrowser;
let server: StaticServer;
const errors: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`${server.url}/${path}`);
  return page;
}

async function waitForRuby(page: Page): Promise<void> {
  await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
}

/** The text of the page as a reader sees it (pinyin is drawn from attributes, so it is not in textContent). */
function bodyText(page: Page, selector = 'body'): Promise<string> {
  return page.evaluate((s) => (document.querySelector(s)?.textContent ?? '').replace(/\s+/g, ''), selector);
}

async function setSettings(
  page: Page,
  scope: 'global' | 'site',
  patch: Record<string, unknown>,
  host?: string,
) {
  const r = await sendFromExtension(browser, { type: 'setSettings', scope, patch, host });
  expect(r.error).toBeUndefined();
  void page;
}

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages');
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('pinyin over the sample newspaper page', () => {
  it('annotates the articles with pinyin read in context', async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    const readings = await page.evaluate(() => {
      const out: Record<string, string> = {};
      for (const ruby of document.querySelectorAll('dubao-t [data-py]')) {
        const word = ruby.textContent ?? '';
        out[word] ??= ruby.getAttribute('data-py') ?? '';
      }
      return out;
    });
    expect(readings['率先']).toBe('shuàixiān');
    expect(readings['共同富裕']).toBe('gòngtóngfùyù');
    expect(Object.keys(readings).length).toBeGreaterThan(100);
    await page.close();
  });

  it('gives the print variant the same words as the clean page', async () => {
    const words = async (path: string) => {
      const page = await open(path);
      await waitForRuby(page);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(500);
      // Back to the top: far from the screen, pinyin is taken out again.
      await page.evaluate(() => window.scrollTo(0, 0));
      // A word cut by a print line break is drawn in two parts that share the word's start (data-w).
      const read = () =>
        page.evaluate(() => {
          const out: string[] = [];
          let last: { key: string; block: Element | null } | null = null;
          for (const part of document.querySelectorAll('dubao-w')) {
            if (!part.matches('[data-py], :has([data-py])')) continue;
            const block = part.closest('p, h1, h2, h3, li, div');
            const key = part.getAttribute('data-w') ?? '';
            if (last && last.key === key && last.block === block)
              out[out.length - 1] += part.textContent ?? '';
            else out.push(part.textContent ?? '');
            last = { key, block };
          }
          return out.slice(0, 200);
        });
      // The top is drawn again after the scroll: read until the list stops changing (a busy machine takes longer).
      await page.waitForTimeout(1000);
      let w = await read();
      for (let i = 0; i < 40; i++) {
        await page.waitForTimeout(300);
        const again = await read();
        if (again.length === w.length && again.every((x, j) => x === w[j])) break;
        w = again;
      }
      await page.close();
      return w;
    };
    const clean = await words('newspaper.html');
    const print = await words('newspaper-print.html');
    expect(clean).toContain('机制');
    expect(clean.filter((w) => w === '共同富裕').length).toBeGreaterThan(1);
    // Same words in the same order, including those cut by a print line (共同富裕体制机 / 制, 迈向共 / 同富裕).
    expect(print).toEqual(clean);
  });

  it('annotates every paragraph of the page as the reader scrolls quickly through it', async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    // Han characters on screen left in page text nodes outside our drawing. Pinyin is drawn near the screen (and
    // taken out again far from it), so each screen is checked where the reader is. Section headings that print
    // their own pinyin above them are left as they are, by design.
    const left = () =>
      page.evaluate(() => {
        let n = 0;
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let t = w.nextNode(); t; t = w.nextNode()) {
          const el = t.parentElement;
          if (!el || el.closest('dubao-t, title, .py-block')) continue;
          const r = el.getBoundingClientRect();
          if (r.bottom < 0 || r.top > innerHeight) continue;
          n += ((t.nodeValue ?? '').match(/\p{Script=Han}/gu) ?? []).length;
        }
        return n;
      });
    const height = await page.evaluate(() => document.body.scrollHeight);
    for (let y = 0; y < height; y += 1500) {
      await page.evaluate((top) => scrollTo(0, top), y);
      await page.waitForTimeout(30);
    }
    for (let y = 0; y < height; y += 1500) {
      await page.evaluate((top) => scrollTo(0, top), y);
      try {
        await expect.poll(left, { timeout: 15_000 }).toBe(0);
      } catch (err) {
        // Which blocks on this screen kept the page's own text, for the one reading the failure.
        const undrawn = await page.evaluate(() =>
          [...document.querySelectorAll('p, h1, h2, h3, h4, li, figcaption')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.bottom > 0 && r.top < innerHeight && !el.querySelector('dubao-t');
            })
            .filter((el) => /\p{Script=Han}/u.test(el.textContent ?? ''))
            .map(
              (el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.textContent?.slice(0, 30)}`,
            ),
        );
        throw new Error(`at scroll ${y}, blocks left as published: ${undrawn.join(' | ')}`, { cause: err });
      }
    }
    await page.close();
  });

  it('at load draws what is on the screen; the rest stays as published until the reader scrolls near it', async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    await page.waitForTimeout(2000);
    // Paragraphs a screen or more below (what the first screen drew may have pushed a little further): the page’s
    // own text, untouched, which find-in-page finds as it is.
    const below = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('p')]
          .filter((p) => /\p{Script=Han}{8}/u.test(p.textContent ?? ''))
          .filter((p) => p.getBoundingClientRect().top > 2 * innerHeight)
          .map((p) => ({ drawn: !!p.querySelector('dubao-t'), text: p.textContent ?? '' })),
      );
    const far = await below();
    expect(far.length).toBeGreaterThan(3);
    expect(far.filter((p) => p.drawn)).toEqual([]);
    const phrase = far[far.length - 1].text.match(/\p{Script=Han}{6}/u)![0];
    expect(
      await page.evaluate((w) => (window as unknown as { find(s: string): boolean }).find(w), phrase),
    ).toBe(true);
    // Scrolled to, the same paragraph gets its pinyin.
    await page.evaluate((w) => {
      const p = [...document.querySelectorAll('p')].find((x) => x.textContent?.includes(w))!;
      p.scrollIntoView({ block: 'center' });
      p.setAttribute('data-test-far', '');
    }, phrase);
    await expect
      .poll(() => page.evaluate(() => !!document.querySelector('[data-test-far] dubao-t [data-py]')), {
        timeout: 15_000,
      })
      .toBe(true);
    await page.close();
  });

  it('copying annotated text gives the Chinese alone', async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    // The first screen is drawn in slices a frame apart: wait for a paragraph drawn well into its text.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.body p')].some(
        (e) => e.querySelectorAll('dubao-t [data-py]').length > 20,
      ),
    );
    const { copied, text, found } = await page.evaluate(() => {
      const p = [...document.querySelectorAll('.body p')].find(
        (e) => e.querySelectorAll('dubao-t [data-py]').length > 20,
      )!;
      const range = document.createRange();
      range.selectNodeContents(p);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      const copied = sel.toString();
      sel.removeAllRanges();
      // Find in page finds the words, never the pinyin drawn over them.
      const find = (s: string) => (window as unknown as { find(s: string): boolean }).find(s);
      return { copied, text: p.textContent ?? '', found: [find('共同富裕'), find('gòngtóng')] };
    });
    expect(copied).toMatch(/\p{Script=Han}/u);
    expect(copied).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔù]/);
    // Word boxes add no line breaks or spaces to what is copied: the paragraph's own characters, one line.
    expect(copied).not.toContain('\n');
    expect(copied.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    expect(found).toEqual([true, false]);
    await page.close();
  });
});

describe('hover card', () => {
  it('shows 共同富裕 with its political gloss', async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    await hoverWord(page, '共同富裕');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/common prosperity/i);
    const text = await cardText(page);
    expect(text).toContain('共同富裕');
    expect(text).toContain('gòng tóng fù yù');
    // Whose rendering it is, said once and plainly.
    expect(text).toContain('Official rendering: CPC Central Committee (English text)');
    expect(text).toMatch(/Save/);
    await page.close();
  });

  it('shows the alias 工商联 as itself: its own pinyin and Traditional form, then its parent’s gloss', async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    await hoverWord(page, '工商联');
    await expect
      .poll(() => cardText(page), { timeout: 10_000 })
      .toMatch(/Federation of Industry and Commerce/);
    const text = await cardText(page);
    expect(text).toContain('gōng shāng lián');
    expect(text).toContain('工商聯');
    expect(text).not.toContain('quán guó');
    await page.close();
  });

  it('tints the word under the pointer and underlines the glossary terms', async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    await hoverWord(page, '共同富裕');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/common prosperity/i);
    // The tint covers the four characters of the word (its line box), and nothing far from it.
    const word = await page.evaluate(() => {
      const ruby = [...document.querySelectorAll('dubao-t [data-py]')].find(
        (r) => r.textContent === '共同富裕',
      )!;
      // The characters alone, not the pinyin over them.
      const boxes = [...ruby.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((t) => {
          const r = document.createRange();
          r.selectNodeContents(t);
          return r.getBoundingClientRect();
        });
      return {
        left: Math.min(...boxes.map((b) => b.left)),
        top: Math.min(...boxes.map((b) => b.top)),
        right: Math.max(...boxes.map((b) => b.right)),
        bottom: Math.max(...boxes.map((b) => b.bottom)),
      };
    });
    const marks = await cardMarks(page);
    expect(marks.length).toBeGreaterThan(0);
    expect(Math.min(...marks.map((m) => m.left))).toBeCloseTo(word.left, 0);
    expect(Math.max(...marks.map((m) => m.right))).toBeCloseTo(word.right, 0);
    for (const m of marks) {
      expect(m.top).toBeLessThanOrEqual(word.top + 1);
      expect(m.bottom).toBeGreaterThanOrEqual(word.bottom - 1);
      expect(m.bottom - m.top).toBeLessThan(2 * (word.bottom - word.top));
    }
    // Frozen (Shift), the card stays while the page scrolls, and the tint follows the word.
    await page.keyboard.press('Shift');
    await page.evaluate(() => scrollBy(0, 100));
    await expect
      .poll(async () => Math.round(Math.min(...(await cardMarks(page)).map((m) => m.top))))
      .toBe(Math.round(marks[0].top - 100));
    await page.keyboard.press('Escape');
    await expect.poll(() => cardMarks(page)).toEqual([]);

    // Terms drawn with pinyin are underlined in their category's colour: the word box's dotted bottom edge, under
    // its characters (decorations do not reach into a box, lib/dom/styles.ts).
    const term = await page.evaluate(() => {
      const w = [...document.querySelectorAll('dubao-w[data-term]')].find(
        (e) => e.textContent === '共同富裕',
      )!;
      const s = getComputedStyle(w);
      return {
        category: w.getAttribute('data-term'),
        style: s.borderBottomStyle,
        width: parseFloat(s.borderBottomWidth),
        colour: s.borderBottomColor,
      };
    });
    expect(term).toEqual({ category: 'policy', style: 'dotted', width: 2, colour: 'rgb(30, 111, 217)' });
    await page.close();
  });

  it('is built unseen while the page is idle: nothing of it shows until a word is hovered, then that word', async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    // Built ahead of the first hover (its first open would otherwise build it in that frame).
    await expect
      .poll(() => page.evaluate(() => !!document.querySelector('dubao-card')), { timeout: 10_000 })
      .toBe(true);
    expect(await page.evaluate(() => document.querySelector('dubao-card')!.hasAttribute('data-open'))).toBe(
      false,
    );
    expect(await cardText(page)).toBe('');
    await hoverWord(page, '共同富裕');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/common prosperity/i);
    expect(await cardText(page)).not.toMatch(/\bcharacter\b/);
    await page.close();
  });

  it('shows 银行 with its CC-CEDICT senses and reading', async () => {
    const page = await open('traditional.html');
    await waitForRuby(page);
    await hoverWord(page, '銀行');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/bank/);
    const text = await cardText(page);
    expect(text).toContain('yín háng');
    expect(text).toContain('银行 · 銀行');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).not.toMatch(/bank/);
    await page.close();
  });
});

describe('pages Dubao must leave alone', () => {
  it('injects nothing into an English page with a stray 中文 in its menu', async () => {
    const page = await open('english.html');
    await page.waitForTimeout(1500);
    expect(await page.locator('dubao-t').count()).toBe(0);
    await page.close();
  });

  it('injects nothing into a Japanese page', async () => {
    const page = await open('japanese.html');
    await page.waitForTimeout(1500);
    expect(await page.locator('dubao-t').count()).toBe(0);
    await page.close();
  });

  it('annotates prose but not inputs, textareas, editable areas or code', async () => {
    const page = await open('inputs.html');
    await waitForRuby(page);
    const inside = await page.evaluate(() =>
      [...document.querySelectorAll('textarea, input, [contenteditable], code, pre')].map(
        (el) => el.querySelectorAll('dubao-t').length,
      ),
    );
    expect(inside.every((n) => n === 0)).toBe(true);
    expect(await page.inputValue('input')).toBe('银行行长');
    await page.close();
  });
});

describe('settings round trips', () => {
  it('converts to Traditional and back to the exact original DOM', async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    const host = new URL(server.url).host;
    await setSettings(page, 'site', { pinyin: false }, host);
    await expect.poll(() => page.locator('dubao-t').count()).toBe(0);
    const original = await page.evaluate(() => document.body.innerHTML);
    await setSettings(page, 'site', { script: 'tw' }, host);
    await expect.poll(() => bodyText(page), { timeout: 20_000 }).toContain('體制機制');
    await setSettings(page, 'site', { script: 'original', pinyin: true }, host);
    await waitForRuby(page);
    await setSettings(page, 'site', { enabled: false }, host);
    await expect.poll(() => page.locator('dubao-t').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    await setSettings(page, 'site', { enabled: true, pinyin: true, script: 'original' }, host);
    await page.close();
  });
});

describe('glossary terms in Taiwan print', () => {
  it('finds terms printed with 台 (the glossary writes 臺), whole, and glosses them on hover', async () => {
    const page = await open('taiwan-terms.html');
    await waitForRuby(page);
    const terms = () =>
      page.evaluate(() => [...document.querySelectorAll('dubao-w[data-term]')].map((w) => w.textContent));
    await expect
      .poll(terms, { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['國台辦', '國務院台灣事務辦公室', '台灣海峽', '陸委會']));
    await hoverWord(page, '國台辦');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/Taiwan Affairs Office/);
    const text = await cardText(page);
    expect(text).toContain('guó tái bàn');
    expect(text).toContain('国台办');
    await page.close();
  });
});

describe('glossary terms underlined', () => {
  it("in the page's own text without pinyin, and not at all when turned off", async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    const host = new URL(server.url).host;
    const underlined = () =>
      page.evaluate(() => {
        const drawn = [...document.querySelectorAll('dubao-w[data-term]')].map((w) => w.textContent);
        // Highlights belong to the document, so the page sees the reader's through its own CSS.highlights.
        const ranges = [...CSS.highlights].flatMap(([name, h]) =>
          name.startsWith('dubao-term-') ? [...h].map((r) => (r as Range).toString()) : [],
        );
        return { drawn: drawn.includes('共同富裕'), page: ranges.includes('共同富裕') };
      });
    await expect.poll(underlined).toEqual({ drawn: true, page: false });
    await setSettings(page, 'site', { pinyin: false }, host);
    await expect.poll(() => page.locator('dubao-t').count()).toBe(0);
    await expect.poll(underlined).toEqual({ drawn: false, page: true });
    await setSettings(page, 'site', { pinyin: true, highlights: false }, host);
    await waitForRuby(page);
    await expect.poll(underlined).toEqual({ drawn: false, page: false });
    await setSettings(page, 'site', { highlights: true }, host);
    await expect.poll(underlined).toEqual({ drawn: true, page: false });
    await page.close();
  });

  it("without pinyin, the card opens over the page's own text and tints the word, leaving the text as it was", async () => {
    const page = await open('newspaper.html');
    await waitForRuby(page);
    const host = new URL(server.url).host;
    await setSettings(page, 'site', { pinyin: false }, host);
    await expect.poll(() => page.locator('dubao-t').count()).toBe(0);
    const before = await page.evaluate(() => document.body.innerHTML);
    // The first 共同富裕 in the page's own text: its characters' box, on screen.
    const word = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf('共同富裕');
        if (at < 0) continue;
        n.parentElement!.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + 4);
        const rects = [...r.getClientRects()];
        if (rects.length !== 1) continue; // split over two lines: take another
        const b = rects[0];
        return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
      }
      return null;
    });
    expect(word).not.toBeNull();
    await page.mouse.move(1, 1);
    await page.mouse.move(word!.left + 5, (word!.top + word!.bottom) / 2);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/common prosperity/i);
    const marks = await cardMarks(page);
    expect(marks).toHaveLength(1);
    expect(marks[0].left).toBeCloseTo(word!.left, 0);
    expect(marks[0].right).toBeCloseTo(word!.right, 0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    await page.keyboard.press('Escape');
    await setSettings(page, 'site', { pinyin: true }, host);
    await page.close();
  });
});

describe('no page errors', () => {
  it('raised none on any page above', () => {
    expect(errors).toEqual([]);
  });
});
