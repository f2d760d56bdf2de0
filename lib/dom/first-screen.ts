import { collectRuns } from './runs';

/**
 * Until the reader first scrolls, only blocks this near the screen are drawn: what a page shows at load is asked for
 * in one request, and the rest of the margin waits for the first scroll (each commit re-lays out all the text it flows
 * with, a whole article in columns, so drawing what nobody sees yet at load costs the page its first seconds).
 */
export const LOAD_MARGIN_PX = 150;

/** At most this many blocks' views are asked for in one request. */
export const VIEWS_BATCH = 200;

/** Whether a block's box (viewport coordinates) is on the screen or within `margin` of it, and laid out at all. */
export function nearScreen(r: DOMRectReadOnly, margin: number): boolean {
  return r.bottom >= -margin && r.top <= innerHeight + margin && (r.width > 0 || r.height > 0);
}

/**
 * The texts of the blocks the reader will ask views for first, in its order: every run of the page (as the reader
 * collects them) on or near the screen at its start. The full detector sends them with its verdict, so the
 * background builds their views while reader.js is injected and evaluated; the reader's own request then finds them
 * built. A page that changes in between only makes the reader's request a plain one.
 */
export function firstScreenTexts(root: Element | Document): string[] {
  const out: string[] = [];
  for (const run of collectRuns(root)) {
    if (!nearScreen(run.block.getBoundingClientRect(), LOAD_MARGIN_PX)) continue;
    out.push(run.text);
    if (out.length === VIEWS_BATCH) break;
  }
  return out;
}
