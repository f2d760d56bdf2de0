/**
 * Word segmentation: the cheapest path through the lattice of dictionary words (unigram costs −ln p), with
 * glossary and user terms forced in, numbers and Latin words kept whole, and every character covered exactly
 * once. Traditional text is folded to Simplified for the lookups only; tokens keep the original characters.
 */
import { isDigit, isHan, isLatin, isSpace } from './han';
import type { Lexicon } from './lexicon';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** The token contains Han characters. */
  word: boolean;
}

export interface SegmentOptions {
  /** Words that must come out whole when they occur (glossary and user terms), Simplified or Traditional. */
  terms?: readonly string[];
}

export interface Segmenter {
  segment(text: string, opts?: SegmentOptions): Token[];
}

const NUMERALS = '〇零一二三四五六七八九十百千万亿两几';
const MAGNITUDES = '十百千万亿';
const ORDINAL = '第'.charCodeAt(0);
const PERCENT = '百分之';
const TRANSLIT =
  '阿埃艾爱安奥巴拜班邦贝本比彼毕宾波伯布查达戴丹道德迪蒂丁杜多厄恩法菲费芬佛弗福盖冈戈格哈海汉豪赫亨' +
  '胡霍基吉加贾杰金卡凯坎康考科克库拉莱兰朗劳勒雷里利莉林琳隆卢鲁路伦罗洛马玛迈麦曼梅蒙米密莫姆穆纳娜' +
  '内尼妮纽诺帕潘佩皮普齐奇乔切琼萨塞桑瑟森沙舍什斯苏索塔泰坦汤特提图托瓦旺威韦维温沃乌伍西希谢辛雅' +
  '亚扬耶伊因尤约泽扎詹兹茨尔夫顿登赛默娅丝柯奈娃';
const MIN_NAME = 3;
const MAX_NAME = 8;
const NAME_COST = Number(globalThis.process?.env?.DUBAO_NAME_COST ?? 24);
const YEAR = '年'.charCodeAt(0);
const CONGRESS = '大'.charCodeAt(0);
/** 多 and 余 after a number make it approximate and stay with it: 30多, 一百余. */
const APPROXIMATE = '多余';

function hasMagnitude(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (MAGNITUDES.includes(text[i])) return true;
  return false;
}
/** Units written together with the number before them: 1998年, 十二月, 31日. */
const NUMBER_UNITS = '年月日';
/**
 * Measure words (a closed grammatical class) that stay with their number, so a count reads as one word:
 * 两场, 116个, 一架, 30多家, 二十年.
 */
const MEASURE_WORDS =
  '个位名项家次种条件场架年天周岁只本块张部辆座所篇批份台株例届期号艘枚颗棵栋间层份首轮代处段群道步户口类笔股套幅';
/**
 * A measure word that begins a two-character unit of its own stays with that unit: 75 | 周年 (not 75周 | 年),
 * 80 | 年代.
 */
const UNIT_WORDS = new Set(['周年', '年代', '年级', '年度', '年头']);
/**
 * 多 and 几 take a measure word as a number does: 多家, 多处, 几位 (a demonstrative does not: 这 | 座, as in People's
 * Daily, except where the dictionary has the pair: 这个, 这种).
 */
const DETERMINERS = '多几';
/** A determiner with its measure word costs this (a run of numerals costs NUMERAL_RUN_COST). */
const DETERMINER_COST = 12;
/** Added when the measure word also starts a dictionary word with the next character (多 | 类似). */
const DETERMINER_SPLIT_COST = 3;
/** Besides numbers, the words a measure word follows: determiners, demonstratives, 每 "each". */
const COUNTERS_BEFORE = '多几这那哪每某各';
/**
 * Bound suffixes that make a new word of the two-character word before them (住宿率, 零售额, 结构性, 体验感,
 * 便利度, 消费者, 脱贫户, 运营商, 阅读量): the reader's card and pinyin see one word (率 lǜ, not the verb
 * shuài). A suffix costs SUFFIX_COST instead of its cost as a word of its own, so it attaches unless the
 * character starts a likelier word with what follows (户外, 度过, 性能).
 */
const SUFFIXES = '率额性化者感度式型户商员量';
const SUFFIX_COST = Number(globalThis.process?.env?.DUBAO_SUFFIX_COST ?? 6);
/**
 * Administrative suffixes of place names. A name the lexicon lacks (马郢村, 义井镇, 小溪河镇) is one word with its
 * suffix; after another place (合肥市 | 长丰县 | 杨庙镇) a place is likelier still, so a known word may be its stem
 * there (镇 | 红桥村).
 */
