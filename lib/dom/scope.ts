/**
 * Where pinyin goes. Ruby makes text wider and taller; prose reflows, but a menu bar, a button, a heading that
 * prints its own romanisation or a fixed-size box does not: its items get pushed out of sight or clipped. So by
 * default only prose is annotated (the `pinyinEverywhere` setting widens it), and a drawn block that turns out to
 * overflow a box that clips is taken back (`overflowsClip`).
 */

const CHROME_ROLES = new Set([
  'navigation',
  'menubar',
  'menu',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tablist',
  'tab',
  'toolbar',
  'button',
  'switch',
  'option',
  'listbox',
  'combobox',
  'tooltip',
]);
const CHROME_TAGS = new Set(['NAV', 'MENU', 'BUTTON', 'SELECT', 'LABEL']);
/** Class or id names sites give their menus (qq's `nav`, `menu-bar`, `topnav`, `tabs`, `breadcrumb` …). */
const CHROME_NAME =
  /(^|[\s_-])(nav|navbar|navi|topnav|subnav|menu|menubar|menus|tabs|tabbar|toolbar|breadcrumbs?|btn|button|pager|pagination)($|[\s_-])/i;
/** How far up menus are looked for: a menu's items sit a few levels under it, prose far from any. */
const CHROME_DEPTH = 6;

/** Inside a navigation bar, a menu, a button or a tab strip (by tag, ARIA role or the usual class names). */
export function inPageChrome(el: Element): boolean {
  let e: Element | null = el;
  for (let depth = 0; e && depth < CHROME_DEPTH; depth++, e = e.parentElement) {
    const tag = e.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'MAIN' || tag === 'ARTICLE') return false;
    if (CHROME_TAGS.has(tag)) return true;
    const role = e.getAttribute('role');
    if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
    const name = `${e.getAttribute('class') ?? ''} ${e.id}`;
    if (CHROME_NAME.test(name)) return true;
  }
  return false;
}

