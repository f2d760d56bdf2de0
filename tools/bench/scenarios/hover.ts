import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { BenchPages, ExtensionBrowser } from '../browser';
import { drawnPageHtml, launchPlain, waitForRuby } from '../browser';
import { serveFolder } from '../../serve';
import { log } from '../stats';
import { startTrace, type TraceEvent } from '../trace';

/**
 * Page-side probes. The card lives in a closed shadow root, so the page cannot see its content; but its host, an
 * element of the document, carries `data-open` from the same synchronous step that fills and places the card.
 * So: note the timeStamp of the mousemove the page receives (same clock as performance.now()), then check at
 * every animation frame whether the host is open. Animation frame callbacks run just before the frame's style,
 * layout and paint, with no task in between, so the first frame whose callback sees it open is the frame that
 * paints the card. (The frame's own timestamp, the rAF argument, is not used: in headless Chromium it can be
 * earlier than the move that the frame handles, which gave negative latencies.)
 *
 * "Painted" is the end of that frame's main-thread work: its commit to the compositor, found in a Chromium
 * trace recorded over the run (the first Commit of the page's main thread that ends after the callback). Taking
 * the callback itself as the end, as this bench once did, leaves out the frame's style, layout and paint, which
 * on a page with pinyin was up to 10 ms, and favoured work done after the callback over work done before it.
 *
 * (An earlier version polled with a MessageChannel between frames and took the frame after; when the card was
 * filled synchronously within the input task, Chromium ran the frame before the poll's next task, so the probe
 * saw the card one or two frames after it was painted and over-reported by 20–40 ms.)
 */
const PROBES = `(() => {
  const w = window;
  w.__lastMove = 0;
  // The card's host, kept once found: a selector query walks the whole document, over a millisecond on the
  // drawn sample page, and ran inside the frame being timed.
  const hosts = document.getElementsByTagName('dubao-card');
  let host = null;
  const open = () => {
    if (!host || !host.isConnected) host = hosts[0] ?? null;
    return !!host && host.hasAttribute('data-open');
  };
  addEventListener('mousemove', (e) => { w.__lastMove = e.timeStamp; }, { capture: true, passive: true });
  // Waits until the page has not changed for quietMs (the reader drawing or undrawing blocks after a scroll), or
  // maxMs: a hover sample must time the hover, not the drawing a scroll started. The card's host is left out.
  w.__settled = (quietMs, maxMs) => new Promise((done) => {
    const end = performance.now() + maxMs;
    let last = performance.now();
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        if (!t || !t.closest('dubao-card')) { last = performance.now(); return; }
      }
    });
    mo.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
    const check = () => {
      const now = performance.now();
      if (now - last >= quietMs || now > end) { mo.disconnect(); done(now - last >= quietMs); }
      else setTimeout(check, 25);
    };
    setTimeout(check, 25);
  });
  // The targets: one Han character each, kept as (block, index of the character in the block's own text), so that
  // a block drawn again (its ruby replaced) or moved by drawing above it is found where it is at the time of the move.
  const ownText = (block) => {
    const out = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => n.parentElement && n.parentElement.closest('rt, rp, dubao-card') ? 2 : 1,
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
    return out;
  };
  const blockOf = (el) => {
    for (let e = el; e; e = e.parentElement) if (!getComputedStyle(e).display.startsWith('inline') && e.tagName !== 'RUBY') return e;
    return document.body;
  };
  w.__targets = [];
  w.__pickTargets = (n) => {
    const rubies = [...document.querySelectorAll('dubao-t [data-py]')];
    for (let i = 0; i < n; i++) {
      const ruby = rubies[Math.floor((i * rubies.length) / n)];
      const first = ruby && ruby.firstChild;
      if (!first || first.nodeType !== 3) continue;
      const block = blockOf(ruby);
      let index = 0;
      for (const t of ownText(block)) { if (t === first) break; index += t.data.length; }
      w.__targets.push({ block, index });
    }
    return w.__targets.length;
  };
  const han = /\\p{Script=Han}/u;
  const rangeOf = (k) => {
    const { block, index } = w.__targets[k];
    let left = index;
    for (const t of ownText(block)) {
      if (left < t.data.length) {
        const r = document.createRange();
        r.setStart(t, left);
        r.setEnd(t, left + 1);
        return r;
      }
      left -= t.data.length;
    }
    return null;
  };
  // The target's centre in the viewport now, and whether it is a Han character.
  w.__locate = (k) => {
    const r = rangeOf(k);
    if (!r) return null;
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, han: han.test(r.toString()) };
  };
  // What is under a point that showed no card.
  w.__whyNone = (x, y) => {
    const c = document.caretRangeFromPoint(x, y);
    const t = c && c.startContainer;
    if (!t || t.nodeType !== 3) return 'no text under the point';
    const ch = t.data.charAt(c.startOffset) || t.data.charAt(c.startOffset - 1);
    return han.test(ch) ? 'a Han character (' + ch + ') under the point, but no card' : 'no Han character under the point (' + JSON.stringify(ch) + ')';
  };
  // Waits for the card of the previous point to be gone, then watches for the next one.
  w.__armHover = () => new Promise((armed) => {
    const until = performance.now() + 3000;
    const idle = () =>
      open() && performance.now() < until ? setTimeout(idle, 1) : armed();
    idle();
  }).then(() => {
    w.__hover = new Promise((resolve) => {
      const deadline = performance.now() + 3000;
      const check = () => {
        if (open()) resolve({ move: w.__lastMove, shown: performance.now() });
        else if (performance.now() > deadline) resolve(null);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
})();`;

