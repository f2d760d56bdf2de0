/**
 * The core path in Firefox ESR, for real: the built Firefox add-on finds Chinese on the sample newspaper page,
 * draws pinyin, opens the hover card, saves a word, the options page lists it, and a JSON backup round trips.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder, type StaticServer } from '../../tools/serve';
import {
  firefoxCardText,
  firefoxClickCardButton,
  launchFirefoxWithExtension,
  openExtensionTab,
  type FirefoxWithExtension,
} from './firefox';

let ff: FirefoxWithExtension;
let server: StaticServer;
let backup = '';

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages');
  ff = await launchFirefoxWithExtension();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const tab = (path: string) => openExtensionTab(ff, path);

/** Sends a message to the background from an extension page, as the popup and options page do. */
async function send(msg: unknown): Promise<any> {
  const page = await tab('popup.html');
  try {
    return await page.run((m) => (globalThis as any).browser.runtime.sendMessage(m), msg);
  } finally {
    await page.close();
  }
}

async function poll<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Exports a JSON backup from the options page; the file's text (the download is caught in the page). */
async function exportBackup(): Promise<string> {
  const options = await tab('options.html#/import-export');
  await options.until(
    () => !!document.querySelector('[data-testid=export-json]'),
    null,
    10_000,
    'export button',
  );
  await options.run(() => {
    const g = globalThis as any;
    g.__blobs = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob) => (g.__blobs.push(b), create(b));
    HTMLAnchorElement.prototype.click = function () {}; // no download dialog
    document.querySelector<HTMLButtonElement>('[data-testid=export-json]')!.click();
  }, null);
  const text = await options.until(
    async () => ((globalThis as any).__blobs[0] ? await (globalThis as any).__blobs[0].text() : ''),
    null,
    10_000,
    'backup export',
  );
  await options.close();
  return text;
}

describe('Firefox ESR: the core path', () => {
  it('declares AnkiConnect as an optional permission the options page can ask for', async () => {
    const page = await tab('options.html');
    const optional = await page.run(
      () => (globalThis as any).browser.runtime.getManifest().optional_permissions,
      null,
    );
    expect(optional).toContain('http://127.0.0.1:8765/*');
    await page.close();
  });

  it('imports the dictionary, detects the sample page and draws pinyin', async () => {
    await poll(
      () => send({ type: 'dictStatus' }),
      (s) => s?.status === 'complete',
      90_000,
      'dictionary import',
    );
    const page = await ff.browser.newPage();
    await page.goto(`${server.url}/newspaper.html`);
    await page.waitForSelector('dubao-t [data-py]', { timeout: 30_000 });
    // The first screen is drawn in slices a frame apart: the first may hold only a few dozen words.
    const rubies = await poll(
      () => page.evaluate(() => document.querySelectorAll('dubao-t [data-py]').length),
      (n) => n > 50,
      10_000,
      'words drawn with pinyin',
    );
    expect(rubies).toBeGreaterThan(50);
    await page.close();
  });

  it('opens the hover card on 共同富裕 and saves it; the options page lists it with its sentence', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${server.url}/newspaper.html`);
    await page.waitForSelector('dubao-t [data-py]', { timeout: 30_000 });
    const point = await poll(
      () =>
        page.evaluate(() => {
          const ruby = [...document.querySelectorAll('dubao-t [data-py]')].find(
            (r) => r.textContent === '共同富裕',
          );
          if (!ruby) return null;
          ruby.scrollIntoView({ block: 'center' });
          const r = document.createRange();
          r.setStart(ruby.firstChild!, 0);
          r.setEnd(ruby.firstChild!, 1);
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }),
      (p) => p !== null,
      10_000,
      '共同富裕 drawn',
    );
    // The pointer goes to the word where it is now, and again, as a reader's would, while what scrolled into view
    // is still being drawn (each slice can move the line the word is on).
    const where = () =>
      page.evaluate(() => {
        const ruby = [...document.querySelectorAll('dubao-t [data-py]')].find(
          (r) => r.textContent === '共同富裕',
        )!;
        const r = document.createRange();
        r.setStart(ruby.firstChild!, 0);
        r.setEnd(ruby.firstChild!, 1);
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      });
    void point;
    await new Promise((r) => setTimeout(r, 800)); // what scrolled into view is drawn; the layout settles
    await poll(
      async () => {
        const at = await where();
        await page.mouse.move(1, 1);
        await page.mouse.move(at.x, at.y);
        await new Promise((r) => setTimeout(r, 400));
        return firefoxCardText(ff.browser, page);
      },
      (t) => /common prosperity/i.test(t),
      10_000,
      'card',
    );
    await page.keyboard.press('Shift'); // freeze the card so the pointer can reach its buttons
    await firefoxClickCardButton(ff.browser, page, 'Save');
    await poll(
      () => firefoxCardText(ff.browser, page),
      (t) => /Saved/.test(t),
      10_000,
      'saved',
    );
    await page.close();

    const options = await tab('options.html#/lists');
    const rows = await options.until(
      () => {
        const rs = [...document.querySelectorAll('[data-testid=entry-row]')].map((r) => r.textContent ?? '');
        return rs.length === 1 ? rs : null;
      },
      null,
      10_000,
      'entry rows',
    );
    expect(rows![0]).toContain('共同富裕');
    expect(rows![0]).toContain('gòng tóng fù yù');
    await options.close();
  });

  it('exports a JSON backup and restores it over changed data, getting the same data back', async () => {
    backup = await exportBackup();
    const parsed = JSON.parse(backup);
    expect(parsed.entries.map((e: { word: string }) => e.word)).toEqual(['共同富裕']);
    // Change the data, then restore the backup in place of it.
    expect(
      (await send({ type: 'saveWord', word: '银行', sentence: '银行', offset: 0, title: '', url: '' })).ok,
    ).toBe(true);
    const options = await tab('options.html#/import-export');
    await options.until(
      () => !!document.querySelector('[data-testid=import-file]'),
      null,
      10_000,
      'file input',
    );
    // The file the user picks, handed to the file input as the browser does.
    await options.run((text) => {
      const input = document.querySelector<HTMLInputElement>('input[data-testid=import-file]')!;
      const files = new DataTransfer();
      files.items.add(new File([text], 'backup.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, backup);
    await options.until(
      () => !!document.querySelector('[data-testid=import-report]'),
      null,
      10_000,
      'report',
    );
    await options.run(() => {
      document.querySelector<HTMLInputElement>('[data-testid=import-replace]')!.click();
    }, null);
    await options.run(
      () => document.querySelector<HTMLButtonElement>('[data-testid=import-confirm]')!.click(),
      null,
    );
    await options.until(
      () => /^Replaced your data/.test(document.querySelector('[data-testid=io-status]')?.textContent ?? ''),
      null,
      20_000,
      'restore status',
    );
    await options.close();
    const again = JSON.parse(await exportBackup());
    expect({ ...again, exported: '' }).toEqual({ ...parsed, exported: '' });
  });
});
