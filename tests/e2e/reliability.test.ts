/**
 * Trying to break the reader in a real browser: hostile text that must stay text, odd pages (frameset, strict CSP,
 * 5 MB, a page that deletes our elements, about:blank frames, quirks mode), and a check that nothing the
 * extension does leaves the machine.
 *
 * Exports of hostile data (Anki, Pleco, CSV, JSON backup) are covered by tests/unit/vocab/formats.test.ts and
 * tests/unit/vocab/backup.test.ts, whose sample words carry the same payloads (tests/unit/vocab/sample.ts).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Frame, Page } from 'playwright-core';
import {
  launchWithExtension,
  sendFromExtension,
  waitForDictionary as dictionaryImported,
  type ExtensionBrowser,
} from './chromium';
import { recordNetwork, type NetworkRecorder } from './network';
import { cardText } from './shadow';
import { serveFolder, type StaticServer } from '../../tools/serve';
import { bigChinesePage } from '../../tools/build-sample';

let browser: ExtensionBrowser;
let server: StaticServer;
let network: NetworkRecorder;
const errors: string[] = [];
const dialogs: string[] = [];

const PAYLOAD = '<img src=x onerror=alert(1)>';
const STRICT_CSP =
  "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'; require-trusted-types-for 'script'";

beforeAll(async () => {
  server = await serveFolder('tests/fixtures', {
    routes: {
      '/odd/big.html': { body: bigChinesePage(1_700_000) },
      '/odd/csp-header.html': {
        body: readFileSync('tests/fixtures/odd/csp.html', 'utf8'),
        headers: { 'content-security-policy': STRICT_CSP },
      },
    },
  });
  browser = await launchWithExtension();
  network = recordNetwork(browser.context, [server.url]);
  // Text captured by the page itself before any extension script can run (init scripts run first in every
  // frame), to compare with what is there once the reader has drawn.
  await browser.context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as { __textBefore?: string }).__textBefore = document.body?.textContent ?? '';
    });
  });
});
afterAll(async () => {
  network?.stop();
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${path}: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${server.url}/${path}`);
  return page;
}

/** Sends a message to the background from an extension page, as the popup and options page do. */
const send = (msg: unknown) => sendFromExtension(browser, msg);

const waitForDictionary = () => dictionaryImported(browser, 60_000);

/** The body text without whitespace (our pinyin is generated content from an attribute, never text). */
function textNow(target: Page | Frame): Promise<string> {
  return target.evaluate(() => {
    let s = '';
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) s += (walker.currentNode as Text).data;
    return s.replace(/\s+/g, '');
  });
}

async function textBefore(target: Page | Frame): Promise<string> {
  const s = await target.evaluate(() => (window as { __textBefore?: string }).__textBefore);
  expect(s, `text captured before the reader on ${target.url()}`).toBeTypeOf('string');
  return s!.replace(/\s+/g, '');
}

interface CdpNode {
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** Element names anywhere in the page, closed shadow roots (our card) and frames included. */
async function allElementNames(page: Page): Promise<string[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const names: string[] = [];
    const walk = (n: CdpNode) => {
      names.push(n.nodeName);
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
      if (n.contentDocument) walk(n.contentDocument);
    };
    walk(root);
    return names;
  } finally {
    await cdp.detach();
  }
}

