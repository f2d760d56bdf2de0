/**
 * The first look the detector takes at every page and frame: "may there be CJK text here at all?". It is the only
 * code that runs on pages without Chinese, so it touches no element, only the document and text nodes: in a
 * content script's world, the first use of an element costs ~0.4 ms on its own, as Chromium builds the Element and
 * HTMLElement interfaces for that world.
 */

// Han (BMP and the high surrogates of planes 2–3), kana, Hangul. A native regex scan is the cheapest way to
// dismiss the Latin-only text nodes that make up most pages.
export const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\ud840-\ud88c]/;

/**
 * The top of the page read at once (its menus, headline and first paragraphs): text nodes in order until this many
 * characters or nodes have been read. A page whose CJK starts further down waits for the sample (`sampleLook`).
 */
const HEAD_CHARS = 2000;
const HEAD_NODES = 48;
/** Text nodes read one by one at the top of the page by the sample, before its spread over the rest. */
const HEAD_TEXT_NODES = 32;
/** Text nodes sampled, evenly spread, from the rest of the page; a page with no more than this is read whole. */
const SAMPLED_TEXT_NODES = 400;
/** Elements whose text is code or data, never shown as prose. */
const CODE_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/**
 * CJK text a reader could see. Only a text node that holds CJK has its parent read (the one element this look
 * may touch): inline scripts with Chinese strings or translations would otherwise cost every such page the full
 * walk, which then finds no prose.
 */
function shownCjk(node: Node): boolean {
  if (!CJK.test((node as Text).data)) return false;
  const parent = node.parentNode;
  return !(parent && CODE_PARENTS.has(parent.nodeName.toUpperCase()));
}

/** XPathResult.ORDERED_NODE_SNAPSHOT_TYPE */
const ORDERED_SNAPSHOT = 7;

/**
 * The look the detector takes as the page's DOM is complete: the title, then the page's text nodes in order until
 * HEAD_CHARS characters (or HEAD_NODES nodes) were read. `cjk` when it saw CJK text, `whole` when that was all the
 * page's text, `more` when the page goes on: `sampleLook` reads a sample of the rest, a task later.
 *
 * It is all the detector does on most pages, so it is bounded by what it reads, not by the page: a TreeWalker hands
 * over the text nodes one by one (each DOM call on a cold page costs about a microsecond), and nothing builds a
 * list of all the page's text nodes (an XPath snapshot of the 1 MB English page costs ~0.45 ms, reading 400 nodes
 * spread over it 0.6–4 ms).
 */
export function headLook(doc: Document): 'cjk' | 'whole' | 'more' {
  if (CJK.test(doc.title)) return 'cjk';
  const walker = doc.createTreeWalker(doc, 4 /* NodeFilter.SHOW_TEXT */);
  let chars = 0;
  let nodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (shownCjk(node)) return 'cjk';
    chars += (node as Text).data.length;
    if (++nodes >= HEAD_NODES || chars >= HEAD_CHARS) return walker.nextNode() ? 'more' : 'whole';
  }
  return 'whole';
}

/**
 * The rest of a long page, sampled: `cjk` when it may hold CJK text, `whole` when all of its text was read (no more
 * than the sample), `sampled` when a sample of it held none. It reads the page's text nodes from one native list of
 * them (an XPath snapshot): all of them on a shorter page, else the first few and an even sample of the rest, a few
 * hundred DOM calls at most; Chinese prose that runs for a few paragraphs anywhere in the page is met by the sample.
 */
export function sampleLook(doc: Document): 'cjk' | 'whole' | 'sampled' {
  if (typeof doc.evaluate !== 'function') {
    // No XPath (happy-dom in unit tests): read every text node.
    const walker = doc.createTreeWalker(doc, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (shownCjk(node)) return 'cjk';
    return 'whole';
  }
  const all = doc.evaluate('/descendant::text()', doc, null, ORDERED_SNAPSHOT, null);
  const n = all.snapshotLength;
  const whole = n <= HEAD_TEXT_NODES + SAMPLED_TEXT_NODES;
  const head = whole ? n : HEAD_TEXT_NODES;
  for (let i = 0; i < head; i++) if (shownCjk(all.snapshotItem(i)!)) return 'cjk';
  if (whole) return 'whole';
  const step = (n - HEAD_TEXT_NODES) / SAMPLED_TEXT_NODES;
  for (let k = 0; k < SAMPLED_TEXT_NODES; k++) {
    const i = HEAD_TEXT_NODES + Math.floor(k * step);
    if (shownCjk(all.snapshotItem(i)!)) return 'cjk';
  }
  return 'sampled';
}

/**
 * "May there be CJK text here at all?", the head and then the sample at once: `cjk` when the page may hold CJK
 * text; otherwise `whole` when all of its text was read (a short page, or a shell that scripts will fill) or
 * `sampled` when it was too long and a sample of it held none. CJK text inside scripts and styles does not count.
 */
export function firstLook(doc: Document): 'cjk' | 'whole' | 'sampled' {
  const head = headLook(doc);
  return head === 'more' ? sampleLook(doc) : head;
}
