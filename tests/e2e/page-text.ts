import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { sendFromExtension, type ExtensionBrowser } from './chromium';
import { waitForStableLayout } from './layout';

/** What a reader, find-in-page, copy and the page's own scripts see of the body. */
export interface Snapshot {
  text: string;
  inner: string;
  html: string;
}

export function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => ({
    text: document.body.textContent ?? '',
    inner: document.body.innerText,
    html: document.body.innerHTML,
  }));
}

/**
 * Opens `url` in the extension's browser, waits for the first drawing (`drawnSelector`), scrolls through the
 * whole page and back so every block is drawn, and waits for the layout to settle. Page errors go to `errors`.
 */
export async function openDrawn(
  b: ExtensionBrowser,
  url: string,
  errors: string[],
  drawnSelector = 'dubao-t',
): Promise<Page> {
  const page = await b.context.newPage();
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector(drawnSelector, { timeout: 20_000, state: 'attached' });
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

/** Changes settings as the popup does, for one site (`host`) or for every site. */
export async function setSettings(
  b: ExtensionBrowser,
  patch: Record<string, unknown>,
  host?: string,
): Promise<void> {
  const msg = host
    ? { type: 'setSettings', scope: 'site', patch, host }
    : { type: 'setSettings', scope: 'global', patch };
  const r = await sendFromExtension(b, msg);
  expect(r.error).toBeUndefined();
}
