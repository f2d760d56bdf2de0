/**
 * From the text of one run to the view the reader renders: words, the text to display (converted or not), the
 * pinyin over each character, and which words are glossary terms. Pure: data in, data out.
 */
import type { BuiltView, ViewToken } from '../dom/view';

export type { BuiltView } from '../dom/view';
import { formFor } from '../glossary/forms';
import type { TermMatch, TermMatcher } from '../glossary/match';
import { formatSyllable, readRun, toZhuyin, type PinyinTerm } from '../text/pinyin';
import type { Segmenter } from '../text/segment';
import type { WordConverter } from '../text/convert';
import type { PinyinStyle, ScriptTarget } from '../settings';

export interface ViewSettings {
  pinyin: boolean;
  pinyinStyle: PinyinStyle;
  script: ScriptTarget;
}

export interface ViewEngine {
  segmenter: Segmenter;
  /** Surface forms of glossary and user terms that must stay whole, with their pinyin. */
  terms: readonly PinyinTerm[];
  termWords: readonly string[];
  matcher: TermMatcher | null;
  /** The word converter for `settings.script`; absent when the script is left as published. */
  convert?: WordConverter;
  /** Words whose pinyin the user does not want (known words, HSK levels). */
  hidePinyinFor?: (word: string) => boolean;
}

function annotation(marked: string, style: PinyinStyle): string {
  if (style === 'numbers') return formatSyllable(marked, 'numbers');
  if (style === 'zhuyin') return toZhuyin(marked);
  return marked;
}

/**
 * The text each token shows: converted word by word (no phrase match crosses a word boundary), and a glossary or
 * user term that is a token of its own shows the term's own form in the target script.
 */
function displayTexts(
  tokens: { start: number; end: number; text: string }[],
  matches: readonly TermMatch[],
  script: ScriptTarget,
  convert?: WordConverter,
): string[] {
  if (!convert || script === 'original') return tokens.map((t) => t.text);
  const out = convert(tokens.map((t) => t.text));
  let m = 0;
  tokens.forEach((tok, i) => {
    while (m < matches.length && matches[m].end <= tok.start) m++;
    const match = matches[m];
    if (!match || match.start !== tok.start || match.end !== tok.end) return;
    const form = formFor(match.entry, tok.text);
    const own = script === 'cn' ? form?.simplified : form?.traditional;
    if (own) out[i] = own;
  });
  return out;
}

export function buildView(text: string, settings: ViewSettings, engine: ViewEngine): BuiltView {
  const tokens = engine.segmenter.segment(text, { terms: engine.termWords });
  const matches = engine.matcher?.find(text) ?? [];
  const termSpans = matches.map((m) => ({
    start: m.start,
    end: m.end,
    termId: m.entry.id,
    category: m.entry.category,
  }));
  const displays = displayTexts(tokens, matches, settings.script, engine.convert);
  // The segmenter's words, over the displayed text, so the pinyin reader need not cut the run again.
  let at = 0;
  const words = displays.map((d) => ({ start: at, end: (at += d.length) }));
  const readings = settings.pinyin ? readRun(displays.join(''), { terms: engine.terms, words }) : [];

  let m = 0;
  let r = 0;
  const out: ViewToken[] = tokens.map((tok, i) => {
    const display = displays[i];
    const token: ViewToken = { start: tok.start, end: tok.end, display, word: tok.word };
    while (m < matches.length && matches[m].end <= tok.start) m++;
    const match = matches[m];
    if (match && match.start <= tok.start && tok.end <= match.end) {
      token.termId = match.entry.id;
      token.termCategory = match.entry.category;
    }
    if (settings.pinyin) {
      const chars = Array.from(display);
      const mine = readings.slice(r, r + chars.length);
      r += chars.length;
      if (tok.word && !engine.hidePinyinFor?.(tok.text)) {
        token.ruby = mine.map((c) => (c.pinyin ? annotation(c.pinyin, settings.pinyinStyle) : null));
        token.tones = mine.map((c) => c.tone);
      }
    }
    return token;
  });
  return { tokens: out, termSpans, style: settings.pinyinStyle };
}
