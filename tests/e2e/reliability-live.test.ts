/**
 * Late and changing content (issue 17, cases 7 and 8), in real Chromium with the built extension: what the page
 * adds after load gets pinyin, what it rewrites never shows old and new text together, a feed's existing
 * paragraphs keep their drawing when one is added, and a flood of paragraphs leaves the page's text intact. The
 * reader can also be asked for by hand from the popup. Times are measured by `npm run bench` (group `flood`),
 * never asserted here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, tabIdOf, type ExtensionBrowser } from './chromium';
import { serveFolder, type StaticServer } from '../../tools/serve';

let browser: ExtensionBrowser;
let server: StaticServer;
const errors: string[] = [];
// The extension API, in the service worker's evaluations.
declare const chrome: any;

const SENTENCES = [
  '今天上午，市政府召开新闻发布会，介绍今年城市交通建设的最新进展。',
  '记者从教育部门了解到，全市中小学将在九月一日正式开学。',
  '气象台预计，未来三天本地以多云天气为主，气温稳步回升。',
  '这家工厂引进了新的生产线，产品质量明显提高，订单也越来越多。',
  '农民们在田间忙着收割小麦，今年的收成比去年好了不少。',
  '图书馆延长了开放时间，方便市民在下班以后借书和学习。',
  '专家认为，发展新能源汽车有利于减少空气污染，保护生态环境。',
  '社区医院开设了老年人健康门诊，为居民提供免费体检服务。',
];
const sentence = (i: number) => SENTENCES[i % SENTENCES.length];

/** A page's HTML; `script` runs in the page (its own world) once parsed. */
const html = (body: string, script = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>page</title></head>` +
  `<body>${body}<script>${script}</script></body></html>`;

const PAGES: Record<string, string> = {
  // A single-page app: an empty shell at load, its Chinese rendered 500 ms later.
  '/live/spa.html': html(
    '<div id="app"><p>Loading…</p></div>',
    `const s = ${JSON.stringify(SENTENCES)};
     addEventListener('load', () => setTimeout(() => {
       const app = document.getElementById('app');
       app.textContent = '';
       for (let i = 0; i < 12; i++) { const p = document.createElement('p'); p.textContent = s[i % s.length]; app.append(p); }
     }, 500));`,
  ),
  // Chinese at load, more added later.
  '/live/later.html': html(
    `<div id="news">${SENTENCES.slice(0, 3)
      .map((s) => `<p>${s}</p>`)
      .join('')}</div>`,
    `addEventListener('load', () => setTimeout(() => {
       const p = document.createElement('p'); p.id = 'late'; p.textContent = ${JSON.stringify(sentence(5))};
       document.getElementById('news').prepend(p);
     }, 1500));`,
  ),
  // A feed: paragraphs drawn, then one appended.
  '/live/feed.html': html(
    `<div id="feed">${SENTENCES.slice(0, 5)
      .map((s) => `<p>${s}</p>`)
      .join('\n')}</div>`,
  ),
  // Paragraphs rewritten every 100 ms three ways: new text into the same node (React, Vue), the node replaced
  // by a new one, all children replaced (textContent). The page samples what it shows every frame and task.
  '/live/rewrite.html': html(
    `<p id="data">${sentence(0)}</p><p id="node">${sentence(1)}</p><p id="children">${sentence(2)}</p>`,
    `const s = ${JSON.stringify(SENTENCES)};
     const want = { data: s[0], node: s[1], children: s[2] };
     const w = window; w.__samples = 0; w.__stale = []; w.__drawnNew = new Set();
     const shown = (id) => document.getElementById(id).textContent.replace(/\\s/g, '');
     const sample = () => {
       w.__samples++;
       for (const id of Object.keys(want)) {
         const t = shown(id);
         if (t !== want[id]) w.__stale.push(id + ': ' + t);
         const el = document.getElementById(id);
         const base = [...el.querySelectorAll('dubao-t [data-py]')].map((r) => [...r.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('')).join('');
         if (base && base === want[id]) w.__drawnNew.add(id);
       }
     };
     let n = 3;
     w.__rewrite = (times) => new Promise((done) => {
       const tick = setInterval(() => {
         const next = (k) => s[(n + k) % s.length] + '（第' + '一二三四五六七八九十'[n % 10] + '次）';
         want.data = next(0); want.node = next(1); want.children = next(2);
         document.getElementById('data').firstChild.data = want.data;
         const p = document.getElementById('node'); p.replaceChild(document.createTextNode(want.node), p.firstChild);
         document.getElementById('children').textContent = want.children;
         n++;
         if (--times === 0) { clearInterval(tick); done(); }
       }, 100);
     });
     const frame = () => { sample(); requestAnimationFrame(frame); };
     requestAnimationFrame(frame);
     const task = () => { sample(); setTimeout(task, 7); };
     task();`,
  ),
  // A flood: 10 paragraphs every 10 ms at the top of a feed that keeps its newest 1,500.
  '/live/flood.html': html(
    '<div id="feed"></div>',
    `const s = ${JSON.stringify(SENTENCES)};
     const w = window; w.__written = new Map(); let n = 0;
     w.__flood = (ms) => new Promise((done) => {
       const end = performance.now() + ms;
       const feed = document.getElementById('feed');
       const tick = setInterval(() => {
         for (let k = 0; k < 10; k++) {
           const p = document.createElement('p'); p.id = 'p' + n; p.textContent = s[n % s.length] + n;
           w.__written.set(p.id, p.textContent); feed.prepend(p); n++;
         }
         while (feed.childElementCount > 1500) { const last = feed.lastElementChild; w.__written.delete(last.id); last.remove(); }
         if (performance.now() > end) { clearInterval(tick); done(n); }
       }, 10);
     });`,
  ),
  // A live ticker that floods a small box without end (10 paragraphs every 10 ms), above the page's own text, and
  // a paragraph the page adds far below and then brings up without any scrolling (the block above it collapses).
  '/live/ticker.html': html(
    `<p id="intro">${sentence(0)}</p><div id="ticker" style="height: 200px; overflow: hidden"></div>` +
      '<div id="spacer" style="height: 5000px"></div><div id="tail"></div>',
    `const s = ${JSON.stringify(SENTENCES)};
     const w = window; let n = 0; let tick = null;
     w.__start = () => { tick = setInterval(() => {
       const box = document.getElementById('ticker');
       for (let k = 0; k < 10; k++) { const p = document.createElement('p'); p.textContent = s[n % s.length] + n++; box.prepend(p); }
       while (box.childElementCount > 300) box.lastElementChild.remove();
     }, 10); };
     w.__stop = () => { clearInterval(tick); return n; };
     w.__addFar = () => { const p = document.createElement('p'); p.id = 'far'; p.textContent = s[6]; document.getElementById('tail').append(p); };
     w.__collapse = () => { document.getElementById('spacer').style.height = '0'; };`,
  ),
  // Chinese the detector does not take for prose (lines of a poem, each shorter than a sentence).
  '/live/poem.html': html(
    '<h2>静夜思</h2><p>床前明月光</p><p>疑是地上霜</p><p>举头望明月</p><p>低头思故乡</p>',
  ),
  '/live/english.html': html('<h1>Markets</h1><p>Shares rose on Monday as investors weighed new data.</p>'),
};

beforeAll(async () => {
  server = await serveFolder('tests/fixtures', {
    routes: Object.fromEntries(Object.entries(PAGES).map(([k, body]) => [k, { body }])),
  });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`${server.url}${path}`);
  return page;
}

/** The Han characters under the ruby of an element, in order. */
function rubyText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return '';
    return [...el.querySelectorAll('dubao-t [data-py]')]
      .map((r) =>
        [...r.childNodes]
          .filter((n) => n.nodeType === 3)
          .map((n) => (n as Text).data)
          .join(''),
      )
      .join('');
  }, selector);
}

const han = (s: string) => s.replace(/[^\p{Script=Han}]/gu, '');

describe('content that comes after load', () => {
  it('draws a single-page app that renders its Chinese after load', async () => {
    const page = await open('/live/spa.html');
    await page.waitForSelector('#app dubao-t [data-py]', { timeout: 30_000, state: 'attached' });
    await expect
      .poll(async () => han(await rubyText(page, '#app p')), { timeout: 10_000 })
      .toBe(han(sentence(0)));
    await page.close();
  });

  it('draws a paragraph added later to a page that had Chinese at load', async () => {
    const page = await open('/live/later.html');
    await page.waitForSelector('#news dubao-t [data-py]', { timeout: 30_000, state: 'attached' });
    await page.waitForSelector('#late dubao-t [data-py]', { timeout: 30_000, state: 'attached' });
    await expect
      .poll(async () => han(await rubyText(page, '#late')), { timeout: 10_000 })
      .toBe(han(sentence(5)));
    await page.close();
  });
});

describe('content the page changes', () => {
  it('never shows old and new text together, and draws the new text', async () => {
    const page = await open('/live/rewrite.html');
    await page.waitForSelector('#children dubao-t [data-py]', { timeout: 30_000, state: 'attached' });
    await page.evaluate(() => (window as unknown as { __rewrite(n: number): Promise<void> }).__rewrite(30));
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __samples: number; __stale: string[] };
      return { samples: w.__samples, stale: w.__stale.slice(0, 5), staleCount: w.__stale.length };
    });
    expect(seen.samples).toBeGreaterThan(30);
    expect(seen.stale).toEqual([]);
    // Once the page stops, each paragraph is drawn from its latest text.
    for (const id of ['data', 'node', 'children']) {
      const shown = han((await page.textContent(`#${id}`)) ?? '');
      expect(shown).toMatch(/次$/);
      await expect.poll(async () => han(await rubyText(page, `#${id}`)), { timeout: 10_000 }).toBe(shown);
    }
    await page.close();
  });

  it('draws only the paragraph appended to a feed; the others keep their nodes', async () => {
    const page = await open('/live/feed.html');
    // Every paragraph drawn, and drawing settled.
    await expect
      .poll(() => page.locator('#feed p:has(dubao-t [data-py])').count(), { timeout: 30_000 })
      .toBe(5);
    await page.waitForTimeout(500);
    const before = await page.evaluate(() => {
      const w = window as unknown as { __kept: Element[] };
      w.__kept = [...document.querySelectorAll('#feed [data-py], #feed dubao-w, #feed dubao-t')];
      return w.__kept.length;
    });
    expect(before).toBeGreaterThan(20);
    await page.evaluate((text) => {
      const p = document.createElement('p');
      p.id = 'new';
      p.textContent = text;
      document.getElementById('feed')!.append(p);
    }, sentence(6));
    await page.waitForSelector('#new dubao-t [data-py]', { timeout: 30_000, state: 'attached' });
    await page.waitForTimeout(500);
    const kept = await page.evaluate(() => {
      const w = window as unknown as { __kept: Element[] };
      const now = new Set(document.querySelectorAll('#feed [data-py], #feed dubao-w, #feed dubao-t'));
      return w.__kept.filter((el) => el.isConnected && now.has(el)).length;
    });
    expect(kept).toBe(before);
    await page.close();
  });

  it('keeps the text of a page flooded with paragraphs, and draws what is on screen', async () => {
    const page = await open('/live/flood.html');
    const written = await page.evaluate(() =>
      (window as unknown as { __flood(ms: number): Promise<number> }).__flood(3000),
    );
    expect(written).toBeGreaterThan(500);
    // What the page shows is exactly what it wrote, paragraph by paragraph: nothing lost, doubled or stale.
    const wrong = await page.evaluate(() => {
      const w = window as unknown as { __written: Map<string, string> };
      const out: string[] = [];
      for (const p of document.querySelectorAll('#feed p'))
        if (p.textContent!.replace(/\s/g, '') !== w.__written.get(p.id))
          out.push(`${p.id}: ${p.textContent}`);
      return out.slice(0, 5);
    });
    expect(wrong).toEqual([]);
    // The newest paragraphs, at the top of the screen, get pinyin once the flood stops.
    await expect
      .poll(async () => han(await rubyText(page, '#feed p:first-child')), { timeout: 30_000 })
      .toBe(han((await page.textContent('#feed p:first-child')) ?? ''));
    await page.close();
  });
});