const HAN = /\p{Script=Han}/gu;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/i;
const LATIN_ONLY = /^[\p{Script=Latin}\p{M}\s'’·.-]+$/u;

/** Text that reads as the romanisation of `han` characters: Latin words, with tone marks or one per character. */
function romanises(text: string, hanCount: number): boolean {
  const t = text.trim();
  if (!t || t.length > 120 || !LATIN_ONLY.test(t)) return false;
  // A syllable is one to six letters: romanisation has about as many letters as the characters need.
  const letters = t.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters < 1.5 * hanCount || letters > 6.5 * hanCount) return false;
  if (TONE_MARK.test(t)) return true;
  const words = t.split(/[\s'’·-]+/).filter(Boolean).length;
  // One word per character (Dang qi zai wo xin zhong), or words of joined syllables (KEJI QIANYAN) in capitals.
  return words === hanCount || (t === t.toUpperCase() && words >= 1 && words <= hanCount);
}

/**
 * A heading or caption that already prints its own pinyin, next to it (a line above or below) or inside it: a
 * second line of our own would only repeat it.
 */
export function carriesOwnRomanisation(block: Element, text: string): boolean {
  const han = text.match(HAN)?.length ?? 0;
  if (!han || han > 40) return false;
  const latin = text.replace(HAN, ' ').replace(/[\p{P}\p{S}\d]/gu, ' ');
  if (/\p{Script=Latin}/u.test(latin) && romanises(latin, han)) return true;
  for (const e of [block, block.parentElement]) {
    if (!e || e.tagName === 'BODY') break;
    for (const sib of [e.previousElementSibling, e.nextElementSibling]) {
      // A line of romanisation is a small element: a big sibling (the rest of an article) is not read at all.
      if (sib && sib.childElementCount <= 1 && romanises(sib.textContent ?? '', han)) return true;
    }
    // Only a wrapper holding just the heading (and maybe its romanisation) is looked past.
    if (e.parentElement && e.parentElement.children.length > 3) break;
  }
  return false;
}

const hanIn = (s: string | null) => s?.match(HAN)?.length ?? 0;
/** A menu item's label is a few characters: 首页, 科技, 科普中国. A headline or a sentence is longer. */
const MENU_LABEL_HAN = 6;
/** How many siblings of a list item are read to tell a menu from a list of headlines. */
const MENU_SIBLINGS = 40;

/** Short labels that are all links, at least three of them: the Han text of `el` is its links' text. */
function shortLinks(el: Element, minLinks: number): boolean {
  const links = el.querySelectorAll('a');
  if (links.length < minLinks) return false;
  let linked = 0;
  for (const a of links) {
    const n = hanIn(a.textContent);
    if (n > MENU_LABEL_HAN) return false;
    linked += n;
  }
  return linked > 0 && linked >= hanIn(el.textContent);
}

/**
 * A bar of links that no tag, role or class name calls a menu: a block whose Han text is all in short links (a
 * row of 首页 科技 教育), or a list item that is one short link among siblings that are too.
 */
export function inLinkBar(block: Element): boolean {
  if (shortLinks(block, 3)) return true;
  const list = block.parentElement;
  if (block.tagName.toUpperCase() !== 'LI' || !list || list.children.length < 3) return false;
  let n = 0;
  for (const li of list.children) {
    if (++n > MENU_SIBLINGS) break;
    if (!shortLinks(li, 1)) return false;
  }
  return true;
}

/** Prose gets pinyin by default; page chrome (menus, bars of short links) and self-romanised headings do not. */
export function isProse(block: Element, text: string): boolean {
  return !inPageChrome(block) && !inLinkBar(block) && !carriesOwnRomanisation(block, text);
}

/** Inline boxes of their own: what a button, a tag or a badge inside a line of prose is drawn as. */
const BOX_DISPLAY = new Set(['inline-block', 'inline-flex', 'inline-grid']);

/** A box that shows its edges: a border or a background of its own. */
function showsBox(cs: CSSStyleDeclaration): boolean {
  const border = cs.borderTopStyle !== 'none' && parseFloat(cs.borderTopWidth) > 0;
  const fill =
    cs.backgroundImage !== 'none' || !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(cs.backgroundColor);
  return border || fill;
}

/**
 * Text inside a control set in a line of prose: a "查看更多" button, a topic tag or a badge (a short label in an
 * inline box with a border or a background), or an element its role or class names a button or a menu. Its label
 * gets no pinyin: a second line over it would push the box out of shape, and it is not what is being read. Walks
 * from `el` up to the block; reads computed style, so call it before the drawing writes anything.
 */
export function inInlineControl(el: Element, block: Element): boolean {
  for (let e: Element | null = el; e && e !== block; e = e.parentElement) {
    const role = e.getAttribute('role');
    if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
    if (CHROME_NAME.test(`${e.getAttribute('class') ?? ''} ${e.id}`)) return true;
    const cs = getComputedStyle(e);
    if (BOX_DISPLAY.has(cs.display) && showsBox(cs) && hanIn(e.textContent) <= MENU_LABEL_HAN) return true;
  }
  return false;
}

const CLIPS = new Set(['hidden', 'clip']);
/** How many boxes up a clip is looked for: a tag in a card, an item in a bar, a line in a fixed-height list. */
const CLIP_DEPTH = 6;

function clipped(e: Element): boolean {
  const cs = getComputedStyle(e);
  const clipX = CLIPS.has(cs.overflowX);
  const clipY = CLIPS.has(cs.overflowY);
  return (clipX && e.scrollWidth > e.clientWidth + 1) || (clipY && e.scrollHeight > e.clientHeight + 1);
}

/**
 * A box that clips holds text of the run and now has content that does not fit: the block itself, a box inside it
 * around some of its text (a fixed-size tag), or one around it (a menu bar with a hidden overflow). Scrollable
 * boxes do not count: what overflows them can be scrolled to. Reads layout: call it once the drawing is done, in
 * one pass over many blocks.
 */
export function overflowsClip(block: Element, texts: readonly Node[]): boolean {
  const seen = new Set<Element>();
  for (const t of texts) {
    for (let e = t.parentElement; e && e !== block && !seen.has(e); e = e.parentElement) {
      seen.add(e);
      if (clipped(e)) return true;
    }
  }
  let e: Element | null = block;
  for (let depth = 0; e && depth < CLIP_DEPTH; depth++, e = e.parentElement) {
    if (e.tagName === 'BODY' || e.tagName === 'HTML') return false;
    if (clipped(e)) return true;
  }
  return false;
}
