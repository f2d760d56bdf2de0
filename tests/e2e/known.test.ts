/**
 * Known words and HSK levels: the feature that lets an advanced reader keep pinyin only where it helps. Marked
 * from the hover card, listed and removed in the options page, both in the real extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, sendFromExtension, type ExtensionBrowser } from './chromium';
import { serveFolder, type StaticServer } from '../../tools/serve';
import { hoverWord } from './layout';
import { cardText, clickCardButton } from './shadow';
import { hskLevel } from '../../lib/text/hsk';

let browser: ExtensionBrowser;
let server: StaticServer;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages');
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * How many times `word` has pinyin over it on and near the screen (the reader draws what is within 600 px of
 * the viewport, and undoes the rest when settings change, so counting the whole page would mean nothing).
 */
function rubyCount(page: Page, word: string): Promise<number> {
  return page.evaluate(
    (w) =>
      [...document.querySelectorAll('dubao-t [data-py]')].filter((r) => {
        const b = r.getBoundingClientRect();
        return r.textContent === w && b.bottom > -300 && b.top < innerHeight + 300;
      }).length,
    word,
  );
}

/** Ruby counts per word in the paragraph around the first drawn `anchor` (the paragraph is marked to find it again). */
function paragraphRuby(page: Page, anchor: string): Promise<Record<string, number>> {
  return page.evaluate((w) => {
    const mark = `data-test-${[...w].map((c) => c.codePointAt(0)).join('-')}`;
    let block = document.querySelector(`[${mark}]`);
    if (!block) {
      const ruby = [...document.querySelectorAll('dubao-t [data-py]')].find((r) => r.textContent === w);
      if (!ruby) return {};
      block = ruby.closest('p') ?? ruby.parentElement!;
      block.setAttribute(mark, '');
    }
    const out: Record<string, number> = {};
    for (const r of block.querySelectorAll('dubao-t [data-py]'))
      out[r.textContent] = (out[r.textContent] ?? 0) + 1;
    return out;
  }, anchor);
}

/** Brings the first place the reader drew `word` to the middle of the screen. */
async function showWord(page: Page, word: string): Promise<void> {
  await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
  await page.evaluate((w) => {
    const ruby = [...document.querySelectorAll('dubao-t [data-py]')].find((r) => r.textContent === w);
    ruby?.scrollIntoView({ block: 'center' });
  }, word);
  await page.waitForTimeout(800);
}

describe('known words', () => {
  it('Known on the hover card takes the pinyin off that word everywhere on the page, and the options page gives it back', async () => {
    // Off by default (a page can read which words lose their pinyin): the user turns it on.
    await sendFromExtension(browser, { type: 'setSettings', scope: 'global', patch: { hideKnown: true } });
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/newspaper.html`);
    await showWord(page, '党建');
    const para = () => paragraphRuby(page, '党建');
    const all = await para();
    expect(all['党建']).toBeGreaterThan(0);
    const without = (...words: string[]) =>
      Object.fromEntries(Object.entries(all).filter(([w]) => !words.includes(w)));

    await hoverWord(page, '党建');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('党建');
    await clickCardButton(page, 'Known');
    await expect.poll(() => cardText(page)).toContain('Known ✓');
    await expect.poll(para, { timeout: 10_000 }).toEqual(without('党建'));
    // Everywhere on the page, not only where it was clicked; the text itself is untouched.
    // Blocks are redrawn a slice a frame: wait for the last.
    await expect.poll(() => rubyCount(page, '党建'), { timeout: 15_000 }).toBe(0);
    expect(await page.evaluate(() => document.body.textContent.includes('党建'))).toBe(true);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/settings`);
    await expect.poll(() => options.getByTestId('known-list').textContent()).toContain('党建');
    await options.getByRole('button', { name: 'Not known: 党建' }).click();
    await expect.poll(() => options.getByTestId('known-count').textContent()).toBe('0 known words');
    await expect.poll(para, { timeout: 10_000 }).toEqual(all);

    // Words pasted into the options page count as well; what is not a Chinese word is refused and kept.
    await options.getByTestId('known-add').fill('党建, hello 发展');
    await options.getByTestId('known-add-button').click();
    await expect.poll(() => options.getByTestId('known-count').textContent()).toBe('2 known words');
    await expect.poll(() => options.getByRole('alert').textContent()).toContain('hello');
    expect(await options.getByTestId('known-add').inputValue()).toBe('hello');
    await expect.poll(para, { timeout: 10_000 }).toEqual(without('党建', '发展'));

    // With the setting off, known words have their pinyin again.
    expect(
      (
        await sendFromExtension(browser, {
          type: 'setSettings',
          scope: 'global',
          patch: { hideKnown: false },
        })
      ).error,
    ).toBeUndefined();
    await expect.poll(para, { timeout: 10_000 }).toEqual(all);
    await sendFromExtension(browser, { type: 'setSettings', scope: 'global', patch: { hideKnown: true } });
    await expect.poll(para, { timeout: 10_000 }).toEqual(without('党建', '发展'));
    await sendFromExtension(browser, {
      type: 'setKnown',
      words: [{ simplified: '党建' }, { simplified: '发展' }],
      known: false,
    });
    await expect.poll(para, { timeout: 10_000 }).toEqual(all);
    await options.close();
    await page.close();
    expect(errors).toEqual([]);
  });

  it('an HSK level leaves pinyin off the words of that level and below only', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/newspaper.html`);
    await showWord(page, '发展');
    // One paragraph on screen, watched through the changes: each word's ruby count in it.
    const paragraph = () =>
      page.evaluate(() => {
        let block = document.querySelector('[data-test-block]');
        if (!block) {
          const ruby = [...document.querySelectorAll('dubao-t [data-py]')].find(
            (r) => r.textContent === '发展',
          );
          block = ruby!.closest('p') ?? ruby!.parentElement!;
          block.setAttribute('data-test-block', '');
        }
        // By drawn word (a word with unread characters, 6月, has a box for 月 alone).
        const out: Record<string, number> = {};
        for (const w of block.querySelectorAll('dubao-w:is([data-py], :has(dubao-c))'))
          out[w.textContent] = (out[w.textContent] ?? 0) + 1;
        return out;
      });
    const all = await paragraph();
    expect(all['的']).toBeGreaterThan(0); // HSK 1
    expect(all['发展']).toBeGreaterThan(0); // HSK 4
    const expected = (level: number) =>
      Object.fromEntries(Object.entries(all).filter(([w]) => !(hskLevel(w) > 0 && hskLevel(w) <= level)));

    await sendFromExtension(browser, { type: 'setSettings', scope: 'global', patch: { hskHideLevel: 1 } });
    await expect.poll(paragraph, { timeout: 10_000 }).toEqual(expected(1));
    expect(expected(1)['发展']).toBe(all['发展']);

    await sendFromExtension(browser, { type: 'setSettings', scope: 'global', patch: { hskHideLevel: 4 } });
    await expect.poll(paragraph, { timeout: 10_000 }).toEqual(expected(4));
    expect(expected(4)['发展']).toBeUndefined();
    expect(Object.keys(expected(4)).length).toBeGreaterThan(0); // words beyond HSK 4 keep their pinyin

    await sendFromExtension(browser, { type: 'setSettings', scope: 'global', patch: { hskHideLevel: 0 } });
    await expect.poll(paragraph, { timeout: 10_000 }).toEqual(all);
    await page.close();
  });
});