describe('a page that floods without end', () => {
  it('draws a paragraph the page brings near while it still floods, never scrolled', async () => {
    const page = await open('/live/ticker.html');
    const call = (name: string) =>
      page.evaluate((n) => (window as unknown as Record<string, () => unknown>)[n](), name);
    await page.waitForSelector('#intro dubao-t [data-py]', { timeout: 30_000 });
    await call('__start');
    await page.waitForTimeout(1000);
    // Added far below the screen during the flood: not drawn there.
    await call('__addFar');
    await page.waitForTimeout(1500);
    expect(await rubyText(page, '#far')).toBe('');
    // The page brings it onto the screen itself (no scroll, and the ticker goes on): it gets its pinyin.
    await call('__collapse');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await expect
      .poll(async () => han(await rubyText(page, '#far')), { timeout: 10_000 })
      .toBe(han(sentence(6)));
    const before = (await call('__stop')) as number;
    expect(before).toBeGreaterThan(1000);
    await page.close();
  });
});

describe('reading a page by hand', () => {
  it('the popup reads a page the detector passed over', async () => {
    const page = await open('/live/poem.html');
    // The detector saw no prose: no reader, no pinyin.
    await page.waitForTimeout(1500);
    expect(await page.locator('dubao-t').count()).toBe(0);
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(browser, page.url())}`,
    );
    await popup.click('[data-testid=read-page]');
    await expect.poll(() => popup.textContent('[data-testid=read-result]')).toMatch(/Reading 23 Chinese/);
    await expect.poll(() => rubyText(page, 'body'), { timeout: 30_000 }).toContain('床前明月光');
    await popup.close();
    await page.close();
  });

  it('on a page without Chinese it only says so', async () => {
    const page = await open('/live/english.html');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(browser, page.url())}`,
    );
    await popup.click('[data-testid=read-page]');
    await expect
      .poll(() => popup.textContent('[data-testid=read-result]'))
      .toBe('No Chinese text on this page.');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await popup.close();
    await page.close();
  });

  it('declares a keyboard shortcut for it', async () => {
    const commands = await browser.worker.evaluate(async () => chrome.commands.getAll());
    expect(commands.map((c: { name?: string }) => c.name)).toContain('read-page');
  });

  it('left no page errors', () => {
    expect(errors).toEqual([]);
  });
});
