/**
 * Script conversion with OpenCC (opencc-js). The phrase tables are large and take ~100 ms to build, so each
 * converter is built on first use and cached; nothing here runs at import time.
 *
 * Targets and the OpenCC configurations they match (tested against OpenCC's own test cases):
 *   cn   Traditional → Simplified (mainland)      t2s, hk2s; with source 'tw': tw2s
 *   tw   Simplified → Traditional, Taiwan chars    s2tw
 *   twp  the same with Taiwan phrases (项目→專案)  s2twp
 *   hk   Simplified → Traditional, Hong Kong       s2hk
 *   t    Simplified → OpenCC standard Traditional  s2t
 * `twp` changes text length: never assume offsets survive a conversion.
 *
 * Pages are converted word by word (`getWordConverter`): OpenCC's phrase tables match the longest phrase, and
 * one that crosses a word boundary converts the wrong character (一个中国 → 一箇中國, 保护发展 → 保護髮展,
 * 大学制造业 → 大學制造業). Converting the segmenter's words, each on its own, vetoes every such match.
 */
import { ConverterBuilder, ConverterFactory, type DictLike } from 'opencc-js/core';
import * as Locale from 'opencc-js/preset';
import { isHan } from './han';
import type { TraditionalSource } from './region';

export type ScriptTarget = 'cn' | 'tw' | 'twp' | 'hk';
export { TRADITIONAL_SOURCES, traditionalSourceOf, type TraditionalSource } from './region';

export type Converter = (text: string) => string;

/**
 * OpenCC's TSCharactersExt entries that opencc-js leaves out (it avoids characters many fonts lack). OpenCC
 * itself makes these conversions, and its test cases expect them.
 */
const TS_EXTENSION: DictLike = [
  ['殢', '𣨼'],
  ['圞', '𪢮'],
  ['樠', '𣗊'],
];

const cache = new Map<string, Converter>();
let builder: ReturnType<typeof ConverterBuilder> | null = null;
const preset = (options: { from: string; to: string }): Converter =>
  (builder ??= ConverterBuilder(Locale))(options);
const chain =
  (...steps: Converter[]): Converter =>
  (text) =>
    steps.reduce((t, step) => step(t), text);

function build(key: string): Converter {
  switch (key) {
    case 'cn:any':
      // Hong Kong variant forms back to OpenCC standard first; Taiwan's are not folded here because they
      // disagree with standard text on characters such as 著 (着 in Taiwan usage, 著 elsewhere).
      return ConverterFactory(Locale.from.hk, Locale.to.cn, [[TS_EXTENSION]]);
    case 'cn:tw':
      return chain(preset({ from: 'tw', to: 'cn' }), ConverterFactory([TS_EXTENSION]));
    // The preset builder applies OpenCC's own configurations (segmentation included), which the phrase
    // converters need to match OpenCC exactly.
    case 'tw':
      return preset({ from: 'cn', to: 'tw' });
    case 'twp':
      return preset({ from: 'cn', to: 'twp' });
    case 'hk':
      return preset({ from: 'cn', to: 'hk' });
    case 't':
      return preset({ from: 'cn', to: 't' });
    default:
      throw new Error(`unknown conversion target: ${key}`);
  }
}

/** A cached converter to `target`. For 'cn', `source` says which Traditional conventions the text follows. */
export function getConverter(target: ScriptTarget | 't', source: TraditionalSource = 'any'): Converter {
  const key = target === 'cn' ? `cn:${source === 'hk' ? 'any' : source}` : target;
  let converter = cache.get(key);
  if (!converter) {
    converter = build(key);
    cache.set(key, converter);
  }
  return converter;
}

export const SCRIPT_TARGETS: readonly ScriptTarget[] = ['cn', 'tw', 'twp', 'hk'];

export function isScriptTarget(value: string): value is ScriptTarget {
  return (SCRIPT_TARGETS as readonly string[]).includes(value);
}

/** Converts a run given as its words, each word on its own; returns one display string per word. */
export type WordConverter = (words: readonly string[]) => string[];

/**
 * Words whose OpenCC phrase conversion is wrong in news text, written as OpenCC gives them → as they should be.
 * 回归 is 回歸 (香港回歸; 迴歸 is the statistician's regression); 总台 (China Media Group) is 總台, not 總檯.
 */
const TRADITIONAL_FIXES: Record<string, string> = {
  迴歸: '回歸',
  總檯: '總台',
  總枱: '總台',
};

/**
 * The reviewed part of OpenCC's Taiwan phrase table (TWPhrases), Simplified → Taiwan usage. Only everyday things
 * with a settled Taiwan name; never proper nouns (奥巴马, 意大利 stay as transliterated), political terms, or ordinary
 * words whose sense is wider than the computing one OpenCC swaps for (窗口 ≠ 視窗, 项目 ≠ 專案, 运行 ≠ 執行, 程序,
 * 文件, 信息, 数据, 支持, 消息, 发布, 智能, 优化, 质量 and the rest are left as they are).
 */
