import { isHan, isHangul, isKana, isSpace } from './han';

export interface TextStats {
  /** Han characters (code points, so 𠮷 counts once). */
  hanChars: number;
  /** Hiragana and katakana. */
  kana: number;
  hangul: number;
  /** Code points that are not white space. */
  nonSpace: number;
  /** hanChars / nonSpace, 0 for text with no visible characters. */
  density: number;
  /** Running Chinese text, as opposed to a few Chinese words among another language, or Japanese. */
  isChineseProse: boolean;
}

/** Below this many Han characters a text is a label or a name, not prose. */
export const MIN_PROSE_HAN = 10;
/** Chinese prose is mostly Han; punctuation, numbers and a few Latin names bring it down to ~0.7. */
export const MIN_PROSE_DENSITY = 0.4;
/**
 * Japanese writes grammar in kana (the particles の, は, を …), so running Japanese has a third or more of kana
 * among its kanji. Chinese text has none, bar a brand name.
 */
export const MAX_CHINESE_KANA_SHARE = 0.08;

export function countText(text: string): Omit<TextStats, 'density' | 'isChineseProse'> {
  let hanChars = 0;
  let kana = 0;
  let hangul = 0;
  let nonSpace = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
    }
    if (cp < 0x80) {
      if (cp > 0x20) nonSpace++;
      else if (!isSpace(cp)) nonSpace++;
      continue;
    }
    if (isSpace(cp)) continue;
    nonSpace++;
    if (isHan(cp)) hanChars++;
    else if (isKana(cp)) kana++;
    else if (isHangul(cp)) hangul++;
  }
  return { hanChars, kana, hangul, nonSpace };
}

/** Judges counts gathered elsewhere (e.g. summed over the text nodes of one block). */
export function judgeCounts(counts: Omit<TextStats, 'density' | 'isChineseProse'>): TextStats {
  const { hanChars, kana, nonSpace } = counts;
  const density = nonSpace === 0 ? 0 : hanChars / nonSpace;
  const isChineseProse =
    hanChars >= MIN_PROSE_HAN &&
    density >= MIN_PROSE_DENSITY &&
    kana <= (hanChars + kana) * MAX_CHINESE_KANA_SHARE &&
    counts.hangul <= hanChars * MAX_CHINESE_KANA_SHARE;
  return { ...counts, density, isChineseProse };
}

export function detectText(text: string): TextStats {
  return judgeCounts(countText(text));
}
