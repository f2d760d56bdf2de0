/**
 * Pinyin for whole runs of text, read in context so that polyphones come out right (银行 háng, 行走 xíng).
 *
 * Traditional characters are folded to Simplified (pinyin-pro's dictionary is Simplified); pinyin-pro reads the run
 * with its phrase dictionary; a context model trained on the CPP polyphone data (`tools/train-pinyin.ts`) re-reads
 * the polyphonic characters; a small phrase table and then glossary and user terms have the last word. Dictionary
 * tones only: no 一/不 sandhi, as ruby over text should show.
 */
import { isHan as isHanCp } from './han';
import { markTone, splitTone, toneOf } from './syllables';
import { POLYPHONE_PHRASES } from './data/polyphones';
import modelData from './data/pinyin-model.json';
import foldData from './data/pinyin-fold.json';
import neutralData from './data/pinyin-neutral.json';
import ambiguousData from './data/pinyin-ambiguous.json';
import namesData from './data/pinyin-names.json';
import wordsData from './data/pinyin-words.json';
import agreedData from './data/pinyin-words-agreed.json';
import { baseReading, readWord, type WordSpan } from './pinyin-context';
import { grammarReading, isAabb, PRONOUNS, wordSense, type GrammarWord } from './pinyin-grammar';
import { createSegmenter, type Segmenter } from './segment';
import { hskLevel } from './hsk';
import { defaultLexicon } from './lexicon-default';
import { polyphonic } from 'pinyin-pro';
import {
  dictReadingsBeside,
  hasWordReading,
  predict,
  storedWordReading,
  type PinyinModel,
} from './pinyin-model';

const MODEL = modelData as unknown as PinyinModel;

export interface PinyinTerm {
  word: string;
  /** One syllable per Han character of `word`, space-separated, tone marks. */
  pinyin: string;
}

export interface CharReading {
  /** One code point of the input. */
  char: string;
  /** UTF-16 offset of `char` in the input. */
  start: number;
  /** Syllable with tone marks, or null when the character is not Han (or has no reading). */
  pinyin: string | null;
  /** 1–4, 5 for the neutral tone, 0 when there is no reading. */
  tone: number;
}

export interface ReadOptions {
  terms?: readonly PinyinTerm[];
  /**
   * The run's words in UTF-16 offsets (end exclusive), as the segmenter cut them: polyphones are read by word and
   * particles by the words around them. When absent, the default lexicon's segmenter cuts the run.
   */
  words?: readonly { start: number; end: number }[];
}

export { markTone, splitTone, toneOf } from './syllables';

/**
 * A marked syllable in another form: 'marks' as is, 'numbers' with a tone digit (neutral 5, ü kept),
 * 'none' without tones.
 */
export function formatSyllable(marked: string, style: 'marks' | 'numbers' | 'none'): string {
  if (style === 'marks') return marked;
  const { plain, tone } = splitTone(marked);
  return style === 'numbers' ? `${plain}${tone}` : plain;
}

const ZHUYIN_INITIALS: Record<string, string> = {
  b: 'ㄅ', p: 'ㄆ', m: 'ㄇ', f: 'ㄈ', d: 'ㄉ', t: 'ㄊ', n: 'ㄋ', l: 'ㄌ', g: 'ㄍ', k: 'ㄎ', h: 'ㄏ',
  j: 'ㄐ', q: 'ㄑ', x: 'ㄒ', zh: 'ㄓ', ch: 'ㄔ', sh: 'ㄕ', r: 'ㄖ', z: 'ㄗ', c: 'ㄘ', s: 'ㄙ',
}; // prettier-ignore
const ZHUYIN_FINALS: Record<string, string> = {
  a: 'ㄚ', o: 'ㄛ', e: 'ㄜ', ê: 'ㄝ', ai: 'ㄞ', ei: 'ㄟ', ao: 'ㄠ', ou: 'ㄡ', an: 'ㄢ', en: 'ㄣ', ang: 'ㄤ',
  eng: 'ㄥ', ong: 'ㄨㄥ', er: 'ㄦ', i: 'ㄧ', ia: 'ㄧㄚ', ie: 'ㄧㄝ', iao: 'ㄧㄠ', iu: 'ㄧㄡ', ian: 'ㄧㄢ',
  in: 'ㄧㄣ', iang: 'ㄧㄤ', ing: 'ㄧㄥ', iong: 'ㄩㄥ', u: 'ㄨ', ua: 'ㄨㄚ', uo: 'ㄨㄛ', uai: 'ㄨㄞ', ui: 'ㄨㄟ',
  uan: 'ㄨㄢ', un: 'ㄨㄣ', uang: 'ㄨㄤ', ü: 'ㄩ', üe: 'ㄩㄝ', üan: 'ㄩㄢ', ün: 'ㄩㄣ',
  // The full finals that pinyin writes short after an initial (liu, gui, lun) and in full after y/w (you, wei,
  // wen, weng), and io (yo).
  iou: 'ㄧㄡ', uei: 'ㄨㄟ', uen: 'ㄨㄣ', ueng: 'ㄨㄥ', io: 'ㄧㄛ',
}; // prettier-ignore
const ZHUYIN_TONES = ['', '', 'ˊ', 'ˇ', 'ˋ'];

