import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  launchWithExtension,
  waitForDictionary,
  type ExtensionBrowser,
} from './chromium';
import { waitForStableLayout } from './layout';
import { openDrawn, setSettings, snapshot, type Snapshot } from './page-text';
import { serveFolder, type StaticServer } from '../../tools/serve';

// Real-world-like pages (tests/fixtures/pages): a news article, a portal with a menu bar and a Traditional blog
// full of spaces. What the reader sees of the page's own text and layout is compared with the same page in
// Chromium without the extension.

let browser: ExtensionBrowser;
let plain: Browser;
let server: StaticServer;
const errors: string[] = [];

/** The machine running the tests may be busy: settings take effect within this. */
const SLOW = { timeout: 20_000 };

const PAGES = ['news-article.html', 'portal.html', 'blog-traditional.html'];

async function baseline(path: string): Promise<{ snap: Snapshot; layout: Layout }> {
  const page = await plain.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/${path}`);
  const snap = await snapshot(page);
  const layout = await layoutOf(page);
  await page.close();
  return { snap, layout };
}

const open = (path: string): Promise<Page> =>
  openDrawn(browser, `${server.url}/${path}`, errors, 'dubao-t [data-py]');

const setSite = (patch: Record<string, unknown>) => setSettings(browser, patch, new URL(server.url).host);

const setGlobal = (patch: Record<string, unknown>) => setSettings(browser, patch);

const drawn = (page: Page) => page.locator('dubao-t').count();

interface Layout {
  /** Lines of every heading and list item, by a key of its position in the document. */
  lines: Record<string, number>;
  /** Elements whose content no longer fits a box that clips, and menu items outside their bar. */
  clipped: string[];
}

/** Lines and clipping of headings, menu items and fixed-size boxes: what a page lays out and we must not break. */
function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const lineCount = (el: Element) => {
      const tops: number[] = [];
      const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = w.nextNode(); t; t = w.nextNode()) {
        if (!t.nodeValue?.trim() || t.parentElement?.closest('rt')) continue;
        const r = document.createRange();
        r.selectNodeContents(t);
        for (const b of r.getClientRects()) if (b.width > 0) tops.push(b.bottom);
      }
      tops.sort((a, b) => a - b);
      let n = 0;
      let last = -Infinity;
      for (const t of tops) {
        if (t - last > 8) n++;
        last = t;
      }
      return n;
    };
    const lines: Record<string, number> = {};
    const all = [...document.querySelectorAll('h1, h2, h3, h4, li, .tag, button, a')];
    all.forEach(
      (el, i) => (lines[`${el.tagName}#${i}:${el.textContent?.trim().slice(0, 12)}`] = lineCount(el)),
    );
    const clipped: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(el);
      const x = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
      const y = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
      if ((x && el.scrollWidth > el.clientWidth + 1) || (y && el.scrollHeight > el.clientHeight + 1))
        clipped.push(`${el.tagName}.${el.className}:${el.textContent?.trim().slice(0, 12)}`);
    }
    for (const nav of document.querySelectorAll('nav')) {
      const bar = nav.getBoundingClientRect();
      for (const li of nav.querySelectorAll('li')) {
        const r = li.getBoundingClientRect();
        if (r.right > bar.right + 1 || r.bottom > bar.bottom + 1 || r.width === 0)
          clipped.push(`menu item ${li.textContent}`);
      }
    }
    return { lines, clipped };
  });
}

/**
 * Neighbouring words' pinyin on one line: pairs, and pairs closer than 1 px. Pinyin size over its text's. The
 * pinyin is the word box's ::before, centred at its top: its text is as wide as the ::before's content box.
 */
function pinyinBoxes(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('dubao-t [data-py]')]
      .map((box) => {
        const r = box.getBoundingClientRect();
        const before = getComputedStyle(box, '::before');
        const width = parseFloat(before.width);
        const middle = (r.left + r.right) / 2;
        return {
          left: middle - width / 2,
          right: middle + width / 2,
          top: r.top,
          ratio: parseFloat(before.fontSize) / parseFloat(getComputedStyle(box).fontSize),
        };
      })
      .filter((b) => b.right > b.left);
    let pairs = 0;
    const touching: number[] = [];
    for (let i = 1; i < boxes.length; i++) {
      const a = boxes[i - 1];
      const b = boxes[i];
      if (Math.abs(a.top - b.top) > 2 || b.left < a.left) continue;
      pairs++;
      if (b.left - a.right < 1) touching.push(b.left - a.right);
    }
    return { pairs, touching, ratios: boxes.map((b) => b.ratio) };
  });
}

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages');
  browser = await launchWithExtension();
  plain = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await plain?.close();
  await server?.close();
  expect(errors).toEqual([]);
});

