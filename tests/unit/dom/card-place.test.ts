import { describe, expect, it } from 'vitest';
import { placeCard, type Box } from '../../../lib/dom/card-place';

const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });
const intersects = (a: Box, b: Box) =>
  Math.min(a.right, b.right) > Math.max(a.left, b.left) &&
  Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
const cardBox = (p: { left: number; top: number; maxHeight?: number }, w: number, h: number) =>
  box(p.left, p.top, p.left + w, p.top + Math.min(h, p.maxHeight ?? h));

describe('placeCard', () => {
  const view = { width: 1280, height: 900 };
  const size = { width: 300, height: 240 };

  it('never covers the line being read, pinyin included, and stays in the frame', () => {
    for (const y of [10, 200, 450, 700, 860]) {
      const line = box(600, y, 640, y + 30);
      const p = placeCard(size, line, [box(100, 0, 1180, 900)], view);
      const c = cardBox(p, size.width, size.height);
      expect(intersects(c, line), `line at ${y}`).toBe(false);
      expect(c.top).toBeGreaterThanOrEqual(4);
      expect(c.bottom).toBeLessThanOrEqual(896);
    }
  });

  it('goes above the word in a long paragraph, over lines already read', () => {
    const p = placeCard(size, box(600, 450, 640, 480), [box(100, 100, 1180, 800)], view);
    expect(p.side).toBe('above');
  });

  it('goes beside a narrow column rather than over it', () => {
    const column = box(100, 0, 400, 900);
    const p = placeCard(size, box(200, 450, 240, 480), [column], view);
    expect(p.side).toBe('right');
    expect(intersects(cardBox(p, size.width, size.height), column)).toBe(false);
  });

  it('in a 200 px frame, keeps the card inside the frame, scrolling inside, clear of the line', () => {
    const small = { width: 400, height: 200 };
    const line = box(50, 20, 90, 50);
    const p = placeCard(size, line, [box(0, 0, 400, 200)], small);
    const c = cardBox(p, size.width, size.height);
    expect(p.maxHeight).toBeDefined();
    expect(c.top).toBeGreaterThanOrEqual(4);
    expect(c.bottom).toBeLessThanOrEqual(196);
    expect(intersects(c, line)).toBe(false);
  });
});
