/**
 * The page's own text decoration where a drawn text node sits: a link's underline, `<u>`, `<s>`, `<del>`, `<ins>`, or
 * any `text-decoration` an ancestor sets. A word drawn with pinyin is an atomic box, and the browser does not carry
 * an ancestor's decoration into one, so the reader's CSS draws it again on the word's own characters (not on its
 * pinyin) from what is found here.
 *
 * Read from computed style once per element and task: the text nodes of a block share their ancestors, so drawing
 * a block reads the style of each of its inline elements and of the block's ancestors once, not once a word.
 */

/** What a drawn text node is decorated with: the lines in effect, and their colour when not the text's own. */
export interface PageDecoration {
  /** `underline`, `line-through` and/or `overline`, space-separated, as in `text-decoration-line`. */
  lines: string;
  /** The colour of the lines when it is not the colour of the text they are drawn under (else null). */
  color: string | null;
}

interface Found {
  lines: Set<string>;
  /** The innermost decorating element's line colour, and its own text colour. */
  color: string;
  textColor: string;
}

const LINES = ['underline', 'line-through', 'overline'] as const;
/** Boxes an ancestor's decoration does not reach into (atomic inlines, floats, boxes out of the flow). */
const ATOMIC = new Set(['inline-block', 'inline-flex', 'inline-grid', 'inline-table']);

let memo: Map<Element, Found | null> | null = null;

function found(el: Element): Found | null {
  memo ??= new Map();
  if (memo.size === 0) {
    // Style can change between tasks (a class toggled, a state the page styles): remembered for this task only.
    const m = memo;
    queueMicrotask(() => m.clear());
  }
  const hit = memo.get(el);
  if (hit !== undefined) return hit;
  const cs = getComputedStyle(el);
  const stops =
    ATOMIC.has(cs.display) || cs.cssFloat !== 'none' || cs.position === 'absolute' || cs.position === 'fixed';
  const outer = stops || !el.parentElement ? null : found(el.parentElement);
  const own = cs.textDecorationLine;
  let result: Found | null = outer;
  if (own && own !== 'none') {
    const lines = new Set(outer?.lines);
    for (const l of LINES) if (own.includes(l)) lines.add(l);
    result = lines.size ? { lines, color: cs.textDecorationColor, textColor: cs.color } : outer;
  }
  memo.set(el, result);
  return result;
}

/**
 * The decoration the page gives the text of `parent` (the element a text node sits in), or null when none. The
 * colour is left to the text (null) when the lines are drawn in the decorating element's own text colour and the
 * text has that colour too, so a link's colour change on hover still reaches its lines.
 */
export function pageDecoration(parent: Element): PageDecoration | null {
  const f = found(parent);
  if (!f) return null;
  const lines = LINES.filter((l) => f.lines.has(l)).join(' ');
  const own = f.color === f.textColor && getComputedStyle(parent).color === f.textColor;
  return { lines, color: own ? null : f.color };
}

/**
 * Reads the decorations of these elements (the parents of text about to be drawn) now, while style is clean: the
 * drawing of the blocks before them would otherwise make each read restyle what they had just drawn. Kept for the
 * task, like every reading here.
 */
export function warmDecorations(parents: readonly (Element | null)[]): void {
  for (const el of parents) if (el) found(el);
}