type Sample = { move: number; shown: number } | null;

export interface HoverTimes {
  /** Move → the end of the commit of the frame that paints the card. */
  painted: number[];
  /** Move → that frame's animation frame callback (before its style, layout and paint). */
  frameStart: number[];
  /** Per sample, in the order taken: what the main thread did between the move and that commit. */
  detail: SampleDetail[];
  /** Points that showed no card, with what was under the pointer. */
  missed: { point: number; why: string }[];
}

export interface SampleDetail {
  point: number;
  /** The bench scrolled to bring this point on screen (then waited for drawing to settle). */
  afterScroll: boolean;
  painted: number;
  /** The mousemove handlers' dispatch: wall and the thread's own CPU (ms). */
  handlerMs: number;
  handlerCpuMs: number;
  /** Inside the handlers: style recalculation and layout, the thread's CPU (ms). */
  handlerStyleCpuMs: number;
  handlerLayoutCpuMs: number;
  /** The frame's style, layout, paint and commit after its animation frame callback, the thread's CPU (ms). */
  frameCpuMs: number;
  /** The move and the end of the commit, on the trace's clock (µs). */
  moveTs: number;
  commitEndTs: number;
  /** Wall time of the other tasks of the main thread between the move and the commit (ms). */
  otherTasksMs: number;
  /** The frame's own rendering work after the animation frame callback: style, layout, paint and commit (ms). */
  frameMs: number;
}

/** For tools that look closer (tmp scripts): more trace categories, and the trace itself. */
export interface HoverTraceOptions {
  categories?: readonly string[];
  onTrace?(events: TraceEvent[], detail: SampleDetail[]): void;
}

export function measureHover(
  b: ExtensionBrowser,
  pages: BenchPages,
  points = 200,
  opts: HoverTraceOptions = {},
): Promise<HoverTimes> {
  return hoverRun(b.context, pages.url('newspaper.html'), points, opts);
}

/**
 * A trivial hover card, for the floor: on a move over a Han character, a fixed box in a closed shadow root gets a
 * line of text and is placed under it (one forced layout, as ours); elsewhere it goes. No lookup, no tint.
 */
