/**
 * Runs: the text of one block of the page as one string, joined across inline elements and across the line
 * breaks of print layouts (PDF text layers, OCR), with a map back to the text nodes it came from.
 */
import { editableHere, inDesignMode } from './editable';

export interface Piece {
  node: Text;
  /** Range in the run text. */
  start: number;
  end: number;
  /** Where the piece starts in `node.data`. */
  nodeOffset: number;
}

export interface Run {
  block: Element;
  text: string;
  pieces: Piece[];
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'RUBY',
  'RT',
  'RP',
  'DUBAO-T',
  'DUBAO-CARD',
]);

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
]);

/** hOCR's ocr_line and the usual names of print-line wrappers: lines of one paragraph, not blocks of their own. */
const LINE_CLASS = /(^|[\s_-])(ln|line|lines|textline|ocr_line|ocrx_line)($|[\s_-])/i;

function skipped(el: Element): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('data-dubao-ui') || el.getAttribute('aria-hidden') === 'true') return true;
  if (editableHere(el)) return true; // the user's to edit: reader markup must never get into it
  return false;
}

function isBlock(el: Element): boolean {
  return BLOCK.has(el.tagName.toUpperCase()) && !LINE_CLASS.test(el.getAttribute('class') ?? '');
}

const HAN = /\p{Script=Han}/u;
// Characters between which a line break or layout space means nothing: Han, kana, CJK and full-width punctuation.
const CJK =
  /[\p{Script=Han}\u3000-\u303f\u3040-\u30ff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]/u;
const SPACE = /\s/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function spaceText(s: { data: string; offset: number; length: number }): string {
  return s.data.slice(s.offset, s.offset + s.length);
}

class Builder {
  text = '';
  pieces: Piece[] = [];
  /** Whitespace seen and not yet kept or dropped: it depends on the next visible character. */
  pendingSpace: { node: Text; data: string; offset: number; length: number } | null = null;
  /** A `<br>` came since the last visible character. */
  lineBroken = false;

  constructor(readonly block: Element) {}

  add(node: Text, data: string): void {
    let i = 0;
    while (i < data.length) {
      if (SPACE.test(data[i])) {
        let j = i;
        while (j < data.length && SPACE.test(data[j])) j++;
        if (!this.pendingSpace) this.pendingSpace = { node, data, offset: i, length: j - i };
        i = j;
        continue;
      }
      let j = i;
      while (j < data.length && !SPACE.test(data[j])) j++;
      this.flushSpace(data[i]);
      this.lineBroken = false;
      this.push(node, data, i, j);
      i = j;
    }
  }

  /**
   * Keeps one space between words: Latin ones, and Chinese ones the page itself set apart with a space (a headline's
   * 记忆自学 人工智能). Drops whitespace at the start, and a line break between CJK characters: that is the markup's
   * or the print's line, not the writer's space (体制机 / 制). Only the run text (what is segmented) leaves it out;
   * the drawing shows every character of the page, dropped ones included.
   */
  private flushSpace(next: string): void {
    const s = this.pendingSpace;
    this.pendingSpace = null;
    if (!s || this.text.length === 0) return;
    const prev = this.text[this.text.length - 1];
    if (CJK.test(prev) && CJK.test(next) && (this.lineBroken || LINE_BREAK.test(spaceText(s)))) {
      this.lineBroken = false;
      return;
    }
    this.lineBroken = false;
    this.push(s.node, s.data, s.offset, s.offset + 1);
  }

  private push(node: Text, data: string, from: number, to: number): void {
    const last = this.pieces[this.pieces.length - 1];
    const start = this.text.length;
    this.text += data.slice(from, to);
    if (last && last.node === node && last.nodeOffset + (last.end - last.start) === from) {
      last.end = this.text.length;
    } else {
      this.pieces.push({ node, start, end: this.text.length, nodeOffset: from });
    }
  }

  /**
   * A `<br>` ends a printed line. Print lines cut words (体制机 / 制), so nothing is inserted: Han characters join,
   * and whitespace around the break is judged by the characters on both sides, like any other whitespace.
   */
  lineBreak(): void {
    this.lineBroken = true;
  }
}

