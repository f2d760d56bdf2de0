import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { BenchPages, ExtensionBrowser, PlainBrowser } from '../browser';
import { serveFolder } from '../../serve';
import { drawnPageHtml, forgetReaderSites, renderWholePage, waitForRuby } from '../browser';
import { busiestRendererThread, mainThreadBusyMs, readerStart, startTrace, type TraceEvent } from '../trace';
import { log, median, repeat, round } from '../stats';

/** How long after the load event the page is watched: what a reader waits before reading. */
const AFTER_LOAD_MS = 3000;

interface Metrics {
  nodes: number;
  heapMB: number;
}

/** DOM nodes and JS heap of the page's renderer (after two forced garbage collections), from the protocol. */
async function metrics(page: Page): Promise<Metrics> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics: m } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => m.find((x) => x.name === name)?.value ?? NaN;
    return { nodes: get('Nodes'), heapMB: get('JSHeapUsedSize') / 2 ** 20 };
  } finally {
    await cdp.detach();
  }
}

/**
 * Every task of the thread in the trace from `fromTs`, whole (paint included), in ms: wall time, or with `cpu` the
 * thread's own CPU time (what a busy machine inflates least).
 */
function tasks(
  events: TraceEvent[],
  thread: { pid: number; tid: number },
  fromTs: number,
  cpu = false,
): number[] {
  const onThread = (e: TraceEvent) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X';
  // Scripts evaluated with no URL are the harness's own (Playwright's injected script for waitForSelector, run in a
  // world of its own: 15-25 ms of CPU, up to 400 ms wall on a busy machine); the sample page runs no script. Their
  // tasks are neither the page's nor ours, and only the run with the extension waits for a selector.
  const harness = events.filter((e) => onThread(e) && e.name === 'EvaluateScript' && !e.args?.data?.url);
  return events
    .filter(
      (e) =>
        onThread(e) &&
        e.name === 'RunTask' &&
        e.ts >= fromTs &&
        e.dur != null &&
        !harness.some((h) => h.ts >= e.ts && h.ts < e.ts + e.dur!),
    )
    .map((e) => (cpu ? (e.tdur ?? e.dur!) : e.dur!) / 1000);
}

interface LoadRun {
  busyMs: number;
  longestTaskMs: number;
  /** The same two in the main thread's CPU time. */
  busyCpuMs: number;
  longestTaskCpuMs: number;
  nodes: number;
  heapMB: number;
}

/** One load of `url`: main-thread time from navigation to load + 3 s (all of it: script, style, layout, paint). */
async function loadOnce(page: Page, url: string, extension: boolean): Promise<LoadRun> {
  const trace = await startTrace(page);
  await page.goto(url, { waitUntil: 'load' });
  if (extension) await waitForRuby(page);
  await page.waitForTimeout(AFTER_LOAD_MS);
  const events = await trace.stop();
  const thread = busiestRendererThread(events);
  if (!thread) throw new Error('no renderer main thread in the load trace');
  const all = tasks(events, thread, 0);
  const busy = mainThreadBusyMs(events, thread, 0);
  // Tasks from the reader's start on are ours or caused by our drawing (the page's own load is over by then on
  // the sample page, which runs no script).
  const reader = extension ? readerStart(events) : undefined;
  const ours = reader ? tasks(events, thread, reader.ts) : [];
  const oursCpu = reader ? tasks(events, thread, reader.ts, true) : [];
  const m = await metrics(page);
  return {
    busyMs: all.reduce((n, x) => n + x, 0) || busy.busyMs + busy.paintMs,
    longestTaskMs: ours.length ? Math.max(...ours) : 0,
    busyCpuMs: tasks(events, thread, 0, true).reduce((n, x) => n + x, 0),
    longestTaskCpuMs: oursCpu.length ? Math.max(...oursCpu) : 0,
    nodes: m.nodes,
    heapMB: m.heapMB,
  };
}

export interface LoadResult {
  loadMainThreadMs: number;
  loadMainThreadFloorMs: number;
  loadMainThreadRatio: number;
  longestDrawTaskMs: number;
  domNodesAdded: number;
  rendererMemoryAddedMB: number;
  loadMainThreadCpuMs: number;
  loadMainThreadCpuFloorMs: number;
  loadMainThreadCpuRatio: number;
  longestDrawTaskCpuMs: number;
  loadDrawnMarkupMs: number;
  loadDrawnMarkupRatio: number;
  loadDrawnMarkupCpuRatio: number;
}

/**
 * The sample page (newspaper.html) loaded with the extension and, in the same run, in Chromium without it: the
 * main thread's time from navigation to load + 3 s on each side and their ratio (loadMainThreadRatio), the
 * longest single task from the reader's start on (longestDrawTaskMs: a task over 50 ms is a frame the reader
 * makes the page drop), and what the drawn page holds more than the plain one: DOM nodes and JS heap.
 */
