/**
 * Draws a run's view into the page and takes it back out. The page's own text nodes stay where they are, emptied,
 * so a framework that holds them can still update or remove them; our content sits in a <dubao-t> right after
 * each. Nothing is built from HTML strings.
 */
import { pageDecoration, type PageDecoration } from './decoration';
import type { Piece, Run } from './runs';
import type { RunView, ViewToken } from './view';

/** One drawn part: a token's characters that came from one text node. */
export interface Part {
  el: HTMLElement;
  /** Range in the original run text. */
  start: number;
  end: number;
  /** Base text nodes, in order (the characters, not the pinyin). */
  texts: Text[];
  /** Whether display offsets match run offsets one for one (no length change from conversion). */
  aligned: boolean;
}

export interface RenderedRun {
  run: Run;
  hosts: { node: Text; original: string; host: HTMLElement }[];
  parts: Part[];
}

const partsByElement = new WeakMap<Element, { rendered: RenderedRun; part: Part }>();
/** The drawing each drawn text node of the page belongs to. */
const drawnNodes = new WeakMap<Text, RenderedRun>();

/**
 * Pages that remove elements they did not make would take their own text with our drawing, since the text node
 * is left empty. Drawn hosts are watched: one the page removes gives its text node the text back at once, and the
 * node is not drawn again while it holds that text (the page has said it wants no drawing there; a framework that
 * later writes new text into the node gets it drawn again).
 */
const liveHosts = new WeakMap<Node, { node: Text; original: string }>();
const refused = new WeakMap<Text, string>();
let hostWatch: MutationObserver | null = null;

function watchHost(host: HTMLElement, node: Text, original: string): void {
  if (typeof MutationObserver === 'undefined' || !host.parentNode) return;
  hostWatch ??= new MutationObserver((records) => {
    for (const r of records) {
      for (const removed of r.removedNodes) {
        const live = liveHosts.get(removed);
        if (!live || removed.parentNode) continue;
        liveHosts.delete(removed);
        if (live.node.data === '') live.node.data = live.original;
        refused.set(live.node, live.node.data);
      }
    }
  });
  liveHosts.set(host, { node, original });
  hostWatch.observe(host.parentNode, { childList: true });
}

export function partOf(el: Element | null): { rendered: RenderedRun; part: Part } | undefined {
  const w = el?.closest('dubao-w');
  return w ? partsByElement.get(w) : undefined;
}

export function isRendered(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return !!el?.closest('dubao-t');
}

