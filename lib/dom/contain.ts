/**
 * Layout and style containment on drawn blocks (issue 15, drawing cost). While the reader scrolls, each frame draws
 * a little more and takes far drawings out, so blocks change height and everything below them moves. Chromium
 * repaints whatever moves, so every frame re-recorded the whole cull rect of ruby words (Paint ~19 ms, PrePaint ~10,
 * Layerize ~8 a frame in the 100k walk). A box with both layout and style containment gets its own paint offset in
 * Chromium's property trees: when it moves only that offset changes, and its words keep their recorded paint.
 *
 * Containment is set by an attribute of ours on the page's block (`data-dubao-c`, read by READER_CSS in styles.ts)
 * and only where it changes nothing seen:
 * - layout containment makes the block a formatting context of its own (a paragraph beside a float stops wrapping
 *   round it, its children's margins stop collapsing through it, floats inside are enclosed), a containing block
 *   and stacking context for its descendants, and gives it no baseline: only a plain in-flow `display: block` box,
 *   no columns above it (a contained box is not split across them), no positioned, floated or z-indexed element of
 *   the page inside; and its box must be exactly where and as big as before once contained (read back, see
 *   `probeContainment`): a float beside it, a margin through it or an ancestor aligned on its baseline all move it;
 * - style containment scopes counters and quotes: no counter on the block, its ::before/::after or anything inside,
 *   no list item (its marker counts) and no <q> inside;
 * - the stacking context moves the block's paint to the phase of positioned boxes with z-index auto or 0, in tree
 *   order: a fixed or sticky box of that kind anywhere in the page (a header without z-index, scrolled over the text)
 *   or an absolute one over the block's box, earlier in the page, would then be painted under its text. None may be
 *   there (`overlays`, read at most every OVERLAYS_MS).
 * Nothing is clipped (no paint containment). Printing drops it (styles.ts). The attribute goes with the drawing.
 */

/** The attribute that contains a drawn block; READER_CSS styles it. */
export const CONTAIN_ATTR = 'data-dubao-c';

const FLOW = new Set(['block', 'flow-root', 'list-item']);

function noCounters(cs: CSSStyleDeclaration): boolean {
  return cs.counterIncrement === 'none' && cs.counterReset === 'none' && (cs.counterSet ?? 'none') === 'none';
}

function plainGenerated(el: Element, pseudo: string): boolean {
  const cs = getComputedStyle(el, pseudo);
  return (
    (cs.content === 'none' || cs.content === 'normal' || !/counter|quote/.test(cs.content)) && noCounters(cs)
  );
}

/**
 * Whether containing this block changes nothing by the rules above (its own box is read back later, in
 * `probeContainment`). Reads computed style only.
 */
export function containable(block: Element): block is HTMLElement {
  if (!(block instanceof HTMLElement) || !block.parentElement || block.hasAttribute(CONTAIN_ATTR))
    return false;
  const cs = getComputedStyle(block);
  if (
    (cs.display !== 'block' && cs.display !== 'flow-root') ||
    cs.position !== 'static' ||
    cs.float !== 'none' ||
    cs.contain !== 'none' ||
    cs.contentVisibility !== 'visible' ||
    !noCounters(cs) ||
    !plainGenerated(block, '::before') ||
    !plainGenerated(block, '::after')
  )
    return false;
  if (!FLOW.has(getComputedStyle(block.parentElement).display)) return false;
  for (let e: Element | null = block; e; e = e.parentElement) {
    const a = e === block ? cs : getComputedStyle(e);
    if (a.columnCount !== 'auto' || a.columnWidth !== 'auto') return false;
  }
  for (const e of block.querySelectorAll(':not(dubao-t, dubao-t *)')) {
    if (e.localName === 'q') return false;
    const d = getComputedStyle(e);
    if (
      d.position !== 'static' ||
      d.float !== 'none' ||
      d.zIndex !== 'auto' ||
      d.display === 'list-item' ||
      !noCounters(d) ||
      !plainGenerated(e, '::before') ||
      !plainGenerated(e, '::after')
    )
      return false;
  }
  return true;
}

