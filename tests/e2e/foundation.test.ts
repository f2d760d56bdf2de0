import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { serveFolder, type StaticServer } from '../../tools/serve';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages');
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the extension in Chromium', () => {
  it('starts its service worker with an extension id', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.worker.url()).toContain('background.js');
  });

  it('renders the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Dubao');
    await page.close();
  });

  it('runs its content scripts on the sample newspaper page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/newspaper.html`);
    // The detector found Chinese prose, the background injected the reader, and the reader drew pinyin.
    await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    await page.close();
  });
});
