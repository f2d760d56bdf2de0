/**
 * The first look the detector takes at every page and frame: "may there be CJK text here at all?". It is the only
 * code that runs on pages without Chinese, so it touches no element, only the document and text nodes: in a
 * content script's world, the first use of an element costs ~0.4 ms on its own, as Chromium builds the Element and
 * HTMLElement interfaces for that world.
 */

// Han (BMP and the high surrogates of planes 2–3), kana, Hangul. A native regex scan is the cheapest way to
// dismiss the Latin-only text nodes that make up most pages.
export const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\ud840-\ud88c]/;

/** Text nodes read one by one at the top of the page, before the sample spread over the rest. */
const HEAD_TEXT_NODES = 48;
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
 * Whether `text` holds CJK (the ranges of `CJK`), by its char codes. The detector's look at the title uses this
 * rather than the regex: a regex's first use in the content script's world costs ~0.4 ms, which a page whose title
 * is Chinese need not pay; the page's text nodes (`shownCjk`) are tested with the regex, where a native scan wins.
 */
export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c >= 0x3040 &&
      (c <= 0x30ff ||
        (c >= 0x3400 && c <= 0x4dbf) ||
        (c >= 0x4e00 && c <= 0x9fff) ||
        (c >= 0xac00 && c <= 0xd7af) ||
        (c >= 0xd840 && c <= 0xd88c) ||
        (c >= 0xf900 && c <= 0xfaff))
    )
      return true;
  }
  return false;
}

/**
 * The detector's first question, the title only (a Chinese page's title is Chinese): one property of the document,
 * no walk. Only where it holds no CJK are the page's text nodes read (`pageLook`). Both run a task after
 * document_end (entrypoints/detector.ts), where the page's DOMContentLoaded no longer waits for them.
 */
export function titleLook(doc: Document): boolean {
  return hasCjk(doc.title);
}

/**
 * The page's text, read when the title held no CJK: `cjk` when it may hold CJK text, `whole` when all of its text was read
 * (a short page), `sampled` when a sample of it held none. It reads the page's text nodes from one native list of
 * them (an XPath snapshot): all of them on a shorter page, else the first few (the menus, headline and first
 * paragraphs) and an even sample of the rest, a few hundred DOM calls at most; Chinese prose that runs for a few
 * paragraphs anywhere in the page is met by the sample. Bounded by what it reads, not by the page: the snapshot of
 * the 1 MB English page's text nodes costs ~0.45 ms.
 */
export function pageLook(doc: Document): 'cjk' | 'whole' | 'sampled' {
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
  return titleLook(doc) ? 'cjk' : pageLook(doc);
}
