/**
 * Where the sample page's load time goes with the extension: `npx tsx tools/bench/trace-load.ts [runs] [page.html]`
 * (after `npx wxt build`). Loads the page to load + 3 s with a trace and prints every task over 10 ms of thread
 * time from the reader's start, with what dirtied layout before it (invalidation tracking: which element, which
 * script function) and the work inside it (script, style, layout with its object counts, paint), wall and thread
 * time. With `--summary`: the page with and without the extension, side by side, in main-thread CPU time (thread
 * ticks: on a busy machine wall time mostly measures the other processes), its ratio, the longest task after the
 * reader started and how many layouts over 10 ms it took. `NO_INVALIDATIONS=1` records without invalidation tracking
 * (which inflates style and script time several-fold) for task sizes close to the bench's. A tool for finding causes; the budgets are
 * `npm run bench -- --only load`, in wall time.
 */
import { launchPlain, serveBenchPages, waitForRuby } from './browser';
import { measureCedictImport } from './scenarios/cedict';
import { busiestRendererThread, readerStart, startTrace, type TraceEvent } from './trace';

type Ev = TraceEvent & {
  args?: { data?: Record<string, unknown>; beginData?: Record<string, unknown> };
};

function label(e: Ev): string {
  const d = e.args?.data as Record<string, unknown> | undefined;
  if (e.name === 'Layout') return `Layout ${JSON.stringify(e.args?.beginData ?? {})}`;
  if (e.name === 'FunctionCall' || e.name === 'EvaluateScript')
    return `${e.name} ${String(d?.functionName ?? '')} ${String(d?.url ?? '')
      .split('/')
      .slice(-2)
      .join('/')}:${String(d?.lineNumber ?? '')}`;
  if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame' || e.name === 'EventDispatch')
    return `${e.name} ${String(d?.type ?? '')}`;
  return e.name;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 2);
  const url = process.argv.find((a) => a.endsWith('.html')) ?? 'newspaper.html';
  const pages = await serveBenchPages();
  const { browser: b } = await measureCedictImport();
  if (process.argv.includes('--summary')) {
    // Thread (CPU) time rather than wall time: on a busy machine wall time mostly measures the other processes.
    const plainB = await launchPlain();
    const sums: Record<string, number[]> = { ext: [], plain: [], longest: [], layouts: [] };
    for (let run = 0; run < runs; run++) {
      for (const [ctx, ext] of [
        [b.context, true],
        [plainB.context, false],
      ] as const) {
        const page = await ctx.newPage();
        const trace = await startTrace<Ev>(page, [
          'disabled-by-default-devtools.timeline.invalidationTracking',
          'blink.user_timing',
        ]);
        await page.goto(pages.url(url), { waitUntil: 'load' });
        if (ext) await waitForRuby(page);
        await page.waitForTimeout(3000);
        const events = (await trace.stop()) as Ev[];
        await page.close();
        const th = busiestRendererThread(events)!;
        const tasks = events.filter(
          (e) =>
            e.pid === th.pid && e.tid === th.tid && e.ph === 'X' && e.name === 'RunTask' && e.dur != null,
        );
        const cpu = tasks.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
        sums[ext ? 'ext' : 'plain'].push(cpu);
        if (ext) {
          const from = readerStart(events)?.ts ?? 0;
          sums.longest.push(Math.max(...tasks.filter((e) => e.ts >= from).map((e) => (e.tdur ?? 0) / 1000)));
          sums.layouts.push(
            events.filter(
              (e) =>
                e.pid === th.pid &&
                e.tid === th.tid &&
                e.name === 'Layout' &&
                e.ts >= from &&
                (e.tdur ?? 0) > 10000,
            ).length,
          );
        }
      }
    }
    const med = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
    console.log(
      `thread time with ${sums.ext.map((x) => x.toFixed(0)).join(', ')} ms; without ${sums.plain.map((x) => x.toFixed(0)).join(', ')} ms; ratio of medians ${(med(sums.ext) / med(sums.plain)).toFixed(2)}`,
    );
    console.log(
      `longest task after the reader (thread) ${sums.longest.map((x) => x.toFixed(1)).join(', ')} ms; layouts over 10 ms ${sums.layouts.join(', ')}`,
    );
    await plainB.close();
    await b.close();
    await pages.server.close();
    return;
  }
  try {
    for (let run = 0; run < runs; run++) {
      const page = await b.context.newPage();
      const trace = await startTrace<Ev>(
        page,
        process.env.NO_INVALIDATIONS
          ? ['blink.user_timing']
          : ['disabled-by-default-devtools.timeline.invalidationTracking', 'blink.user_timing'],
      );
      await page.goto(pages.url(url), { waitUntil: 'load' });
      await waitForRuby(page);
      await page.waitForTimeout(3000);
      const events = (await trace.stop()) as Ev[];
      await page.close();
      const th = busiestRendererThread(events)!;
      const mine = events.filter(
        (e) => e.pid === th.pid && e.tid === th.tid && e.ph === 'X' && e.dur != null,
      );
      const reader = readerStart(events);
      const from = reader?.ts ?? 0;
      const tasks = mine.filter((e) => e.name === 'RunTask');
      const total = tasks.reduce((n, e) => n + e.dur!, 0) / 1000;
      const cpu = tasks.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
      const cpuAfter = tasks.filter((e) => e.ts >= from).reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
      const after = tasks.filter((e) => e.ts >= from);
      console.log(
        `\n=== run ${run + 1}: ${tasks.length} tasks, ${total.toFixed(0)} ms (thread ${cpu.toFixed(0)}, after reader ${cpuAfter.toFixed(0)}); from reader start ${after.length} tasks ${(after.reduce((n, e) => n + e.dur!, 0) / 1000).toFixed(0)} ms`,
      );
      // Totals by kind: top-level children of tasks (self-time-ish, first level only).
      const kinds = new Map<string, number>();
      for (const t of tasks) {
        const inner = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
        for (const e of inner) {
          if (
            ![
              'UpdateLayoutTree',
              'Layout',
              'Paint',
              'PrePaint',
              'Layerize',
              'ParseHTML',
              'EvaluateScript',
              'FunctionCall',
              'V8.GC_SCAVENGER',
              'MinorGC',
              'MajorGC',
              'ParseAuthorStyleSheet',
              'HitTest',
              'IntersectionObserverController::computeIntersections',
              'UpdateLayer',
              'Commit',
            ].includes(e.name)
          )
            continue;
          kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
        }
      }
      console.log(
        '  by kind (nested counted again):',
        [...kinds]
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(', '),
      );
      const t0 = tasks[0]?.ts ?? 0;
      for (const t of tasks.filter((t) => (t.tdur ?? t.dur!) > 10000)) {
        console.log(
          `  task at ${((t.ts - t0) / 1000).toFixed(0)} ms ${t.ts >= from ? '(after reader)' : ''}: ${(t.dur! / 1000).toFixed(1)} ms (thread ${((t.tdur ?? 0) / 1000).toFixed(1)})`,
        );
        const inner = mine
          .filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && e.dur! > 1500)
          .sort((a, b) => a.ts - b.ts);
        const inv = events.filter(
          (e) =>
            e.name === 'LayoutInvalidationTracking' &&
            e.ts <= t.ts + t.dur! &&
            e.ts >= t.ts - 200000 &&
            e.pid === th.pid,
        );
        const reasons = new Map<string, number>();
        for (const e of inv) {
          const d = (e.args?.data ?? {}) as Record<string, unknown>;
          const st = (
            d.stackTrace as { functionName: string; lineNumber: number; columnNumber: number }[] | undefined
          )?.[0];
          const k = `${String(d.reason)} ${String(d.nodeName ?? '')} ${st ? `${st.functionName}@${st.lineNumber}:${st.columnNumber}` : ''}`;
          reasons.set(k, (reasons.get(k) ?? 0) + 1);
        }
        console.log(
          '     invalidations:',
          [...reasons]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 8)
            .map(([k, n]) => `${n}× ${k}`)
            .join(' | '),
        );
        for (const e of inner.slice(0, 25))
          console.log(
            `     +${((e.ts - t.ts) / 1000).toFixed(1)} ${(e.dur! / 1000).toFixed(1)} ms (thread ${((e.tdur ?? 0) / 1000).toFixed(1)}) ${label(e)}`,
          );
      }
    }
  } finally {
    await b.close();
    await pages.server.close();
  }
}

void main().then(() => process.exit(0));
