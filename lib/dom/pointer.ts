/** From a point on the screen to a character of a run, and from a span of a run back to a DOM Range. */
import type { Run } from './runs';
import { partOf, type Part, type RenderedRun } from './render';

interface Caret {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): Caret | null {
  const d = doc as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?(x: number, y: number): Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** The caret sits between characters; the character under the pointer is the one whose box holds the point. */
function charUnder(doc: Document, node: Text, offset: number, x: number, y: number): number | null {
  for (const o of [offset, offset - 1]) {
    if (o < 0 || o >= node.data.length) continue;
    const r = doc.createRange();
    r.setStart(node, o);
    r.setEnd(node, o + 1);
    for (const b of r.getClientRects()) {
      if (x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1) return o;
    }
  }
  return null;
}

export interface RunHit {
  run: Run;
  offset: number;
}

/**
 * The run and offset under a point, over drawn text (ruby or converted) and plain page text alike. `runs` finds
 * the run of a plain text node; drawn text knows its own run.
 */
/**
 * Over a drawn word box, a browser may give the box itself as the caret's node (Firefox does for a point in a flex
 * box): the character under the point is then looked for in the word's own text.
 */
function charInWord(doc: Document, el: Element, x: number, y: number): { node: Text; at: number } | null {
  const word = el.closest('dubao-w');
  if (!word) return null;
  const walker = doc.createTreeWalker(word, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    for (let o = 0; o < t.data.length; o++) if (charUnder(doc, t, o, x, y) === o) return { node: t, at: o };
  }
  return null;
}

export function runOffsetAt(x: number, y: number, doc: Document, runs?: Iterable<Run>): RunHit | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  let node: Text;
  let at: number | null;
  if (caret.node.nodeType === 3) {
    node = caret.node as Text;
    at = charUnder(doc, node, caret.offset, x, y);
  } else if (caret.node.nodeType === 1) {
    const hit = charInWord(doc, caret.node as Element, x, y);
    if (!hit) return null;
    ({ node, at } = hit);
  } else return null;
  if (at == null) return null;
  const drawn = partOf(node.parentElement);
  if (drawn) {
    const { part, rendered } = drawn;
    if (!part.aligned) return { run: rendered.run, offset: part.start };
    let before = 0;
    for (const t of part.texts) {
      if (t === node) break;
      before += t.data.length;
    }
    return { run: rendered.run, offset: Math.min(part.end - 1, part.start + before + at) };
  }
  if (!runs) return null;
  for (const run of runs) {
    for (const p of run.pieces) {
      if (p.node === node && at >= p.nodeOffset && at < p.nodeOffset + (p.end - p.start)) {
        return { run, offset: p.start + at - p.nodeOffset };
      }
    }
  }
  return null;
}

function pointInPart(part: Part, offset: number, atEnd: boolean): Caret | null {
  if (!part.texts.length) return null;
  if (!part.aligned) {
    const last = part.texts[part.texts.length - 1];
    return atEnd && offset >= part.end
      ? { node: last, offset: last.data.length }
      : { node: part.texts[0], offset: 0 };
  }
  let left = offset - part.start;
  for (const t of part.texts) {
    if (left < t.data.length || (atEnd && left === t.data.length)) return { node: t, offset: left };
    left -= t.data.length;
  }
  const last = part.texts[part.texts.length - 1];
  return { node: last, offset: last.data.length };
}

function point(
  run: Run,
  rendered: RenderedRun | null | undefined,
  offset: number,
  atEnd: boolean,
): Caret | null {
  if (rendered && rendered.parts.length) {
    for (const part of rendered.parts) {
      const inside = atEnd
        ? offset > part.start && offset <= part.end
        : offset >= part.start && offset < part.end;
      if (inside) return pointInPart(part, offset, atEnd);
    }
    return null;
  }
  for (const p of run.pieces) {
    const inside = atEnd ? offset > p.start && offset <= p.end : offset >= p.start && offset < p.end;
    if (inside) return { node: p.node, offset: p.nodeOffset + offset - p.start };
  }
  return null;
}

/** A Range over [start, end) of the run as it is shown now (drawn or plain), for highlights and card placement. */
export function rangeForRunSpan(
  run: Run,
  start: number,
  end: number,
  rendered?: RenderedRun | null,
): Range | null {
  const a = point(run, rendered, start, false);
  const b = point(run, rendered, end, true);
  if (!a || !b) return null;
  const doc = a.node.ownerDocument;
  if (!doc) return null;
  const r = doc.createRange();
  try {
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return r;
}

/**
 * The boxes of the characters in `range`, one per line: the text nodes' own boxes (never the pinyin over them,
 * which is drawn from attributes and has no text node), joined where they sit side by side on a line.
 */
export function textBoxes(range: Range): DOMRect[] {
  const doc = range.startContainer.ownerDocument;
  if (!doc) return [];
  const root = range.commonAncestorContainer;
  const rects: DOMRect[] = [];
  const add = (node: Text) => {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end <= start) return;
    const r = doc.createRange();
    r.setStart(node, start);
    r.setEnd(node, end);
    for (const b of r.getClientRects()) if (b.width > 0 && b.height > 0) rects.push(b);
  };
  if (root.nodeType === 3) add(root as Text);
  else {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) add(n as Text);
  }
  const lines: DOMRect[] = [];
  for (const b of rects) {
    const last = lines[lines.length - 1];
    const sameLine = last && Math.abs(last.top - b.top) < 1 && Math.abs(last.bottom - b.bottom) < 1;
    if (sameLine && b.left <= last.right + 1 && b.right >= last.left - 1) {
      const left = Math.min(last.left, b.left);
      lines[lines.length - 1] = new DOMRect(
        left,
        last.top,
        Math.max(last.right, b.right) - left,
        last.height,
      );
    } else lines.push(new DOMRect(b.left, b.top, b.width, b.height));
  }
  return lines;
}
