import { forgetReaderSites, stopWorker, type BenchPages, type ExtensionBrowser } from '../browser';
import { repeat } from '../stats';

/**
 * Installed before any page script: notes performance.now() (ms since navigation start) when the first
 * `dubao-t [data-py]` enters the DOM. A MutationObserver callback runs right after the task that made the change,
 * so this is the end of the reader's first rendering task, before that frame is painted.
 */
const WATCH_FIRST_RUBY = `(() => {
  const w = window;
  w.__firstRuby = null;
  const mo = new MutationObserver(() => {
    if (document.querySelector('dubao-t [data-py]')) {
      w.__firstRuby = performance.now();
      mo.disconnect();
    }
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

export interface FirstPinyin {
  /** Return visits: the site is registered (lib/reader-sites.ts), as for a reader of that paper. */
  sinceNavigation: number[];
  afterLoad: number[];
  /** First visits: the site was forgotten before each, so the detector's report and two injections come first. */
  firstVisitSinceNavigation: number[];
  firstVisitAfterLoad: number[];
  /**
   * Return visits with the background's worker stopped just before, as Chromium stops it after 30 s idle: a reader
   * who opens the next article after reading one for a while without a keep-warm ping (lib/reader/keep-warm.ts).
   */
  coldWorkerSinceNavigation: number[];
  coldWorkerAfterLoad: number[];
}

/** One load of the sample page: first pinyin since navigation, and after the load event's end. */
async function oneLoad(b: ExtensionBrowser, pages: BenchPages): Promise<{ first: number; loadEnd: number }> {
  const page = await b.context.newPage();
  await page.addInitScript(WATCH_FIRST_RUBY);
  await page.goto(pages.url('newspaper.html'), { waitUntil: 'load' });
  // Hands off the page while the reader starts: Playwright's first evaluation in a page installs its own
  // script there (~8 ms of the page's main thread), which delayed the reader in the window being measured.
  await new Promise((ok) => setTimeout(ok, 1500));
  await page.waitForFunction(
    () => (window as unknown as { __firstRuby: number | null }).__firstRuby != null,
    null,
    { timeout: 30_000 },
  );
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { first: (window as unknown as { __firstRuby: number }).__firstRuby, loadEnd: nav.loadEventEnd };
  });
  await page.close();
  return r;
}

/**
 * `runs` rounds of three loads: a first visit (the site forgotten just before), a return visit, and a return visit
 * with the worker stopped just before.
 */
export async function measureFirstPinyin(
  b: ExtensionBrowser,
  pages: BenchPages,
  runs = 5,
): Promise<FirstPinyin> {
  const out: FirstPinyin = {
    sinceNavigation: [],
    afterLoad: [],
    firstVisitSinceNavigation: [],
    firstVisitAfterLoad: [],
    coldWorkerSinceNavigation: [],
    coldWorkerAfterLoad: [],
  };
  await repeat(runs, async () => {
    await forgetReaderSites(b);
    const first = await oneLoad(b, pages);
    out.firstVisitSinceNavigation.push(first.first);
    out.firstVisitAfterLoad.push(first.first - first.loadEnd);
    const again = await oneLoad(b, pages);
    out.sinceNavigation.push(again.first);
    out.afterLoad.push(again.first - again.loadEnd);
    await stopWorker(b);
    const cold = await oneLoad(b, pages);
    out.coldWorkerSinceNavigation.push(cold.first);
    out.coldWorkerAfterLoad.push(cold.first - cold.loadEnd);
    return again.first;
  });
  return out;
}