describe("the page's own text, character for character", () => {
  for (const path of PAGES) {
    it(`${path}: with pinyin, and after every toggle, the text is what it was`, async () => {
      const { snap } = await baseline(path);
      const page = await open(path);
      try {
        const same = async (what: string) => {
          const now = await snapshot(page);
          expect(now.text, `${what}: textContent`).toBe(snap.text);
          expect(now.inner, `${what}: innerText`).toBe(snap.inner);
        };
        await same('pinyin on');

        await setSite({ pinyin: false });
        await expect.poll(() => drawn(page), SLOW).toBe(0);
        expect((await snapshot(page)).html, 'pinyin off: the DOM as it was').toBe(snap.html);

        await setSite({ pinyin: true });
        await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
        await waitForStableLayout(page);
        await same('pinyin on again');

        await setSite({ script: path.includes('traditional') ? 'cn' : 'tw' });
        await expect.poll(async () => (await snapshot(page)).text !== snap.text, SLOW).toBe(true);
        await setSite({ script: 'original' });
        await expect.poll(async () => (await snapshot(page)).text, SLOW).toBe(snap.text);
        await waitForStableLayout(page);
        await same('script converted and back');

        await setSite({ enabled: false });
        await expect.poll(() => drawn(page), SLOW).toBe(0);
        expect((await snapshot(page)).html, 'site off: the DOM as it was').toBe(snap.html);

        await setSite({ enabled: true, pinyin: true, script: 'original' });
        await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
        await waitForStableLayout(page);
        await same('site on again');
        // Nor does anything of ours stay in the page's performance timeline, which its own scripts read.
        const ours = await page.evaluate(() =>
          performance
            .getEntries()
            .map((e) => e.name)
            .filter((n) => n.startsWith('dubao')),
        );
        expect(ours, "the page's performance entries").toEqual([]);
      } finally {
        await setSite({ enabled: true, pinyin: true, script: 'original' });
        await page.close();
      }
    });
  }
});

describe('layout the page made', () => {
  for (const path of PAGES) {
    it(`${path}: no menu item, heading or tag is lost, clipped or wrapped onto more lines`, async () => {
      const { layout: before } = await baseline(path);
      const page = await open(path);
      const after = await layoutOf(page);
      expect(after.clipped).toEqual(before.clipped);
      expect(after.lines).toEqual(before.lines);
      await page.close();
    });
  }

  it('portal.html: prose gets pinyin; the menu bar, a heading that prints its own pinyin and a button or tag inside prose do not', async () => {
    const page = await open('portal.html');
    const rubies = (s: string) => page.locator(`${s} dubao-t [data-py]`).count();
    expect(await rubies('#menu')).toBe(0);
    expect(await rubies('#banner-title')).toBe(0);
    expect(await rubies('.card p')).toBeGreaterThan(10);
    expect(await rubies('#h-wrap')).toBeGreaterThan(2);
    // The bordered "查看更多" button at the end of a paragraph that has pinyin, and the topic tags.
    expect(await page.locator('.card p:has(.more) > dubao-t [data-py]').count()).toBeGreaterThan(5);
    expect(await rubies('.more')).toBe(0);
    expect(await rubies('.tag')).toBe(0);
    expect(await page.locator('.more').innerText()).toBe('查看更多');
    // A setting widens it to the whole page.
    await setGlobal({ pinyinEverywhere: true });
    await expect.poll(() => rubies('#menu'), { timeout: 15_000 }).toBeGreaterThan(5);
    await expect.poll(() => rubies('.more'), { timeout: 15_000 }).toBeGreaterThan(0);
    await setGlobal({ pinyinEverywhere: false });
    await expect.poll(() => rubies('#menu'), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => rubies('.more'), { timeout: 15_000 }).toBe(0);
    await page.close();
  });

  it('news-article.html: a bar of short links that nothing names a menu gets no pinyin; the related links do', async () => {
    const page = await open('news-article.html');
    const rubies = (s: string) => page.locator(`${s} dubao-t [data-py]`).count();
    expect(await rubies('.top')).toBe(0);
    expect(await rubies('#related a')).toBeGreaterThan(3);
    expect(await rubies('article p')).toBeGreaterThan(50);
    await page.close();
  });
});

