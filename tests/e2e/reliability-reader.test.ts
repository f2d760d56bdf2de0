/**
 * The reader against a hostile or changing page (issue 17), in real Chromium with the built extension: the page
 * cannot drive or cover the hover card. Each case checks what the user keeps: their page content, their private
 * data, their intent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, sendFromExtension, waitForDictionary, type ExtensionBrowser } from './chromium';
import { serveFolder, type StaticServer } from '../../tools/serve';
import { hoverWord, waitForStableLayout } from './layout';
import { cardText, clickCardButton } from './shadow';

const PROSE = [
  '率先探索建立共同富裕体制机制，特别是建立健全先富带后富长效机制，是推动共同富裕示范区建设的另一条路。',
  '日前，知名企业家助力衢州跨越式发展大会在衢州举行。两百余位知名企业家和专家齐聚衢州，为衢州迈向共同富裕献智助力。',
  '各级工商联组织要坚持把党建工作作为第一使命，切实贯彻决策部署，在当地党委、政府大力支持下，努力发挥自身组织优势。',
  '银行和企业要加强合作，推动经济高质量发展，让人民群众共享发展成果，这是新时代的要求。',
];

function pageWith(body: string, script = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试页面</title>
<style>body { max-width: 40em; margin: 2em auto; font: 18px/1.8 "WenQuanYi Micro Hei", sans-serif; }</style>
</head><body>${body}<script>${script}</script></body></html>`;
}

const paragraphs = PROSE.map((p, i) => `<p id="p${i}">${p}</p>`).join('\n');

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages', {
    routes: {
      '/plain.html': { body: pageWith(`<article id="a">${paragraphs}</article>`) },
      // The page as published, kept by the page itself before the reader comes in.
      '/editable.html': {
        body: pageWith(
          `<article id="a">${paragraphs}</article>`,
          `window.originalArticle = document.getElementById('a').innerHTML;
           window.originalBody = document.body.innerHTML;`,
        ),
      },
    },
  });
  browser = await launchWithExtension();
  // Cards need the dictionary: wait for its import into the fresh profile.
  await waitForDictionary(browser);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/${path}`);
  await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
  await waitForStableLayout(page);
  return page;
}

/** The words saved in the user's lists, read from the extension's database. */
async function savedWords(): Promise<string[]> {
  const ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  try {
    return await ext.evaluate(
      () =>
        new Promise<string[]>((ok, fail) => {
          const req = indexedDB.open('dubao');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('entries', 'readonly');
            const all = tx.objectStore('entries').getAll();
            all.onsuccess = () => ok(all.result.map((e: { simplified: string }) => e.simplified));
            all.onerror = () => fail(all.error);
          };
        }),
    );
  } finally {
    await ext.close();
  }
}

