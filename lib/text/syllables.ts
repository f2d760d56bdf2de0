/**
 * Pinyin syllables and tone marks, in one place for every part of Dubao: the reader's pinyin (lib/text), the
 * dictionary (lib/dict: CC-CEDICT's numbered pinyin), search (lib/db) and the word-list formats (lib/vocab).
 */

// Initial (optional) and final of one syllable, longest finals first so `xian` is x+ian rather than x+i+an.
const SYLLABLE =
  /(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|üan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|üe|ui|un|ün|uo|a|e|i|o|u|ü|ê)|h?ng|h?m|h?n/giu;

const TONE_OF: Record<string, number> = { '\u0304': 1, '\u0301': 2, '\u030c': 3, '\u0300': 4 };

/**
 * `gòng tóng` → `gong4 tong2`, `Běijīng` → `Bei3jing1`, `lǜ` → `lu:4`, `de` → `de5`: the numbered pinyin
 * Pleco and CC-CEDICT read. Spacing is kept; tokens that are not pinyin (`DVD`, `3D`) pass through.
 */
export function marksToNumbered(pinyin: string): string {
  // In toned text an unmarked syllable is neutral (`shén me` → `shen2 me5`); alone it may be any Latin word.
  const toned = /[\u0300\u0301\u0304\u030c]/.test(pinyin.normalize('NFD'));
  return pinyin.replace(/[^\s'’·-]+/g, (token) => numberToken(token, toned));
}

function numberToken(token: string, toned: boolean): string {
  // Separate tone marks from letters; U+0308 belongs to ü and is not a tone.
  const letters: string[] = [];
  const tones: number[] = [];
  for (const ch of token
    .normalize('NFD')
    .replace(/u\u0308/g, 'ü')
    .replace(/U\u0308/g, 'Ü')) {
    const tone = TONE_OF[ch];
    if (tone !== undefined) {
      if (letters.length > 0) tones[letters.length - 1] = tone;
    } else {
      letters.push(ch);
    }
  }
  const base = letters.join('');
  const spans: [number, number][] = [];
  SYLLABLE.lastIndex = 0;
  let at = 0;
  for (let m = SYLLABLE.exec(base); m; m = SYLLABLE.exec(base)) {
    if (m.index !== at || m[0] === '') break;
    spans.push([m.index, m.index + m[0].length]);
    at = m.index + m[0].length;
  }
  if (!toned || at !== base.length) return token;
  return spans
    .map(([from, to]) => {
      const tone = tones.slice(from, to).find((t) => t !== undefined) ?? 5;
      return base.slice(from, to).replace(/ü/g, 'u:').replace(/Ü/g, 'U:') + tone;
    })
    .join('');
}

/**
 * `gong4tong2 fu4yu4` or `gòngtóng fùyù` → `gòng tóng fù yù`: tone marks, one syllable a word, as Dubao stores
 * pinyin. Numbered syllables are split where the numbers are; marked text is kept as written.
 */
export function numberedToSpacedMarks(pinyin: string): string {
  return pinyin
    .replace(
      /([a-zA-ZüÜ:]+?)([1-5])/g,
      (_, body: string, tone: string) => ` ${syllableToMarks(body + tone)} `,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

// ---- numbered → marks (CC-CEDICT's `yin2 hang2`) ----------------------------------------------------------

// Combining marks for tones 1–4; NFC then folds e.g. u + U+0308 + U+030C into ǚ, and handles m/n/ê alike.
const TONE_MARK = ['', '\u0304', '\u0301', '\u030c', '\u0300'];
const NUMBERED_SYLLABLE = /^([a-zA-ZüÜ:]+?)([1-5])$/;

/** `lu:e4` → `lüè`, `Bei3` → `Běi`, `r5` → `r`, `ma` → `ma`; anything that is not pinyin is returned as is. */
export function syllableToMarks(syllable: string): string {
  const m = NUMBERED_SYLLABLE.exec(syllable);
  // Without a tone number the token may be a Latin letter (`DVD`, `V`), so only `u:` is touched.
  if (!m) return syllable.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const body = m[1].replace(/u:|v/g, 'ü').replace(/U:|V/g, 'Ü');
  const tone = Number(m[2]);
  if (tone === 5) return body;
  const i = markIndex(body);
  if (i < 0) return body;
  return (body.slice(0, i + 1) + TONE_MARK[tone] + body.slice(i + 1)).normalize('NFC');
}

// The standard rule: a or e takes the mark; in "ou" the o does; otherwise the last vowel; m/n/ng alone take it.
function markIndex(s: string): number {
  const lower = s.toLowerCase();
  const a = lower.search(/[ae]/);
  if (a >= 0) return a;
  const ou = lower.indexOf('ou');
  if (ou >= 0) return ou;
  for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i])) return i;
  if (/^(h?m|h?n|h?ng)$/.test(lower)) return lower.indexOf(lower.includes('m') ? 'm' : 'n');
  return -1;
}

/** Converts a whole CEDICT pinyin field (`chuan2 tong3`) into tone marks (`chuán tǒng`). */
export function numberedToMarks(pinyin: string): string {
  return pinyin
    .split(' ')
    .map((s) => syllableToMarks(s))
    .join(' ');
}

// ---- marked syllables: their tone, their letters, marking a plain one ----------------------------------------

const TONE_MARKS: Record<string, [string, number]> = {};
for (const [base, marks] of [
  ['a', 'āáǎà'],
  ['e', 'ēéěè'],
  ['i', 'īíǐì'],
  ['o', 'ōóǒò'],
  ['u', 'ūúǔù'],
  ['ü', 'ǖǘǚǜ'],
] as const) {
  [...marks].forEach((m, i) => (TONE_MARKS[m] = [base, i + 1]));
}
// Rare syllables: m̄/ḿ/ň/ǹ (呣, 嗯) — combining or precomposed.
TONE_MARKS['ḿ'] = ['m', 2];
TONE_MARKS['ń'] = ['n', 2];
TONE_MARKS['ň'] = ['n', 3];
TONE_MARKS['ǹ'] = ['n', 4];

/** Splits a marked syllable into its plain letters (ü kept) and its tone (5 when unmarked). */
export function splitTone(marked: string): { plain: string; tone: number } {
  let tone = 5;
  let plain = '';
  const text = /[\u0300-\u036f]/.test(marked) ? marked.normalize('NFC') : marked;
  for (const ch of text) {
    const m = TONE_MARKS[ch];
    if (m) {
      plain += m[0];
      tone = m[1];
    } else if (ch >= '\u0300' && ch <= '\u036f') {
      tone = ch === '\u0304' ? 1 : ch === '\u0301' ? 2 : ch === '\u030c' ? 3 : ch === '\u0300' ? 4 : tone;
    } else plain += ch;
  }
  return { plain: plain.toLowerCase(), tone };
}

/** The tone of a marked syllable: 1–4, or 5 when unmarked. */
export function toneOf(marked: string): number {
  for (let i = 0; i < marked.length; i++) {
    const m = TONE_MARKS[marked[i]];
    if (m) return m[1];
    const c = marked.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) return splitTone(marked).tone;
  }
  return 5;
}

/** Places the tone mark on a plain syllable (`liu`, 2 → `liú`; `lv`, 4 → `lǜ`): the rule of `syllableToMarks`. */
export function markTone(plain: string, tone: number): string {
  const p = plain.replace(/v|u:/g, 'ü');
  if (tone < 1 || tone > 4 || !NUMBERED_SYLLABLE.test(p + tone)) return p;
  return syllableToMarks(p + tone);
}

// ---- search keys ---------------------------------------------------------------------------------------------

/** `yin2 hang2`, `yin2hang2`, `yín háng` → `yínháng`. */
export function tonedPinyin(pinyin: string): string {
  return pinyin
    .toLowerCase()
    .replace(/([a-zü:]+?)([1-5])/g, (_, body: string, tone: string) => syllableToMarks(body + tone))
    .replace(/u:|v/g, 'ü')
    .replace(/[\s'·-]+/g, '')
    .normalize('NFC');
}

/** `yín háng`, `yin2 hang2` → `yinhang`; ü, u: and v all become u, so `lu` finds lǜ. */
export function tonelessPinyin(pinyin: string): string {
  return pinyin
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/u:|v/g, 'u')
    .replace(/[\s'·\-1-5]+/g, '');
}
