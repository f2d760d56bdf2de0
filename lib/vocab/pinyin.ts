import { syllableToMarks } from '../dict/cedict';

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