/** The middle of the first character of `word` where it is drawn with ruby, in CSS px of the viewport. */
function pointOf(page: Page, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate((w) => {
    for (const ruby of document.querySelectorAll('dubao-t [data-py]')) {
      if (ruby.textContent !== w) continue;
      const r = document.createRange();
      r.setStart(ruby.firstChild!, 0);
      r.setEnd(ruby.firstChild!, 1);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    throw new Error(`${w} is not drawn`);
  }, word);
}

const cardOpen = (page: Page) =>
  page.evaluate(() => !!document.querySelector('dubao-card')?.hasAttribute('data-open'));

describe('the page cannot drive the hover card', () => {
  it('ignores mouse moves and keys a page script makes; the user’s own still work', async () => {
    const page = await open('plain.html');
    const at = await pointOf(page, '银行');
    // The page moves a pretend pointer over the word, as the attack run did.
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      for (let i = 0; i < 3; i++)
        target.dispatchEvent(
          new MouseEvent('mousemove', { clientX: x, clientY: y + i, bubbles: true, composed: true }),
        );
    }, at);
    await page.waitForTimeout(500);
    expect(await cardOpen(page)).toBe(false);

    // The user's pointer opens it; the page's Shift does not freeze it.
    await hoverWord(page, '银行');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('银行');
    expect(await cardText(page)).toContain('Shift freezes');
    await page.evaluate(() => {
      for (const type of ['keydown', 'keyup'])
        document.dispatchEvent(new KeyboardEvent(type, { key: 'Shift', bubbles: true }));
    });
    await page.waitForTimeout(300);
    expect(await cardText(page)).toContain('Shift freezes');
    // The page's Escape does not close it either; the user's Shift freezes it.
    await page.evaluate(() =>
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(await cardOpen(page)).toBe(true);
    await page.keyboard.press('Shift');
    await expect.poll(() => cardText(page)).toContain('Frozen');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page)).toBe(false);
    await page.close();
  });

  it('stays in view against page CSS, and a click through a decoy over it does nothing', async () => {
    const page = await open('plain.html');
    // The page's CSS tries to hide, fade and bury the card.
    await page.addStyleTag({
      content: `dubao-card { display: none !important; opacity: 0 !important; visibility: hidden !important;
        z-index: -1 !important; transform: translateX(-9999px) !important; }`,
    });
    await hoverWord(page, '党建');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('党建');
    const style = await page.evaluate(() => {
      const cs = getComputedStyle(document.querySelector('dubao-card')!);
      return [cs.display, cs.opacity, cs.visibility, cs.transform, cs.zIndex];
    });
    expect(style).toEqual(['block', '1', 'visible', 'none', '2147483647']);
    await page.keyboard.press('Shift'); // frozen, so the pointer can go to its buttons
    await expect.poll(() => cardText(page)).toContain('Frozen');

    // A decoy over the whole window that lets clicks through, in the page's own top layer, opened after the card.
    await page.evaluate(() => {
      const decoy = document.createElement('div');
      decoy.id = 'decoy';
      decoy.setAttribute('popover', 'manual');
      decoy.textContent = '点击继续阅读';
      decoy.style.cssText =
        'position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; border: 0; pointer-events: none; background: #fff; opacity: 0.99;';
      document.body.append(decoy);
      decoy.showPopover();
    });
    await page.waitForTimeout(400); // the card's visibility is sampled every 100 ms
    await clickCardButton(page, 'Save');
    await expect.poll(() => cardText(page)).toContain('the page covers the card');
    expect(await savedWords()).not.toContain('党建');

    // The page fades the card from a script instead: still no action.
    await page.evaluate(() => {
      document.getElementById('decoy')!.remove();
      document.querySelector<HTMLElement>('dubao-card')!.style.setProperty('opacity', '0.01', 'important');
    });
    await page.waitForTimeout(400);
    await clickCardButton(page, 'Save');
    await page.waitForTimeout(300);
    expect(await savedWords()).not.toContain('党建');

    // The card in plain view: the user's click saves.
    await page.evaluate(() =>
      document.querySelector<HTMLElement>('dubao-card')!.style.setProperty('opacity', '1', 'important'),
    );
    await page.waitForTimeout(400);
    await clickCardButton(page, 'Save');
    await expect.poll(() => cardText(page)).toContain('Saved to your list');
    expect(await savedWords()).toContain('党建');
    await page.close();
  });
});

describe('a popover the page opens after the card was shown', () => {
  it('the card opens above it again, and its buttons work', async () => {
    const page = await open('plain.html');
    await hoverWord(page, '使命');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('使命');
    await page.mouse.move(1, 1);
    await expect.poll(() => cardOpen(page)).toBe(false);
    // The page's own top layer gets a layer over the whole window that lets the pointer through (a banner, say),
    // opened after the card's host first went into the top layer.
    await page.evaluate(() => {
      const layer = document.createElement('div');
      layer.setAttribute('popover', 'manual');
      layer.style.cssText =
        'position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; border: 0; pointer-events: none; background: #fff; opacity: 0.5;';
      document.body.append(layer);
      layer.showPopover();
    });
    await page.mouse.move(1, 1);
    await hoverWord(page, '使命');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('使命');
    await page.keyboard.press('Shift');
    await expect.poll(() => cardText(page)).toContain('Frozen');
    await page.waitForTimeout(400); // the card's visibility is sampled every 100 ms
    await clickCardButton(page, 'Save');
    await expect.poll(() => cardText(page)).toContain('Saved to your list');
    expect(await savedWords()).toContain('使命');
    await page.close();
  });
});

