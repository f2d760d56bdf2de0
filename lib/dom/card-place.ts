/**
 * Where the hover card goes: beside, below or above the word, wherever it covers the least of the text being read,
 * never over the line being read (the word's line with its pinyin), and inside the frame. Pure geometry, in viewport
 * coordinates.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Set when the card is taller than the room it gets: it scrolls inside, its buttons stay in the frame. */
  maxHeight?: number;
  side: 'below' | 'above' | 'right' | 'left';
}

const GAP = 6;
const EDGE = 4;
/** The least height a card squeezed into a small frame keeps: its word, its first sense and its buttons. */
const MIN_HEIGHT = 96;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * @param size the card's size as laid out
 * @param line the word's box on its line, pinyin included (what the card must never cover)
 * @param text the boxes of the block being read (one a column fragment); the one holding the word weighs most
 * @param view the frame's viewport size
 */
export function placeCard(
  size: { width: number; height: number },
  line: Box,
  text: readonly Box[],
  view: { width: number; height: number },
): Placement {
  const { width, height } = size;
  const clampX = (x: number) => Math.max(EDGE, Math.min(x, view.width - width - EDGE));
  const clampY = (y: number) => Math.max(EDGE, Math.min(y, view.height - height - EDGE));
  const own = text.find(
    (b) => b.left <= line.right && b.right >= line.left && b.top <= line.bottom && b.bottom >= line.top,
  );
  const column = own ?? line;

  const candidates: Placement[] = [
    { side: 'below', left: clampX(line.left), top: line.bottom + GAP },
    { side: 'above', left: clampX(line.left), top: line.top - GAP - height },
    { side: 'right', left: column.right + 2 * GAP, top: clampY(line.top - 2 * GAP) },
    { side: 'left', left: column.left - 2 * GAP - width, top: clampY(line.top - 2 * GAP) },
  ];
  // Covering lines already read (above) costs less than covering those to come (below), where the reader's eyes
  // and pointer go next: a card below the word is in the pointer's way down the page.
  const weight = { below: 1, above: 0.5, right: 0.8, left: 0.8 };
  let best: Placement | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const box = { left: c.left, top: c.top, right: c.left + width, bottom: c.top + height };
    if (box.left < EDGE - 0.5 || box.right > view.width - EDGE + 0.5) continue;
    if (box.top < EDGE - 0.5 || box.bottom > view.height - EDGE + 0.5) continue;
    if (overlap(box, line) > 0) continue;
    let covered = 0;
    for (const t of text) covered += overlap(box, t) * (t === own ? 1 : 0.5);
    const score = covered * weight[c.side];
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (best) return best;

  // No room for the whole card (a small frame): the larger side of the line, the card scrolling inside it.
  const below = view.height - EDGE - (line.bottom + GAP);
  const above = line.top - GAP - EDGE;
  if (Math.max(below, above) >= MIN_HEIGHT) {
    return below >= above
      ? { side: 'below', left: clampX(line.left), top: line.bottom + GAP, maxHeight: below }
      : {
          side: 'above',
          left: clampX(line.left),
          top: line.top - GAP - Math.min(height, above),
          maxHeight: above,
        };
  }
  // Not even that: the whole frame, so its buttons can be reached.
  return { side: 'below', left: clampX(line.left), top: EDGE, maxHeight: view.height - 2 * EDGE };
}
