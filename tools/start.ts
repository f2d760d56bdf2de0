// `npm start`: the built extension in Chromium on the sample newspaper page, served on localhost.
// With a display, the browser stays open until you close it; without one, a screenshot is written instead.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/e2e/chromium';
import { serveFolder } from './serve';

const SHOT = resolve('screenshots/start.png');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

const server = await serveFolder('tests/fixtures/pages', {
  port: Number(process.env.PORT ?? 0) || undefined,
});
const url = `${server.url}/newspaper.html`;
const browser = await launchWithExtension({ headless: !headed });
const page = await browser.context.newPage();
await page.goto(url);
console.log(`Dubao is loaded (extension id ${browser.extensionId}); sample page: ${url}`);

try {
  await page.waitForSelector('dubao-t [data-py]', { timeout: 15_000 });
} catch {
  console.warn('No pinyin appeared on the sample page within 15 s: the reader did not annotate it.');
}

if (headed) {
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.on('SIGINT', () => done());
  });
} else {
  mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: SHOT });
  console.log(`No display here, so no window was opened: a screenshot of the page is at ${SHOT}`);
}
await browser.close().catch(() => {});
await server.close();
