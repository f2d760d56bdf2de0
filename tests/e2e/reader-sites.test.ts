import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  launchWithExtension,
  sendFromExtension,
  stopWorker,
  tabIdOf,
  type ExtensionBrowser,
} from './chromium';
import { setSettings, snapshot, type Snapshot } from './page-text';
import { serveFolder, type StaticServer } from '../../tools/serve';

// Return visits (lib/reader-sites.ts): a site where Dubao drew pinyin has the reader registered as a content
// script, so its pages start the reader as they load instead of waiting for the detector's report and two
// injections. Checked as a reader sees it: pinyin on the site's Chinese pages, its other pages left exactly as they
// were, late content still read, frames still read, and the site's switch in the popup still obeyed.

// The extension API inside functions evaluated in the service worker.
declare const chrome: any;

let browser: ExtensionBrowser;
let plain: Browser;
let server: StaticServer;
const errors: string[] = [];
const SLOW = { timeout: 20_000 };

const LATE_PROSE =
  '<p>今年以来，各地坚持把乡村振兴作为重点工作，推动农业增效、农村发展和农民增收，基层群众的获得感不断增强。</p>';

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`${server.url}/${path}`);
  return page;
}

async function baseline(path: string): Promise<Snapshot> {
  const page = await plain.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/${path}`);
  await page.waitForTimeout(300);
  const snap = await snapshot(page);
  await page.close();
  return snap;
}

/** The match patterns the reader is registered for, as the browser holds them. */
function registered(): Promise<string[]> {
  return browser.worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).flatMap(
      (s: { matches?: string[] }) => s.matches ?? [],
    ),
  );
}

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages', {
    routes: {
      // A page with no Chinese character at all: its detector sends nothing.
      '/english-only.html': {
        body:
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body>' +
          '<h1>Markets</h1><p>Stocks rose on Tuesday as investors weighed new trade figures.</p></body></html>',
        type: 'text/html',
      },
      // A page of the site that shows its Chinese only a while after load, as a single-page app does.
      '/late-app.html': {
        body:
          '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>App</title></head><body>' +
          '<div id="app">Loading</div><script>setTimeout(function () { document.getElementById("app").innerHTML = ' +
          JSON.stringify(LATE_PROSE.repeat(4)) +
          '; }, 1200);</script></body></html>',
        type: 'text/html',
      },
    },
  });
  browser = await launchWithExtension();
  plain = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await plain?.close();
  await server?.close();
  expect(errors).toEqual([]);
});

describe('a site where Dubao drew before', () => {
  it('is registered after the first visit, and the next visit draws pinyin over the same text', async () => {
    expect(await registered()).toEqual([]);
    const first = await open('news-article.html');
    await first.waitForSelector('dubao-t [data-py]', { ...SLOW, state: 'attached' });
    await expect.poll(registered, SLOW).toEqual(['*://127.0.0.1/*']);
    await first.close();

    const again = await open('news-article.html');
    await again.waitForSelector('dubao-t [data-py]', { ...SLOW, state: 'attached' });
    const words = await again.locator('dubao-t [data-py]').count();
    expect(words).toBeGreaterThan(50);
    // Pinyin is drawn from attributes: the page's own text is what it was.
    expect((await snapshot(again)).text).toBe((await baseline('news-article.html')).text);
    // The popup describes the page as on a first visit: Chinese prose, Simplified, and what the reader drew.
    const tabId = await tabIdOf(browser, again.url());
    await expect
      .poll(async () => {
        const s = await sendFromExtension(browser, { type: 'getPageStats', tabId });
        return [s.detected?.chinese, s.detected?.script, (s.reader?.hanChars ?? 0) > 500];
      }, SLOW)
      .toEqual([true, 'simplified', true]);
    await again.close();
  });

  it('draws on a return visit whose background had stopped, as Chromium stops it after 30 s idle', async () => {
    const warm = await open('news-article.html');
    await warm.waitForSelector('dubao-t [data-py]', { ...SLOW, state: 'attached' });
    await warm.close();
    await stopWorker(browser);
    const cold = await open('news-article.html');
    await cold.waitForSelector('dubao-t [data-py]', { ...SLOW, state: 'attached' });
    expect(await cold.locator('dubao-t [data-py]').count()).toBeGreaterThan(50);
    expect((await snapshot(cold)).text).toBe((await baseline('news-article.html')).text);
    // The new worker answers the card as the old one did.
    await expect.poll(registered, SLOW).toEqual(['*://127.0.0.1/*']);
    await cold.close();
  });

  it('leaves a stopped background asleep when a tab goes on to an English page, and the popup no longer describes the Chinese one', async () => {
    const page = await open('news-article.html');
    await page.waitForSelector('dubao-t [data-py]', { ...SLOW, state: 'attached' });
    const tabId = await tabIdOf(browser, page.url());
    await expect
      .poll(
        async () => (await sendFromExtension(browser, { type: 'getPageStats', tabId })).detected?.chinese,
        SLOW,
      )
      .toBe(true);
    // The reader's own requests (hover lookups as blocks come into view) are over, as after a pause in reading.
    await page.waitForTimeout(3000);
    // Watch the worker's running state through the DevTools protocol, from this tab's own session: a new page
    // would hide this one and showing it again sends the reader's keep-warm message (lib/reader/keep-warm.ts).
    const cdp = await browser.context.newCDPSession(page);
    const states: string[] = [];
    cdp.on(
      'ServiceWorker.workerVersionUpdated',
      (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        for (const v of e.versions)
          if (v.scriptURL.includes(browser.extensionId)) states.push(v.runningStatus);
      },
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => states.at(-1), SLOW).toBe('stopped');
    const seen = states.length;
    // An English page on another site (not one the reader is registered for, with no Chinese character, so its
    // detector has nothing to report): nothing should start the worker.
    await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}/english-only.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
    expect(states.slice(seen).filter((s) => s === 'starting' || s === 'running')).toEqual([]);
    await cdp.detach();
    // The popup, opened on that tab now, describes the English page: nothing (it wakes the worker itself).
    const s = await sendFromExtension(browser, { type: 'getPageStats', tabId });
    expect([s.detected, s.reader]).toEqual([null, null]);
    await page.close();
  });

  it('leaves its pages without Chinese prose exactly as they were', async () => {
    for (const path of ['english.html', 'japanese.html']) {
      const page = await open(path);
      await page.waitForLoadState('load');
      await page.waitForTimeout(1500);
      expect(await page.locator('dubao-t').count()).toBe(0);
      const snap = await snapshot(page);
      const want = await baseline(path);
      expect(snap.text).toBe(want.text);
      expect(snap.html).toBe(want.html);
      await page.close();
    }
  });

  it('still reads Chinese that a page of it shows only after load', async () => {
    const page = await open('late-app.html');
    await page.waitForTimeout(600);
    expect(await page.locator('dubao-t').count()).toBe(0);
    await page.waitForSelector('#app dubao-t [data-py]', { ...SLOW, state: 'attached' });
    expect(await page.locator('#app').textContent()).toBe(
      '今年以来，各地坚持把乡村振兴作为重点工作，推动农业增效、农村发展和农民增收，基层群众的获得感不断增强。'.repeat(
        4,
      ),
    );
    await page.close();
  });

  it('still reads Chinese in frames', async () => {
    const page = await open('iframe.html');
    const frame = page.frames().find((f) => f.url().endsWith('chinese-frame.html'));
    expect(frame).toBeTruthy();
    await frame!.waitForSelector('dubao-t [data-py]', { ...SLOW, state: 'attached' });
    await page.close();
  });

  it('is forgotten when Dubao is turned off there: its pages load untouched, and turning it on draws at once', async () => {
    const host = new URL(server.url).host;
    await setSettings(browser, { enabled: false }, host);
    await expect.poll(registered, SLOW).toEqual([]);
    const page = await open('news-article.html');
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
    expect(await page.locator('dubao-t').count()).toBe(0);
    const want = await baseline('news-article.html');
    expect((await snapshot(page)).html).toBe(want.html);

    await setSettings(browser, { enabled: true }, host);
    await page.waitForSelector('dubao-t [data-py]', { ...SLOW, state: 'attached' });
    expect((await snapshot(page)).text).toBe(want.text);
    // Read again on this visit: registered again for the next.
    await expect.poll(registered, SLOW).toEqual(['*://127.0.0.1/*']);
    await page.close();
  });

  it("is forgotten with the rest of the user's data by the options page's Delete all my data", async () => {
    await expect.poll(registered, SLOW).toEqual(['*://127.0.0.1/*']);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/settings`);
    await options.getByTestId('delete-all').click();
    await options.getByTestId('delete-all-input').fill('DELETE');
    await options.getByTestId('delete-all-confirm').click();
    await options.getByTestId('delete-all-done').waitFor(SLOW);
    await options.close();
    await expect.poll(registered, SLOW).toEqual([]);
    expect(
      await browser.worker.evaluate(async () => (await chrome.storage.local.get('readerSites')).readerSites),
    ).toBeUndefined();
  });
});
