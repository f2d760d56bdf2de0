/**
 * Where the main thread's time goes while the 100k page is annotated by scrolling through it (the bench's
 * `annotate100kMainThreadMs` walk): wall and CPU ms of the renderer main thread's events by name, from the reader's
 * start. Run on the build in .output/chrome-mv3: `npx tsx tools/bench/trace-annotate100k.ts` (one JSON line).
 */
import { forgetReaderSites, launchExtension, renderWholePage, serveBenchPages, waitForRuby } from './browser';
import { readerStart, startTrace } from './trace';

const NAMES = ['Paint', 'PrePaint', 'Layerize', 'Layout', 'UpdateLayoutTree', 'FunctionCall', 'RunTask'];
const pages = await serveBenchPages();
const ext = await launchExtension();
try {
  await forgetReaderSites(ext);
  const page = await ext.context.newPage();
  const css = process.env.EXTRA_CSS;
  if (css)
    await page.addInitScript((css) => {
      document.addEventListener('DOMContentLoaded', () => {
        const s = document.createElement('style');
        s.textContent = css;
        document.head.append(s);
      });
    }, css);
  const trace = await startTrace(page);
  await page.goto(pages.url(pages.bigZh), { waitUntil: 'load' });
  await waitForRuby(page);
  const { steps } = await renderWholePage(page, { timeoutMs: 600_000 });
  await page.waitForTimeout(300);
  const events = await trace.stop();
  const reader = readerStart(events);
  if (!reader) throw new Error('no reader start');
  const mine = events.filter(
    (e) => e.pid === reader.pid && e.tid === reader.tid && e.ts >= reader.ts && e.ph === 'X',
  );
  const out: Record<string, number> = { steps };
  for (const n of NAMES) {
    const ev = mine.filter((e) => e.name === n);
    out[`${n}Ms`] = Math.round(ev.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000);
    out[`${n}CpuMs`] = Math.round(ev.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000);
    out[`${n}Count`] = ev.length;
  }
  console.log(JSON.stringify(out));
} finally {
  await ext.close();
  await pages.server.close();
}
