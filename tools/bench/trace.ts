import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's own CPU time inside the event (µs), where the trace records it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; name?: string };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'].join(
  ',',
);

/** Paint-side work: the browser does it for any content scrolled into view, with or without the reader. */
const PAINT = new Set(['Paint', 'PrePaint', 'Layerize', 'Commit', 'UpdateLayer', 'RasterTask', 'PaintImage']);

/**
 * A Chromium performance trace of one page's renderer, recorded through the DevTools protocol. `extra` adds trace
 * categories to the timeline's (user-timing marks, invalidation tracking, frames) for the tools that look closer.
 */
export async function startTrace<E extends TraceEvent = TraceEvent>(
  page: Page,
  extra: readonly string[] = [],
): Promise<{ stop(): Promise<E[]> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: E[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as E[])));
  const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  const categories = [CATEGORIES, ...extra].join(',');
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return {
    async stop() {
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return events;
    },
  };
}

/**
 * The reader's start on the page: its `dubao:reader` mark (entrypoints/reader.content/index.ts), on the thread it ran
 * on; else the first evaluation of reader.js. On a return visit reader.js is evaluated at document_start and only
 * started at DOMContentLoaded (entrypoints/site-look.ts), so its evaluation is not the start.
 */
export function readerStart(events: TraceEvent[]): TraceEvent | undefined {
  const mark = events
    .filter((e) => e.name === 'dubao:reader' && e.cat?.includes('user_timing'))
    .sort((a, b) => a.ts - b.ts)[0];
  return mark ?? scriptEvaluation(events, '/content-scripts/reader.js');
}

/** The first evaluation of a script whose URL ends with `suffix` (a content script, say). */
export function scriptEvaluation(events: TraceEvent[], suffix: string): TraceEvent | undefined {
  return events
    .filter((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith(suffix))
    .sort((a, b) => a.ts - b.ts)[0];
}

/**
 * Busy time of one renderer main thread (ms) from `fromTs` (trace µs) to the end of the trace: the sum of its
 * tasks, less the paint-side work inside them. The main thread of an idle page does almost nothing, so on a page
 * that has finished loading this is the time spent on our work plus the style and layout it causes, which is
 * what the browser also spends when it builds markup from a string.
 */
export function mainThreadBusyMs(
  events: TraceEvent[],
  thread: { pid: number; tid: number },
  fromTs: number,
): { busyMs: number; paintMs: number; tasks: number } {
  const mine = events.filter(
    (e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.ts >= fromTs && e.dur != null,
  );
  const tasks = mine.filter((e) => e.name === 'RunTask');
  const busy = tasks.reduce((n, e) => n + (e.dur ?? 0), 0);
  // Paint events can nest (UpdateLayer inside Paint): subtract the union of their intervals, inside tasks only.
  const intervals = mine
    .filter((e) => PAINT.has(e.name))
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  let paint = 0;
  let cur: [number, number] | null = null;
  for (const iv of intervals) {
    if (cur && iv[0] <= cur[1]) cur[1] = Math.max(cur[1], iv[1]);
    else {
      if (cur) paint += cur[1] - cur[0];
      cur = [iv[0], iv[1]];
    }
  }
  if (cur) paint += cur[1] - cur[0];
  return { busyMs: (busy - paint) / 1000, paintMs: paint / 1000, tasks: tasks.length };
}

/** The renderer main thread (CrRendererMain) that ran the most tasks in the trace: the traced page's. */
export function busiestRendererThread(events: TraceEvent[]): { pid: number; tid: number } | null {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const counts = new Map<string, { pid: number; tid: number; n: number }>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name !== 'RunTask' || !mains.has(key)) continue;
    const c = counts.get(key) ?? { pid: e.pid, tid: e.tid, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best ? { pid: best.pid, tid: best.tid } : null;
}
