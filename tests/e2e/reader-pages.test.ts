import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, tabIdOf, type ExtensionBrowser } from './chromium';
import { builtinGlossary, findTerms } from '../../lib/glossary';
import { serveFolder, type StaticServer } from '../../tools/serve';

let browser: ExtensionBrowser;
let server: StaticServer;
const errors: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`${server.url}/${path}`);
  return page;
}

/** Chinese text as a reader sees it: pinyin is drawn from attributes, so it is never in textContent. */
function text(target: Page | Frame, selector: string): Promise<string> {
  return target.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
}

function rubyWords(target: Page | Frame, selector: string): Promise<string[]> {
  return target.evaluate(
    (s) =>
      [...document.querySelectorAll(`${s} dubao-t [data-py]`)].map(
        (r) => `${r.textContent}:${r.getAttribute('data-py') ?? ''}`,
      ),
    selector,
  );
}

const TERMS_PARAGRAPH = '今天的会议强调，要坚持共同富裕的方向，全面推进乡村振兴，让群众的生活越来越好。';

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages', {
    routes: {
      '/vendor/preact.js': {
        body: readFileSync('node_modules/preact/dist/preact.umd.js', 'utf8'),
        type: 'text/javascript',
      },
      // 20 Chinese paragraphs in the middle of 2,500 English ones (7,500 text nodes): far past what the detector
      // reads one by one, so only its sample of the whole page can see them.
      '/long-english-with-chinese.html': {
        body:
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markets</title></head><body>' +
          '<p>Markets opened higher on <b>Monday</b> after the data.</p>'.repeat(1234) +
          '<p id="zh">国务院总理今天在北京主持召开国务院常务会议，部署推进乡村振兴的措施，要求各地区抓好落实。</p>'.repeat(
            20,
          ) +
          '<p>Markets opened higher on <b>Monday</b> after the data.</p>'.repeat(1266) +
          '</body></html>',
      },
      // 80 paragraphs, each with the same political terms; only the first few are on the first screen.
      '/many-terms.html': {
        body:
          '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>评论</title></head><body>' +
          `<p>${TERMS_PARAGRAPH}</p>`.repeat(80) +
          '</body></html>',
      },
      '/vendor/hooks.js': {
        body: readFileSync('node_modules/preact/hooks/dist/hooks.umd.js', 'utf8'),
        type: 'text/javascript',
      },
    },
  });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Traditional and framed pages', () => {
  it('reads a Taiwanese page in Traditional characters with the same pinyin', async () => {
    const page = await open('traditional.html');
    await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    const words = await rubyWords(page, 'body');
    expect(words).toContain('銀行:yínháng');
    await page.close();
  });

  it('finds Chinese prose that only starts deep into a long English page', async () => {
    const page = await open('long-english-with-chinese.html');
    await page.locator('#zh').last().scrollIntoViewIfNeeded();
    await page.waitForSelector('#zh dubao-t [data-py]', { timeout: 20_000, state: 'attached' });
    expect(await rubyWords(page, '#zh')).toContain('北京:běijīng');
    await page.close();
  });

  it('annotates Chinese inside a same-origin iframe of an English page', async () => {
    const page = await open('iframe.html');
    const frame = page.frames().find((f) => f.url().endsWith('chinese-frame.html'));
    expect(frame).toBeDefined();
    await frame!.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    expect(await page.$('dubao-t')).toBeNull();
    await page.close();
  });
});

