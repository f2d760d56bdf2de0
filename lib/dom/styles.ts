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
 * Pinyin is one annotation a word, padded at both ends so neighbouring words' pinyin keep a gap (the padding only
 * widens a word whose pinyin is wider than its characters), and a little above, so it stays off the line above.
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

export const READER_CSS = `
:where(body) { will-change: opacity; }
dubao-t, dubao-w { display: inline; font: inherit; color: inherit; }
dubao-t ruby { ruby-position: over; ruby-align: center; }
dubao-t rt { font-size: var(--dubao-py-size, ${DEFAULT_PINYIN_EM}em); line-height: 1; padding: 0.15em 0.22em 0.05em;
  font-style: normal; font-weight: normal; letter-spacing: 0; text-transform: none; text-indent: 0; color: #8a5a00;
  font-family: 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', system-ui, sans-serif; user-select: none; -webkit-user-select: none; }
dubao-t rt::before { content: attr(data-py); }
:is(h1, h2, h3, h4, h5, h6, figcaption, caption, dt, summary):has(dubao-t ruby) { text-wrap: pretty; }
${TONE_COLOURS.map((c, i) => `dubao-t[data-style="colors"] rt.t${i + 1} { color: ${c}; }`).join('\n')}
${Object.entries(TERM_COLOURS)
  .map(([k, c]) => {
    // The offset in % (of the text's own 1em), not em: the highlight rule sits on :root and its values reach the
    // text by highlight inheritance, where an em would be the root's.
    const line = `text-decoration: underline dotted ${c}; text-decoration-thickness: 2px; text-underline-offset: 20%;`;
    // Two rules: a browser without ::highlight drops a whole selector list that names it. `:root::highlight`, not a
    // bare `::highlight` (which is `*::highlight`: a rule every element of the page is matched against, 65 of the
    // ~100 ms of style for the drawn sample page); highlight inheritance takes it to all the text below.
    return `:root::highlight(dubao-term-${k}) { ${line} }\ndubao-w[data-term="${k}"] { ${line} }`;
  })
  .join('\n')}
`;