async function hoverText(page: Page, text: string): Promise<void> {
  const box = await page.evaluate((w) => {
    for (const ruby of document.querySelectorAll('dubao-t [data-py]')) {
      const t = ruby.firstChild;
      if (ruby.textContent?.startsWith(w) && t) {
        ruby.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(t, 0);
        r.setEnd(t, 1);
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  }, text);
  expect(box, `${text} should be drawn on the page`).not.toBeNull();
  // Off the text first (a card left open could cover the word), then from the left along the line: a card opened
  // on the way is never over the line being read.
  await page.mouse.move(1, 1);
  await page.mouse.move(box!.x - 40, box!.y);
  await page.mouse.move(box!.x, box!.y);
}

describe('hostile content stays text', () => {
  it('adds a glossary term and a saved word whose text is markup', async () => {
    await waitForDictionary();
    // A user term as the glossary editor would store it, written straight into the extension's database.
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await ext.evaluate(async (payload) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open('dubao');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const entry = {
        id: 'hostile-test',
        simplified: '攻击代码',
        traditional: '攻擊代碼',
        pinyin: 'gōng jī dài mǎ',
        english: payload,
        englishSource: 'descriptive',
        explanation: `<script>alert(2)</script><svg onload=alert(3)> ${payload}`,
        category: 'slogan',
        status: 'current',
        related: [],
      };
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('terms', 'readwrite');
        tx.objectStore('terms').put({
          id: 'user:hostile-test',
          origin: 'user',
          entry,
          hidden: 0,
          heads: ['攻击代码', '攻擊代碼'],
          category: 'slogan',
          updated: Date.now(),
        });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
      // Dexie announces each write it commits to every context of the origin, and the engine re-reads terms on
      // that; this raw write bypassed Dexie, so it announces itself the same way.
      new BroadcastChannel('x-storagemutated-1').postMessage({ all: true });
    }, PAYLOAD);
    await ext.close();
    // Wait until the engine's views mark the new term, as the next page load will.
    await expect
      .poll(
        async () => {
          const r = await send({
            type: 'views',
            texts: ['攻击代码'],
            pinyin: true,
            pinyinStyle: 'marks',
            script: 'original',
          });
          const views = typeof r.packed === 'string' ? JSON.parse(r.packed) : [];
          return views[0]?.termSpans?.map((t: { termId: string }) => t.termId) ?? [];
        },
        { timeout: 10_000, interval: 500 },
      )
      .toEqual(['hostile-test']);

    const saved = await send({
      type: 'saveWord',
      word: '字符串',
      sentence: `攻击者只要在留言里写下${PAYLOAD}这样的字符串`,
      offset: 11 + PAYLOAD.length + 2,
      definition: `<b>string</b> ${PAYLOAD}`,
      title: '<script>alert(1)</script>',
      url: 'http://127.0.0.1/hostile',
    });
    expect(saved.ok).toBe(true);
  });

  it('annotates the hostile page, and its cards show the payloads as text, with no element made from them', async () => {
    const page = await open('pages/hostile.html');
    await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    // The word just after the payload in the first paragraph.
    await hoverText(page, '字符');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/character|string/i);
    // The user term, whose gloss and explanation are markup.
    await hoverText(page, '攻击代码');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain(PAYLOAD);
    const names = await allElementNames(page);
    expect(names.filter((n) => ['IMG', 'SVG', 'svg', 'SCRIPT'].includes(n))).toEqual([]);
    expect(await page.evaluate(() => document.images.length)).toBe(0);
    expect(await textNow(page)).toBe(await textBefore(page));
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('shows the saved payloads as text on the options page, if there is one', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(`options: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(`options: ${d.message()}`);
      void d.dismiss();
    });
    // Not every build has an options page yet; a missing file is ERR_FILE_NOT_FOUND.
    const res = await page
      .goto(`chrome-extension://${browser.extensionId}/options.html#/lists`)
      .catch(() => null);
    const exists = !!res?.ok() && (await page.evaluate(() => !!document.body?.children.length));
    if (exists) {
      await expect
        .poll(() => page.evaluate(() => document.body.textContent ?? ''), { timeout: 15_000 })
        .toContain(PAYLOAD);
      expect(await page.evaluate(() => document.querySelectorAll('img, svg, script:not([src])').length)).toBe(
        0,
      );
      expect(dialogs).toEqual([]);
    }
    await page.close();
  });
});

describe('odd pages', () => {
  it('annotates both frames of a frameset and keeps their text', async () => {
    const page = await open('odd/frameset.html');
    const frames = page.frames().filter((f) => f.url().includes('/odd/frame-'));
    expect(frames).toHaveLength(2);
    for (const f of frames) {
      await f.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
      expect(await textNow(f)).toBe(await textBefore(f));
    }
    await page.close();
  });

  for (const path of ['odd/csp.html', 'odd/csp-header.html']) {
    it(`works under a strict Content-Security-Policy (${path})`, async () => {
      const page = await open(path);
      await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
      expect(await textNow(page)).toBe(await textBefore(page));
      await page.close();
    });
  }

  it('annotates a 5 MB page where the reader is, and keeps all its text', async () => {
    const page = await open('odd/big.html');
    await page.waitForSelector('dubao-t [data-py]', { timeout: 60_000 });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            // The paragraph at the middle of the screen (or just below, if the middle falls between two).
            for (let y = innerHeight / 2; y < innerHeight; y += 10) {
              const p = document.elementFromPoint(innerWidth / 2, y)?.closest('p');
              if (p) return !!p.querySelector('dubao-t [data-py]');
            }
            return false;
          }),
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await textNow(page)).toBe(await textBefore(page));
    await page.close();
  });

  it('keeps the text of a page that deletes our elements as they appear', async () => {
    const page = await open('odd/remover.html');
    // Wait until the reader has tried to draw (and the page removed the drawing) and things have settled.
    await expect
      .poll(() => page.evaluate(() => (window as any).__dubaoRemoved as number), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    expect(await textNow(page)).toBe(await textBefore(page));
    // It does not fight the page for ever.
    const removed = await page.evaluate(() => (window as any).__dubaoRemoved as number);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as any).__dubaoRemoved as number)).toBe(removed);
    await page.close();
  });

  it('handles an about:blank iframe written by the page', async () => {
    const page = await open('odd/blank-iframe.html');
    await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    expect(await textNow(page)).toBe(await textBefore(page));
    const blank = page.frames().find((f) => f !== page.mainFrame());
    expect(blank?.url()).toBe('about:blank');
    expect(await textNow(blank!)).toContain('网友评论：乡村学校新建了图书馆');
    await page.close();
  });

  it('annotates a quirks-mode page and keeps its text', async () => {
    const page = await open('odd/quirks.html');
    expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat');
    await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    expect(await textNow(page)).toBe(await textBefore(page));
    await page.close();
  });
});

