import type { BenchPages, ExtensionBrowser, PlainBrowser } from '../browser';
import { forgetReaderSites, renderWholePage, scrollInSteps, waitForRuby } from '../browser';
import { busiestRendererThread, mainThreadBusyMs, readerStart, scriptEvaluation, startTrace } from '../trace';
import { jsHeapUsedMB } from './memory';
import { log, repeat, round } from '../stats';

export interface AnnotateRun {
  /** The reader's main-thread time, load of reader.js to the last block of the region rendered (ms). */
  annotateMs: number;
  /** Of which: evaluating reader.js (its module-level setup). */
  evaluateMs: number;
  /** The final markup of the annotated region: the body's children up to the last one rendered. */
  markup: string;
  /** The body's children up to the last one drawn at any time in the walk, as they are at its end. */
  blocks: string[];
  /** Which of them the walk drew with pinyin at some time (see keepDrawnBlocks). */
  drawnIndexes: number[];
}

/**
 * The reader takes pinyin out again far from the screen (FAR_PX in lib/reader/page-view.ts), so the region's final
 * markup holds only the blocks near where the walk ended, while T_annotate paid for drawing every block of it. A
 * page-world observer notes each top-level block (a child of the body) when our words with pinyin first appear in
 * it: in the traced walk only its index (a cheap check of the added nodes), in an untraced walk of the same region
 * (`drawnBlockMarkup`) its markup as drawn, so T_browser can build every block the traced walk drew, as drawn.
 */
function keepDrawnBlocks(serialize: boolean): void {
  const kept = new Map<Element, string>();
  const w = window as unknown as { __drawn: Map<Element, string>; __drawnWatch: MutationObserver };
  w.__drawn = kept;
  w.__drawnWatch = new MutationObserver((records) => {
    for (const r of records) {
      let drawn = false;
      for (const n of r.addedNodes)
        if (n.nodeName === 'DUBAO-T' && (n as Element).hasAttribute('data-r')) drawn = true;
      if (!drawn) continue;
      let el = r.target instanceof Element ? r.target : r.target.parentElement;
      while (el && el.parentElement && el.parentElement !== document.body) el = el.parentElement;
      if (el && el.parentElement === document.body && !kept.has(el))
        kept.set(el, serialize ? el.outerHTML : '');
    }
  });
  w.__drawnWatch.observe(document, { childList: true, subtree: true });
}

/** The body's children that were drawn (by index, with their markup as drawn when kept); the observer stops. */
function drawnBlocks(): Record<number, string> {
  const w = window as unknown as { __drawn: Map<Element, string>; __drawnWatch: MutationObserver };
  w.__drawnWatch.disconnect();
  const out: Record<number, string> = {};
  [...document.body.children].forEach((el, k) => {
    const html = w.__drawn.get(el);
    if (html !== undefined) out[k] = html;
  });
  w.__drawn.clear();
  return out;
}

/** An untraced walk of the region, keeping each block's markup as it was first drawn (see keepDrawnBlocks). */
export async function drawnBlockMarkup(
  b: ExtensionBrowser,
  pages: BenchPages,
): Promise<Record<number, string>> {
  await forgetReaderSites(b);
  const page = await b.context.newPage();
  try {
    await page.addInitScript(keepDrawnBlocks, true);
    await page.goto(pages.url(pages.bigZh), { waitUntil: 'load' });
    await waitForRuby(page);
    await renderWholePage(page, { fraction: ANNOTATE_FRACTION });
    await page.waitForTimeout(300);
    return await page.evaluate(drawnBlocks);
  } finally {
    await page.close();
  }
}

/**
 * The markup of every block a traced walk drew, as drawn: the region's final markup (`run.markup`'s blocks, read
 * again as a list) with each block the walk drew taken from `asDrawn`; a block the untraced walk did not reach keeps
 * its final markup.
 */
export function drawnMarkup(run: AnnotateRun, asDrawn: Record<number, string>): string {
  const last = Math.max(run.blocks.length - 1, ...run.drawnIndexes);
  const out: string[] = [];
  for (let k = 0; k <= last; k++) {
    const now = run.blocks[k] ?? '';
    out.push(run.drawnIndexes.includes(k) ? (asDrawn[k] ?? now) : now);
  }
  return out.join('\n');
}

/** The share of the 100k page's blocks annotated for T_annotate (see measureAnnotate). */
export const ANNOTATE_FRACTION = 1 / 3;