function codePointIndex(s: string, unit: number): number {
  let n = 0;
  for (let i = 0; i < unit && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The readings of the code points of `display`, from code point `cpFrom` of the token's display. */
function readingsOf(token: ViewToken, display: string, cpFrom: number): (string | null)[] | null {
  const out: (string | null)[] = [];
  let cp = cpFrom;
  for (const _ of display) out.push(token.ruby![cp++] ?? null);
  return out.some((r) => r) ? out : null;
}

function wordLevel(readings: (string | null)[], style?: string): readings is string[] {
  return style !== 'colors' && style !== 'zhuyin' && readings.every((r) => !!r);
}

function drawPart(doc: Document, token: ViewToken, from: number, to: number, style?: string): Part {
  const el = doc.createElement('dubao-w');
  el.setAttribute('data-s', String(from));
  el.setAttribute('data-e', String(to));
  // The word's start: the parts of one word cut by a print line break share it.
  el.setAttribute('data-w', String(token.start));
  const aligned = token.display.length === token.end - token.start;
  let display: string;
  let cpFrom = 0;
  if (aligned) {
    display = token.display.slice(from - token.start, to - token.start);
    cpFrom = codePointIndex(token.display, from - token.start);
  } else {
    // Converted text of another length is drawn whole in the token's first part; later parts are empty.
    display = from === token.start ? token.display : '';
  }
  const texts: Text[] = [];
  const readings = token.ruby && display ? readingsOf(token, display, cpFrom) : null;
  if (readings && wordLevel(readings, style)) {
    // One annotation over the whole word, its syllables written together as pinyin spells words (gòngtóng fùyù):
    // the reader sees where each word ends. The word's own element carries it (`data-py`, shown by its ::before):
    // one element a word, the cheapest for the browser to style and lay out (tools/bench/ruby-cost.ts).
    const t = doc.createTextNode(display);
    texts.push(t);
    el.setAttribute('data-py', readings.join(''));
    el.append(t);
  } else if (readings) {
    // Tone colours and zhuyin go character by character (each syllable its own colour; zhuyin is read per
    // character), as do words with characters that have no reading: each read character is its own <dubao-c>
    // carrying its annotation the same way, and a character with none (a digit of 1月) is plain text between
    // them, so a box never holds more than one annotation over one column of text.
    let cp = cpFrom;
    let i = 0;
    let plain: Text | null = null;
    for (const ch of display) {
      const py = readings[i++];
      const tone = token.tones?.[cp++];
      if (!py) {
        if (plain) plain.appendData(ch);
        else {
          plain = doc.createTextNode(ch);
          texts.push(plain);
          el.append(plain);
        }
        continue;
      }
      plain = null;
      const t = doc.createTextNode(ch);
      texts.push(t);
      const c = doc.createElement('dubao-c');
      c.setAttribute('data-py', py);
      if (tone && style === 'colors') c.className = `t${tone}`;
      c.append(t);
      el.append(c);
    }
  } else if (display) {
    const t = doc.createTextNode(display);
    texts.push(t);
    el.append(t);
  }
  return { el, start: from, end: to, texts, aligned };
}

/** Characters no line may start with (closing punctuation, ellipses, iteration marks, Latin closing marks). */
const NO_BREAK_BEFORE = /^\s*[，。、；：！？）》」』】〕〉〗〙〛”’…‥・·ー々゛゜,.;:!?)\]}%％]/u;
/** Characters no line may end with (opening quotes and brackets). */
const NO_BREAK_AFTER = /[“‘（《「『【〔〈〖〘〚([{]$/u;

/** Whether a drawn word is (or starts with) a box with pinyin: a word with `data-py`, or a <dubao-c> first. */
function startsWithWordBox(word: Element): boolean {
  const first = word.firstChild;
  return word.hasAttribute('data-py') || (first instanceof Element && first.localName === 'dubao-c');
}

function endsWithWordBox(node: ChildNode | null): boolean {
  if (!(node instanceof Element)) return false;
  const last = node.lastChild;
  if (node.localName === 'dubao-g') return endsWithWordBox(last);
  return node.hasAttribute('data-py') || (last instanceof Element && last.localName === 'dubao-c');
}

/**
 * A word box is an atomic inline, and Chromium may break a line on either side of one whatever the characters
 * there, so a comma or a closing quote after a word could start a line, and an opening quote before one end it.
 * Such punctuation is kept with its word in a <dubao-g> (`text-wrap-mode: nowrap`; whitespace is left as the
 * page has it).
 */
function appendPart(host: HTMLElement, part: Part): void {
  // Spaces between a word and its closing punctuation (a blog's "下午 。") do not let the line break either.
  const spaces: ChildNode[] = [];
  let last = host.lastChild;
  while (
    last &&
    !(last instanceof Element && last.localName === 'dubao-g') &&
    /^\s+$/.test(last.textContent ?? '')
  ) {
    spaces.unshift(last);
    last = last.previousSibling;
  }
  const glue =
    last instanceof Element &&
    ((endsWithWordBox(last) && NO_BREAK_BEFORE.test(part.texts[0]?.data ?? '')) ||
      (!spaces.length && startsWithWordBox(part.el) && NO_BREAK_AFTER.test(last.textContent ?? '')));
  if (!glue) {
    host.append(part.el);
    return;
  }
  const word = last as Element;
  let group = word;
  if (group.localName !== 'dubao-g') {
    group = host.ownerDocument.createElement('dubao-g');
    word.replaceWith(group);
    group.append(word);
  }
  group.append(...spaces, part.el);
}

export interface RenderOptions {
  /**
   * Text nodes drawn without their pinyin (the label of a button or tag inside prose). Called while the page's
   * style is read, before anything is drawn.
   */
  plain?: (node: Text) => boolean;
}

/** Draws the view. Each text node of the run keeps its place, emptied; the drawing follows it. */
export function renderRun(run: Run, view: RunView, options: RenderOptions = {}): RenderedRun {
  const rendered: RenderedRun = { run, hosts: [], parts: [] };
  const byNode = new Map<Text, Piece[]>();
  for (const p of run.pieces) {
    const list = byNode.get(p.node);
    if (list) list.push(p);
    else byNode.set(p.node, [p]);
  }
  // The page's decoration of each text node (a link's underline, a struck-through deletion) does not reach words
  // drawn as boxes: it is read here, before anything is drawn (reads after writes would make the browser restyle
  // between text nodes), and drawn again by the reader's CSS under the words' characters.
  const decorations = new Map<Text, PageDecoration>();
  const plain = new Set<Text>();
  if (view.tokens.some((token) => token.ruby)) {
    for (const node of byNode.keys()) {
      if (options.plain?.(node)) {
        plain.add(node);
        continue;
      }
      const parent = node.parentNode;
      const d = parent instanceof Element ? pageDecoration(parent) : null;
      if (d) decorations.set(node, d);
    }
  }
  let t = 0;
  for (const [node, pieces] of byNode) {
    const doc = node.ownerDocument;
    if (!node.parentNode || refused.get(node) === node.data) continue;
    const host = doc.createElement('dubao-t');
    if (view.style) host.setAttribute('data-style', view.style);
    const decoration = decorations.get(node);
    if (decoration) {
      host.setAttribute('data-td', decoration.lines);
      if (decoration.color) host.style.setProperty('--dubao-tdc', decoration.color);
    }
    const data = node.data;
    // Characters of the node the run text left out (whitespace between pieces, around a line break) are drawn as
    // they are, in their place: the drawing shows exactly the page's characters.
    let at = 0;
    const gap = (to: number) => {
      if (to > at) host.append(doc.createTextNode(data.slice(at, to)));
    };
    let annotated = false;
    for (const piece of pieces) {
      gap(piece.nodeOffset);
      at = piece.nodeOffset + (piece.end - piece.start);
      while (t > 0 && view.tokens[t - 1].end > piece.start) t--;
      for (let i = t; i < view.tokens.length; i++) {
        const token = view.tokens[i];
        if (token.start >= piece.end) break;
        const from = Math.max(token.start, piece.start);
        const to = Math.min(token.end, piece.end);
        if (to <= from) continue;
        const part = drawPart(
          doc,
          plain.has(node) ? { ...token, ruby: undefined } : token,
          from,
          to,
          view.style,
        );
        appendPart(host, part);
        annotated ||= startsWithWordBox(part.el) || part.el.firstElementChild !== null;
        rendered.parts.push(part);
        partsByElement.set(part.el, { rendered, part });
        t = i;
      }
    }
    gap(data.length);
    // Words with pinyin are boxes; a justified line would spread its slack between them (see READER_CSS).
    if (annotated) host.setAttribute('data-r', '');
    const original = data;
    rendered.hosts.push({ node, original, host });
    drawnNodes.set(node, rendered);
    node.after(host);
    node.data = '';
    watchHost(host, node, original);
  }
  return rendered;
}

/**
 * Takes the drawing out and gives every text node its text back. A node the page changed meanwhile keeps the
 * page's new text: the page is the authority on its own content.
 */
export function restoreRun(r: RenderedRun): void {
  for (const { node, original, host } of r.hosts) {
    liveHosts.delete(host);
    drawnNodes.delete(node);
    host.remove();
    if (node.data === '') node.data = original;
  }
  r.hosts = [];
  r.parts = [];
}

/** Whether the drawing shows pinyin anywhere (not converted text alone). */
export function hasPinyin(r: RenderedRun): boolean {
  return r.hosts.some((h) => h.host.hasAttribute('data-r'));
}

/** The text of a page's text node as the page wrote it: what it held before it was drawn (then emptied). */
export function originalText(node: Text): string {
  const r = drawnNodes.get(node);
  return r?.hosts.find((h) => h.node === node)?.original ?? node.data;
}

/** Whether this text node of the page is drawn (emptied, with our drawing after it). */
export function isDrawn(node: Text): boolean {
  return drawnNodes.has(node);
}

/**
 * The page changed a text node we drew (wrote new text into it, or took it out): its drawing, now stale, goes at
 * once, so old and new text are never shown together; the rest of the run stays drawn until it is drawn again. The
 * page's new text stands; a node the page took out gets its own text back (it may put it back in).
 * Answers the drawing the node belonged to, if any.
 */
export function dropStale(node: Text, removed: boolean): RenderedRun | undefined {
  const r = drawnNodes.get(node);
  if (!r) return undefined;
  drawnNodes.delete(node);
  const i = r.hosts.findIndex((h) => h.node === node);
  if (i < 0) return r;
  const { host, original } = r.hosts[i];
  r.hosts.splice(i, 1);
  liveHosts.delete(host);
  host.remove();
  r.parts = r.parts.filter((p) => !host.contains(p.el));
  if (removed && node.data === '') node.data = original;
  return r;
}

/**
 * Underlines drawn glossary terms: each part of a term span gets `data-term` (its category) on our own element,
 * styled by the reader's CSS, so the mark goes with the drawing and leaves the page's text alone. (Drawn text is
 * not marked with CSS Custom Highlights: while any highlight is registered, Chromium repaints the whole document
 * on every DOM change, ~8 ms of pre-paint and ~7 ms of paint a frame on the sample page with pinyin.)
 */
export function markTerms(
  r: RenderedRun,
  spans: readonly { start: number; end: number; category: string }[],
): void {
  // Parts are in run order; so, sorted, are the spans: one pass over both.
  const parts = r.parts;
  let p = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    while (p < parts.length && parts[p].end <= s.start) p++;
    for (let i = p; i < parts.length && parts[i].start < s.end; i++)
      parts[i].el.setAttribute('data-term', s.category);
  }
}

/**
 * The room a drawn block laid out on one line leaves over it for its pinyin, in px (0 when it has more lines or no
 * room): its padding, and its top margin when a sibling comes before it (the margin is then inside its parent,
 * between the two; a first child's may fall outside a parent that clips). A heading with a tight line height grows
 * by the pinyin's height less half its leading; over its only line, its pinyin can rise into that room instead and
 * still not reach the line above. Reads layout: call it once a batch is drawn, for all the batch before any change.
 */
export function oneLineRoom(r: RenderedRun): number {
  const block = r.run.block;
  if (!hasPinyin(r)) return 0;
  const cs = getComputedStyle(block);
  const px = (v: string) => parseFloat(v) || 0;
  const fontSize = px(cs.fontSize);
  const lineHeight = cs.lineHeight === 'normal' ? 1.2 * fontSize : px(cs.lineHeight);
  const inner =
    block.getBoundingClientRect().height -
    px(cs.paddingTop) -
    px(cs.paddingBottom) -
    px(cs.borderTopWidth) -
    px(cs.borderBottomWidth);
  if (!lineHeight || inner >= 2 * lineHeight) return 0;
  const margin = px(cs.borderTopWidth) === 0 && marginInside(block) ? Math.max(0, px(cs.marginTop)) : 0;
  return Math.floor(px(cs.paddingTop) + margin);
}

const OWN_FLOW = new Set([
  'flow-root',
  'flex',
  'grid',
  'inline-flex',
  'inline-grid',
  'inline-block',
  'table-cell',
]);

/**
 * Whether an element's top margin stays inside a box that does not clip it: a sibling comes before it (its margin
 * lies between the two), its parent has a top edge or lays out its own flow (a flex or grid container, a box with
 * its own formatting context), so the margin cannot fall through it, or the parent is the body; else as its
 * parent's, a few levels up.
 */
function marginInside(el: Element, depth = 0): boolean {
  if (el.previousElementSibling) return true;
  const parent = el.parentElement;
  // At the top of the body the margin is at most the block's distance from the top of the document.
  if (parent?.localName === 'body') return true;
  if (!parent || depth > 3) return false;
  const cs = getComputedStyle(parent);
  const grand = parent.parentElement ? getComputedStyle(parent.parentElement).display : '';
  if (
    parseFloat(cs.paddingTop) > 0 ||
    parseFloat(cs.borderTopWidth) > 0 ||
    OWN_FLOW.has(cs.display) ||
    cs.overflowX !== 'visible' ||
    cs.overflowY !== 'visible' ||
    /flex|grid/.test(grand)
  )
    return true;
  return marginInside(parent, depth + 1);
}

/** Lets the pinyin of a one-line block rise `room` px above its line (see `oneLineRoom`). */
export function liftPinyin(r: RenderedRun, room: number): void {
  for (const { host } of r.hosts) host.style.setProperty('--dubao-room', `${room}px`);
}