/** How long a reading of the page's loose positioned boxes is trusted. */
const OVERLAYS_MS = 2000;
let overlays: { at: number; doc: Document; moving: boolean; boxes: { el: Element; r: DOMRect }[] } | null =
  null;

/**
 * The page's positioned boxes that paint in tree order with a contained block (absolute, fixed or sticky, z-index
 * auto or 0): whether one is fixed or sticky (it moves over the text as the page scrolls), and where the absolute ones
 * are. Ours are skipped. Reads style and layout: call it where both are clean.
 */
function looseOverlays(doc: Document): { moving: boolean; boxes: { el: Element; r: DOMRect }[] } {
  const now = performance.now();
  if (overlays && overlays.doc === doc && now - overlays.at < OVERLAYS_MS) return overlays;
  let moving = false;
  const boxes: { el: Element; r: DOMRect }[] = [];
  const root = doc.body ?? doc.documentElement;
  for (const el of root.querySelectorAll(':not(dubao-t, dubao-t *, dubao-card)')) {
    const cs = getComputedStyle(el);
    if (cs.position === 'static' || cs.position === 'relative') continue;
    if (cs.zIndex !== 'auto' && cs.zIndex !== '0') continue;
    if (cs.position === 'fixed' || cs.position === 'sticky') moving = true;
    else boxes.push({ el, r: onPage(el.getBoundingClientRect(), doc) });
  }
  overlays = { at: now, doc, moving, boxes };
  return overlays;
}

/** A box in the page's coordinates (the reading is kept while the page scrolls). */
function onPage(r: DOMRect, doc: Document): DOMRect {
  const w = doc.defaultView;
  return new DOMRect(r.x + (w?.scrollX ?? 0), r.y + (w?.scrollY ?? 0), r.width, r.height);
}

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.width > 0 && a.height > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const same = (a: DOMRect, b: DOMRect) =>
  Math.abs(a.left - b.left) < 0.5 &&
  Math.abs(a.top - b.top) < 0.5 &&
  Math.abs(a.width - b.width) < 0.5 &&
  Math.abs(a.height - b.height) < 0.5;

/**
 * Contains those of these blocks that containment leaves exactly where they are (`containable`, then each box read
 * without and with it; one that moved is let go at once, before any paint). Call it before the blocks are drawn: the
 * probe lays out their plain text, and the drawing is then laid out once, contained (containing a drawn block made
 * the browser lay all its words out again, +1 s over the 100k walk). Answers which were contained.
 */
export function probeContainment(blocks: Element[]): boolean[] {
  if (!blocks.length) return [];
  const before = blocks.map((b) => (containable(b) ? b.getBoundingClientRect() : null));
  const loose = before.some(Boolean) ? looseOverlays(blocks[0].ownerDocument) : null;
  if (loose?.moving) return blocks.map(() => false);
  const set = blocks.map((b, i) => {
    const r = before[i];
    if (!r || r.height <= 0) return false;
    // An absolute box over it, earlier in the page: painted over the text now, it would be painted under it.
    if (
      loose!.boxes.some(
        (o) =>
          overlaps(o.r, onPage(r, b.ownerDocument)) &&
          o.el.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING,
      )
    )
      return false;
    b.setAttribute(CONTAIN_ATTR, '');
    return true;
  });
  if (!set.some(Boolean)) return set;
  const after = blocks.map((b, i) => (set[i] ? b.getBoundingClientRect() : null));
  return set.map((s, i) => {
    if (!s) return false;
    if (same(before[i]!, after[i]!)) return true;
    blocks[i].removeAttribute(CONTAIN_ATTR);
    return false;
  });
}

/** Contains a block that `probeContainment` passed, as it is drawn (no change if it still is). */
export function contain(block: Element): void {
  if (!block.hasAttribute(CONTAIN_ATTR)) block.setAttribute(CONTAIN_ATTR, '');
}

/** Takes the block's containment off (its drawing is going), if it has any. */
export function uncontain(block: Element): void {
  if (block.hasAttribute(CONTAIN_ATTR)) block.removeAttribute(CONTAIN_ATTR);
}
