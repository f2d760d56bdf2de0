import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, waitForDictionary, type ExtensionBrowser } from './chromium';
import { serveFolder, type StaticServer } from '../../tools/serve';
import { waitForStableLayout } from './layout';
import { cardText } from './shadow';

let browser: ExtensionBrowser;
let server: StaticServer;
let page: Page;
const errors: string[] = [];

interface CdpNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The reading of the first sense the card lists (its first `.sense-py`), read through the closed shadow root. */
async function firstSenseReading(p: Page): Promise<string | null> {
  const cdp = await p.context().newCDPSession(p);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const textOf = (n: CdpNode): string =>
      n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(textOf).join('');
    const classOf = (n: CdpNode) => {
      const a = n.attributes ?? [];
      const i = a.indexOf('class');
      return i >= 0 ? a[i + 1] : '';
    };
    let found: string | null = null;
    const walk = (n: CdpNode, inCard: boolean, inSenses: boolean) => {
      if (found !== null) return;
      const card = inCard || n.nodeName === 'DUBAO-CARD';
      if (card && n.attributes?.includes('data-closed')) return; // a closed card, kept unseen
      const senses = inSenses || (card && n.nodeName === 'OL' && classOf(n).split(' ').includes('senses'));
      if (senses && n.nodeName === 'SPAN' && classOf(n).split(' ').includes('sense-py')) {
        found = textOf(n);
        return;
      }
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, card, senses);
    };
    walk(root, false, false);
    return found;
  } finally {
    await cdp.detach();
  }
}

/** The pinyin the reader drew over `word` in paragraph `#id` (marks, no spaces), and where to put the pointer. */
async function drawn(p: Page, id: string, word: string) {
  await p.evaluate(
    ({ id, word }) => {
      const ruby = [...document.querySelectorAll(`#${id} dubao-t [data-py]`)].find(
        (r) => r.textContent === word,
      );
      ruby?.scrollIntoView({ block: 'center' });
    },
    { id, word },
  );
  await p.waitForTimeout(300);
  await waitForStableLayout(p);
  return p.evaluate(
    ({ id, word }) => {
      for (const ruby of document.querySelectorAll(`#${id} dubao-t [data-py]`)) {
        if (ruby.textContent !== word) continue;
        const reading = ruby.getAttribute('data-py') ?? '';
        const r = document.createRange();
        r.setStart(ruby.firstChild!, 0);
        r.setEnd(ruby.firstChild!, 1);
        const b = r.getBoundingClientRect();
        return { reading, x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      return null;
    },
    { id, word },
  );
}

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '').toLowerCase();

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages');
  browser = await launchWithExtension();
  // The card's senses come from CC-CEDICT, imported into the database on install.
  await waitForDictionary(browser);
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/card-senses.html`);
  await page.waitForSelector('#di dubao-t [data-py]', { timeout: 20_000 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the card lists first the sense whose reading is drawn over the word', () => {
  it.each([
    ['de-complement', '得', 'de'],
    ['zhe', '着', 'zhe'],
    ['hang', '银行', 'yínháng'],
    ['xing', '行走', 'xíngzǒu'],
    ['zhang', '长大', 'zhǎngdà'],
    ['chang', '长', 'cháng'],
    ['liao', '了解', 'liǎojiě'],
    ['le', '了', 'le'],
    ['de-adverb', '地', 'de'],
    ['di', '土地', 'tǔdì'],
  ])('#%s: %s drawn as %s', async (id, word, reading) => {
    const at = await drawn(page, id, word);
    expect(at, `${word} should be drawn as a word in #${id}`).not.toBeNull();
    // The page reads it right, and the card agrees with the page.
    expect(at!.reading).toBe(reading);
    await page.mouse.move(1, 1);
    await page.mouse.move(at!.x, at!.y);
    await expect.poll(() => firstSenseReading(page), { timeout: 10_000 }).not.toBeNull();
    expect(squash(await firstSenseReading(page))).toBe(reading);
    expect(await cardText(page)).toContain(word);
    if (id === 'zhe' && process.env.DUBAO_CARD_SHOT) {
      mkdirSync(process.env.DUBAO_CARD_SHOT, { recursive: true });
      await page.screenshot({ path: join(process.env.DUBAO_CARD_SHOT, 'card-zhe.png') });
    }
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