describe('a modal dialog the page opens', () => {
  it('the card works over the dialog’s text: it opens, freezes and saves, and leaves the dialog as it was', async () => {
    const page = await open('plain.html');
    // Everything outside a modal dialog is inert: a card outside it would show but take no click.
    await page.evaluate(() => {
      const dialog = document.createElement('dialog');
      dialog.id = 'modal';
      const p = document.createElement('p');
      p.textContent = '图书馆延长了开放时间，方便市民在下班以后借书和学习。';
      dialog.append(p);
      document.body.append(dialog);
      dialog.showModal();
    });
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('#modal dubao-t [data-py]').length), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    await hoverWord(page, '图书馆');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('图书馆');
    await page.keyboard.press('Shift');
    await expect.poll(() => cardText(page)).toContain('Frozen');
    await page.waitForTimeout(400); // the card's visibility is sampled every 100 ms
    await clickCardButton(page, 'Save');
    await expect.poll(() => cardText(page)).toContain('Saved to your list');
    expect(await savedWords()).toContain('图书馆');
    // Closed, the card leaves the page's dialog.
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page)).toBe(false);
    expect(
      await page.evaluate(() => document.querySelector('#modal dubao-card, dialog dubao-card')),
    ).toBeNull();
    await page.close();
  });
});

/** Puts the caret at the end of paragraph `id`'s text, as a click there would, for typing. */
async function caretAtEnd(page: Page, id: string): Promise<void> {
  await page.evaluate((pid) => {
    const p = document.getElementById(pid)!;
    const text = p.lastChild!;
    getSelection()!.collapse(text, text.nodeType === 3 ? (text as Text).data.length : 0);
  }, id);
}

const drawnIn = (page: Page, selector: string) =>
  page.evaluate(
    (sel) => document.querySelector(sel)!.querySelectorAll('dubao-t, dubao-w, dubao-c, [data-py]').length,
    selector,
  );