/** How a walk reads the page. */
interface Walk {
  builders: Map<Element, Builder>;
  /** The text of a node as the page wrote it (a node the reader drew is empty in the DOM). */
  textOf: (node: Text) => string;
  /** Only this block's own text: blocks inside it are left to their own runs. */
  own?: Element;
}

function walk(node: Node, block: Element, w: Walk): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      let b = w.builders.get(block);
      if (!b) w.builders.set(block, (b = new Builder(block)));
      b.add(child as Text, w.textOf(child as Text));
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (skipped(el)) continue;
      if (el.tagName === 'BR') {
        w.builders.get(block)?.lineBreak();
        continue;
      }
      const inner = isBlock(el);
      if (inner && w.own) continue;
      if (el.shadowRoot) walk(el.shadowRoot, block, w);
      walk(el, inner ? el : block, w);
    }
  }
}

function nearestBlock(el: Element | null): Element | null {
  for (let e = el; e; e = e.parentElement) if (isBlock(e)) return e;
  return null;
}

export interface CollectOptions {
  /** The text of a node as the page wrote it, where the DOM shows something else (the reader's drawn nodes). */
  textOf?: (node: Text) => string;
}

const dataOf = (node: Text) => node.data;

function runsOf(builders: Map<Element, Builder>, keep?: (block: Element) => boolean): Run[] {
  const runs: Run[] = [];
  for (const b of builders.values()) {
    if ((!keep || keep(b.block)) && HAN.test(b.text))
      runs.push({ block: b.block, text: b.text, pieces: b.pieces });
  }
  return runs;
}

/** In a document in design mode (all of it editable), or inside what the reader leaves alone. */
function hiddenFromReader(el: Element): boolean {
  if (inDesignMode(el.ownerDocument)) return true;
  for (let e: Element | null = el; e; e = e.parentElement) if (skipped(e)) return true;
  return false;
}

/** The block whose run holds the text of `node` (a text node or an element): its nearest block, or the body. */
export function blockAround(node: Node): Element | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return nearestBlock(el) ?? el?.ownerDocument.body ?? null;
}

/**
 * The run of `block`'s own text (its text nodes and inline elements, not the blocks inside it), or null when it
 * holds no Han text. What a page changed inside a block is read again with this, leaving the blocks around and
 * inside it as they are.
 */
export function collectOwnRun(block: Element, options: CollectOptions = {}): Run | null {
  if (hiddenFromReader(block)) return null;
  const builders = new Map<Element, Builder>();
  walk(block, block, { builders, textOf: options.textOf ?? dataOf, own: block });
  return runsOf(builders)[0] ?? null;
}

/**
 * The runs of the blocks inside `root` (itself included when it is a block), in document order, without the run
 * of the block around it: what a page added (a paragraph appended to a feed) is read without reading again the
 * block it went into.
 */
export function collectWithin(root: Element, options: CollectOptions = {}): Run[] {
  if (hiddenFromReader(root)) return [];
  const around = isBlock(root) ? root : (nearestBlock(root) ?? root);
  const builders = new Map<Element, Builder>();
  walk(root, isBlock(root) ? root : around, { builders, textOf: options.textOf ?? dataOf });
  return runsOf(builders, (b) => b === root || (b !== around && root.contains(b)));
}

/** Every run with Han characters under `root`, in document order. */
export function collectRuns(root: Element | Document, options: CollectOptions = {}): Run[] {
  const start = root.nodeType === 9 ? (root as Document).body : (root as Element);
  if (!start || hiddenFromReader(start)) return [];
  const block = nearestBlock(start) ?? start;
  // A root inside a block (a changed inline element) re-collects its whole block, so words stay whole.
  const from = block === start || start.contains(block) ? start : block;
  const builders = new Map<Element, Builder>();
  walk(from, isBlock(from) ? from : block, { builders, textOf: options.textOf ?? dataOf });
  return runsOf(builders);
}
