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

// Issue 15's "done when", beyond tests/e2e/page-integrity.test.ts: every toggle of the popup (each script, each
// pinyin style, highlights), the hover card on every kind of page and at every height of the screen, and layout
// with larger pinyin. Checked on what a reader sees (text, boxes on screen), not on how the reader draws, so the
// tests hold whatever markup the drawing uses.

let browser: ExtensionBrowser;
let plain: Browser;
let server: StaticServer;
const errors: string[] = [];

/** The machine running the tests may be busy: settings take effect within this. */
const SLOW = { timeout: 20_000 };
const VIEWPORT = { width: 1280, height: 900 };

const PAGES = ['news-article.html', 'portal.html', 'blog-traditional.html'];

const open = (path: string): Promise<Page> => openDrawn(browser, `${server.url}/${path}`, errors);

const setSite = (patch: Record<string, unknown>) => setSettings(browser, patch, new URL(server.url).host);

const DEFAULTS = {
  enabled: true,
  pinyin: true,
  script: 'original',
  pinyinStyle: 'marks',
  highlights: true,
  pinyinScale: 0.6,
};

/** Until the page's text has stayed the same for three reads in a row: the setting has been applied. */
async function settled(page: Page): Promise<Snapshot> {
  let last = await snapshot(page);
  for (let same = 0, n = 0; same < 3 && n < 100; n++) {
    await page.waitForTimeout(150);
    const now = await snapshot(page);
    same = now.text === last.text && now.html === last.html ? same + 1 : 0;
    last = now;
  }
  return last;
}

/** Whether any Han character of the page shows pinyin above it: an annotation box over a Han character. */
const drawnWords = (page: Page) => page.locator('dubao-t').count();

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages');
  browser = await launchWithExtension();
  plain = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  // A fresh profile imports CC-CEDICT first; the card has nothing to show before that.
  await waitForDictionary(browser);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await plain?.close();
  await server?.close();
  expect(errors).toEqual([]);
});

async function baseline(path: string): Promise<Snapshot> {
  const page = await plain.newPage({ viewport: VIEWPORT });
  await page.goto(`${server.url}/${path}`);
  const snap = await snapshot(page);
  await page.close();
  return snap;
}

describe("every toggle of the popup leaves the page's own text as it was", () => {
  for (const path of PAGES) {
    it(`${path}: each script and back, each pinyin style, highlights off and on, then pinyin and the site off`, async () => {
      const before = await baseline(path);
      const page = await open(path);
      const same = async (what: string) => {
        const now = await settled(page);
        expect(now.text, `${what}: textContent`).toBe(before.text);
        expect(now.inner, `${what}: innerText`).toBe(before.inner);
      };
      try {
        await same('pinyin on');
        // Every script, each straight after the other (Taiwan phrases change the text's length), then back.
        for (const script of ['tw', 'twp', 'hk', 'cn', 'original']) {
          await setSite({ script });
          await settled(page);
        }
        await expect.poll(async () => (await snapshot(page)).text, SLOW).toBe(before.text);
        await same('every script, then the original');
        for (const pinyinStyle of ['numbers', 'zhuyin', 'marks']) {
          await setSite({ pinyinStyle });
          await same(`pinyin as ${pinyinStyle}`);
        }
        await setSite({ highlights: false });
        await same('highlights off');
        await setSite({ highlights: true });
        await same('highlights on');
        expect(await drawnWords(page)).toBeGreaterThan(0);

        await setSite({ script: 'twp' });
        await expect.poll(async () => (await snapshot(page)).text !== before.text, SLOW).toBe(true);
        await setSite({ pinyin: false });
        await settled(page);
        await setSite({ script: 'original' });
        await expect.poll(async () => (await snapshot(page)).html, SLOW).toBe(before.html);

        await setSite({ pinyin: true, script: 'hk' });
        await expect.poll(async () => (await snapshot(page)).text !== before.text, SLOW).toBe(true);
        await setSite({ enabled: false });
        await expect.poll(async () => (await snapshot(page)).html, SLOW).toBe(before.html);
      } finally {
        await setSite(DEFAULTS);
        await page.close();
      }
    });
  }
});

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The card's box on screen, read through the protocol (it lives in a closed shadow root). */
async function cardBox(page: Page): Promise<Rect | null> {
  const cdp = await page.context().newCDPSession(page);
  type Node = {
    nodeId: number;
    nodeName: string;
    attributes?: string[];
    children?: Node[];
    shadowRoots?: Node[];
  };
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    let card: number | null = null;
    const find = (n: Node, inCard: boolean) => {
      const here = inCard || n.nodeName === 'DUBAO-CARD';
      if (here && n.attributes?.includes('data-closed')) return; // a closed card, kept unseen
      const cls = n.attributes?.[n.attributes.indexOf('class') + 1] ?? '';
      if (here && n.nodeName === 'DIV' && n.attributes?.includes('class') && /^card\b/.test(cls))
        card ??= n.nodeId;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) find(c, here);
    };
    find(root, false);
    if (card == null) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: card })) as {
      model: { border: number[] };
    };
    const [x1, y1, , , x3, y3] = model.border;
    return { left: x1, top: y1, right: x3, bottom: y3 };
  } catch {
    return null; // the card closed between the two calls
  } finally {
    await cdp.detach();
  }
}