describe('content the page makes editable after it was drawn', () => {
  it('a contenteditable article gets exactly its own text back, before and after the user types', async () => {
    const page = await open('editable.html');
    expect(await drawnIn(page, '#a')).toBeGreaterThan(0);
    const original = await page.evaluate(() => (window as any).originalArticle as string);
    await page.evaluate(() => document.getElementById('a')!.setAttribute('contenteditable', 'true'));
    // What the page would save straight away: its own markup, not the reader's.
    expect(await page.evaluate(() => document.getElementById('a')!.innerHTML)).toBe(original);

    await page.click('#p3');
    await caretAtEnd(page, 'p3');
    await page.keyboard.type('好');
    const edited = original.replace(`${PROSE[3]}</p>`, `${PROSE[3]}好</p>`);
    expect(edited).not.toBe(original);
    await expect.poll(() => page.evaluate(() => document.getElementById('a')!.innerHTML)).toBe(edited);
    // The reader follows the page's changes a moment later: nothing is drawn into the edited text then either,
    // nor into a paragraph the page adds to it.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '编辑器里新加的一段话，也是用户自己的内容，不要画拼音。';
      document.getElementById('a')!.append(p);
    });
    await page.waitForTimeout(1000);
    expect(await drawnIn(page, '#a')).toBe(0);
    expect(await page.evaluate(() => document.getElementById('a')!.innerHTML)).toBe(
      `${edited}<p>编辑器里新加的一段话，也是用户自己的内容，不要画拼音。</p>`,
    );
    await page.close();
  });

  it('a document put in design mode is left exactly as published when the user edits it', async () => {
    const page = await open('editable.html');
    expect(await drawnIn(page, 'body')).toBeGreaterThan(0);
    const original = await page.evaluate(() => (window as any).originalBody as string);
    await page.evaluate(() => (document.designMode = 'on'));
    // The user clicks into the text to edit it: the reader's markup is gone before the caret lands.
    await page.click('#p1');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    await caretAtEnd(page, 'p1');
    await page.keyboard.type('吗');
    const edited = original.replace(`${PROSE[1]}</p>`, `${PROSE[1]}吗</p>`);
    await expect.poll(() => page.evaluate(() => document.body.innerHTML)).toBe(edited);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(edited);
    // Nothing of the reader is left in the document the page may save.
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/dubao/i);
    await page.close();
  });

  it('a document taken out of design mode again gets its pinyin back', async () => {
    const page = await open('editable.html');
    await page.evaluate(() => (document.designMode = 'on'));
    await page.click('#p1');
    expect(await drawnIn(page, 'body')).toBe(0);
    // The page's editor is done: what it shows is read again, with pinyin, and the hover card works again.
    await page.evaluate(() => (document.designMode = 'off'));
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('#p1 dubao-t [data-py]').length), {
        timeout: 5000,
      })
      .toBeGreaterThan(0);
    await page.hover('#p1 dubao-t [data-py]');
    // Open, not only there: the card is built, closed, before any hover.
    await expect
      .poll(() => page.evaluate(() => !!document.querySelector('dubao-card')?.hasAttribute('data-open')), {
        timeout: 5000,
      })
      .toBe(true);
    await page.close();
  });
});

/**
 * What a hostile page can read back of a probe paragraph it writes: its markup as serialised, and for each
 * annotation the computed style of its pinyin and its box (what a page's own scripts can inspect).
 */
async function probe(page: Page): Promise<string> {
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'probe';
    p.textContent = '党建工作和银行业务都要推动经济发展，企业和群众共享发展成果。';
    document.getElementById('a')!.append(p);
  });
  // The reader follows the page's new paragraph: wait until it is drawn and stays so.
  await expect
    .poll(() => page.evaluate(() => document.querySelectorAll('#probe [data-py]').length), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
  await waitForStableLayout(page);
  return page.evaluate(() => {
    const probe = document.getElementById('probe')!;
    const styles = [...probe.querySelectorAll('[data-py]')].map((word) => {
      const before = getComputedStyle(word, '::before');
      const own = getComputedStyle(word);
      const box = word.getBoundingClientRect();
      return [before.content, before.color, before.visibility, before.display, own.display, own.color]
        .concat([box.width, box.height].map((n) => n.toFixed(1)))
        .join(' ');
    });
    return JSON.stringify({ html: probe.innerHTML, styles });
  });
}

describe('known words and what the page can read', () => {
  it('with default settings, a probe paragraph reads the same whatever the user knows; hiding is off until chosen', async () => {
    const setKnown = (known: boolean) =>
      sendFromExtension(browser, {
        type: 'setKnown',
        words: [{ simplified: '党建' }, { simplified: '银行' }],
        known,
      });
    const hideKnown = (on: boolean) =>
      sendFromExtension(browser, { type: 'setSettings', scope: 'global', patch: { hideKnown: on } });
    const read = async () => {
      const page = await open('plain.html');
      try {
        return await probe(page);
      } finally {
        await page.close();
      }
    };
    try {
      // A new install, settings never touched: the user's known words change nothing a page can read.
      await setKnown(false);
      const none = await read();
      await setKnown(true);
      const some = await read();
      expect(some).toBe(none);
      expect(none).toContain('dǎngjiàn');
      expect(none).toContain('yínháng');

      // The options page shows both hiding options off, and says what turning them on reveals.
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html#/settings`);
      await expect.poll(() => options.locator('#settings-hide-known').isChecked()).toBe(false);
      expect(await options.locator('#settings-hsk').inputValue()).toBe('0');
      const label = await options.locator('label[for=settings-hide-known]').textContent();
      expect(label).toContain('Pages you read can see which words have no pinyin');
      expect(label).toContain('Off unless you turn it on');
      expect(await options.locator('label[for=settings-hsk]').textContent()).toContain(
        'Pages you read can see which words have no pinyin',
      );
      await options.close();

      // Turned on by the user, the page can tell (pinyin is off those words): what the option said.
      await hideKnown(true);
      const hiding = await read();
      expect(hiding).not.toBe(none);
      expect(hiding).not.toContain('dǎngjiàn');
      // And off again, the probe reads as it did.
      await hideKnown(false);
      expect(await read()).toBe(none);
    } finally {
      await setKnown(false);
      await hideKnown(false);
    }
  });
});