const FLOOR_CARD = `addEventListener('DOMContentLoaded', () => {
  const host = document.createElement('dubao-card');
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'closed' });
  const card = document.createElement('div');
  card.style.cssText = 'position: fixed; background: #fffdf7; border: 1px solid #ccc; padding: 10px; font: 14px system-ui; max-width: 360px';
  document.documentElement.append(host);
  addEventListener('mousemove', (e) => {
    const r = document.caretRangeFromPoint(e.clientX, e.clientY);
    const t = r && r.startContainer;
    let hit = false;
    if (t && t.nodeType === 3 && /\\p{Script=Han}/u.test(t.data.charAt(r.startOffset))) {
      r.setEnd(t, r.startOffset + 1);
      const b = r.getBoundingClientRect();
      hit = e.clientX >= b.left && e.clientX <= b.right && e.clientY >= b.top && e.clientY <= b.bottom;
    }
    if (!hit) { card.remove(); host.removeAttribute('data-open'); return; }
    card.textContent = t.data.charAt(r.startOffset) + ': a definition of the word, some words long; another sense.';
    if (!card.isConnected) root.append(card);
    const b = r.getBoundingClientRect();
    card.getBoundingClientRect();
    card.style.transform = 'translate(' + b.left + 'px, ' + (b.bottom + 6) + 'px)';
    host.setAttribute('data-open', '');
  }, { passive: true });
});`;

/**
 * The browser's own floor for the same figure: the sample page as the reader leaves it once fully drawn (its
 * markup and the reader's CSS, saved as a static page), in Chromium without the extension, with the trivial card
 * above. What the reader adds to hover latency is the difference.
 */
export async function measureHoverFloor(
  b: ExtensionBrowser,
  pages: BenchPages,
  points = 200,
): Promise<HoverTimes> {
  const page = await b.context.newPage();
  await page.goto(pages.url('newspaper.html'), { waitUntil: 'load' });
  await waitForRuby(page);
  await drawWholePage(page);
  const html = await drawnPageHtml(page);
  await page.close();
  const dir = mkdtempSync(join(tmpdir(), 'dubao-bench-floor-'));
  writeFileSync(join(dir, 'drawn.html'), html);
  const server = await serveFolder(dir);
  const plain = await launchPlain();
  try {
    await plain.context.addInitScript(FLOOR_CARD);
    return await hoverRun(plain.context, `${server.url}/drawn.html`, points);
  } finally {
    await plain.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Scrolls through the page so the reader draws all of it, then back to the top. */
async function drawWholePage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
      scrollTo(0, y);
      await new Promise((ok) => {
        // Two frames, or a quarter second if frames stall.
        const t = setTimeout(ok, 250);
        requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(t), ok(null))));
      });
    }
    scrollTo(0, 0);
  });
}

/** How long the page must not change before a point is hovered (drawing after a scroll), and at most how long. */
const SETTLE_QUIET_MS = 300;
const SETTLE_MAX_MS = 5000;

const w = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    ([fn, args]) =>
      (window as unknown as Record<string, (...a: unknown[]) => unknown>)[fn as string](
        ...(args as unknown[]),
      ),
    [fn, args] as const,
  ) as Promise<T>;