export async function measureLoad(
  ext: ExtensionBrowser,
  plain: PlainBrowser,
  pages: BenchPages,
  runs = 5,
): Promise<LoadResult> {
  const url = pages.url('newspaper.html');
  const withExt: LoadRun[] = [];
  const without: LoadRun[] = [];
  const drawn: LoadRun[] = [];
  // The drawn markup as a static page, served from a folder of its own (the sample page loads nothing else).
  const dir = mkdtempSync(join(tmpdir(), 'dubao-bench-drawn-'));
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  try {
    await repeat(runs, async () => {
      for (const [browser, list, extension] of [
        [ext, withExt, true],
        [plain, without, false],
        [plain, drawn, false],
      ] as const) {
        const page = await browser.context.newPage();
        const target = list === drawn ? `${server!.url}/drawn.html` : url;
        list.push(await loadOnce(page, target, extension));
        if (extension && !server) {
          // The page as drawn at load + 3 s: what that markup alone costs the browser, no script of ours.
          writeFileSync(join(dir, 'drawn.html'), await drawnPageHtml(page));
          server = await serveFolder(dir);
        }
        await page.close();
      }
      return 0;
    });
  } finally {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const [name, list] of [
    ['with the extension', withExt],
    ['without', without],
    ['its drawn markup as a static page, without the extension', drawn],
  ] as const)
    log(
      `  ${name}: main thread ${list.map((x) => x.busyMs.toFixed(0)).join(', ')} ms; longest task after the ` +
        `reader started ${list.map((x) => x.longestTaskMs.toFixed(1)).join(', ')} ms; nodes ` +
        `${list.map((x) => x.nodes).join(', ')}; heap ${list.map((x) => x.heapMB.toFixed(1)).join(', ')} MB; ` +
        `CPU ${list.map((x) => x.busyCpuMs.toFixed(0)).join(', ')} ms, longest task ` +
        `${list.map((x) => x.longestTaskCpuMs.toFixed(1)).join(', ')} ms`,
    );
  const a = median(withExt.map((x) => x.busyMs));
  const b = median(without.map((x) => x.busyMs));
  const ac = median(withExt.map((x) => x.busyCpuMs));
  const bc = median(without.map((x) => x.busyCpuMs));
  return {
    loadMainThreadMs: round(a, 1),
    loadMainThreadFloorMs: round(b, 1),
    loadMainThreadRatio: round(a / b, 2),
    longestDrawTaskMs: round(median(withExt.map((x) => x.longestTaskMs)), 1),
    domNodesAdded: Math.round(median(withExt.map((x) => x.nodes)) - median(without.map((x) => x.nodes))),
    rendererMemoryAddedMB: round(
      median(withExt.map((x) => x.heapMB)) - median(without.map((x) => x.heapMB)),
      1,
    ),
    // The same in CPU time: on a shared machine wall time mostly counts the other processes' turns.
    loadMainThreadCpuMs: round(ac, 1),
    loadMainThreadCpuFloorMs: round(bc, 1),
    loadMainThreadCpuRatio: round(ac / bc, 2),
    longestDrawTaskCpuMs: round(median(withExt.map((x) => x.longestTaskCpuMs)), 1),
    loadDrawnMarkupMs: round(median(drawn.map((x) => x.busyMs)), 1),
    loadDrawnMarkupRatio: round(median(drawn.map((x) => x.busyMs)) / b, 2),
    loadDrawnMarkupCpuRatio: round(median(drawn.map((x) => x.busyCpuMs)) / bc, 2),
  };
}

/**
 * Annotating the whole 100k-character page while scrolling through it: the tab's main-thread time from the
 * reader's start until every block has been drawn (script, style, layout and the paint of what scrolls by).
 */
export async function measureAnnotateWhole(ext: ExtensionBrowser, pages: BenchPages): Promise<number> {
  // A first visit, as the annotate group: the reader's work on a loaded page (see forgetReaderSites).
  await forgetReaderSites(ext);
  const page = await ext.context.newPage();
  try {
    const trace = await startTrace(page);
    await page.goto(pages.url(pages.bigZh), { waitUntil: 'load' });
    await waitForRuby(page);
    const t0 = Date.now();
    const { steps } = await renderWholePage(page, { timeoutMs: 600_000 });
    await page.waitForTimeout(300);
    const events = await trace.stop();
    log(`  ${steps} scroll steps, ${((Date.now() - t0) / 1000).toFixed(1)} s of wall time`);
    const reader = readerStart(events);
    if (!reader) throw new Error('no start of the reader in the trace of the 100k page');
    const cpu = tasks(events, reader, reader.ts, true).reduce((n, x) => n + x, 0);
    log(`  the same in CPU time (thread ticks, steadier on a busy machine): ${cpu.toFixed(0)} ms`);
    return round(
      tasks(events, reader, reader.ts).reduce((n, x) => n + x, 0),
      0,
    );
  } finally {
    await page.close();
  }
}