/**
 * Unloads and loads the extension again under the open tabs, as an update or a reload does, through the extension
 * manager (Chromium's own chrome://extensions page); back once its pages load again.
 */
async function reloadExtension(): Promise<void> {
  const manager = await browser.context.newPage();
  await manager.goto('chrome://extensions');
  for (const enabled of [false, true])
    await manager.evaluate(
      ([id, on]) =>
        new Promise<void>((ok) => (globalThis as any).chrome.management.setEnabled(id, on, () => ok())),
      [browser.extensionId, enabled] as const,
    );
  await manager.close();
  for (let i = 0; i < 40; i++) {
    const probe = await browser.context.newPage();
    try {
      await probe.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      if (await probe.evaluate(() => !!(globalThis as any).chrome?.runtime?.id)) return;
    } catch {
      // not back yet
    } finally {
      await probe.close();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the extension did not come back after its reload');
}

// Last in this file: it reloads the extension under the browser's open tabs.
describe('a reader left behind when the extension is reloaded or updated', () => {
  it('says so in the card, offers a reload, and gives the page back exactly as it was', async () => {
    const page = await open('editable.html');
    const original = await page.evaluate(() => (window as any).originalBody as string);
    expect(await drawnIn(page, 'body')).toBeGreaterThan(0);
    await hoverWord(page, '党建');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('党建');
    await page.keyboard.press('Shift');
    await expect.poll(() => cardText(page)).toContain('Frozen');

    // The extension is reloaded (as an update does) under the open tab.
    await reloadExtension();

    // Save on the card that was open: the user is told, not left with a button that does nothing.
    await clickCardButton(page, 'Save');
    await expect
      .poll(() => cardText(page), { timeout: 10_000 })
      .toContain('Dubao was updated or reloaded. Reload this page to keep using it.');
    // The reader has stopped and given the page its own markup back.
    await expect.poll(() => page.evaluate(() => document.body.innerHTML)).toBe(original);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Closed, it stays closed; the page keeps working as the page.
    await clickCardButton(page, 'Close');
    await expect.poll(() => cardOpen(page)).toBe(false);
    await page.mouse.move(5, 5);
    await page.mouse.move(300, 200);
    await page.waitForTimeout(300);
    expect(await cardOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    expect(errors).toEqual([]);
    await page.close();

    // A hover, on another tab left behind, shows the notice too; its Reload brings the reader back.
    const again = await browser.context.newPage();
    await again.goto(`${server.url}/plain.html`);
    await again.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    await waitForStableLayout(again);
    await reloadExtension();
    const at = await pointOf(again, '银行').catch(() => ({ x: 300, y: 150 }));
    await again.mouse.move(at.x, at.y);
    await expect.poll(() => cardText(again), { timeout: 10_000 }).toContain('Reload this page');
    await Promise.all([again.waitForEvent('load'), clickCardButton(again, 'Reload page')]);
    await again.waitForSelector('dubao-t [data-py]', { timeout: 30_000 });
    await again.close();
  });
});
