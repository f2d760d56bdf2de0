/**
 * The first-pinyin chain on the sample page, load by load, without a trace (tracing slows the page 2–3×):
 * `npx tsx tools/bench/first-pinyin-marks.ts [loads]` (after `npx wxt build`). Prints, in ms since navigation,
 * DOMContentLoaded, load, the reader's start (`dubao:reader`), its first views request (`dubao:views-asked`) and the
 * first drawn pinyin, then the medians of the steps between them. The reader clears its marks at once; a
 * PerformanceObserver installed before the page's scripts still receives them. The budget is
 * `npm run bench -- --only first-pinyin` (first pinyin after load); this tool says where that time goes.
 * Loads after the first are return visits (the site registered, lib/reader-sites.ts); `--first-visits` makes the
 * browser forget the site before each load; `--cold` stops the background's worker before each load, as Chromium
 * does after 30 s idle. `MARKS=1` prints every mark of each load.
 */
import { forgetReaderSites, serveBenchPages, stopWorker } from './browser';
import { measureCedictImport } from './scenarios/cedict';
import { median } from './stats';

const WATCH = `(() => {
  const w = window;
  w.__dubaoMarks = {};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__dubaoMarks[e.name] ??= e.startTime;
  }).observe({ entryTypes: ['mark'] });
  const mo = new MutationObserver(() => {
    if (!document.querySelector('dubao-t [data-py]')) return;
    w.__dubaoMarks.ruby = performance.now();
    mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

interface Load {
  dcl: number;
  load: number;
  reader: number;
  asked: number;
  ruby: number;
}

async function main(): Promise<void> {
  const loads = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
  const pages = await serveBenchPages();
  const { browser: b } = await measureCedictImport();
  const all: Load[] = [];
  const firstVisits = process.argv.includes('--first-visits');
  const cold = process.argv.includes('--cold');
  for (let i = 0; i < loads; i++) {
    if (firstVisits) await forgetReaderSites(b);
    if (cold) await stopWorker(b);
    const page = await b.context.newPage();
    await page.addInitScript(WATCH);
    await page.goto(pages.url('newspaper.html'), { waitUntil: 'load' });
    await page.waitForFunction(
      () => (window as unknown as { __dubaoMarks: { ruby?: number } }).__dubaoMarks.ruby,
      null,
      {
        timeout: 30_000,
      },
    );
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const m = (window as unknown as { __dubaoMarks: Record<string, number> }).__dubaoMarks;
      return {
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        reader: m['dubao:reader'],
        asked: m['dubao:views-asked'],
        ruby: m.ruby,
        marks: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v)])),
      };
    });
    await page.close();
    all.push(r);
    const f = (n: number) => n.toFixed(0).padStart(5);
    console.log(
      `load ${i + 1}: DCL ${f(r.dcl)} load ${f(r.load)} reader ${f(r.reader)} asked ${f(r.asked)} pinyin ${f(r.ruby)}` +
        `  (after load ${f(r.ruby - r.load)})` +
        (process.env.MARKS ? ` ${JSON.stringify(r.marks)}` : ''),
    );
  }
  const m = (pick: (l: Load) => number) => median(all.map(pick)).toFixed(0);
  console.log(
    `medians: DCL → reader ${m((l) => l.reader - l.dcl)}, reader → views asked ${m((l) => l.asked - l.reader)}, ` +
      `asked → pinyin ${m((l) => l.ruby - l.asked)}; pinyin after load ${m((l) => l.ruby - l.load)}`,
  );
  await b.context.close();
  process.exit(0);
}

await main();