async function hoverRun(
  context: BrowserContext,
  url: string,
  points: number,
  opts: HoverTraceOptions = {},
): Promise<HoverTimes> {
  const page = await context.newPage();
  await page.addInitScript(PROBES);
  await page.goto(url, { waitUntil: 'load' });
  await waitForRuby(page);
  // Render the whole page first, so that later scrolling adds as little rendering work to the samples as it can.
  await drawWholePage(page);
  const picked = await w<number>(page, '__pickTargets', points);
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const samples: { point: number; afterScroll: boolean; move: number; shown: number }[] = [];
  const missed: { point: number; why: string }[] = [];
  let unsettled = 0;
  const trace = await startTrace(page, opts.categories);
  // One instant on both clocks: performance.now() in the page, microseconds in the trace.
  const syncNow = await page.evaluate(() => {
    const t = performance.now();
    console.timeStamp('dubao-bench-sync');
    return t;
  });
  // The reader draws what came near after drawWholePage's last scroll: not part of any hover.
  if (!(await w<boolean>(page, '__settled', SETTLE_QUIET_MS, SETTLE_MAX_MS))) unsettled++;
  for (let k = 0; k < picked; k++) {
    let at = await w<{ x: number; y: number; han: boolean } | null>(page, '__locate', k);
    if (!at) {
      missed.push({ point: k, why: 'the target character is gone from its block' });
      continue;
    }
    // Keep the target on screen, scrolling only when it is off (scrolling closes the card); then wait until the
    // reader has drawn what the scroll brought near, and find the character again (drawing above it moves it).
    const afterScroll = at.y < 60 || at.y > viewport.height - 60;
    if (afterScroll) {
      await page.evaluate((dy) => scrollBy(0, dy), at.y - 120);
      if (!(await w<boolean>(page, '__settled', SETTLE_QUIET_MS, SETTLE_MAX_MS))) unsettled++;
      at = await w<{ x: number; y: number; han: boolean } | null>(page, '__locate', k);
      if (!at || at.y < 10 || at.y > viewport.height - 10) {
        missed.push({ point: k, why: 'the target character is not on screen after scrolling to it' });
        continue;
      }
    }
    // From a blank margin (the card closes), onto the character.
    await page.mouse.move(3, viewport.height / 2);
    await page.evaluate(() => (window as unknown as { __armHover(): Promise<void> }).__armHover());
    await page.mouse.move(at.x, at.y);
    const s = (await page.evaluate(
      () => (window as unknown as { __hover: Promise<Sample> }).__hover,
    )) as Sample;
    if (s) samples.push({ point: k, afterScroll, move: s.move, shown: s.shown });
    else missed.push({ point: k, why: await w<string>(page, '__whyNone', at.x, at.y) });
  }
  const events = await trace.stop();
  await page.close();
  if (unsettled) log(`hover: the page was still changing after ${SETTLE_MAX_MS} ms at ${unsettled} waits`);
  if (missed.length) {
    const why = new Map<string, number>();
    for (const m of missed) {
      const key = m.why.replace(/ \(.*\)/, '');
      why.set(key, (why.get(key) ?? 0) + 1);
    }
    log(
      `hover: ${missed.length} of ${picked} points showed no card, not counted: ` +
        [...why].map(([k, n]) => `${n} × ${k}`).join('; '),
    );
  }
  const sync = events.find(
    (e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string })?.message === 'dubao-bench-sync',
  );
  if (!sync) throw new Error('hover: the trace holds no sync stamp');
  const offset = sync.ts / 1000 - syncNow; // trace ms = page ms + offset
  const thread = { pid: sync.pid, tid: sync.tid };
  const mine = events.filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid);
  const commitEnds = mine
    .filter((e) => e.name === 'Commit')
    .map((e) => (e.ts + (e.dur ?? 0)) / 1000 - offset)
    .sort((a, b) => a - b);
  const tasks = mine.filter((e) => e.name === 'RunTask');
  const moves = mine.filter(
    (e) => e.name === 'EventDispatch' && (e.args?.data as { type?: string })?.type === 'mousemove',
  );
  const ms = (e: TraceEvent) => ({ from: e.ts / 1000 - offset, to: (e.ts + (e.dur ?? 0)) / 1000 - offset });
  const painted: number[] = [];
  const detail: SampleDetail[] = [];
  for (const s of samples) {
    const end = commitEnds.find((t) => t >= s.shown);
    if (end === undefined) throw new Error('hover: no commit after a frame that showed the card');
    painted.push(end - s.move);
    const handlers = moves.filter((e) => ms(e).from >= s.move - 0.5 && ms(e).from <= end);
    const handlerTasks = new Set(
      handlers.map((h) => tasks.find((t) => t.ts <= h.ts && t.ts + (t.dur ?? 0) >= h.ts + (h.dur ?? 0))),
    );
    const frameTask = tasks.find((t) => ms(t).from <= s.shown && ms(t).to >= s.shown);
    const other = tasks.filter(
      (t) => !handlerTasks.has(t) && t !== frameTask && ms(t).to > s.move && ms(t).from < end,
    );
    const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
    const inside = (name: string) =>
      mine
        .filter((e) => e.name === name && handlers.some((h) => e.ts >= h.ts && e.ts < h.ts + (h.dur ?? 0)))
        .reduce((n, e) => n + cpu(e), 0);
    const frameCpuMs = mine
      .filter((e) => FRAME_WORK.has(e.name) && ms(e).from >= s.shown && ms(e).from <= end)
      .reduce((n, e) => n + cpu(e), 0);
    detail.push({
      moveTs: (s.move + offset) * 1000,
      commitEndTs: (end + offset) * 1000,
      handlerStyleCpuMs: inside('UpdateLayoutTree'),
      handlerLayoutCpuMs: inside('Layout'),
      frameCpuMs,
      point: s.point,
      afterScroll: s.afterScroll,
      painted: end - s.move,
      handlerMs: handlers.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000,
      handlerCpuMs: handlers.reduce((n, e) => n + (e.tdur ?? e.dur ?? 0), 0) / 1000,
      otherTasksMs: other.reduce((n, t) => n + Math.min(ms(t).to, end) - Math.max(ms(t).from, s.move), 0),
      frameMs: end - s.shown,
    });
  }
  logTail(detail);
  opts.onTrace?.(events, detail);
  return { painted, frameStart: samples.map((s) => s.shown - s.move), detail, missed };
}