describe('pinyin a reader can read', () => {
  for (const path of PAGES) {
    it(`${path}: neighbouring words' pinyin never touch, and pinyin is 0.6 of its text`, async () => {
      const page = await open(path);
      const { pairs, touching, ratios } = await pinyinBoxes(page);
      expect(pairs).toBeGreaterThan(50);
      expect(touching).toEqual([]);
      for (const r of ratios) expect(r).toBeCloseTo(0.6, 2);
      await page.close();
    });
  }

  it('follows the pinyin size setting at once', async () => {
    const page = await open('news-article.html');
    await setGlobal({ pinyinScale: 0.8 });
    await expect
      .poll(async () => (await pinyinBoxes(page)).ratios.every((r) => Math.abs(r - 0.8) < 0.01), SLOW)
      .toBe(true);
    await setGlobal({ pinyinScale: 0.6 });
    await page.close();
  });
});

/**
 * Glossary terms drawn with pinyin: the dotted underline (the word box's bottom border) of each, whether it shows,
 * and any pinyin of the next line that starts above the underline's bottom edge (its text, not its padding).
 */
function termUnderlines(page: Page) {
  return page.evaluate(() => {
    const words = [...document.querySelectorAll('dubao-t [data-py]')].map((ruby) => {
      const r = ruby.getBoundingClientRect();
      const pinyinTop = r.top + parseFloat(getComputedStyle(ruby, '::before').paddingTop);
      return { ruby, r, pinyinTop };
    });
    const invisible: string[] = [];
    const touching: string[] = [];
    const terms = words.filter((w) => w.ruby.closest('dubao-w')!.hasAttribute('data-term'));
    for (const t of terms) {
      const cs = getComputedStyle(t.ruby);
      if (cs.borderBottomStyle !== 'dotted' || parseFloat(cs.borderBottomWidth) < 1.5 || t.r.width < 1)
        invisible.push(t.ruby.textContent ?? '');
      for (const w of words) {
        const below = w.r.top > t.r.top + t.r.height / 2;
        const across = w.r.left < t.r.right && w.r.right > t.r.left;
        if (below && across && w.pinyinTop < t.r.bottom)
          touching.push(
            `${t.ruby.textContent} / ${w.ruby.textContent}: ${(t.r.bottom - w.pinyinTop).toFixed(1)} px`,
          );
      }
    }
    return { count: terms.length, invisible, touching };
  });
}

describe('pinyin on the dense sample page (multi-column newspaper)', () => {
  it('keeps neighbouring pinyin apart, term underlines visible and clear of the next line, the page barely taller', async () => {
    const page = await open('newspaper.html');
    const { pairs, touching, ratios } = await pinyinBoxes(page);
    expect(pairs).toBeGreaterThan(1000);
    expect(touching).toEqual([]);
    for (const r of ratios) expect(r).toBeCloseTo(0.6, 2);
    const terms = await termUnderlines(page);
    expect(terms.count).toBeGreaterThan(20);
    expect(terms.invisible).toEqual([]);
    expect(terms.touching).toEqual([]);
    // Pinyin sits in the leading between lines: the drawn page is no taller than native ruby made it (4,956 px
    // over the page's own 4,424: 1.12×).
    const drawn = await page.evaluate(() => document.documentElement.scrollHeight);
    const bare = await plain.newPage({ viewport: { width: 1280, height: 900 } });
    await bare.goto(`${server.url}/newspaper.html`);
    const own = await bare.evaluate(() => document.documentElement.scrollHeight);
    await bare.close();
    expect(drawn / own).toBeGreaterThan(1);
    expect(drawn / own).toBeLessThanOrEqual(1.12);
    await page.close();
  });
});

