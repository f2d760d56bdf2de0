/**
 * Where the main thread's time goes while the flood page (tools/bench/scenarios/flood.ts) adds 1,000 paragraphs a
 * second, with the extension and without, alternating: CPU time of the page's renderer main thread by top-level
 * event (script, style, layout, intersection observers, paint), and the page timer's lag. CPU time, so that a
 * busy machine counts less: `npx tsx tools/bench/trace-flood.ts [rounds]` after `npx wxt build`.
 */
import type { Page } from 'playwright-core';
import { launchExtension, launchPlain, type ExtensionBrowser, type PlainBrowser } from './browser';
import { serveLivePages } from './scenarios/flood';
import { busiestRendererThread, startTrace, type TraceEvent } from './trace';
import { percentile } from './stats';

async function traceFlood(page: Page, ms: number): Promise<{ events: TraceEvent[]; lags: number[] }> {
  const trace = await startTrace(page, ['blink', 'blink.user_timing']);
  const lags = await page.evaluate(
    (d) => (window as unknown as { __run(ms: number): Promise<number[]> }).__run(d),
    ms,
  );
  return { events: await trace.stop(), lags };
}

/** CPU ms by the name of each event directly inside a task of the thread, and the total of its tasks. */
function breakdown(events: TraceEvent[]): Record<string, number> {
  const thread = busiestRendererThread(events);
  if (!thread) return {};
  const mine = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur != null)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: Record<string, number> = {};
  const add = (k: string, us: number) => (out[k] = (out[k] ?? 0) + us / 1000);
  // Every other thread's tasks, by its name: the background's worker, the browser process, the compositor.
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && !(e.pid === thread.pid && e.tid === thread.tid))
      add(`other ${names.get(`${e.pid}:${e.tid}`) ?? e.tid}`, e.tdur ?? 0);
  const stack: TraceEvent[] = [];
  for (const e of mine) {
    while (stack.length && stack[stack.length - 1].ts + (stack[stack.length - 1].dur ?? 0) <= e.ts)
      stack.pop();
    const depth = stack.length;
    if (e.name === 'RunTask' && depth === 0) {
      add('TOTAL task', e.tdur ?? e.dur ?? 0);
      add('TOTAL task wall', e.dur ?? 0);
    } else if (depth >= 1 && depth <= 2) add(`${depth}:${e.name}`, e.tdur ?? e.dur ?? 0);
    stack.push(e);
  }
  // The longest tasks (wall): what they held, in CPU.
  const tasks = mine.filter((e) => e.name === 'RunTask').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const t0 = mine[0]?.ts ?? 0;
  if (process.env.MARKS)
    for (const e of events)
      if (e.name.startsWith('dubao:'))
        console.log(`  mark at ${((e.ts - t0) / 1000).toFixed(0)} ms: ${e.name}`);
  const injected = mine.find((e) => e.name === 'EvaluateScript' && (e.dur ?? 0) > 5000);
  if (injected)
    console.log(
      `  (a script of ${((injected.dur ?? 0) / 1000).toFixed(0)} ms at ${((injected.ts - t0) / 1000).toFixed(0)} ms)`,
    );
  for (const t of tasks.slice(0, Number(process.env.TOP ?? 0))) {
    // CPU by event name at depths 1-3 inside the task (an event nested in another of the same depth counted once).
    const inside = new Map<string, number>();
    const depthOf = new Map<TraceEvent, number>();
    const open: TraceEvent[] = [t];
    depthOf.set(t, 0);
    for (const e of mine) {
      if (e === t || e.ts < t.ts || e.ts >= t.ts + (t.dur ?? 0)) continue;
      while (open.length > 1 && open[open.length - 1].ts + (open[open.length - 1].dur ?? 0) <= e.ts)
        open.pop();
      const d = open.length;
      depthOf.set(e, d);
      open.push(e);
      if (d <= Number(process.env.DEPTH ?? 3))
        inside.set(`${d}:${e.name}`, (inside.get(`${d}:${e.name}`) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
    }
    const top = [...inside]
      .filter(([, ms]) => ms >= 2)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10);
    console.log(
      `  task at ${((t.ts - t0) / 1000).toFixed(0)} ms: ${((t.dur ?? 0) / 1000).toFixed(0)} ms wall, ` +
        `${((t.tdur ?? 0) / 1000).toFixed(0)} cpu: ` +
        top.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', '),
    );
  }
  return out;
}

async function once(b: ExtensionBrowser | PlainBrowser, url: string): Promise<Record<string, number>> {
  const p = await b.context.newPage();
  await p.goto(url, { waitUntil: 'load' });
  await p.waitForTimeout(500);
  const { events, lags } = await traceFlood(p, 4000);
  await p.close();
  const out = breakdown(events);
  out['lag p50'] = percentile(lags, 50);
  out['lag p99'] = percentile(lags, 99);
  out['ticks'] = lags.length;
  return out;
}

const rounds = Number(process.argv[2] ?? 2);
const server = await serveLivePages();
const plain = await launchPlain();
const ext = await launchExtension();
const url = `${server.url}/live/flood.html`;
const sum: Record<string, Record<string, number[]>> = { plain: {}, ext: {} };
for (let i = 0; i < rounds; i++) {
  for (const [name, b] of [
    ['plain', plain],
    ['ext', ext],
  ] as const) {
    const r = await once(b, url);
    for (const [k, v] of Object.entries(r)) (sum[name][k] ??= []).push(v);
  }
}
const keys = [...new Set([...Object.keys(sum.plain), ...Object.keys(sum.ext)])]
  .map((k) => ({ k, ext: percentile(sum.ext[k] ?? [0], 50), plain: percentile(sum.plain[k] ?? [0], 50) }))
  .filter((r) => r.ext > 5 || r.plain > 5 || r.k.startsWith('lag') || r.k === 'ticks')
  .sort((a, b) => b.ext - a.ext);
console.log('median of', rounds, 'rounds (CPU ms over 4 s of flood)');
for (const r of keys)
  console.log(`${r.k.padEnd(60)} ${r.plain.toFixed(1).padStart(9)} ${r.ext.toFixed(1).padStart(9)}`);
await ext.close();
await plain.close();
await server.close();
