/**
 * From the text of one run to the view the reader renders: words, the text to display (converted or not), the
 * pinyin over each character, and which words are glossary terms. Pure: data in, data out.
 */
import type { BuiltView, ViewToken } from '../dom/view';

export type { BuiltView } from '../dom/view';
import type { TermMatcher } from '../glossary/match';
import { formatSyllable, readRun, toZhuyin, type PinyinTerm } from '../text/pinyin';
import type { Segmenter } from '../text/segment';
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
  /** The converter for `settings.script`; absent when the script is left as published. */
  convert?: (text: string) => string;
  /** Words whose pinyin the user does not want (known words, HSK levels). */
  hidePinyinFor?: (word: string) => boolean;
}

function annotation(marked: string, style: PinyinStyle): string {
  if (style === 'numbers') return formatSyllable(marked, 'numbers');
  if (style === 'zhuyin') return toZhuyin(marked);
  return marked;
}

/** Conversion that keeps token boundaries: the whole run at once when lengths agree, else word by word. */
function displayTexts(
  text: string,
  tokens: { start: number; end: number; text: string }[],
  convert?: (t: string) => string,
): string[] {
  if (!convert) return tokens.map((t) => t.text);
  const whole = convert(text);
  if (whole.length === text.length) return tokens.map((t) => whole.slice(t.start, t.end));
  return tokens.map((t) => convert(t.text));
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
  const displays = displayTexts(text, tokens, settings.script === 'original' ? undefined : engine.convert);
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