describe('pages that keep changing', () => {
  for (const [path, live, feed] of [
    ['framework.html', '#live', '#feed'],
    ['preact.html', '#headline', '#feed'],
  ] as const) {
    it(`${path}: annotations follow the page's own updates, with no page errors`, async () => {
      const page = await open(path);
      await page.waitForSelector(`${live} dubao-t [data-py]`, { timeout: 20_000 });
      await page.waitForTimeout(3_000);
      // The page went on updating: its counter moved and its feed is full.
      const count = Number((await text(page, '#count')).replace(/\D/g, ''));
      expect(count).toBeGreaterThan(5);
      // What the reader shows is the page's current text, annotated. The page rewrites it every 300 ms and each
      // rewrite is drawn again, so look until a moment when the drawing has caught up (on a busy machine it may
      // be between rewrite and redraw at any one instant).
      const han = (s: string) => s.replace(/[^\p{Script=Han}]/gu, '');
      await expect
        .poll(
          () =>
            page.evaluate((s) => {
              const el = document.querySelector(s)!;
              const rubies = [...el.querySelectorAll('dubao-t [data-py]')].map((r) => r.textContent).join('');
              return { text: el.textContent ?? '', rubies };
            }, live),
          { timeout: 10_000, interval: 100 },
        )
        .toSatisfy(
          (shown: { text: string; rubies: string }) =>
            shown.rubies.length > 5 && han(shown.text).includes(han(shown.rubies).slice(0, 5)),
        );
      // Items the page added after load are annotated too (the newest may still be waiting for the next pass).
      const annotatedItems = await page.evaluate(
        (s) =>
          [...document.querySelector(s)!.children].filter((c) => c.querySelector('dubao-t [data-py]')).length,
        feed,
      );
      expect(annotatedItems).toBeGreaterThanOrEqual(3);
      await page.close();
    });
  }
});

describe('toolbar popup', () => {
  it('counts the political terms of the whole page, not only of what is drawn', async () => {
    const perParagraph = findTerms(TERMS_PARAGRAPH, builtinGlossary()).length;
    expect(perParagraph).toBeGreaterThanOrEqual(2);
    const page = await open('many-terms.html');
    await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    const drawn = await page.locator('p:has(dubao-t)').count();
    expect(drawn).toBeLessThan(80);
    const tabId = await tabIdOf(browser, page.url());
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await expect
      .poll(() => popup.textContent('[data-testid=stats]'))
      .toContain(`${80 * perParagraph} political terms`);
    await popup.close();
    await page.close();
  });

  it('shows the page language and script, and its controls change the page', async () => {
    const page = await open('newspaper.html');
    await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    // Blocks are drawn a slice a frame: the page as first drawn is the one that stops changing.
    const original = await settledHtml(page);
    const tabId = await tabIdOf(browser, page.url());

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.textContent('[data-testid=stats]')).toMatch(/Simplified/i);

    // Pinyin off: the ruby goes, the page's text stays.
    await popup.uncheck('#pinyin');
    await expect.poll(() => page.locator('dubao-t [data-py]').count(), { timeout: 10_000 }).toBe(0);
    // Script to Traditional (Taiwan): the page shows 經濟 where it printed 经济.
    await popup.selectOption('#script', 'tw');
    await expect
      .poll(() => page.evaluate(() => document.body.textContent.includes('經濟')), { timeout: 10_000 })
      .toBe(true);
    // The page's language follows once the converted screen is painted.
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    // Back to the original: the DOM is what the extension first drew, character for character.
    await popup.selectOption('#script', 'original');
    await popup.check('#pinyin');
    await expect.poll(() => page.evaluate(() => document.body.innerHTML), { timeout: 10_000 }).toBe(original);
    // Off for this site: every annotation goes and the page is as it was served.
    await popup.uncheck('#site');
    await expect.poll(() => page.locator('dubao-t').count(), { timeout: 10_000 }).toBe(0);
    await popup.check('#site');
    await popup.close();
    await page.close();
  });

  it('raised no page errors on any page above', () => {
    expect(errors).toEqual([]);
  });
});

/** The body's HTML once two reads 300 ms apart agree (the reader draws in slices, a frame apart). */
async function settledHtml(page: Page): Promise<string> {
  let before = '';
  for (let i = 0; i < 50; i++) {
    const now = await page.evaluate(() => document.body.innerHTML);
    if (now === before) return now;
    before = now;
    await page.waitForTimeout(300);
  }
  return before;
}