/** A marked pinyin syllable in Zhuyin (Bopomofo), tone marks after the syllable, neutral tone ˙ before it. */
export function toZhuyin(marked: string): string {
  const { plain, tone } = splitTone(marked);
  let s = plain;
  // y/w spellings back to their finals.
  if (s.startsWith('yu')) s = 'ü' + s.slice(2);
  else if (s.startsWith('yi')) s = s.slice(1);
  else if (s.startsWith('y')) s = 'i' + s.slice(1);
  else if (s.startsWith('wu')) s = s.slice(1);
  else if (s.startsWith('w')) s = 'u' + s.slice(1);
  const initial = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcs])/.exec(s)?.[0] ?? '';
  let final = s.slice(initial.length);
  if ('jqx'.includes(initial) && initial && final.startsWith('u')) final = 'ü' + final.slice(1);
  if (final === 'ue') final = 'üe';
  let body: string;
  if (initial && /^(zh|ch|sh|r|z|c|s)$/.test(initial) && final === 'i') body = ZHUYIN_INITIALS[initial];
  else {
    const f = ZHUYIN_FINALS[final];
    if (f === undefined) return marked; // m, n, hm, ng and other interjections: leave as pinyin
    body = (ZHUYIN_INITIALS[initial] ?? '') + f;
  }
  return tone === 5 ? `˙${body}` : body + ZHUYIN_TONES[tone];
}

const isHan = (c: string): boolean => isHanCp(c.codePointAt(0) ?? 0);
/** A marked syllable in the model's and the eval's spelling: tone number 1–5, `v` for ü (hǎo → hao3). */
const numbered = (marked: string): string => formatSyllable(marked, 'numbers').replace(/ü/g, 'v');

const FOLD = foldData as {
  chars: Record<string, string>;
  byWord: Record<string, { to: string; words: string[] }>;
  own: Record<string, string>;
};
/** Traditional characters read one way where their Simplified form reads several (儘 jǐn, 隻 zhī, 髮 fà). */
const TRADITIONAL_OWN = new Map(Object.entries(FOLD.own));
const FOLD_CHARS = new Map(Object.entries(FOLD.chars));
/** Words with the positions of their neutral-tone syllables (`tools/gen-pinyin-neutral.ts`). */
const NEUTRAL = new Map(Object.entries(neutralData as Record<string, string>));
const BY_WORD = new Map(Object.entries(FOLD.byWord));
/** Words CC-CEDICT reads more than one way (同行 háng/xíng, 当天 dāng/dàng): `tools/gen-pinyin-ambiguous.ts`. */
const AMBIGUOUS = new Set((ambiguousData as string).split(' '));

/**
 * Common words CC-CEDICT reads differently from pinyin-pro at a character the model does not know (嚣张 xiāo,
 * 辗转 zhǎn): word → "position reading …" (`tools/gen-pinyin-words.ts`).
 */
const WORD_READINGS = new Map(Object.entries(wordsData as Record<string, string>));
/**
 * Words where CC-CEDICT and pinyin-pro's full dictionary agree on the reading of a character and pinyin-pro's
 * runtime dictionary does not (知识分子 fèn, 理发 fà, 有朝一日 zhāo): word → "position reading …"
 * (`tools/gen-pinyin-words.ts`). Applied to a segmenter word that is exactly the word.
 */
