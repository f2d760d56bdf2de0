/**
 * Where a warm script switch of the 100k page goes: `npx tsx tools/bench/trace-convert.ts [switches]` (after
 * `npx wxt build`). Switches the page to tw once (cold), then traces `switches` warm original → tw switches, each
 * from the settings message to 2 s after the converted heading is painted, and prints the renderer main thread's
 * tasks over 2 ms (wall and thread time, what is inside them) in order, with the user-timing marks between them:
 * the bench's own (`bench:converted` when the heading reads converted, `bench:raf` in the frame after,
 * `bench:painted` in the task after that frame) and the reader's (`dubao:views-asked` each time it asks for views;
 * add marks of your own in the reader to see more). With TRACE_OUT=path, each switch's raw trace is written to
 * path-N.json. A tool for finding causes; the budget is `npm run bench -- --only convert`.
 */
import { writeFileSync } from 'node:fs';
import { extensionPage, sendFromExtension, serveBenchPages, waitForRuby } from './browser';
import { measureCedictImport } from './scenarios/cedict';
import { busiestRendererThread, startTrace, type TraceEvent } from './trace';

type Ev = TraceEvent & { args?: { data?: Record<string, unknown>; beginData?: Record<string, unknown> } };

/** As the bench's watchHeading, with user-timing marks at each step. */
function watchHeading(want: string): string {
  return `(() => {
    const w = window;
    w.__painted = null;
    let seen = false;
    const o = new MutationObserver(() => {
      if (seen || !(document.querySelector('h1')?.textContent ?? '').includes(${JSON.stringify(want)})) return;
      seen = true;
      o.disconnect();
      performance.mark('bench:converted');
      requestAnimationFrame(() => {
        performance.mark('bench:raf');
        setTimeout(() => { performance.mark('bench:painted'); w.__painted = performance.now(); }, 0);
      });
    });
    o.observe(document.body, { childList: true, subtree: true, characterData: true });
  })();`;
}

const INNER = new Set([
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'Layerize',
  'Commit',
  'MajorGC',
  'MinorGC',
  'V8.GC_SCAVENGER',
  'v8.gc',
  'IntersectionObserverController::computeIntersections',
  'ParseAuthorStyleSheet',
  'HitTest',
  'v8.deserialize',
]);

function label(e: Ev): string {
  const d = e.args?.data;
  if (e.name === 'FunctionCall')
    return `js ${String(d?.functionName ?? '')}@${String(d?.url ?? '')
      .split('/')
      .pop()}:${String(d?.lineNumber ?? '')}`;
  if (e.name === 'TimerFire' || e.name === 'EventDispatch') return `${e.name} ${String(d?.type ?? '')}`;
  if (e.name === 'Layout') {
    const b = e.args?.beginData as { dirtyObjects?: number; totalObjects?: number } | undefined;
    return `Layout ${b?.dirtyObjects ?? '?'}/${b?.totalObjects ?? '?'}`;
  }
  if (e.name === 'UpdateLayoutTree') {
    const b = e.args?.beginData as { styleRecalcs?: number } | undefined;
    const el = (e.args as { elementCount?: number } | undefined)?.elementCount;
    return `Style ${el ?? b?.styleRecalcs ?? ''}`;
  }
  return e.name;
}

async function main(): Promise<void> {
  const switches = Number(process.argv[2] ?? 2);
  const pages = await serveBenchPages();
  const { browser: b } = await measureCedictImport();
  const page = await b.context.newPage();
  await page.goto(pages.url(pages.bigZh), { waitUntil: 'load' });
  await waitForRuby(page);
  await page.waitForTimeout(500);
  const ext = await extensionPage(b);
  await page.bringToFront(); // as the bench does (scenarios/convert.ts)
  const host = new URL(pages.server.url).host;
  const set = (script: string) =>
    sendFromExtension(ext, { type: 'setSettings', scope: 'site', patch: { script }, host });
  const settle = async (want: string) => {
    await page.waitForFunction((w) => (document.querySelector('h1')?.textContent ?? '').includes(w), want);
    await page.waitForTimeout(2500);
  };
  await set('tw');
  await settle('長頁');
  for (let n = 0; n < switches; n++) {
    await set('original');
    await settle('长页');
    await page.evaluate(watchHeading('長頁'));
    const trace = await startTrace<Ev>(page, [
      'disabled-by-default-devtools.timeline.frame',
      'blink.user_timing',
    ]);
    await page.evaluate(() => performance.mark('bench:sent'));
    await set('tw');
    await page.waitForFunction(() => (window as unknown as { __painted: number | null }).__painted != null);
    await page.waitForTimeout(2000);
    const events = await trace.stop();
    if (process.env.TRACE_OUT)
      writeFileSync(`${process.env.TRACE_OUT}-${n + 1}.json`, JSON.stringify(events));
    const th = busiestRendererThread(events)!;
    const mine = events.filter((e) => e.pid === th.pid && e.tid === th.tid);
    const marks = events
      .filter(
        (e) => e.cat.includes('user_timing') && (e.name.startsWith('bench:') || e.name.startsWith('dubao:')),
      )
      .map((e) => ({ ts: e.ts, name: e.name }));
    const t0 = marks.find((m) => m.name === 'bench:sent')?.ts ?? mine[0].ts;
    const tasks = mine.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur != null && e.ts >= t0);
    const items: { ts: number; text: string }[] = marks.map((m) => ({
      ts: m.ts,
      text: `  ---- ${m.name}`,
    }));
    let cpu = 0;
    for (const t of tasks) {
      cpu += t.tdur ?? 0;
      if (t.dur! < 2000) continue;
      const inner = mine
        .filter(
          (e) =>
            e.ph === 'X' &&
            e !== t &&
            INNER.has(e.name) &&
            e.ts >= t.ts &&
            e.ts + (e.dur ?? 0) <= t.ts + t.dur! &&
            (e.dur ?? 0) > 500,
        )
        .sort((a, c) => a.ts - c.ts)
        .map((e) => `${label(e)} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
      items.push({
        ts: t.ts,
        text: `task ${(t.dur! / 1000).toFixed(1)} ms (cpu ${((t.tdur ?? 0) / 1000).toFixed(1)}): ${inner.join(', ')}`,
      });
    }
    // Frames presented by the compositor (what the user sees), from the frame timeline if recorded.
    const frames = events.filter((e) => e.name === 'PipelineReporter' || e.name === 'DrawFrame');
    console.log(
      `\n=== warm switch ${n + 1}: ${tasks.length} tasks from the message, cpu ${(cpu / 1000).toFixed(0)} ms; frame events ${frames.length}`,
    );
    for (const it of items.sort((a, c) => a.ts - c.ts))
      console.log(`${((it.ts - t0) / 1000).toFixed(1).padStart(8)}  ${it.text}`);
  }
  await ext.close();
  await page.close();
  await b.close();
  await pages.server.close();
}

void main();
