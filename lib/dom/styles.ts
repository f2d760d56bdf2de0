import { CONTAIN_ATTR } from './contain';

/** Tone colours: the scheme most learners know from Pleco and MDBG. */
export const TONE_COLOURS = ['#e30000', '#02b31c', '#1510f0', '#8900bf', '#777777'] as const;

/** Dotted underline colour per glossary category. */
export const TERM_COLOURS: Record<string, string> = {
  slogan: '#c0392b',
  policy: '#1e6fd9',
  institution: '#6a4c93',
  campaign: '#d35400',
  ideology: '#a61e4d',
  title: '#2b8a3e',
  event: '#8d6e00',
  place: '#0b7285',
};

/**
 * The reader's CSS, adopted by the document (no <style> element is added to the page). Pinyin comes from an
 * attribute through ::before, so it is not text: copying gives the Chinese alone and find-in-page finds words.
 *
 * `will-change: opacity` on the body gives the page's content a layer of its own. Without it, every frame that
 * changes anything outside it (the hover card opening or closing, a page's own ticker) has Chromium repaint the
 * whole document: ~10 ms a frame on the sample page with pinyin, 0.5 ms with it. It makes the body a stacking
 * context and nothing else (unlike `transform`, it is no containing block for fixed elements). `:where` keeps its
 * weight at zero, so a page's own `will-change` on its body still wins.
 *
 * Pinyin is one annotation a word, on one element a word: `<dubao-w data-py>` holds the word's characters, and its
 * pinyin is its ::before. (Tone colours and zhuyin go a character at a time: each read character is a
 * `<dubao-c data-py>` box inside a plain word, drawn the same way.) The word is not laid out as native ruby, which
 * costs Chromium ~3× the layout (tools/bench/ruby-cost.ts), but as a small flex box: the pinyin (the ::before, a
 * block) over the word's own line. A block-level element in the text would put line breaks into innerText and
 * copied text, generated content never does. The box keeps the look of ruby:
 * - its baseline is the word's (`baseline-source: last`: the last item is the word's text; the pinyin is the first);
 * - the word's line is 1em high, so the pinyin sits right over its characters (0.1 of the pinyin's size into that
 *   line, where ruby put it: the characters' ink starts a little below their em box);
 * - its top margin is pulled up by the pinyin's height, at most by half the page's leading (`--dubao-lh` is the
 *   page's line height where the drawing sits): the pinyin takes the leading between two lines, as ruby did, and
 *   a line grows only when the leading is too small to hold it;
 * - the pinyin is padded at both ends, so neighbouring words' pinyin keep a gap (the padding only widens a word
 *   whose pinyin is wider than its characters); its own text-indent is 0 (a paragraph's indent is inherited).
 * Text decorations do not reach into such a box, so a glossary term's dotted underline is the word box's bottom
 * border (taken out of the line by a negative margin), under the characters and clear of the next line's pinyin.
 * A justified line spreads its slack over its justification opportunities, and between word boxes every boundary is
 * one: a line of a narrow justified column showed gaps of a character or more between words, and a comma stood
 * apart from the word it follows. Text drawn with pinyin (`data-r`) has none (`text-justify: none`), so its lines
 * end ragged and its words keep the gap their pinyin gives them; the page's text without pinyin is justified as
 * before.
 * A heading with pinyin wraps with `text-wrap: pretty`: wider words would otherwise leave one character alone on
 * its last line.
 */
/** Pinyin size relative to the text when no setting says otherwise (`pinyinScale`). */
export const DEFAULT_PINYIN_EM = 0.6;

/** The rule that sizes pinyin from the `pinyinScale` setting (0.4–1 of the text's size). */
export function pinyinSizeCss(scale: number): string {
  const em = Number.isFinite(scale) ? Math.min(1, Math.max(0.4, scale)) : DEFAULT_PINYIN_EM;
  return `dubao-t { --dubao-py-size: ${em}em; }`;
}

/**
 * The pinyin's height over its word: its line (line-height 1) less the 0.1 of it set into the word's line, and its
 * padding above (0.15 of it, at least 3 px: room for a term's 2 px underline on the line above, which the pinyin
 * reaches into where the leading is tight).
 */
const PY = `var(--dubao-py-size, ${DEFAULT_PINYIN_EM}em)`;
const PINYIN_HEIGHT = `${PY} * 0.9 + max(${PY} * 0.15, 3px)`;