const PLACE_SUFFIXES = '省市县区镇乡村州';
const PLACE_COST = Number(globalThis.process?.env?.DUBAO_PLACE_COST ?? 20);
const PLACE_CHAINED_COST = Number(globalThis.process?.env?.DUBAO_PLACE_CHAINED ?? 14);
/**
 * A place name does not start with a function word (在, 的, 和, 从, 对 …): characters whose cost as a word is below
 * this (the most frequent ones) never begin one.
 */
const PLACE_FIRST_MIN = 7;
/** Objects of 率 "to lead" (率团, 率队, 率代表团, 率部): before them 率 is the verb shuài, not the suffix lǜ. */
const LEAD_OBJECTS = '团队代部众军';
/**
 * A glossary term of two characters that is an ordinary word too (市长, 干部, 两会) wins by this much, not by
 * TERM_BONUS: it must not take a character from the words around it (合肥市 | 长丰县, not 合肥 | 市长 | 丰县).
 */
const SHORT_TERM_BONUS = 3;
/** Cost of a two-character term the lexicon lacks, before SHORT_TERM_BONUS. */
const SHORT_TERM_COST = 9;
/** Punctuation written doubled as one mark: the dash —— and the ellipsis …… . */
const DOUBLED_PUNCT = '—…';
/** Person names (surname + given name) cost this much on top of their characters' costs. */
const NAME_BASE = Number(globalThis.process?.env?.DUBAO_NAME_BASE ?? 4);
/** Added to a one-character given name (卢宇); negative: a two-character name must beat one plus a word (卢宇从). */
const NAME_SHORT = Number(globalThis.process?.env?.DUBAO_NAME_SHORT ?? -1);
/** A run of numerals is a plausible word, but less so than a common dictionary word made of them (万一, 千万). */
const NUMERAL_RUN_COST = 12;
/**
 * Added to every Han word: unigram probabilities alone favour runs of frequent single characters (你 好 over
 * 你好), because a Weibo frequency list counts characters far more often than the words they form.
 */
const WORD_PENALTY = Number(globalThis.process?.env?.DUBAO_WORD_PENALTY ?? 2);
/** Per code unit of a forced term: enough to beat any path of dictionary words over the same characters. */
const TERM_BONUS = 1000;

type Kind = 0 | 1 | 2 | 3;
const HAN: Kind = 0;
const ALNUM: Kind = 1;
const SPACE: Kind = 2;
const OTHER: Kind = 3;

interface TermIndex {
  byFirst: Map<number, number[]>; // first code unit → lengths
  set: Set<string>;
}