describe('containment of drawn blocks (lib/dom/contain.ts)', () => {
  it('contains plain paragraphs only where nothing moves: not beside a float, round a positioned badge, under a positioned stamp, in columns, over a collapsing margin or a counted item', async () => {
    const page = await open('contain.html');
    try {
      const read = () =>
        page.evaluate(() => {
          const box = (el: Element) => {
            const r = el.getBoundingClientRect();
            return [r.left, r.top, r.width, r.height].map((v) => Math.round(v * 10) / 10).join(',');
          };
          const contained = [...document.querySelectorAll('[data-dubao-c]')];
          // Each contained block, and every word drawn in it, with and without its containment.
          const moved: string[] = [];
          for (const el of contained) {
            const parts = [el, ...el.querySelectorAll('dubao-w')];
            const withIt = parts.map(box);
            el.removeAttribute('data-dubao-c');
            const without = parts.map(box);
            el.setAttribute('data-dubao-c', '');
            withIt.forEach((b, i) => {
              if (b !== without[i])
                moved.push(`${el.id} ${parts[i].textContent?.slice(0, 6)}: ${without[i]} -> ${b}`);
            });
          }
          return { ids: contained.map((el) => el.id || el.localName), moved };
        });
      await expect
        .poll(async () => (await read()).ids, SLOW)
        .toEqual(expect.arrayContaining(['title', 'plain', 'plain2', 'after-float']));
      const { ids, moved } = await read();
      for (const id of [
        'beside-float',
        'positioned',
        'under-overlay',
        'in-columns',
        'margin-through',
        'counted',
      ])
        expect(ids, id).not.toContain(id);
      expect(moved).toEqual([]);
      // The page puts a positioned tooltip into a contained paragraph: containment goes before it is laid out, so
      // the tooltip is placed where the page meant (against the page's own positioned box, not the paragraph).
      const tip = await page.evaluate(async () => {
        const p = document.querySelector('#plain')!;
        const span = document.createElement('span');
        span.style.cssText = 'position: absolute; left: 0; top: 0';
        span.textContent = '提示';
        p.append(span);
        await Promise.resolve();
        return { contained: p.hasAttribute('data-dubao-c'), top: span.getBoundingClientRect().top + scrollY };
      });
      expect(tip.contained).toBe(false);
      expect(tip.top).toBe(0);
      await setSite({ pinyin: false });
      await expect.poll(() => drawn(page), SLOW).toBe(0);
      expect(await page.locator('[data-dubao-c]').count()).toBe(0);
    } finally {
      await setSite({ pinyin: true });
      await page.close();
    }
  });
});

