// Screenshots for the README, taken from the built extension in Chromium: `npm run build && tsx tools/screenshots.ts`.
// Writes docs/screenshots/*.png. Options-page views are taken when the options page exists in the build.
import { existsSync, mkdirSync } from 'node:fs';
import { launchWithExtension } from '../tests/e2e/chromium';
import { serveFolder } from './serve';

// The extension API inside functions evaluated in the service worker or an extension page.
declare const chrome: any;

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const server = await serveFolder('tests/fixtures/pages');
const browser = await launchWithExtension();
const { context, extensionId } = browser;

async function setSettings(patch: Record<string, unknown>): Promise<void> {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);
  await ext.evaluate(
    (p) => chrome.runtime.sendMessage({ type: 'setSettings', scope: 'global', patch: p }),
    patch,
  );
  await ext.close();
}

try {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`${server.url}/newspaper.html`);
  // The articles' pinyin, drawn once the dictionary is in (a fresh profile imports it first), then a still page.
  await page.waitForSelector('.body p dubao-t [data-py]', { timeout: 60_000 });
  for (let last = -1, i = 0; i < 40; i++) {
    await page.waitForTimeout(300);
    const n = await page.evaluate(() => document.querySelectorAll('dubao-t [data-py]').length);
    if (n === last) break;
    last = n;
  }
  await page.screenshot({ path: `${OUT}/sample-pinyin.png` });

  // Hover card over 共同富裕.
  const box = await page.evaluate(() => {
    for (const ruby of document.querySelectorAll('dubao-t [data-py]')) {
      if (ruby.textContent !== '共同富裕') continue;
      const b = ruby.getBoundingClientRect();
      if (b.top < 300) continue;
      return { x: b.left + 8, y: b.bottom - 8 };
    }
    return null;
  });
  if (box) {
    await page.mouse.move(1, 1);
    await page.mouse.move(box.x, box.y);
    await page.waitForTimeout(2000);
    await page.screenshot({ path: `${OUT}/hover-card.png` });
  }
  await page.mouse.move(5, 5);

  await setSettings({ script: 'tw' });
  await page.waitForFunction(() => document.body.textContent.includes('經濟'), null, { timeout: 15_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/traditional.png` });
  await setSettings({ script: 'original' });

  // The popup, opened for the sample page's tab.
  const tabId = await browser.worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === u)?.id,
    page.url(),
  );
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 340, height: 420 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: `${OUT}/popup.png` });

  if (existsSync('.output/chrome-mv3/options.html')) {
    // A few saved words, as a reader would have after a morning's reading.
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/popup.html`);
    for (const [word, sentence] of [
      ['共同富裕', '率先探索建立共同富裕体制机制，特别是建立健全浙商先富带后富长效机制。'],
      ['乡村振兴', '乡村振兴的关键是产业振兴，要让农民在家门口就业。'],
      ['工商联', '各级工商联组织要坚持把党对工商联组织的要求作为第一使命。'],
    ])
      await ext.evaluate((m) => chrome.runtime.sendMessage(m), {
        type: 'saveWord',
        word,
        sentence,
        offset: sentence.indexOf(word),
        title: '浙商周刊 · 第7版',
        url: `${server.url}/newspaper.html`,
      });
    // And some words the reader knows, so the Known words list has something in it.
    await ext.evaluate((m) => chrome.runtime.sendMessage(m), {
      type: 'setKnown',
      words: ['我们', '发展', '经济', '工作', '企业', '社会', '国家', '学习'].map((simplified) => ({
        simplified,
      })),
      known: true,
    });
    await ext.close();
    const opts = await context.newPage();
    await opts.setViewportSize({ width: 1280, height: 800 });
    for (const view of ['lists', 'review', 'glossary', 'settings']) {
      await opts.goto(`chrome-extension://${extensionId}/options.html#/${view}`);
      await opts.waitForTimeout(1200);
      await opts.screenshot({ path: `${OUT}/options-${view}.png` });
    }
    await opts.locator('section.card', { has: opts.getByTestId('known-words') }).screenshot({
      path: `${OUT}/options-known.png`,
    });
  }
  console.log(`screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
}