const AGREED_READINGS = new Map(Object.entries(agreedData as Record<string, string>));
/** Those words by first character, as arrays of code points. */
const WORD_STARTS = new Map<string, string[][]>();
for (const word of WORD_READINGS.keys()) {
  const cps = Array.from(word);
  WORD_STARTS.set(cps[0], [...(WORD_STARTS.get(cps[0]) ?? []), cps]);
}

/**
 * Polyphonic measure words and their reading as one (a closed class): after a number, 一担 dàn, 三处 chù. Not 只 and
 * 把, which are also "only" and the object marker right after a number word (万一只有, 万一把).
 */
const MEASURE_READING = new Map([
  ['担', 'dàn'],
  ['处', 'chù'],
  ['种', 'zhǒng'],
  ['卷', 'juàn'],
  ['曲', 'qǔ'],
  ['斗', 'dǒu'],
  ['乘', 'shèng'],
  ['间', 'jiān'],
  ['张', 'zhāng'],
]);
const NUMERALS = /^[0-9０-９〇零一二三四五六七八九十百千万亿两几多余]+$/u;

/** Before 得 了, words that are not the verb of a potential form: the personal pronouns and 谁 (他得了 dé le). */
const notVerbBeforeDe = (word: string): boolean => PRONOUNS.has(word) || word === '谁';
/** After V 得 了, words that leave it the potential form: sentence particles, 这么/那么 (吃得了这么多). */
const POTENTIAL_AFTER = new Set(['吗', '吧', '呢', '啊', '么', '这么', '那么', '这样', '那样', '多少']);

/** Verbal measures: how many times an action is done (重做一次, 重三遍). */
const VERBAL_MEASURES = '遍次回趟轮';

/** Units of weight (公斤, 斤, 吨, 克, 磅; 两 is also "two", so not it). */
const WEIGHT_UNIT = /^(?:公斤|千克|公吨|斤|吨|克|磅|kg|KG|t\b)/u;

/** Whether code points start…end of `chars` are a number (numerals, digits, 多/余). */
function isNumber(chars: readonly string[], start: number, end: number): boolean {
  return end > start && NUMERALS.test(chars.slice(start, end).join(''));
}

/** "解xie4曾zeng1…" → character → numbered reading. */
function readingTable(packed: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of packed.matchAll(/(\p{Script=Han})([a-zü]+[1-5])/gu)) out.set(m[1], m[2]);
  return out;
}
/** How polyphonic characters read in personal names (`tools/gen-pinyin-names.ts`): 曾 Zēng, 任 Rén; 燕 yàn. */
const SURNAME_READING = readingTable(namesData.surnames);
const GIVEN_READING = readingTable(namesData.given);
/** Below this lexicon cost a character is a frequent word of its own (曾, 任, 王, 万). */
const FREQUENT_WORD_COST = 8.5;

/**
 * Whether a word of the segmenter is a personal name its name model made (a surname and one or two given-name
 * characters, not a dictionary word): 曾小红, 任强.
 */
function isPersonName(word: string, lexicon: ReturnType<typeof defaultLexicon>): boolean {
  if (word.length < 2 || word.length > 3 || lexicon.cost(word) !== undefined) return false;
  if (lexicon.surnameCost(word.charCodeAt(0)) === undefined) return false;
  for (let k = 1; k < word.length; k++) if (lexicon.givenCost(word.charCodeAt(k)) === undefined) return false;
  return true;
}

/**
 * Traditional (and Hong Kong / Taiwan variant) characters folded to Simplified one code point for one, so offsets
 * stay put and the Simplified reading in context applies (車 chē as 车; 跟著 gēn zhe as 跟着). 著 and 乾 are
 * Simplified too, with readings of their own: they stay where a dictionary word reads them so (著名 zhù, 乾隆 qián)
 * and fold elsewhere (`tools/gen-pinyin-fold.ts`).
 */