export const TAIWAN_VOCABULARY: Readonly<Record<string, string>> = {
  出租车: '計程車',
  的士: '計程車',
  自行车: '腳踏車',
  冰棍: '冰棒',
  方便面: '泡麵',
  奶酪: '乳酪',
  凉菜: '冷盤',
  榴莲: '榴槤',
  塑料: '塑膠',
  激光: '雷射',
  纳米: '奈米',
  芯片: '晶片',
  软件: '軟體',
  鼠标: '滑鼠',
  打印机: '印表機',
  复印: '影印',
  服务器: '伺服器',
  互联网: '網際網路',
  网络: '網路',
  网吧: '網咖',
  博客: '部落格',
  黑客: '駭客',
  屏幕: '螢幕',
  光盘: '光碟',
  光驱: '光碟機',
  内存: '記憶體',
  主板: '主機板',
  显卡: '顯示卡',
  U盘: '隨身碟',
  移动硬盘: '行動硬碟',
  闪存: '快閃記憶體',
  宽带: '寬頻',
  带宽: '頻寬',
  操作系统: '作業系統',
  数据库: '資料庫',
  笔记本电脑: '筆記型電腦',
  移动电话: '行動電話',
  触摸屏: '觸控式螢幕',
  视频会议: '視訊會議',
  视频通话: '視訊通話',
  人工智能: '人工智慧',
  云计算: '雲端計算',
  高清: '高畫質',
  航天飞机: '太空梭',
  超声波: '超音波',
  艾滋病: '愛滋病',
  艾滋病毒: '愛滋病毒',
  白细胞: '白血球',
  红细胞: '紅血球',
  前列腺: '攝護腺',
  首席执行官: '執行長',
};

const isSingleHan = (w: string) => w.length === 1 && isHan(w.charCodeAt(0));

/**
 * Degree adverbs: after one, 干 on its own is the adjective "dry" (乾), not the verb "do" (幹) OpenCC gives a lone 干
 * (头发有点干 頭髮有點乾, 天气太干 天氣太乾). Only where the word came from Simplified 干 and OpenCC chose 幹.
 */
const DEGREE_BEFORE_DRY = new Set([
  '很',
  '太',
  '有点',
  '有些',
  '比较',
  '非常',
  '特别',
  '更',
  '最',
  '挺',
  '越来越',
  '十分',
]);

/** Private-use separator between words: no OpenCC dictionary key contains it, so no match crosses it. */
const SEP = '\uE000';
const wordCache = new Map<string, WordConverter>();

/**
 * A cached converter of words to `target` (see the module comment). The glossary's own forms are applied by the
 * caller, which knows its terms. `twp` is `tw` plus TAIWAN_VOCABULARY on whole words.
 */
export function getWordConverter(target: ScriptTarget, source: TraditionalSource = 'any'): WordConverter {
  const key = `${target}:${source}`;
  let converter = wordCache.get(key);
  if (converter) return converter;
  const convert = getConverter(target === 'twp' ? 'tw' : target, source);
  // Applied where conversion changed the word (a Traditional page's own 迴歸 stays as written).
  const fixes = new Map<string, string>(target === 'cn' ? [] : Object.entries(TRADITIONAL_FIXES));
  // Keyed by the words' Taiwan form, so a Traditional page converting to twp finds them as a Simplified one does.
  const swaps = new Map<string, string>();
  if (target === 'twp') {
    for (const [word, taiwan] of Object.entries(TAIWAN_VOCABULARY)) swaps.set(convert(word), taiwan);
  }
  converter = (words) => {
    let out: string[] | null = null;
    if (!words.some((w) => w.includes(SEP))) {
      // A boundary between two one-character words is not one the segmenter is sure of (细 | 面, 这 | 周): OpenCC's
      // phrases may cross it. Any boundary next to a longer word, or a non-Han token, is kept.
      let joined = '';
      for (let i = 0; i < words.length; i++) {
        if (i > 0 && !(isSingleHan(words[i - 1]) && isSingleHan(words[i]))) joined += SEP;
        joined += words[i];
      }
      const pieces = convert(joined).split(SEP);
      out = [];
      let p = 0;
      for (let i = 0; i < words.length && out;) {
        let j = i + 1;
        while (j < words.length && isSingleHan(words[j - 1]) && isSingleHan(words[j])) j++;
        const piece = pieces[p++];
        if (piece === undefined) out = null;
        else if (j === i + 1) out.push(piece);
        else if (piece.length === j - i) for (let k = 0; k < j - i; k++) out.push(piece[k]);
        else for (let k = i; k < j; k++) out.push(convert(words[k]));
        i = j;
      }
      if (out && (out.length !== words.length || p !== pieces.length)) out = null;
    }
    out ??= words.map(convert);
    if (target !== 'cn') {
      for (let i = 1; i < out.length; i++) {
        if (words[i] === '干' && out[i] === '幹' && DEGREE_BEFORE_DRY.has(words[i - 1])) out[i] = '乾';
      }
      // 干 before the complement 得 is the verb: 他干得很好 他幹得很好 (OpenCC's phrases give 乾 there).
      for (let i = 0; i + 1 < out.length; i++) {
        if (words[i] === '干' && words[i + 1] === '得' && out[i] === '乾') out[i] = '幹';
      }
    }
    if (fixes.size > 0) {
      for (let i = 0; i < out.length; i++) {
        const fixed = out[i] !== words[i] ? fixes.get(out[i]) : undefined;
        const swapped = swaps.get(fixed ?? out[i]);
        if (swapped !== undefined) out[i] = swapped;
        else if (fixed !== undefined) out[i] = fixed;
      }
    }
    return out;
  };
  wordCache.set(key, converter);
  return converter;
}