interface Spot {
  char: string;
  x: number;
  y: number;
  /** The line being read: the whole width of its paragraph, from the top of its pinyin to the text's bottom. */
  line: Rect;
}

/**
 * Han characters on the screen to hover: the first and last of the top line, one in the middle of the screen, and
 * the first and last of the lowest line fully on screen. A character's line spans its block's width (the nearest
 * ancestor that is not laid out inline), and its pinyin above it: the band from 0.7 of the text's height above it.
 */
function spotsOnScreen(page: Page): Promise<Spot[]> {
  return page.evaluate(() => {
    const han = /\p{Script=Han}/u;
    const chars: { char: string; r: DOMRect; node: Text }[] = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = w.nextNode() as Text | null; t; t = w.nextNode() as Text | null) {
      for (let i = 0; i < t.data.length; i++) {
        if (!han.test(t.data[i])) continue;
        const range = document.createRange();
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const r = range.getBoundingClientRect();
        if (r.width > 0 && r.top >= 40 && r.bottom <= innerHeight - 40)
          chars.push({ char: t.data[i], r, node: t });
      }
    }
    if (chars.length === 0) return [];
    const rows = [...new Set(chars.map((c) => Math.round(c.r.top)))].sort((a, b) => a - b);
    const row = (top: number) =>
      chars.filter((c) => Math.round(c.r.top) === top).sort((a, b) => a.r.left - b.r.left);
    const first = row(rows[0]);
    const last = row(rows[rows.length - 1]);
    const middle = row(rows[Math.floor(rows.length / 2)]);
    const picked = [
      first[0],
      first[first.length - 1],
      middle[Math.floor(middle.length / 2)],
      last[0],
      last[last.length - 1],
    ];
    const blockOf = (n: Node) => {
      let el = n.parentElement;
      while (el && el !== document.body) {
        const d = getComputedStyle(el).display;
        if (!d.startsWith('inline') && !d.startsWith('ruby') && d !== 'contents') break;
        el = el.parentElement;
      }
      return (el ?? document.body).getBoundingClientRect();
    };
    return [...new Set(picked)].map(({ char, r, node }) => {
      const block = blockOf(node);
      return {
        char,
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
        line: { left: block.left, right: block.right, top: r.top - 0.7 * r.height, bottom: r.bottom },
      };
    });
  });
}

const overlap = (a: Rect, b: Rect) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

describe('the hover card never covers the line being read', () => {
  for (const path of PAGES) {
    it(`${path}: at the top, middle and bottom of the screen, at both ends of a line`, async () => {
      const page = await open(path);
      try {
        const positions = await page.evaluate(() => [0, Math.max(0, document.body.scrollHeight / 2 - 450)]);
        let hovered = 0;
        for (const y of positions) {
          await page.evaluate((y) => scrollTo(0, y), y);
          await waitForStableLayout(page);
          const spots = await spotsOnScreen(page);
          expect(spots.length, `Han characters on screen at ${y}`).toBeGreaterThan(2);
          for (const spot of spots) {
            await page.mouse.move(1, 1);
            await expect.poll(() => cardBox(page), SLOW).toBeNull();
            await page.mouse.move(spot.x, spot.y);
            await expect
              .poll(() => cardBox(page), {
                ...SLOW,
                message: `a card for ${spot.char} at ${spot.x},${spot.y}`,
              })
              .not.toBeNull();
            const card = (await cardBox(page))!;
            const at = `${spot.char} at ${Math.round(spot.x)},${Math.round(spot.y)}`;
            expect(overlap(card, spot.line), `the card over the line of ${at}`).toBe(false);
            expect(card.top, at).toBeGreaterThanOrEqual(0);
            expect(card.bottom, at).toBeLessThanOrEqual(VIEWPORT.height);
            expect(card.left, at).toBeGreaterThanOrEqual(0);
            expect(card.right, at).toBeLessThanOrEqual(VIEWPORT.width);
            hovered++;
          }
        }
        expect(hovered).toBeGreaterThanOrEqual(6);
      } finally {
        await page.close();
      }
    });
  }
});