describe('containment under a sticky header', () => {
  it('contains nothing on a page whose sticky header sets no z-index (the text would be painted over it)', async () => {
    const page = await open('contain-sticky.html');
    try {
      expect(await page.locator('#one dubao-w[data-py]').count()).toBeGreaterThan(5);
      expect(await page.locator('[data-dubao-c]').count()).toBe(0);
      // Scrolled under the header, the header is what shows at its place.
      await page.evaluate(() => scrollTo(0, 40));
      const top = await page.evaluate(() => {
        const h = document.querySelector('header')!.getBoundingClientRect();
        return document.elementFromPoint(h.left + 300, h.top + h.height / 2)?.closest('header') !== null;
      });
      expect(top).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('the site switch', () => {
  it('turned off, the page reloaded, turned on again: pinyin at once, without a second reload', async () => {
    const page = await open('news-article.html');
    try {
      await setSite({ enabled: false });
      await expect.poll(() => drawn(page), SLOW).toBe(0);
      await page.reload();
      await page.waitForTimeout(1000);
      expect(await drawn(page)).toBe(0);
      await setSite({ enabled: true });
      await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
      await setSite({ pinyin: false });
      await expect.poll(() => drawn(page), SLOW).toBe(0);
      await setSite({ pinyin: true });
      await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    } finally {
      await setSite({ enabled: true, pinyin: true, script: 'original' });
      await page.close();
    }
  });
});

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The card's box and its buttons' boxes on screen (page coordinates), read through the protocol. */
async function cardBoxes(page: Page): Promise<{ card: Rect | null; buttons: Rect[] }> {
  const cdp = await page.context().newCDPSession(page);
  type Node = {
    nodeId: number;
    nodeName: string;
    attributes?: string[];
    children?: Node[];
    shadowRoots?: Node[];
    contentDocument?: Node;
  };
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    let card: number | null = null;
    const buttons: number[] = [];
    const find = (n: Node, inCard: boolean) => {
      const here = inCard || n.nodeName === 'DUBAO-CARD';
      if (here && n.attributes?.includes('data-closed')) return; // a closed card, kept unseen
      const cls = n.attributes?.[n.attributes.indexOf('class') + 1] ?? '';
      if (here && n.nodeName === 'DIV' && n.attributes?.includes('class') && /^card\b/.test(cls))
        card ??= n.nodeId;
      if (here && n.nodeName === 'BUTTON') buttons.push(n.nodeId);
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) find(c, here);
      if (n.contentDocument) find(n.contentDocument, here);
    };
    find(root, false);
    const boxOf = async (nodeId: number): Promise<Rect> => {
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { border: number[] } };
      const [x1, y1, , , x3, y3] = model.border;
      return { left: x1, top: y1, right: x3, bottom: y3 };
    };
    return {
      card: card == null ? null : await boxOf(card),
      buttons: await Promise.all(buttons.map(boxOf)),
    };
  } finally {
    await cdp.detach();
  }
}

const intersects = (a: Rect, b: Rect) =>
  Math.min(a.right, b.right) > Math.max(a.left, b.left) &&
  Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);

/** A drawn word's box, pinyin included, in its frame's coordinates; null when not drawn. */
function wordLine(target: Page | import('playwright-core').Frame, word: string, nth = 0) {
  return target.evaluate(
    ({ w, nth }) => {
      const found = [...document.querySelectorAll('dubao-t [data-py]')].filter((r) => r.textContent === w);
      const ruby = found[nth];
      if (!ruby) return null;
      const t = ruby.firstChild as Text;
      const r = document.createRange();
      r.selectNodeContents(t);
      const base = r.getBoundingClientRect();
      // The word's box holds its pinyin (its ::before).
      const rt = ruby.getBoundingClientRect();
      const c = document.createRange();
      c.setStart(t, 0);
      c.setEnd(t, 1);
      const ch = c.getBoundingClientRect();
      return {
        line: {
          left: Math.min(base.left, rt.left),
          top: Math.min(base.top, rt.top),
          right: Math.max(base.right, rt.right),
          bottom: base.bottom,
        },
        x: ch.left + ch.width / 2,
        y: ch.top + ch.height / 2,
      };
    },
    { w: word, nth },
  );
}

describe('the hover card', () => {
  beforeAll(async () => {
    // A fresh profile imports CC-CEDICT first; the card has nothing to show before that.
    await waitForDictionary(browser);
  }, 100_000);

  it('never covers the line being read, pinyin included, and stays on screen', async () => {
    const page = await open('news-article.html');
    for (const word of ['软件', '老师', '学生']) {
      await page.evaluate((w) => {
        const ruby = [...document.querySelectorAll('dubao-t [data-py]')].find((r) => r.textContent === w);
        ruby?.scrollIntoView({ block: 'center' });
      }, word);
      await waitForStableLayout(page);
      const at = await wordLine(page, word);
      expect(at, `${word} is drawn`).not.toBeNull();
      await page.mouse.move(1, 1);
      await page.mouse.move(at!.x, at!.y);
      await expect
        .poll(async () => (await cardBoxes(page)).card, { ...SLOW, message: `card for ${word}` })
        .not.toBeNull();
      const { card } = await cardBoxes(page);
      expect(intersects(card!, at!.line), `card over the line of ${word}`).toBe(false);
      expect(card!.top).toBeGreaterThanOrEqual(0);
      expect(card!.bottom).toBeLessThanOrEqual(900);
    }
    await page.close();
  });

  it('fits inside a 200 px frame, with its buttons in the frame', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/small-frame.html`);
    const frame = page.frames().find((f) => f.url().endsWith('news-article.html'))!;
    await frame.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    await page.waitForTimeout(1000);
    const box = (await page.locator('#frame').boundingBox())!;
    // The frame's viewport: inside its 1 px border.
    const inner = {
      left: box.x + 1,
      top: box.y + 1,
      right: box.x + box.width - 1,
      bottom: box.y + box.height - 1,
    };
    // A word of the headline, at the top of the frame.
    const word = await frame.evaluate(() =>
      [...document.querySelectorAll('#headline dubao-t [data-py]')]
        .map((r) => r.textContent ?? '')
        .find((t) => t.length === 2)!,
    );
    const at = await wordLine(frame, word);
    expect(at).not.toBeNull();
    await page.mouse.move(1, 1);
    await page.mouse.move(inner.left + at!.x, inner.top + at!.y);
    await expect.poll(async () => (await cardBoxes(page)).card, SLOW).not.toBeNull();
    const { card, buttons } = await cardBoxes(page);
    expect(buttons.length).toBeGreaterThanOrEqual(4);
    for (const r of [card!, ...buttons]) {
      expect(r.left).toBeGreaterThanOrEqual(inner.left - 0.5);
      expect(r.right).toBeLessThanOrEqual(inner.right + 0.5);
      expect(r.top).toBeGreaterThanOrEqual(inner.top - 0.5);
      expect(r.bottom).toBeLessThanOrEqual(inner.bottom + 0.5);
    }
    await page.close();
  });
});