export function foldToSimplified(chars: readonly string[]): string[] {
  const out = new Array<string>(chars.length);
  let own = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (BY_WORD.has(c)) {
      own = true;
      out[i] = c;
    } else out[i] = FOLD_CHARS.get(c) ?? c;
  }
  if (own)
    for (let i = 0; i < out.length; i++) {
      const entry = BY_WORD.get(out[i]);
      if (entry && !inWord(out, i, entry.words)) out[i] = entry.to;
    }
  return out;
}

/** Whether one of `words` covers position `i` of `chars`. */
function inWord(chars: readonly string[], i: number, words: readonly string[]): boolean {
  for (const word of words) {
    const cps = Array.from(word);
    for (let j = 0; j < cps.length; j++) {
      if (cps[j] !== chars[i]) continue;
      const start = i - j;
      if (start < 0 || start + cps.length > chars.length) continue;
      if (cps.every((c, k) => chars[start + k] === c)) return true;
    }
  }
  return false;
}

let segmenter: Segmenter | null = null;
const termWordCache = new WeakMap<readonly PinyinTerm[], string[]>();

/** The words of glossary and user terms, which the segmenter keeps whole (one array per terms array). */
function termWords(terms: readonly PinyinTerm[] | undefined): string[] | undefined {
  if (!terms?.length) return undefined;
  let words = termWordCache.get(terms);
  if (!words) termWordCache.set(terms, (words = terms.map((t) => t.word)));
  return words;
}
const polyphoneCache = new Map<string, boolean>();

/** Whether pinyin-pro knows more than one reading of a character. */
function isPolyphone(ch: string): boolean {
  let p = polyphoneCache.get(ch);
  if (p === undefined) {
    p = (polyphonic(ch, { type: 'array' }) as string[][])[0]?.length > 1;
    polyphoneCache.set(ch, p);
  }
  return p;
}

/**
 * What readings are decided from: the run folded to Simplified, pinyin-pro's reading corrected by the segmenter's
 * words, and those words in code point offsets (every code point in exactly one). Shared with
 * `tools/train-pinyin.ts`, so the model learns from what it sees at run time.
 */
export function readingContext(
  chars: readonly string[],
  words?: readonly { start: number; end: number }[],
  terms?: readonly PinyinTerm[],
) {
  const folded = foldToSimplified(chars);
  const spans = codePointSpans(
    chars,
    words ??
      (segmenter ??= createSegmenter(defaultLexicon())).segment(chars.join(''), { terms: termWords(terms) }),
  );
  const base = baseReading(folded, spans, isPolyphone);
  return { folded, base, spans };
}

/** UTF-16 word spans to code point spans covering the run, one word per span, gaps filled one code point each. */
function codePointSpans(
  chars: readonly string[],
  words: readonly { start: number; end: number }[],
): WordSpan[] {
  let length = 0;
  for (const c of chars) length += c.length;
  // UTF-16 offset → code point index, -1 inside a surrogate pair.
  const cpAt = new Int32Array(length + 1).fill(-1);
  let off = 0;
  for (let i = 0; i < chars.length; i++) {
    cpAt[off] = i;
    off += chars[i].length;
  }
  cpAt[off] = chars.length;
  const out: WordSpan[] = [];
  let next = 0;
  for (const w of words) {
    const start = w.start <= length ? cpAt[w.start] : -1;
    const end = w.end <= length ? cpAt[w.end] : -1;
    if (start < 0 || end < 0 || start < next || end <= start) continue;
    for (; next < start; next++) out.push({ start: next, end: next + 1 });
    out.push({ start, end });
    next = end;
  }
  for (; next < chars.length; next++) out.push({ start: next, end: next + 1 });
  return out;
}

/** Phrase table as a map from first character to phrases, longest first. */
type PhraseIndex = Map<string, { word: string; syllables: string[] }[]>;

function indexPhrases(entries: Iterable<[string, string]>): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const [word, py] of entries) {
    const chars = Array.from(word);
    const syllables = py.split(/\s+/).filter(Boolean);
    const han = chars.filter(isHan).length;
    if (syllables.length !== han || chars.length === 0) continue;
    const list = index.get(chars[0]) ?? [];
    list.push({ word, syllables });
    index.set(chars[0], list);
  }
  for (const list of index.values()) list.sort((a, b) => b.word.length - a.word.length);
  return index;
}

