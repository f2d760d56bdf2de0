/**
 * What the drawn sample page costs Chromium to style and lay out the first time, by the CSS it is drawn with:
 * `npx tsx tools/bench/ruby-cost.ts` (after `npx wxt build`). The page is drawn by the extension once; its final
 * markup is then built from a string in fresh Chromium contexts (a fresh renderer each: no shaping or style cache
 * from an earlier try), once per variant of the reader's CSS, and the renderer's main-thread CPU time (thread
 * ticks, steady on a busy machine) and style/layout durations are read through the DevTools protocol. A tool for
 * choosing how pinyin is laid out; the budgets are `npm run bench`.
 */
import { chromium } from 'playwright-core';
import { pinyinSizeCss, READER_CSS } from '../../lib/dom/styles';
import { serveBenchPages, VIEWPORT, waitForRuby } from './browser';
import { measureCedictImport } from './scenarios/cedict';
import { median } from './stats';

const BASE = `${READER_CSS}\n${pinyinSizeCss(0.6)}`;
/** Word-level ruby laid out as a small flexbox (pinyin above, the word below): no ruby layout at all. */
const FLEX = `dubao-t ruby { display: inline-flex; flex-direction: column-reverse; align-items: center; }
dubao-t rt { display: contents; }
dubao-t rt::before { display: block; line-height: 1; padding: 0.15em 0.22em 0.05em; }`;
const PLAIN = 'the page without drawing';

const VARIANTS: Record<string, string> = {
  'reader CSS': BASE,
  'no glossary rules': BASE.split('\n')
    .filter((l) => !l.includes('highlight') && !l.includes('data-term'))
    .join('\n'),
  'no multi-column (page)': `${BASE}\n.body { columns: auto !important }`,
  'rt display: none': `${BASE}\ndubao-t rt { display: none }`,
  'ruby as inline-flex': `${BASE}\n${FLEX}`,
  'ruby as inline-flex, no multi-column': `${BASE}\n${FLEX}\n.body { columns: auto !important }`,
  [PLAIN]: '',
};

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const pages = await serveBenchPages();
  const { browser: ext } = await measureCedictImport();
  const page = await ext.context.newPage();
  await page.goto(pages.url('newspaper.html'), { waitUntil: 'load' });
  await waitForRuby(page);
  await page.waitForTimeout(4000);
  const drawn = await page.evaluate(() => document.body.innerHTML);
  const plain = await page.evaluate(() => {
    for (const t of document.querySelectorAll('dubao-t')) t.replaceWith(t.textContent ?? '');
    return document.body.innerHTML;
  });
  await ext.close();

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  const res: Record<string, { cpu: number[]; style: number[]; layout: number[] }> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, css] of Object.entries(VARIANTS)) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const p = await context.newPage();
      await p.goto(pages.url('newspaper.html'), { waitUntil: 'load' });
      await p.evaluate(
        ({ css, html }) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          document.adoptedStyleSheets = [sheet];
          document.body.replaceChildren();
          void document.body.offsetHeight;
          (globalThis as { __html?: string }).__html = html;
        },
        { css, html: name === PLAIN ? plain : drawn },
      );
      const cdp = await context.newCDPSession(p);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const metrics = async () => {
        const { metrics: m } = await cdp.send('Performance.getMetrics');
        return Object.fromEntries(m.map((x) => [x.name, x.value]));
      };
      const a = await metrics();
      await p.evaluate(() => {
        document.body.innerHTML = (globalThis as { __html?: string }).__html ?? '';
        void document.body.offsetHeight;
      });
      const z = await metrics();
      const r = (res[name] ??= { cpu: [], style: [], layout: [] });
      r.cpu.push((z.ThreadTime - a.ThreadTime) * 1000);
      r.style.push((z.RecalcStyleDuration - a.RecalcStyleDuration) * 1000);
      r.layout.push((z.LayoutDuration - a.LayoutDuration) * 1000);
      await context.close();
    }
  }
  console.log('variant: main-thread CPU, style, layout (ms, medians)');
  for (const [name, r] of Object.entries(res))
    console.log(
      `  ${name.padEnd(38)} ${median(r.cpu).toFixed(0).padStart(5)} ${median(r.style).toFixed(0).padStart(5)} ` +
        `${median(r.layout).toFixed(0).padStart(5)}`,
    );
  await browser.close();
  await pages.server.close();
}

void main().then(() => process.exit(0));
