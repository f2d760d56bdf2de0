import { isHan } from '../text/han';

/** A block of the page as the prefetch sees it: its text and where it is on the screen now. */
export interface PrefetchBlock {
  text: string;
  top: number;
  bottom: number;
}

/** Characters of page text a lookup is asked for: the longest dictionary word or term is shorter. */
export const LOOKUP_SPAN = 16;

/**
 * The lookups to prefetch, in the order the reader is likely to need them: blocks on the screen first (nearest
 * the middle first), then the nearest above and below it; within a block, character by character. One key per
 * Han character (its text and the next LOOKUP_SPAN − 1 units), duplicates once, at most `limit` keys.
 */
export function prefetchOrder(
  blocks: readonly PrefetchBlock[],
  viewportHeight: number,
  limit: number,
): string[] {
  const mid = viewportHeight / 2;
  const near = blocks
    .map((b) => {
      const off = b.bottom < 0 ? -b.bottom : b.top > viewportHeight ? b.top - viewportHeight : 0;
      return { b, off, mid: Math.abs((b.top + b.bottom) / 2 - mid) };
    })
    .sort((x, y) => x.off - y.off || x.mid - y.mid);
  const order = new Set<string>();
  for (const { b } of near) {
    const text = b.text;
    for (let i = 0; i < text.length && order.size < limit; i++) {
      const cp = text.codePointAt(i)!;
      if (isHan(cp)) order.add(text.slice(i, i + LOOKUP_SPAN));
      if (cp > 0xffff) i++;
    }
  }
  return [...order];
}
