import { tonedPinyin, tonelessPinyin } from '../text/syllables';

export { tonedPinyin, tonelessPinyin } from '../text/syllables';

/** What the user typed, folded once so it can be compared against many rows. */
export interface PreparedQuery {
  /** Lowercased, trimmed text for Han and English matching. */
  text: string;
  /** Pinyin with tone marks kept, no spaces (`yínháng`); null when the query carries no tones. */
  toned: string | null;
  /** Pinyin without tones, no spaces, ü folded to u (`yinhang`). */
  toneless: string;
  hasHan: boolean;
}

const HAN = /\p{Script=Han}/u;
// Combining tone marks after NFD; U+0308 (diaeresis of ü) is not a tone.
const TONE_MARKS = /[\u0300\u0301\u0304\u030c]/;

export function prepareQuery(raw: string): PreparedQuery {
  const text = raw.trim().toLowerCase();
  const hasTones = /[1-5]/.test(text) || TONE_MARKS.test(text.normalize('NFD'));
  return {
    text,
    toned: hasTones ? tonedPinyin(text) : null,
    toneless: tonelessPinyin(text),
    hasHan: HAN.test(text),
  };
}

export interface SearchableFields {
  /** Headwords and other Han forms. */
  hanzi: string[];
  pinyin: string;
  english: string;
}

/** Characters match Han forms; otherwise pinyin (toned if the query is toned) or English. */
export function matchesQuery(q: PreparedQuery, f: SearchableFields): boolean {
  if (q.text === '') return true;
  if (q.hasHan) return f.hanzi.some((h) => h.includes(q.text));
  if (q.toned !== null) return q.toned !== '' && tonedPinyin(f.pinyin).includes(q.toned);
  if (q.toneless !== '' && tonelessPinyin(f.pinyin).includes(q.toneless)) return true;
  return f.english.toLowerCase().includes(q.text);
}