describe('a tour of the fixture pages', () => {
  it('visits every fixture page', async () => {
    const pages = [
      'pages/newspaper.html',
      'pages/newspaper-print.html',
      'pages/traditional.html',
      'pages/hongkong.html',
      'pages/iframe.html',
      'pages/english.html',
      'pages/japanese.html',
      'pages/inputs.html',
      'pages/framework.html',
    ];
    for (const path of pages) {
      const page = await open(path);
      await page.waitForLoadState('load');
      await page.waitForTimeout(800);
      await page.close();
    }
    // The popup and the options page, which talk to the background.
    for (const p of ['popup.html', 'options.html']) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${p}`).catch(() => null); // options may not exist yet
      await page.waitForTimeout(800);
      await page.close();
    }
  });
});

describe('after everything above', () => {
  const PROBE = 'http://127.0.0.2:9/probe';

  it('records requests of the service worker (so that the next check can fail)', async () => {
    await browser.worker.evaluate((u) => fetch(u).catch(() => null), PROBE);
    await expect.poll(() => network.leaving().map((r) => r.url)).toContain(PROBE);
    expect(network.requests.find((r) => r.url === PROBE)?.from).toBe('service-worker');
  });

  it('made no request beyond the fixture server and the extension itself', () => {
    expect(network.requests.some((r) => r.url.startsWith('chrome-extension://'))).toBe(true);
    expect(network.requests.some((r) => r.url.startsWith(server.url))).toBe(true);
    // The one request that left is the probe the test made itself.
    expect(network.leaving().map((r) => `${r.from} ${r.initiator} → ${r.url}`)).toEqual([
      `service-worker ${browser.worker.url()} → ${PROBE}`,
    ]);
  });

  it('raised no page error and opened no dialog', () => {
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