/** A frame's own rendering steps (not nested in one another). */
const FRAME_WORK = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

/** Where the slowest samples' time went: the handler, other tasks in between (drawing, answers), the frame. */
function logTail(detail: SampleDetail[]): void {
  const p = (xs: number[], q: number) => {
    const v = [...xs].sort((a, b) => a - b);
    return v.length ? v[Math.min(v.length - 1, Math.floor((q / 100) * v.length))] : NaN;
  };
  const f = (x: number) => x.toFixed(1);
  const scrolled = detail.filter((d) => d.afterScroll).map((d) => d.painted);
  const still = detail.filter((d) => !d.afterScroll).map((d) => d.painted);
  log(
    `  first move after a scroll: ${scrolled.length} samples, p50 ${f(p(scrolled, 50))} p95 ${f(p(scrolled, 95))}; ` +
      `others: ${still.length}, p50 ${f(p(still, 50))} p95 ${f(p(still, 95))} ms`,
  );
  log(
    `  handler CPU p50 ${p(
      detail.map((d) => d.handlerCpuMs),
      50,
    ).toFixed(2)} p90 ${p(
      detail.map((d) => d.handlerCpuMs),
      90,
    ).toFixed(2)} ms; frame work after its callback p50 ${f(
      p(
        detail.map((d) => d.frameMs),
        50,
      ),
    )} ms`,
  );
  const q = (k: keyof SampleDetail) => {
    const xs = detail.map((d) => d[k] as number);
    return `${p(xs, 50).toFixed(2)}/${p(xs, 90).toFixed(2)}`;
  };
  log(
    `  CPU p50/p90 ms: handler ${q('handlerCpuMs')} (style ${q('handlerStyleCpuMs')}, layout ` +
      `${q('handlerLayoutCpuMs')}); frame after its callback ${q('frameCpuMs')}`,
  );
  const slow = [...detail].sort((a, b) => b.painted - a.painted).slice(0, 10);
  log(
    '  slowest: ' +
      slow
        .map(
          (d) =>
            `#${d.point}${d.afterScroll ? 's' : ''} ${f(d.painted)} (handler ${f(d.handlerMs)}/${f(d.handlerCpuMs)} cpu, ` +
            `other tasks ${f(d.otherTasksMs)}, frame ${f(d.frameMs)})`,
        )
        .join('; '),
  );
}
