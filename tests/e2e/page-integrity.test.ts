import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  launchWithExtension,
  sendFromExtension,
  type ExtensionBrowser,
} from './chromium';
import { waitForStableLayout } from './layout';
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

interface Snapshot {
  text: string;
  inner: string;
  html: string;
}

function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => ({
    text: document.body.textContent ?? '',
    inner: document.body.innerText,
    html: document.body.innerHTML,
  }));
}

async function baseline(path: string): Promise<{ snap: Snapshot; layout: Layout }> {
  const page = await plain.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/${path}`);
  const snap = await snapshot(page);
  const layout = await layoutOf(page);
  await page.close();
  return { snap, layout };
}

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`${server.url}/${path}`);
  await page.waitForSelector('dubao-t ruby', { timeout: 20_000 });
  // Through the whole page and back, so every block is drawn.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
    scrollTo(0, 0);
  });
  await waitForStableLayout(page);
  return page;
}

async function setSite(patch: Record<string, unknown>): Promise<void> {
  const host = new URL(server.url).host;
  const r = await sendFromExtension(browser, { type: 'setSettings', scope: 'site', patch, host });
  expect(r.error).toBeUndefined();
}

async function setGlobal(patch: Record<string, unknown>): Promise<void> {
  const r = await sendFromExtension(browser, { type: 'setSettings', scope: 'global', patch });
  expect(r.error).toBeUndefined();
}

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

/** Neighbouring words' pinyin on one line: pairs, and pairs closer than 1 px. Pinyin size over its text's. */
function pinyinBoxes(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('dubao-t rt[data-py]')]
      .map((rt) => {
        const r = rt.getBoundingClientRect();
        const cs = getComputedStyle(rt);
        return {
          left: r.left + parseFloat(cs.paddingLeft),
          right: r.right - parseFloat(cs.paddingRight),
          top: r.top,
          ratio: parseFloat(cs.fontSize) / parseFloat(getComputedStyle(rt.parentElement!).fontSize),
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
        await page.waitForSelector('dubao-t ruby', { timeout: 20_000 });
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
        await page.waitForSelector('dubao-t ruby', { timeout: 20_000 });
        await waitForStableLayout(page);
        await same('site on again');
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

  it('portal.html: prose gets pinyin; the menu bar and a heading that prints its own pinyin do not', async () => {
    const page = await open('portal.html');
    const rubies = (s: string) => page.locator(`${s} dubao-t ruby`).count();
    expect(await rubies('#menu')).toBe(0);
    expect(await rubies('#banner-title')).toBe(0);
    expect(await rubies('.card p')).toBeGreaterThan(10);
    expect(await rubies('#h-wrap')).toBeGreaterThan(2);
    // A setting widens it to the whole page.
    await setGlobal({ pinyinEverywhere: true });
    await expect.poll(() => rubies('#menu'), { timeout: 15_000 }).toBeGreaterThan(5);
    await setGlobal({ pinyinEverywhere: false });
    await expect.poll(() => rubies('#menu'), { timeout: 15_000 }).toBe(0);
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