/**
 * The page's own decoration of a drawn word (`data-td` on its <dubao-t>, read by lib/dom/decoration.ts; its colour
 * is `--dubao-tdc` when not the text's), drawn as strips of the word box's background over the word's own 1em line,
 * where the browser puts them on plain text of the same font (underline centred 0.07em above the line's bottom,
 * line-through 0.5em, overline at its top): never across the pinyin, and in the text's colour, so a link's hover
 * colour reaches them. A glossary term's dotted underline (the box's border) moves 2px lower under a page's
 * underline, so both show.
 */
const DECORATION_CSS = `dubao-t[data-td] dubao-w[data-py], dubao-t[data-td] dubao-c { --dubao-tdw: max(1px, 0.06em); background-repeat: no-repeat; background-origin: content-box;
  background-size: 100% var(--dubao-tdw);
  background-image: var(--dubao-td-u, none), var(--dubao-td-s, none), var(--dubao-td-o, none);
  background-position: left 0 bottom calc(0.07em - var(--dubao-tdw) / 2), left 0 bottom calc(0.5em - var(--dubao-tdw) / 2),
    left 0 bottom calc(1em - var(--dubao-tdw)); }
dubao-t[data-td~="underline"] { --dubao-td-u: linear-gradient(var(--dubao-tdc, currentColor) 0 0); }
dubao-t[data-td~="line-through"] { --dubao-td-s: linear-gradient(var(--dubao-tdc, currentColor) 0 0); }
dubao-t[data-td~="overline"] { --dubao-td-o: linear-gradient(var(--dubao-tdc, currentColor) 0 0); }
dubao-t[data-td~="underline"] dubao-w[data-term][data-py],
dubao-t[data-td~="underline"] dubao-w[data-term] > dubao-c { padding-bottom: 2px; margin-bottom: -4px; }`;

export const READER_CSS = `
@property --dubao-lh { syntax: '<length>'; inherits: true; initial-value: 0px; }
:where(body) { will-change: opacity; }
dubao-t, dubao-w, dubao-c { display: inline; font: inherit; color: inherit; }
dubao-g { display: inline; text-wrap-mode: nowrap; }
dubao-t { --dubao-lh: 1lh; }
dubao-t[data-r] { text-justify: none; }
dubao-t dubao-w[data-py], dubao-t dubao-c { display: inline-flex; flex-direction: column; align-items: center;
  vertical-align: baseline; baseline-source: last; line-height: 1; text-indent: 0;
  margin-top: calc(-1 * min(${PINYIN_HEIGHT}, max(0px, (var(--dubao-lh) - 1em) / 2) + var(--dubao-room, 0px))); }
dubao-t dubao-w[data-py]::before, dubao-t dubao-c::before { content: attr(data-py); display: block;
  font-size: var(--dubao-py-size, ${DEFAULT_PINYIN_EM}em); line-height: 1; padding: max(0.15em, 3px) 0.22em 0;
  margin-bottom: -0.1em; white-space: nowrap; font-style: normal; font-weight: normal; letter-spacing: 0;
  text-transform: none; text-indent: 0; color: #8a5a00;
  font-family: 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', system-ui, sans-serif; }
:is(h1, h2, h3, h4, h5, h6, figcaption, caption, dt, summary):has(dubao-t[data-r]) { text-wrap: pretty; }
[${CONTAIN_ATTR}] { contain: layout style; }
@media print { [${CONTAIN_ATTR}] { contain: none; } }
${DECORATION_CSS}
${TONE_COLOURS.map((c, i) => `dubao-t[data-style="colors"] dubao-c.t${i + 1}::before { color: ${c}; }`).join('\n')}
${Object.entries(TERM_COLOURS)
  .map(([k, c]) => {
    // The offset in % (of the text's own 1em), not em: the highlight rule sits on :root and its values reach the
    // text by highlight inheritance, where an em would be the root's.
    const line = `text-decoration: underline dotted ${c}; text-decoration-thickness: 2px; text-underline-offset: 20%;`;
    // Two rules: a browser without ::highlight drops a whole selector list that names it. `:root::highlight`, not a
    // bare `::highlight` (which is `*::highlight`: a rule every element of the page is matched against, 65 of the
    // ~100 ms of style for the drawn sample page); highlight inheritance takes it to all the text below.
    // In a drawn term, plain characters (a digit of 1月) take the decoration; a word box takes a border.
    const box = `border-bottom: 2px dotted ${c}; margin-bottom: -2px;`;
    return (
      `:root::highlight(dubao-term-${k}) { ${line} }\ndubao-w[data-term="${k}"]:not([data-py]) { ${line} }\n` +
      `dubao-w[data-term="${k}"][data-py], dubao-w[data-term="${k}"] > dubao-c { ${box} }`
    );
  })
  .join('\n')}
`;
