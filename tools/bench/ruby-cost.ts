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
const PY = 'var(--dubao-py-size, 0.6em)';
const PINYIN_HEIGHT = `${PY} * 0.9 + max(${PY} * 0.15, 3px)`;
/**
 * How words were drawn before one element a word: the word's <dubao-w> held a <ruby> laid out as the flex box, and
 * the pinyin was the `::before` of an <rt> with no box of its own.
 */
const PER_WORD_RUBY = `dubao-t ruby { display: inline-flex; flex-direction: column-reverse; align-items: center;
  vertical-align: baseline; baseline-source: last; line-height: 1; text-indent: 0;
  margin-top: calc(-1 * min(${PINYIN_HEIGHT}, max(0px, (var(--dubao-lh) - 1em) / 2) + var(--dubao-room, 0px))); }
dubao-t rt { display: contents; font-size: ${PY}; font-style: normal; font-weight: normal; letter-spacing: 0;
  text-transform: none; text-indent: 0; color: #8a5a00; user-select: none;
  font-family: 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', system-ui, sans-serif; }
dubao-t rt::before { content: attr(data-py); display: block; line-height: 1; padding: max(0.15em, 3px) 0.22em 0;
  margin-bottom: -0.1em; white-space: nowrap; }`;
/** Native ruby layout (the annotation in the ruby's own line, above the base), on the <ruby><rt> markup. */
const NATIVE = `${PER_WORD_RUBY}
dubao-t ruby { display: ruby; margin: 0; line-height: inherit; text-indent: inherit; ruby-position: over; }
dubao-t rt { display: ruby-text; line-height: 1; padding: 0.15em 0.22em 0.05em; }
dubao-t rt::before { display: inline; padding: 0; }`;
/** The word box as a small grid (pinyin row over the word's row) instead of a flex box. */
const GRID = `dubao-t dubao-w[data-py] { display: inline-grid; grid-template-rows: auto 1em; justify-items: center; }`;
/** The word box as an inline-block holding a block ::before and its text. */
const INLINE_BLOCK = `dubao-t dubao-w[data-py] { display: inline-block; text-align: center; }`;
/** The word box's top margin fixed, not from the page's line height (the registered --dubao-lh). */
const FIXED_MARGIN = `dubao-t dubao-w[data-py] { margin-top: calc(-1 * min(${PINYIN_HEIGHT}, 0.3em)); }`;
/** The word left inline (no box), its pinyin positioned over it: no gap between neighbours, a cost reference. */
const POSITIONED = `dubao-t dubao-w[data-py] { display: inline; position: relative; margin: 0; }
dubao-t dubao-w[data-py]::before { position: absolute; bottom: 100%; left: 50%; translate: -50% 0; }`;
const COLUMNS_OFF = '.body { columns: auto !important }';
const PLAIN = 'the page without drawing';

type Markup = (html: string) => string;
/** Today's word (`<dubao-w … data-py>共同</dubao-w>`) in the markup drawn before: <ruby>共同<rt data-py></rt></ruby>. */
const perWordRuby: Markup = (h) =>
  h.replace(
    /<dubao-w([^>]*?) data-py="([^"]*)"([^>]*)>([^<]*)<\/dubao-w>/g,
    '<dubao-w$1$3><ruby>$4<rt data-py="$2"></rt></ruby></dubao-w>',
  );

/** Every word drawn under a page's underline (a page of links): the decoration drawn by the word boxes. */
const underlined: Markup = (h) => h.replaceAll('<dubao-t', '<dubao-t data-td="underline"');

const VARIANTS: Record<string, { css: string; markup?: Markup }> = {
  'reader CSS (one element a word, flex)': { css: BASE },
  '  every word underlined': { css: BASE, markup: underlined },
  '  multi-column off': { css: `${BASE}\n${COLUMNS_OFF}` },
  '<ruby><rt> a word (before)': { css: `${BASE}\n${PER_WORD_RUBY}`, markup: perWordRuby },
  'native ruby (before h15a)': { css: `${BASE}\n${NATIVE}`, markup: perWordRuby },
  '  multi-column off ': { css: `${BASE}\n${NATIVE}\n${COLUMNS_OFF}`, markup: perWordRuby },
  'word box without pinyin (::before none)': {
    css: `${BASE}\ndubao-t dubao-w[data-py]::before { content: none }`,
  },
  'word as a grid': { css: `${BASE}\n${GRID}` },
  'word as an inline-block': { css: `${BASE}\n${INLINE_BLOCK}` },
  'fixed top margin (no --dubao-lh)': { css: `${BASE}\n${FIXED_MARGIN}` },
  'no :has() heading rule': { css: BASE.replace(/^:is\(h1.*$/m, '') },
  'word inline, pinyin positioned': { css: `${BASE}\n${POSITIONED}` },
  'unregistered --dubao-lh (28px)': {
    css: BASE.replace(/^@property.*$/m, '').replace(
      'dubao-t { --dubao-lh: 1lh; }',
      'dubao-t { --dubao-lh: 28px; }',
    ),
  },
  'contain: layout style on word boxes': {
    css: `${BASE}\ndubao-t dubao-w[data-py] { contain: layout style; }`,
  },
  'one font for pinyin': { css: BASE.replace(/font-family: 'Segoe UI'[^;]*;/, 'font-family: sans-serif;') },
  'no --dubao-lh, no :has()': {
    css: BASE.replace(/^@property.*$/m, '')
      .replace('dubao-t { --dubao-lh: 1lh; }', 'dubao-t { --dubao-lh: 28px; }')
      .replace(/^:is\(h1.*$/m, ''),
  },
  [PLAIN]: { css: '' },
};

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  // Further arguments pick variants by part of their name (the reader's CSS and the plain page are always measured).
  const only = process.argv.length > 3 ? ['reader CSS', ...process.argv.slice(3)] : undefined;
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
  const res: Record<string, { cpu: number[]; style: number[]; layout: number[]; height: number[] }> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, { css, markup }] of Object.entries(VARIANTS)) {
      if (only && name !== PLAIN && !only.some((o) => name.includes(o))) continue;
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
        { css, html: name === PLAIN ? plain : markup ? markup(drawn) : drawn },
      );
      const cdp = await context.newCDPSession(p);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const metrics = async () => {
        const { metrics: m } = await cdp.send('Performance.getMetrics');
        return Object.fromEntries(m.map((x) => [x.name, x.value]));
      };
      const a = await metrics();
      const height = await p.evaluate(() => {
        document.body.innerHTML = (globalThis as { __html?: string }).__html ?? '';
        return document.documentElement.scrollHeight;
      });
      const z = await metrics();
      const r = (res[name] ??= { cpu: [], style: [], layout: [], height: [] });
      r.height.push(height);
      r.cpu.push((z.ThreadTime - a.ThreadTime) * 1000);
      r.style.push((z.RecalcStyleDuration - a.RecalcStyleDuration) * 1000);
      r.layout.push((z.LayoutDuration - a.LayoutDuration) * 1000);
      await context.close();
    }
  }
  console.log('variant: main-thread CPU, style, layout (ms, medians), document height (px)');
  for (const [name, r] of Object.entries(res))
    console.log(
      `  ${name.padEnd(38)} ${median(r.cpu).toFixed(0).padStart(5)} ${median(r.style).toFixed(0).padStart(5)} ` +
        `${median(r.layout).toFixed(0).padStart(5)} ${median(r.height).toFixed(0).padStart(6)}`,
    );
  await browser.close();
  await pages.server.close();
}

void main().then(() => process.exit(0));
