import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { BenchPages, ExtensionBrowser } from '../browser';
import { launchPlain, waitForRuby } from '../browser';
import { serveFolder } from '../../serve';
import { READER_CSS } from '../../../lib/dom/styles';
import { log } from '../stats';
import { startTrace } from '../trace';

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

/** Centres of `n` Han characters spread evenly over the page's ruby, in document order (page coordinates). */
function targets(page: Page, n: number): Promise<{ x: number; y: number }[]> {
  return page.evaluate((n) => {
    const rubies = [...document.querySelectorAll('dubao-t [data-py]')];
    const out: { x: number; y: number }[] = [];
    for (let i = 0; i < n; i++) {
      const ruby = rubies[Math.floor((i * rubies.length) / n)];
      const text = ruby.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const r = document.createRange();
      r.setStart(text, 0);
      r.setEnd(text, 1);
      const b = r.getBoundingClientRect();
      out.push({ x: b.left + b.width / 2 + scrollX, y: b.top + b.height / 2 + scrollY });
    }
    return out;
  }, n);
}

export interface HoverTimes {
  /** Move → the end of the commit of the frame that paints the card. */
  painted: number[];
  /** Move → that frame's animation frame callback (before its style, layout and paint). */
  frameStart: number[];
}

export function measureHover(b: ExtensionBrowser, pages: BenchPages, points = 200): Promise<HoverTimes> {
  return hoverRun(b.context, pages.url('newspaper.html'), points);
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
  const html = await page.evaluate(() => {
    document.querySelector('dubao-card')?.remove();
    return '<!doctype html>' + document.documentElement.outerHTML;
  });
  await page.close();
  const dir = mkdtempSync(join(tmpdir(), 'dubao-bench-floor-'));
  writeFileSync(join(dir, 'drawn.html'), html.replace('</head>', `<style>${READER_CSS}</style></head>`));
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

async function hoverRun(context: BrowserContext, url: string, points: number): Promise<HoverTimes> {
  const page = await context.newPage();
  await page.addInitScript(PROBES);
  await page.goto(url, { waitUntil: 'load' });
  await waitForRuby(page);
  // Render the whole page first, so that later scrolling adds no rendering work to the samples.
  await drawWholePage(page);
  await page.waitForTimeout(300);
  const spots = await targets(page, points);
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const samples: { move: number; shown: number }[] = [];
  let missed = 0;
  const trace = await startTrace(page);
  // One instant on both clocks: performance.now() in the page, microseconds in the trace.
  const syncNow = await page.evaluate(() => {
    const t = performance.now();
    console.timeStamp('dubao-bench-sync');
    return t;
  });
  let top = -1;
  for (const spot of spots) {
    // Keep the target on screen, scrolling only when it is off (scrolling closes the card).
    if (top < 0 || spot.y < top + 60 || spot.y > top + viewport.height - 60) {
      await page.evaluate((y) => scrollTo(0, y), Math.max(0, spot.y - 120));
      top = await page.evaluate(() => window.scrollY);
      await page.waitForTimeout(50);
    }
    // From a blank margin (the card closes), onto the character.
    await page.mouse.move(3, viewport.height / 2);
    await page.evaluate(() => (window as unknown as { __armHover(): Promise<void> }).__armHover());
    await page.mouse.move(spot.x, spot.y - top);
    const s = (await page.evaluate(
      () => (window as unknown as { __hover: Promise<Sample> }).__hover,
    )) as Sample;
    if (!s) missed++;
    else samples.push({ move: s.move, shown: s.shown });
  }
  const events = await trace.stop();
  await page.close();
  if (missed) log(`hover: ${missed} of ${spots.length} points showed no card (no word at that character)`);
  const sync = events.find(
    (e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string })?.message === 'dubao-bench-sync',
  );
  if (!sync) throw new Error('hover: the trace holds no sync stamp');
  const offset = sync.ts / 1000 - syncNow; // trace ms = page ms + offset
  const thread = { pid: sync.pid, tid: sync.tid };
  const commitEnds = events
    .filter((e) => e.name === 'Commit' && e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid)
    .map((e) => (e.ts + (e.dur ?? 0)) / 1000 - offset)
    .sort((a, b) => a - b);
  const painted: number[] = [];
  for (const s of samples) {
    const end = commitEnds.find((t) => t >= s.shown);
    if (end === undefined) throw new Error('hover: no commit after a frame that showed the card');
    painted.push(end - s.move);
  }
  return { painted, frameStart: samples.map((s) => s.shown - s.move) };
}