/**
 * T_annotate on the 100k page. The reader renders lazily, so the page is walked top to bottom until every block
 * of the region is rendered (see renderWholePage). Wall time would count the frames spent waiting while
 * scrolling, so instead a Chromium trace gives the busy time of the tab's main thread from the evaluation of
 * content-scripts/reader.js (the reader's start) to the end: the reader's script, the style and layout its DOM
 * changes cause, and the small cost of scrolling itself, less the paint-side work any scrolling causes. That
 * scrolling cost is measured the same way on the same page without the extension (`scrollBaselineMs`) and
 * subtracted.
 *
 * The region is the first third of the page's blocks (about 33k characters), not all of it: laying out ruby is
 * slow enough in Chromium that the whole page would take several minutes of runs, and both sides of the ratio
 * scale with the text. T_browser builds exactly the markup of the same region.
 *
 * The memory sample needs the whole page annotated: after the last run the walk goes on, untraced, to the end.
 */
export async function measureAnnotate(
  b: ExtensionBrowser,
  pages: BenchPages,
  runs = 3,
): Promise<{ runs: AnnotateRun[]; heapMB: number }> {
  const out: AnnotateRun[] = [];
  let heapMB = NaN;
  await repeat(runs, async (i) => {
    await forgetReaderSites(b);
    const page = await b.context.newPage();
    await page.addInitScript(keepDrawnBlocks, false);
    const trace = await startTrace(page);
    await page.goto(pages.url(pages.bigZh), { waitUntil: 'load' });
    await waitForRuby(page);
    const t0 = Date.now();
    const { steps } = await renderWholePage(page, { fraction: ANNOTATE_FRACTION });
    log(`annotate run ${i + 1}: ${steps} scroll steps, ${Date.now() - t0} ms of wall time`);
    await page.waitForTimeout(300); // the layout and paint after the last render
    const events = await trace.stop();
    const reader = readerStart(events);
    if (!reader) throw new Error('no start of the reader in the trace of the 100k page');
    const busy = mainThreadBusyMs(events, reader, reader.ts);
    const markup = await page.evaluate(() => {
      const children = [...document.body.children];
      let last = -1;
      children.forEach((el, k) => {
        if (el.querySelector('dubao-t')) last = k;
      });
      return children
        .slice(0, last + 1)
        .map((el) => el.outerHTML)
        .join('\n');
    });
    const drawnIndexes = Object.keys(await page.evaluate(drawnBlocks)).map(Number);
    const last = Math.max(-1, ...drawnIndexes);
    const blocks = await page.evaluate(
      (n) => [...document.body.children].slice(0, n).map((el) => el.outerHTML),
      last + 1,
    );
    if (i === runs - 1) {
      await renderWholePage(page);
      heapMB = await jsHeapUsedMB(page);
    }
    await page.close();
    const evaluation = scriptEvaluation(events, '/content-scripts/reader.js');
    out.push({
      annotateMs: busy.busyMs,
      evaluateMs: (evaluation?.dur ?? 0) / 1000,
      markup,
      blocks,
      drawnIndexes,
    });
    return busy.busyMs;
  });
  return { runs: out, heapMB };
}

/** The main-thread cost of scrolling the region of the un-annotated page in steps, measured as in measureAnnotate. */
export async function scrollBaselineMs(plain: PlainBrowser, pages: BenchPages): Promise<number> {
  const page = await plain.context.newPage();
  await page.goto(pages.url(pages.bigZh), { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const trace = await startTrace(page); // after load: the trace holds the scrolling only
  await scrollInSteps(page, ANNOTATE_FRACTION);
  await page.waitForTimeout(300);
  const events = await trace.stop();
  await page.close();
  const thread = busiestRendererThread(events);
  if (!thread) throw new Error('no renderer main thread in the scrolling trace');
  return mainThreadBusyMs(events, thread, 0).busyMs;
}

/**
 * T_browser: in a fresh tab holding the same head and the reader's CSS, the time to build the final markup from
 * a string and lay it out: innerHTML on a detached div, append it, read offsetHeight (forces layout).
 */
export async function measureBrowserBuild(
  plain: PlainBrowser,
  pages: BenchPages,
  markup: string,
  runs = 5,
): Promise<number[]> {
  return repeat(runs, async () => {
    const page = await plain.context.newPage();
    await page.goto(pages.url(pages.shellZh), { waitUntil: 'load' });
    await page.evaluate((html) => ((window as unknown as { __markup: string }).__markup = html), markup);
    const ms = await page.evaluate(() => {
      const html = (window as unknown as { __markup: string }).__markup;
      const t0 = performance.now();
      const d = document.createElement('div');
      d.innerHTML = html;
      document.body.append(d);
      void d.offsetHeight;
      return performance.now() - t0;
    });
    await page.close();
    return round(ms, 3);
  });
}