export function createSegmenter(lexicon: Lexicon): Segmenter {
  const termCache = new WeakMap<readonly string[], TermIndex>();
  const numerals = new Set(Array.from(NUMERALS, (c) => c.charCodeAt(0)));
  const units = new Set(Array.from(NUMBER_UNITS, (c) => c.charCodeAt(0)));
  const measures = new Set(Array.from(MEASURE_WORDS, (c) => c.charCodeAt(0)));
  const magnitudes = new Set(Array.from(MAGNITUDES, (c) => c.charCodeAt(0)));
  const approximate = new Set(Array.from(APPROXIMATE, (c) => c.charCodeAt(0)));
  const translit = new Set(Array.from(TRANSLIT, (c) => c.charCodeAt(0)));
  const determiners = new Set(Array.from(DETERMINERS, (c) => c.charCodeAt(0)));
  const suffixes = new Set(Array.from(SUFFIXES, (c) => c.charCodeAt(0)));
  const places = new Set(Array.from(PLACE_SUFFIXES, (c) => c.charCodeAt(0)));
  /** A measure word at `j` that is not the start of a unit word (周年). */
  const measureAt = (norm: string, j: number, end: number) =>
    j < end && measures.has(norm.charCodeAt(j)) && !UNIT_WORDS.has(norm.slice(j, j + 2));

  function indexTerms(terms: readonly string[]): TermIndex {
    let index = termCache.get(terms);
    if (index) return index;
    index = { byFirst: new Map(), set: new Set() };
    for (const raw of terms) {
      const term = lexicon.normalize(raw.trim());
      if (term.length < 2 || index.set.has(term)) continue;
      index.set.add(term);
      const first = term.charCodeAt(0);
      const list = index.byFirst.get(first) ?? [];
      list.push(term.length);
      index.byFirst.set(first, list);
    }
    termCache.set(terms, index);
    return index;
  }

  function segment(text: string, opts: SegmentOptions = {}): Token[] {
    const n = text.length;
    if (n === 0) return [];
    const norm = lexicon.normalize(text);
    const terms = opts.terms && opts.terms.length > 0 ? indexTerms(opts.terms) : null;

    // Classify each code point; `cont` marks code units that cannot start a token (low surrogates, and marks
    // that belong to the character before: variation selectors, ZWJ sequences, skin tones, combining accents).
    const kind = new Uint8Array(n);
    const cont = new Uint8Array(n + 1);
    for (let i = 0; i < n;) {
      const cp = text.codePointAt(i)!;
      const size = cp > 0xffff ? 2 : 1;
      let k: Kind = isHan(cp) ? HAN : isLatin(cp) || isDigit(cp) ? ALNUM : isSpace(cp) ? SPACE : OTHER;
      if (i > 0 && (isJoiner(cp) || text.charCodeAt(i - 1) === 0x200d)) {
        k = kind[i - 1] as Kind;
        cont[i] = 1;
      }
      kind[i] = k;
      if (size === 2) {
        kind[i + 1] = k;
        cont[i + 1] = 1;
      }
      i += size;
    }
    // Number punctuation between alphanumerics (5,000 · 11.61 · S-IVB · don't) and a trailing percent sign.
    for (let i = 1; i < n; i++) {
      if (kind[i] !== OTHER || cont[i] || kind[i - 1] !== ALNUM) continue;
      const c = text.charCodeAt(i);
      if (i + 1 < n && kind[i + 1] === ALNUM && INNER_PUNCT.includes(text[i])) kind[i] = ALNUM;
      else if (c === 0x25 || c === 0xff05) kind[i] = ALNUM;
    }
    // runEnd[i]: end of the run of i's kind (Han, alphanumeric, space); for other characters, of the character.
    const runEnd = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      const sameRun =
        i + 1 < n &&
        kind[i + 1] === kind[i] &&
        (kind[i] !== OTHER ||
          cont[i + 1] === 1 ||
          (text[i + 1] === text[i] && DOUBLED_PUNCT.includes(text[i])));
      runEnd[i] = sameRun ? runEnd[i + 1] : i + 1;
    }
    // charEnd[i]: end of the character starting at i with its attached marks.
    const charEnd = (i: number) => {
      let j = i + 1;
      while (j < n && cont[j]) j++;
      return j;
    };

    // A measure word right after a number, a determiner or a demonstrative does not start a person's name,
    // though it may be a surname (两张 | 通关卡, 这位 | 老师: 张, 位).
    const countedBefore = (i: number) =>
      measures.has(norm.charCodeAt(i)) &&
      i > 0 &&
      (numerals.has(norm.charCodeAt(i - 1)) ||
        isDigit(text.charCodeAt(i - 1)) ||
        COUNTERS_BEFORE.includes(norm[i - 1]));

    const best = new Float64Array(n + 1).fill(Infinity);
    const from = new Int32Array(n + 1).fill(-1);
    best[0] = 0;
    const relax = (i: number, j: number, cost: number) => {
      if (cont[j]) return;
      const c = best[i] + cost;
      if (c < best[j]) {
        best[j] = c;
        from[j] = i;
      }
    };

    for (let i = 0; i < n; i++) {
      if (best[i] === Infinity || cont[i]) continue;
      const k = kind[i];
      if (terms) {
        const lengths = terms.byFirst.get(norm.charCodeAt(i));
        if (lengths) {
          for (const len of lengths) {
            if (i + len > n) continue;
            const term = norm.slice(i, i + len);
            if (!terms.set.has(term)) continue;
            if (len === 2 && kind[i] === HAN && kind[i + 1] === HAN) {
              const cost = lexicon.cost(term) ?? SHORT_TERM_COST;
              relax(i, i + 2, cost + WORD_PENALTY - SHORT_TERM_BONUS);
            } else relax(i, i + len, -TERM_BONUS * len);
          }
        }
      }
      if (k !== HAN) {
        const end = runEnd[i];
        relax(i, end, 0);
        // People's Daily keeps a date part and a number with its magnitude whole: 1998年, 31日, 1158万, 100亿.
        if (k === ALNUM && end < n && isDigit(text.charCodeAt(end - 1))) {
          const next = text.charCodeAt(end);
          if (units.has(next) || measureAt(text, end, n)) relax(i, end + 1, 0);
          else if (magnitudes.has(next) || approximate.has(next)) {
            let j = end + 1;
            while (j < n && magnitudes.has(text.charCodeAt(j))) j++;
            if (j < n && approximate.has(text.charCodeAt(j)) && !approximate.has(text.charCodeAt(j - 1))) j++;
            relax(i, j, 0);
            if (measureAt(text, j, n)) relax(i, j + 1, 0); // 30多家, 51万所
          }
        }
        continue;
      }
      const hanEnd = runEnd[i];
      const first = norm.charCodeAt(i);
      // An astral Han character (𠮷) or one with a variation selector is never in the lexicon.
      const end = charEnd(i);
      if (end > i + 1) {
        relax(i, end, lexicon.unknownCost + WORD_PENALTY);
        continue;
      }
      let single = false;
      const mask = lexicon.lengthsFrom(first);
      const maxLen = Math.min(lexicon.maxLength, hanEnd - i);
      for (let len = 1; len <= maxLen; len++) {
        if ((mask & (1 << (len - 1))) === 0) continue;
        const cost = lexicon.cost(norm.slice(i, i + len));
        if (cost === undefined) continue;
        if (len === 1) single = true;
        relax(i, i + len, cost + WORD_PENALTY);
        if (
          len === 2 &&
          i + 2 < hanEnd &&
          suffixes.has(norm.charCodeAt(i + 2)) &&
          !(norm[i + 2] === '率' && LEAD_OBJECTS.includes(norm[i + 3]))
        ) {
          relax(i, i + 3, cost + SUFFIX_COST + WORD_PENALTY);
        }
      }
      // Place names with their administrative suffix: a stem of two characters the lexicon lacks as a word, or a
      // stem of two or three right after another place's suffix.
      const chained = i > 0 && kind[i - 1] === HAN && places.has(norm.charCodeAt(i - 1));
      const maxStem = chained ? 3 : 2;
      if (
        (i + 2 < hanEnd && places.has(norm.charCodeAt(i + 2))) ||
        (maxStem === 3 && i + 3 < hanEnd && places.has(norm.charCodeAt(i + 3)))
      ) {
        const firstCost = lexicon.cost(norm[i]) ?? lexicon.unknownCost;
        for (let len = 2; len <= maxStem && i + len < hanEnd && firstCost >= PLACE_FIRST_MIN; len++) {
          if (!places.has(norm.charCodeAt(i + len))) continue;
          // A suffix right before another one belongs to the next name's stem (乐清 | 柳市镇, not 乐清柳市 | 镇):
          // a stem may end in a suffix character only there, and a name not end just before one.
          const nextIsSuffix = i + len + 1 < hanEnd && places.has(norm.charCodeAt(i + len + 1));
          if (nextIsSuffix) continue;
          const stemEndsInSuffix = places.has(norm.charCodeAt(i + len - 1));
          if (stemEndsInSuffix && (len !== 2 || chained)) continue;
          // After another place, a stem does not start with a suffix character (柳市镇 | 长虹村, not 镇长虹村).
          if (chained && places.has(first)) continue;
          // The suffix's character ends a word with the one before it (山区, 小区, 返乡, 家乡): not a name's suffix.
          if (!stemEndsInSuffix && lexicon.cost(norm.slice(i + len - 1, i + len + 1)) !== undefined) continue;
          const known = lexicon.cost(norm.slice(i, i + len)) !== undefined;
          if (known && !chained) continue;
          relax(i, i + len + 1, (chained ? PLACE_CHAINED_COST : PLACE_COST) + WORD_PENALTY);
        }
      }
      // 多 or 几 with a measure word: 多家, 几位; dearer where the measure word starts a word with what follows
      // (很 | 多 | 类似, not 多类 | 似的).
      if (determiners.has(first) && measureAt(norm, i + 1, hanEnd)) {
        const split = i + 2 < hanEnd && lexicon.cost(norm.slice(i + 1, i + 3)) !== undefined;
        relax(i, i + 2, DETERMINER_COST + WORD_PENALTY + (split ? DETERMINER_SPLIT_COST : 0));
      }
      if (!single) relax(i, i + 1, lexicon.unknownCost + WORD_PENALTY);
      // Foreign names are spelled with a small set of characters (亨茨维尔, 萨巴赫); a run of them the
      // dictionary does not cover is more likely one name than several one-character words.
      if (translit.has(first)) {
        let j = i + 1;
        while (j < hanEnd && j - i < MAX_NAME && translit.has(norm.charCodeAt(j))) j++;
        for (let e = i + MIN_NAME; e <= j; e++) relax(i, e, NAME_COST + WORD_PENALTY);
      }
      // AABB reduplication of a two-character word AB is one word (干干净净 of 干净, 来来往往 of 来往), not
      // A | AB | B: it reads and looks up as the word it doubles.
      if (
        i + 3 < hanEnd &&
        norm[i] === norm[i + 1] &&
        norm[i + 2] === norm[i + 3] &&
        norm[i] !== norm[i + 2]
      ) {
        const base = lexicon.cost(norm[i] + norm[i + 2]);
        if (base !== undefined) relax(i, i + 4, base + WORD_PENALTY);
      }
      // Person names: a surname and one or two given-name characters, scored by the name model.
      const surname = lexicon.surnameCost(first);
      if (surname !== undefined && i + 1 < hanEnd && !countedBefore(i)) {
        const g1 = lexicon.givenCost(norm.charCodeAt(i + 1));
        if (g1 !== undefined) {
          relax(i, i + 2, NAME_BASE + NAME_SHORT + surname + g1 + WORD_PENALTY);
          const g2 = i + 2 < hanEnd ? lexicon.givenCost(norm.charCodeAt(i + 2)) : undefined;
          if (g2 !== undefined) relax(i, i + 3, NAME_BASE + surname + g1 + g2 + WORD_PENALTY);
        }
      }
      // Numbers written in characters: 三十一日, 一九九八年, and with an ordinal or percent prefix, 第三十, 百分之八.
      let numStart = i;
      if (first === ORDINAL) numStart = i + 1;
      else if (norm.startsWith(PERCENT, i)) numStart = i + PERCENT.length;
      if (numStart < hanEnd && numerals.has(norm.charCodeAt(numStart))) {
        let j = numStart + 1;
        while (j < hanEnd && numerals.has(norm.charCodeAt(j))) j++;
        if (j < hanEnd && approximate.has(norm.charCodeAt(j))) j++; // 一百多, 三十余
        if (j - i >= 2) relax(i, j, NUMERAL_RUN_COST + WORD_PENALTY);
        const unit = j < hanEnd ? norm.charCodeAt(j) : 0;
        // 年 joins a year written digit by digit (一九九八年), not a count of years (二十 年).
        const isYear = unit === YEAR && j - numStart >= 2 && !hasMagnitude(norm, numStart, j);
        if (units.has(unit) && (unit !== YEAR || isYear)) relax(i, j + 1, NUMERAL_RUN_COST + WORD_PENALTY);
        else if (measureAt(norm, j, hanEnd)) relax(i, j + 1, NUMERAL_RUN_COST + WORD_PENALTY);
        // A party congress by its number: 十八大, 二十大.
        else if (unit === CONGRESS && j - numStart >= 2 && numStart === i) {
          relax(i, j + 1, NUMERAL_RUN_COST + WORD_PENALTY);
        }
      }
    }

    const cuts: number[] = [];
    for (let j = n; j > 0; j = from[j]) cuts.push(j);
    const tokens: Token[] = [];
    let start = 0;
    for (let c = cuts.length - 1; c >= 0; c--) {
      const end = cuts[c];
      const piece = text.slice(start, end);
      tokens.push({ text: piece, start, end, word: kind[start] === HAN || hasHanAfter(kind, start, end) });
      start = end;
    }
    return tokens;
  }

  return { segment };
}

const INNER_PUNCT = ".,:'-_/·．，";

/** Marks that belong to the character before them: variation selectors, ZWJ, skin tones, combining marks. */
function isJoiner(c: number): boolean {
  return (
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0x200d ||
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0x1f3fb && c <= 0x1f3ff) ||
    (c >= 0xe0100 && c <= 0xe01ef) ||
    (c >= 0xe0020 && c <= 0xe007f)
  );
}

function hasHanAfter(kind: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (kind[i] === HAN) return true;
  return false;
}