let builtinIndex: PhraseIndex | null = null;
const termIndexCache = new WeakMap<readonly PinyinTerm[], PhraseIndex>();

function termIndex(terms: readonly PinyinTerm[]): PhraseIndex {
  let idx = termIndexCache.get(terms);
  if (!idx) {
    idx = indexPhrases(terms.map((t) => [foldToSimplified(Array.from(t.word)).join(''), t.pinyin]));
    termIndexCache.set(terms, idx);
  }
  return idx;
}

/**
 * Writes the syllables of every phrase found in `folded` (leftmost-longest, non-overlapping) over `out`. With
 * `spans`, only a phrase that is one of those words counts (a term 市长 inside 合肥市 | 长丰县 does not).
 */
function applyPhrases(
  folded: string[],
  out: (string | null)[],
  index: PhraseIndex,
  spans?: readonly WordSpan[],
): void {
  let whole: Set<number> | null = null;
  if (spans) {
    whole = new Set();
    for (const { start, end } of spans) whole.add(start * 0x10000 + end);
  }
  for (let i = 0; i < folded.length;) {
    const cands = index.get(folded[i]);
    let hit: { word: string; syllables: string[] } | undefined;
    if (cands) {
      for (const c of cands) {
        const len = Array.from(c.word).length;
        if (i + len > folded.length) continue;
        let ok = true;
        let k = 0;
        for (const ch of c.word) {
          if (folded[i + k] !== ch) {
            ok = false;
            break;
          }
          k++;
        }
        if (ok && (!whole || whole.has(i * 0x10000 + i + len))) {
          hit = c;
          break;
        }
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    let s = 0;
    const len = Array.from(hit.word).length;
    for (let k = 0; k < len; k++) {
      if (!isHan(folded[i + k])) continue;
      out[i + k] = hit.syllables[s++];
    }
    i += len;
  }
}

/**
 * Reads a whole run: one entry per code point. Han characters get a syllable (tone marks, dictionary tones),
 * anything else `pinyin: null`. Terms (glossary, user) set the reading of their characters.
 */
export function readRun(text: string, options: ReadOptions = {}): CharReading[] {
  const chars = Array.from(text);
  if (chars.length === 0) return [];
  const { folded, base, spans } = readingContext(chars, options.words, options.terms);
  const readings = new Array<string | null>(chars.length).fill(null);

  // pinyin-pro's reading in the model's spelling, only where the model looks at it.
  const guess = new Array<string | null>(chars.length).fill(null);
  const ctx = { chars: folded, guess, words: base.words };
  const lexicon = defaultLexicon();
  const inWord = new Uint8Array(chars.length);
  for (const { start, end } of spans) if (end - start > 1) inWord.fill(1, start, end);
  for (let i = 0; i < chars.length; i++) {
    if (!isHan(chars[i]) || !base.marked[i]) continue;
    readings[i] = base.marked[i];
    // A word of the segmenter that is a dictionary word, read one way by CC-CEDICT and the same way by pinyin-pro
    // (出差 chāi, 白发 fà): the word decides, not the model, whose sentence counts can outvote a reading they
    // rarely show. (The lexicon's words are CC-CEDICT's; the model keeps CC-CEDICT's reading where they differ.)
    const word = base.words[i];
    if (
      inWord[i] &&
      word &&
      lexicon.cost(word) !== undefined &&
      !AMBIGUOUS.has(word) &&
      !hasWordReading(MODEL, folded[i], word) &&
      toneOf(base.marked[i]) !== 5
    )
      continue;
    if (MODEL.chars[folded[i]]?.length > 1) {
      guess[i] = numbered(base.marked[i]);
      const best = predict(MODEL, ctx, i);
      if (best && best !== guess[i]) readings[i] = markTone(best.replace(/\d$/, ''), Number(best.slice(-1)));
    }
  }

  // Inside a word of the segmenter (气焰嚣张 holds 嚣张).
  for (const { start, end } of spans) {
    if (end - start < 2) continue;
    for (let i = start; i < end - 1; i++)
      for (const word of WORD_STARTS.get(folded[i]) ?? []) {
        if (i + word.length > end || word.some((c, j) => folded[i + j] !== c)) continue;
        for (const fix of WORD_READINGS.get(word.join(''))!.split(' ')) {
          const r = fix.slice(1);
          readings[i + Number(fix[0])] = markTone(r.slice(0, -1), Number(r.slice(-1)));
        }
      }
  }

  // A word both full dictionaries read one way (知识分子 fèn, 理发 fà): the model's sentences may never show it.
  for (const { start, end } of spans) {
    if (end - start < 2) continue;
    const fixes = AGREED_READINGS.get(folded.slice(start, end).join(''));
    if (fixes)
      for (const fix of fixes.split(' ')) {
        const r = fix.slice(1);
        readings[start + Number(fix[0])] = markTone(r.slice(0, -1), Number(r.slice(-1)));
      }
  }

  // Measure words after a number read as measure words (一担水 dàn, 三处 chù, 一卷书 juàn, 一曲 qǔ): the
  // measure word and a number of numerals or digits before it, in one word (三处) or two (1 | 担).
  for (let k = 0; k < spans.length; k++) {
    const { start, end } = spans[k];
    const m = MEASURE_READING.get(folded[end - 1]);
    if (!m) continue;
    let numeral = end - 1 > start && isNumber(folded, start, end - 1);
    if (end - start === 1 && k > 0) numeral = isNumber(folded, spans[k - 1].start, spans[k - 1].end);
    if (numeral) readings[end - 1] = m;
  }

  // 重 on its own before a verb is the prefix "again" (重 | 编程, 重 | 启动: chóng): it reads as in the dictionary
  // word it makes with the next character (重编 chóng in CC-CEDICT; 重量 zhòng would stay).
  for (let k = 0; k + 1 < spans.length; k++) {
    const { start, end } = spans[k];
    // The verb after it is a word of two characters or more (a weight, 重 | 五 | 公斤, or 重 | 了 is not).
    if (end - start !== 1 || folded[start] !== '重' || spans[k + 1].end - spans[k + 1].start < 2) continue;
    if (!isHan(folded[end]) || /[〇零一二三四五六七八九十百千万两几]/u.test(folded[end])) continue;
    const pair = '重' + folded[end];
    if (lexicon.cost(pair) === undefined) continue;
    const r = storedWordReading(MODEL, '重', pair) ?? formatSyllable(readWord(pair)[0] ?? '', 'numbers');
    if (r === 'chong2') readings[start] = 'chóng';
  }

  // 重 right before a number and a unit of weight is "weighs" (箱子重五公斤, 重 2 吨: zhòng), however the segmenter
  // cut it (it takes 重五, the Dragon Boat festival, for a word).
  for (let i = 0; i + 2 < folded.length; i++) {
    if (folded[i] !== '重') continue;
    let j = i + 1;
    while (j < folded.length && (NUMERALS.test(folded[j]) || folded[j] === '.' || folded[j] === ' ')) j++;
    if (j > i + 1 && WEIGHT_UNIT.test(folded.slice(j, j + 2).join(''))) readings[i] = 'zhòng';
  }

  // 重 right before a count of times (重 | 三 | 遍, 重 | 写 | 两 | 遍): the prefix "again" (chóng), with at most
  // one verb character between; a weight (重五公斤) has no verbal measure.
  // 重 is a word of its own there, and so is the verb (重要 | 一次 is not one).
  for (let k = 0; k < spans.length; k++) {
    const { start, end } = spans[k];
    if (folded[start] !== '重' || end - start !== 1) continue;
    let j = start + 1;
    if (spans[k + 1]?.end === j + 1 && isHan(folded[j]) && !NUMERALS.test(folded[j])) j++;
    const n = j;
    while (j < folded.length && (NUMERALS.test(folded[j]) || folded[j] === ' ')) j++;
    if (j > n && VERBAL_MEASURES.includes(folded[j] ?? '')) readings[start] = 'chóng';
  }

  // The potential form V 得 了 at the end of a clause or before 吗/吧/呢 or 这么/那么 (解决 | 得 | 了, 吃 | 得 | 了 |
  // 这么 | 多 | 吗): "can manage", de liǎo; with an object it is dé le "got" (孩子 | 得 | 了 | 感冒).
  for (let k = 1; k + 1 < spans.length; k++) {
    const { start, end } = spans[k];
    if (end - start !== 1 || folded[start] !== '得' || folded[end] !== '了' || spans[k + 1].end !== end + 1)
      continue;
    const before = folded.slice(spans[k - 1].start, spans[k - 1].end).join('');
    if (!isHan(before[0]) || notVerbBeforeDe(before)) continue;
    const after = spans[k + 2] ? folded.slice(spans[k + 2].start, spans[k + 2].end).join('') : '';
    // …or the question "can or cannot": 开 | 得 | 了 | 开 | 不了.
    const asks =
      after === before &&
      spans[k + 3] &&
      folded.slice(spans[k + 3].start, spans[k + 3].end).join('') === '不了';
    if (after && isHan(after[0]) && !POTENTIAL_AFTER.has(after) && !asks) continue;
    readings[start] = 'de';
    readings[end] = 'liǎo';
  }

  // 着 as the result complement "reach, succeed" inside a word of the segmenter: the potential form (找不着,
  // 够不着, 用不着, 睡得着) at the end of the word, or a one-character verb + 着 before 了 (找着 | 了): zháo.
  for (let k = 0; k < spans.length; k++) {
    const { start, end } = spans[k];
    if (folded[end - 1] !== '着' || end - start < 2) continue;
    const potential = end - start === 3 && (folded[end - 2] === '不' || folded[end - 2] === '得');
    const beforeLe = end - start === 2 && folded[end] === '了' && spans[k + 1]?.end === end + 1;
    if (potential || beforeLe) readings[end - 1] = 'zháo';
  }

  // Personal names read as names: the surname's reading as a surname, given-name characters as names use them.
  for (const { start, end } of spans) {
    if (end - start < 2 || end - start > 3) continue;
    const word = folded.slice(start, end).join('');
    if (!isPersonName(word, lexicon)) continue;
    // A surname that is a frequent word too (曾 "once", 任 "term of office") is left to the context: the name
    // model takes 曾有, 任国君 for names.
    const surnameFirst = (lexicon.cost(folded[start]) ?? Infinity) >= FREQUENT_WORD_COST;
    for (let i = surnameFirst ? start : start + 1; i < end; i++) {
      const r = (i === start ? SURNAME_READING : GIVEN_READING).get(folded[i]);
      if (r) readings[i] = markTone(r.slice(0, -1), Number(r.slice(-1)));
    }
  }

  const words: GrammarWord[] = spans.map(({ start, end }) => ({
    text: end - start === 1 ? folded[start] : folded.slice(start, end).join(''),
    han: isHan(folded[start]),
  }));
  for (let k = 0; k < words.length; k++) {
    let r = grammarReading(words, k);
    // 种 alone before a word is the verb "plant" by the rule; where it makes a dictionary word with a one-character
    // word beside it that reads it only as the noun (种 | 业: 种业 "seed industry"; 新 | 种: 新种 "new species", words
    // the segmenter does not know), and no dictionary word there reads it as the verb, the noun wins and the model's
    // reading stays. A word of two or more characters beside it stays whole (种 | 果树 is "plant fruit trees").
    if (r === 'zhong4' && words[k].text === '种') {
      const beside = (j: number, side: 'l' | 'r') =>
        words[j]?.han && words[j].text.length === 1
          ? dictReadingsBeside(MODEL, '种', words[j].text, side)
          : [];
      const readingsBeside = [...beside(k - 1, 'l'), ...beside(k + 1, 'r')];
      if (readingsBeside.length && !readingsBeside.includes('zhong4')) r = null;
    }
    if (r) readings[spans[k].start] = markTone(r.slice(0, -1), Number(r.slice(-1)));
    for (const [at, sense] of wordSense(words, k) ?? [])
      readings[spans[k].start + at] = markTone(sense.slice(0, -1), Number(sense.slice(-1)));
    // Neutral tones the dictionary gives a whole word (知识 zhīshi), where the syllable is otherwise the same. On the
    // polyphones the model reads, only where CPP, which it is scored on, reads the character neutral too (see below).
    const neutral = NEUTRAL.get(words[k].text);
    if (neutral)
      for (const d of neutral) {
        // `r`: the 儿 of an erhua word is the syllable r (这儿 zhèr, 一会儿 yīhuìr), whoever read it.
        if (d === 'r') {
          const i = spans[k].start + Array.from(words[k].text).length - 1;
          if (folded[i] === '儿') readings[i] = 'r';
          continue;
        }
        const i = spans[k].start + Number(d);
        const py = readings[i];
        if (!py) continue;
        if (!(MODEL.chars[folded[i]]?.length > 1)) readings[i] = splitTone(py).plain;
        // On a polyphone the model reads, its full tone stays; but where it chose another syllable than the one the
        // dictionaries give the word there (暖和 nuǎnhuo read nuǎnhé), the word's own syllable is taken.
        else {
          const own = base.marked[i];
          if (own && toneOf(own) === 5 && splitTone(own).plain !== splitTone(py).plain) readings[i] = own;
          // Where only the tone differs, the word's neutral tone is drawn for the everyday words a learner is taught
          // with it (HSK vocabulary: 认识 rènshi, 衣服 yīfu, 知识 zhīshi were rènshí, yīfú, zhīshí), and for other
          // words where CPP's own sentences read the character neutral somewhere (子 zi5: 包子 bāozi, 骨头 gǔtou were zǐ,
          // tóu). Elsewhere the model's full tone stays: CPP, which it is scored on, writes citation tones there.
          else if (
            hskLevel(words[k].text) > 0 ||
            MODEL.chars[folded[i]].some(([r]) => r === `${numbered(py).slice(0, -1)}5`)
          )
            readings[i] = splitTone(py).plain;
        }
      }
  }

  // A reduplicated AABB word reads each character in full, both copies alike (扎扎实实 zhāzhāshíshí, not the
  // zhāshi of 扎实; 干干净净 gāngānjìngjìng): where one copy came out neutral and the other full, the full one is
  // taken; where both did, the character's own reading of that syllable.
  for (const { start, end } of spans) {
    if (end - start !== 4 || !isAabb(folded.slice(start, end).join(''))) continue;
    for (const i of [start, start + 2]) {
      const [x, y] = [readings[i], readings[i + 1]];
      if (!x || !y) continue;
      if (toneOf(x) === 5 && toneOf(y) !== 5) readings[i] = y;
      else if (toneOf(y) === 5 && toneOf(x) !== 5) readings[i + 1] = x;
      else if (toneOf(x) === 5 && toneOf(y) === 5) {
        const alone = readWord(folded[i])[0];
        if (alone && toneOf(alone) !== 5 && splitTone(alone).plain === splitTone(x).plain)
          readings[i] = readings[i + 1] = alone;
      }
    }
  }

  // A Traditional character with one reading of its own keeps it whatever its Simplified form was read as (儘速
  // jǐn, where 尽 is also jìn; 一隻 zhī). A neutral tone a word gives it stays (蘿蔔 luóbo).
  for (let i = 0; i < chars.length; i++) {
    const own = folded[i] !== chars[i] ? TRADITIONAL_OWN.get(chars[i]) : undefined;
    if (!own || !readings[i] || toneOf(readings[i]!) === 5) continue;
    readings[i] = markTone(own.slice(0, -1), Number(own.slice(-1)));
  }

  builtinIndex ??= indexPhrases(Object.entries(POLYPHONE_PHRASES));
  applyPhrases(folded, readings, builtinIndex);
  // Terms the segmenter kept whole (all of three or more characters; one of two only where it is a word there).
  if (options.terms?.length) applyPhrases(folded, readings, termIndex(options.terms), spans);

  const out: CharReading[] = [];
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const py = readings[i];
    out.push({ char: chars[i], start: offset, pinyin: py, tone: py ? toneOf(py) : 0 });
    offset += chars[i].length;
  }
  return out;
}

/**
 * The eval format (`npm run -s eval -- pinyin`): one token per input character, space-separated; Han as pinyin
 * with a tone number 1–5 and `v` for ü, anything else as itself.
 */
export function pinyinLineForEval(line: string, terms?: readonly PinyinTerm[]): string {
  return readRun(line, { terms })
    .map((r) => (r.pinyin ? numbered(r.pinyin) : r.char))
    .join(' ');
}
