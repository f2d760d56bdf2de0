/**
 * "Is there Chinese prose on this page?", asked by the detector content script on every page. It must stay tiny
 * (imports nothing but the code-point classes and the small script table) and cheap on pages with no Chinese.
 */
import { isHan, isHangul, isKana, isSpace } from '../text/han';
import { judgeCounts } from '../text/detect';
import { countScriptChars, judgeScript, type Script, type ScriptCounts } from '../text/script';
import { CJK, firstLook } from './first-look';

export interface DocumentDetection {
  chinese: boolean;
  script: Script | null;
  /** Han characters seen in readable text (a lower bound when the walk stopped early). */
  hanChars: number;
  /** Paragraph-like elements with enough running Chinese text (not navigation, menus, buttons, link lists). */
  blocks: number;
}

export interface DetectOptions {
  /** Stop once this many prose blocks and `stopAfterHan` Han characters are seen: the answer will not change. */
  stopAfterBlocks?: number;
  stopAfterHan?: number;
  /** Upper bound on text nodes read, so a huge page costs a bounded time. */
  maxTextNodes?: number;
  /** The caller's own first look (lib/dom/first-look.ts) saw CJK text: skip it here. */
  seenCjk?: boolean;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'CODE',
  'PRE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'HEAD',
]);
const NOT_PROSE = new Set(['NAV', 'MENU', 'BUTTON', 'OPTION', 'DATALIST']);
const NOT_PROSE_ROLES = new Set([
  'navigation',
  'menu',
  'menubar',
  'menuitem',
  'button',
  'tab',
  'tablist',
  'toolbar',
]);
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'BR',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'IMG',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'RB',
  'RP',
  'RT',
  'RUBY',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);

/** Share of a block's Han text inside links above which it is a list of links (headlines, menus), not prose. */
const MAX_LINK_SHARE = 0.6;
/** Kana share of the page's CJK characters above which it is Japanese (Chinese pages have next to none). */
const MAX_PAGE_KANA_SHARE = 0.15;

interface Block {
  hanChars: number;
  kana: number;
  hangul: number;
  nonSpace: number;
  linkHan: number;
}

const newBlock = (): Block => ({ hanChars: 0, kana: 0, hangul: 0, nonSpace: 0, linkHan: 0 });

export function detectDocument(doc: Document, options: DetectOptions = {}): DocumentDetection {
  const stopAfterBlocks = options.stopAfterBlocks ?? 12;
  const stopAfterHan = options.stopAfterHan ?? 4000;
  let textNodesLeft = options.maxTextNodes ?? 50_000;

  const result: DocumentDetection = { chinese: false, script: null, hanChars: 0, blocks: 0 };
  // The first look touches no element, only the document and text nodes: in a content script's world, the first
  // use of an element costs ~0.4 ms on its own (Chromium builds the Element and HTMLElement interfaces for it).
  if (!options.seenCjk && firstLook(doc) !== 'cjk') return result;
  const root = doc.body ?? doc.documentElement;
  if (!root) return result;

  const scriptCounts: ScriptCounts = { simplified: 0, traditional: 0 };
  let pageKana = 0;
  let done = false;

  const closeBlock = (block: Block, prose: boolean) => {
    if (block.hanChars === 0) return;
    const judged = judgeCounts(block);
    if (prose && judged.isChineseProse && block.linkHan <= block.hanChars * MAX_LINK_SHARE) result.blocks++;
    if (result.blocks >= stopAfterBlocks && result.hanChars >= stopAfterHan) done = true;
  };

  const readText = (data: string, block: Block, inLink: boolean) => {
    if (!CJK.test(data)) {
      block.nonSpace += visibleLength(data);
      return;
    }
    let han = 0;
    const kanaBefore = block.kana;
    for (let i = 0; i < data.length; i++) {
      let cp = data.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < data.length) {
        cp = data.codePointAt(i)!;
        i++;
      }
      if (cp <= 0x20 || isSpace(cp)) continue;
      block.nonSpace++;
      if (isHan(cp)) han++;
      else if (isKana(cp)) block.kana++;
      else if (isHangul(cp)) block.hangul++;
    }
    pageKana += block.kana - kanaBefore;
    block.hanChars += han;
    if (inLink) block.linkHan += han;
    result.hanChars += han;
    if (han > 0) countScriptChars(data, scriptCounts);
  };

  // Recursive walk: the block (nearest non-inline ancestor) and the context travel down as arguments, so a text
  // node costs one regex test and no ancestor lookups.
  const walk = (parent: Node, block: Block, prose: boolean, inLink: boolean) => {
    for (let node = parent.firstChild; node && !done; node = node.nextSibling) {
      if (node.nodeType === 3) {
        if (--textNodesLeft < 0) {
          done = true;
          return;
        }
        readText((node as Text).data, block, inLink);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      // Most elements have no attributes at all; reading them one by one is the walk's main cost.
      const attrs = el.hasAttributes();
      if (attrs && (el.hasAttribute('data-dubao-ui') || isEditable(el))) continue;
      const role = attrs ? el.getAttribute('role') : null;
      const childProse = prose && !NOT_PROSE.has(tag) && !(role !== null && NOT_PROSE_ROLES.has(role));
      const childLink = inLink || tag === 'A';
      if (INLINE.has(tag)) {
        walk(el, block, childProse, childLink);
      } else {
        const inner = newBlock();
        walk(el, inner, childProse, childLink);
        closeBlock(inner, childProse);
      }
    }
  };

  const top = newBlock();
  walk(root, top, true, false);
  closeBlock(top, true);

  // A Japanese page has kanji-only headings that pass as Chinese blocks; its kana elsewhere gives it away.
  result.chinese = result.blocks > 0 && pageKana <= (result.hanChars + pageKana) * MAX_PAGE_KANA_SHARE;
  result.script = result.hanChars > 0 ? judgeScript(scriptCounts) : null;
  return result;
}

function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v !== 'false';
}

/** Length without leading and trailing white space, without allocating a trimmed copy. */
function visibleLength(s: string): number {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return b - a;
}
