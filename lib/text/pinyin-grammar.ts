/**
 * Readings of function characters decided by the words around them (the segmenter's words), where the reading is
 * grammar rather than vocabulary, and the polyphone data has too few sentences to learn it: 地 and 得 as
 * structural particles (de), 为 as the preposition "for" (wèi) or the verb "be, act as" (wéi), 将 as "will" or
 * the object marker (jiāng), 长 as "grow" before 得 and "long" after a degree adverb. The word classes
 * below are closed classes of Chinese grammar (pronouns, adverbs, modal verbs), not phrases of any corpus.
 */
import { defaultLexicon } from './lexicon-default';

/** A word of the run: its characters (Simplified) and whether it holds Han characters. */
export interface GrammarWord {
  text: string;
  han: boolean;
}

/** Opening quotation marks and brackets, as the segmenter leaves them: one or more in a word of their own. */
const OPENING_QUOTES = /^[‘“「『《〈（(]+$/u;

/** Punctuation that ends a clause (quotes and brackets do not: 以《…》为题 is one clause). */
const CLAUSE_END = /^[，,。.！!？?；;：:、\s]+$/u;
/** Words that never follow the adverbial particle 地 (conjunctions, 的): after them 地 is the noun. */
const NOT_AFTER_ADVERBIAL = new Set([
  '或',
  '或者',
  '和',
  '与',
  '及',
  '以及',
  '跟',
  '同',
  '的',
  '之',
  '等',
  '等等',
]);

/** Degree adverbs: after them a one-character adjective is a word of its own (很好地, 更快地). */
const DEGREE = new Set([
  '很',
  '更',
  '最',
  '太',
  '非常',
  '十分',
  '比较',
  '特别',
  '越来越',
  '极',
  '较',
  '更加',
  '相当',
]);

/**
 * Characters whose reading on their own after a degree adverb is the everyday adjective; the others live in words:
 * 薄 "thin" báo (bó in 薄弱, 单薄, 待遇不薄), 横 "rude" hèng (héng in 纵横), 差 "poor" chà (chā, chāi in 差距, 出差).
 */
const AFTER_DEGREE = new Map([
  ['薄', 'bao2'],
  ['横', 'heng4'],
  ['差', 'cha4'],
]);

/** After 数, words that make it the verb "count": aspect particles and what cannot be counted (数不清). */
const COUNTS_AFTER = new Set(['了', '过', '着', '一下', '不清', '不过来', '得清']);

/** After 地 and 等: what makes 等 the verb "wait" rather than "etc.". */
function waits(after: GrammarWord | undefined): boolean {
  return !!after && (['着', '了', '过', '待', '候'].includes(after.text) || PRONOUNS.has(after.text));
}

/** Before 累, words after which it is the adjective "tired" (不累, 好累): negations and colloquial degree words. */
const BEFORE_TIRED = new Set(['不', '没', '好', '真', '挺', '这么', '那么', '多么', '有点', '有些']);
/** After 累, words that make it "tired": an aspect or result (累了, 累得, 累死, 累坏). */
const AFTER_TIRED = new Set(['了', '得', '死', '坏', '着', '倒', '垮']);

/** Before 得, words after which it is not the complement particle: pronouns (他得了), adverbs of must (就得去). */
const NOT_BEFORE_DE = new Set([
  ...['我', '你', '他', '她', '它', '我们', '你们', '他们', '她们', '咱们', '大家', '谁', '自己', '人'],
  ...['就', '还', '也', '都', '总', '可', '只', '又', '必须', '非', '准', '才', '不', '没', '未'],
]);

/**
 * Before 为, words after which it opens a prepositional phrase "for …" (wèi): adverbs and modal verbs, which come
 * before a verb phrase, not before the verb 为 "be".
 */
const BEFORE_WEI_FOR = new Set([
  ...[
    '也',
    '将',
    '要',
    '也要',
    '则',
    '就',
    '都',
    '还',
    '又',
    '再',
    '正',
    '愿',
    '愿意',
    '能',
    '能够',
    '会',
    '可以',
  ],
  ...[
    '足以',
    '应',
    '应该',
    '应当',
    '需要',
    '必须',
    '包括',
    '主动',
    '专门',
    '努力',
    '积极',
    '继续',
    '共同',
    '全力',
  ],
  ...[
    '一心',
    '不',
    '没有',
    '只',
    '仍',
    '已',
    '曾',
    '并',
    '而',
    '要求',
    '致力于',
    '愿为',
    '甘愿',
    '专程',
    '特地',
    '特意',
    '默默',
    '正在',
    '始终',
    '一直',
    '处处',
    '时时',
    '事事',
  ],
]);

const han = (w: GrammarWord | undefined) => !!w && w.han;

/** Before 种, words after which it counts kinds (zhǒng), not the verb "plant": demonstratives, 有, 各, 多 … */
const KIND_COUNTERS = new Set([
  ...[
    '这',
    '那',
    '哪',
    '每',
    '某',
    '各',
    '另',
    '此',
    '该',
    '本',
    '同',
    '何',
    '有',
    '多',
    '几',
    '一',
    '这一',
    '那一',
  ],
]);

/** Demonstratives and 每/某/各: a measure word follows them (这只猫, 那只行李箱, 每只羊: 只 zhī). */
const DEMONSTRATIVES = new Set(['这', '那', '哪', '每', '某', '各', '另', '这一', '那一', '另一']);

/**
 * After 这/那 + 只, words that make 只 the adverb "only" (这只会让…, 这只需要三天, 那只在…: zhǐ): the copula, 有,
 * modal verbs, negations, prepositions and the verbs of saying and needing that "only" usually qualifies.
 */
const AFTER_ONLY = new Set([
  ...[
    '是',
    '有',
    '会',
    '能',
    '要',
    '需',
    '需要',
    '在',
    '不',
    '没',
    '没有',
    '可',
    '可以',
    '好',
    '得',
    '用',
    '剩',
  ],
  ...[
    '剩下',
    '对',
    '给',
    '为',
    '因',
    '因为',
    '为了',
    '把',
    '被',
    '让',
    '从',
    '跟',
    '和',
    '与',
    '向',
    '到',
    '靠',
  ],
  ...[
    '说',
    '想',
    '看',
    '知道',
    '限',
    '限于',
    '占',
    '够',
    '管',
    '顾',
    '求',
    '怕',
    '差',
    '针对',
    '适用',
    '适合',
  ],
]);

/** Personal pronouns: 得 between one and a verb is the modal "must" (你得走 děi); 还 before one gives back (还你). */
export const PRONOUNS = new Set([
  '我',
  '你',
  '您',
  '他',
  '她',
  '它',
  '我们',
  '你们',
  '他们',
  '她们',
  '咱们',
  '大家',
  '自己',
]);

/** Adverbs of must and time before the modal 得 (必须得, 就得, 还得, 总得 … děi). */
/**
 * Words after which 干 is the verb: a verb of motion, an order in time, a wish or a dare (来干, 站起来干, 先干, 敢干;
 * 一起来干 is cut 一 | 起来 | 干).
 */
const BEFORE_VERB_GAN = new Set([
  '来',
  '起来',
  '去',
  '先',
  '再',
  '敢',
  '肯',
  '想',
  '愿意',
  '一起',
  '接着',
  '继续',
  '带头',
  '不敢',
  '不想',
  '不肯',
  '不愿意',
]);
/** Directional complements after a verb (干起来, 干下去). */
const DIRECTIONAL = new Set(['起来', '下去', '出来', '下来', '起']);
const BEFORE_DEI = new Set([
  '必须',
  '就',
  '还',
  '也',
  '都',
  '总',
  '可',
  '只',
  '准',
  '非',
  '又',
  '这就',
  '那就',
]);

/**
 * What one gives back (还 huán "return" takes them as objects: 还书, 还钱, 还款, 还债, 还贷), and 给/清 after the
 * verb (还给, 还清). Before anything else 还 is the adverb "still, also" (hái).
 */
const RETURNED = new Set(['给', '清', '书', '钱', '款', '债', '贷', '账', '本', '息', '礼']);

/** Aspect particles after a verb. */
const ASPECT = new Set(['了', '过', '着']);

/**
 * After 率 "rate" as a word of its own: a conjunction, an adverb, a verb of change or 高/低; 率 "to lead" (shuài)
 * takes an object instead (省长 率 代表团).
 */
const AFTER_RATE = new Set([
  ...[
    '和',
    '与',
    '及',
    '或',
    '、',
    '均',
    '都',
    '也',
    '已',
    '仍',
    '将',
    '较',
    '比',
    '同比',
    '环比',
    '明显',
    '持续',
  ],
  ...[
    '不断',
    '大幅',
    '逐步',
    '进一步',
    '提高',
    '上升',
    '下降',
    '降低',
    '增长',
    '达到',
    '达',
    '为',
    '超过',
    '是',
  ],
  ...['高', '低'],
  ...DEGREE,
]);

/**
 * A place name of three or more characters ending in an administrative suffix (长丰县, 长宁区, 长沙市). 长 at its start
 * is cháng: after another place's suffix (合肥市 | 长丰县) the context would read the title 市长 zhǎng.
 */
const PLACE_WORD = /^长[\u4e00-\u9fff]+[省市县区镇乡村州]$/u;

/**
 * Words that make 都会 the noun "metropolis" (dū): a modifier before it (大都会, 国际都会), or a noun-phrase word after
 * it (都会的, 都会区). Before anything else it is 都 "all" + 会 "will" (每年都会围绕…, 大家都会去: dōu).
 */
const METROPOLIS_BEFORE = new Set([
  '大',
  '国际',
  '现代',
  '现代化',
  '国际化',
  '繁华',
  '摩登',
  '时尚',
  '新兴',
  '座',
  '这座',
  '一座',
]);
const METROPOLIS_AFTER = new Set(['的', '之', '区', '圈', '型', '报']);

function metropolisOrAllWill(words: readonly GrammarWord[], k: number): string | null {
  const next = words[k + 1];
  if (!han(next) || METROPOLIS_AFTER.has(next.text) || METROPOLIS_BEFORE.has(words[k - 1]?.text ?? ''))
    return null;
  return 'dou1';
}

/** Words of one character that follow the modal 应 "should" (应由, 应当, 应向, 应予). */
const AFTER_SHOULD = new Set([
  '由',
  '在',
  '把',
  '向',
  '以',
  '对',
  '与',
  '从',
  '有',
  '是',
  '予',
  '为',
  '按',
  '给',
  '当',
  '能',
]);

/**
 * 应 on its own before a verb phrase is the modal "should" (是否应由中央决定, 不应掉以轻心, 应采取措施: yīng); before an
 * aspect particle it is "answer" (应了一声: yìng). The verb phrase is a word of two characters or more, or a
 * preposition or 有/是 that opens one.
 */
function shouldOrAnswer(words: readonly GrammarWord[], k: number): string | null {
  const next = words[k + 1];
  if (!han(next) || ASPECT.has(next.text)) return null;
  return Array.from(next.text).length >= 2 || AFTER_SHOULD.has(next.text) ? 'ying1' : null;
}

/**
 * 干 said twice before an object is the verb "do" (干干农活, 干干家务: gàn); 干干净净 "clean" is gān.
 */
function doneTwice(words: readonly GrammarWord[], k: number): string | null {
  const prev = words[k - 1];
  const next = words[k + 1];
  // 干 + an aspect particle + more words is the verb "do" (干了一辈子农活, 干过三年: gàn); 水干了。 stays.
  if (next && ASPECT.has(next.text) && han(words[k + 2])) return 'gan4';
  const isVerbBefore = (w: GrammarWord | undefined) => han(w) && !w!.text.startsWith('净');
  if (next?.text === '干净') return 'gan1'; // 干 | 干净 | 净, as the segmenter cuts 干干净净
  // After a degree adverb it is the adjective "dry" (天气很干: gān); after a word that asks for a verb (一起来干,
  // 先干起来, 敢干, 肯干) or before a directional complement (干起来, 干下去) it is the verb "do" (gàn).
  if (DEGREE.has(prev?.text ?? '')) return 'gan1';
  if (BEFORE_VERB_GAN.has(prev?.text ?? '') || DIRECTIONAL.has(next?.text ?? '')) return 'gan4';
  if (next?.text === '干' && isVerbBefore(words[k + 2])) return 'gan4';
  if (prev?.text === '干' && isVerbBefore(next)) return 'gan4';
  return null;
}

/** Verbs and words that take 所长 "one's strong point" as their object (发挥所长, 各有所长, 取人所长). */
const TAKES_STRONG_POINT = new Set([
  '发挥',
  '展',
  '各展',
  '施展',
  '有',
  '各有',
  '学有',
  '其',
  '尽',
  '人',
  '扬',
  '用',
]);
/** Ranks before 大夫 in the titles of imperial officials (上大夫, 御史大夫, 光禄大夫). */
const OFFICIAL_RANK = new Set(['上', '中', '下', '御史', '光禄', '谏议', '太中', '中散', '朝散', '卿']);

/** A reduplicated AABB word (实实在在, 认认真真): adjectival or adverbial. */
export function isAabb(text: string): boolean {
  const c = Array.from(text);
  return c.length === 4 && c[0] === c[1] && c[2] === c[3] && c[0] !== c[2];
}

/**
 * Words of two senses read two ways, decided by the word before them: 所长 "director" (zhǎng) or "strong point"
 * after a verb that takes it (发挥所长: cháng); 较差 "rather poor" (chà) or "range" after 日/年/月 (气温日较差: chā);
 * 大夫 "doctor" (dàifu) or an official after a rank (上大夫: dàfū); 长得 zhǎng, cháng before 多. And words read one way
 * whatever CC-CEDICT says: 过得 and the potential complements (受得了) with the particle de. Offsets in the word and
 * numbered readings, or null for any other word.
 */
export function wordSense(words: readonly GrammarWord[], k: number): [number, string][] | null {
  const w = words[k].text;
  const prev = words[k - 1]?.han ? words[k - 1].text : '';
  if (w === '所长') return [[1, TAKES_STRONG_POINT.has(prev) ? 'chang2' : 'zhang3']];
  if (w === '较差') return [[1, /[日年月]$/u.test(prev) ? 'cha1' : 'cha4']];
  // 长得 (the segmenter keeps it whole) is "grow, look" (长得很快, 长得漂亮: zhǎng), but "longer by far" before 多
  // (比那条河长得多: cháng).
  if (w === '长得')
    return [
      [0, words[k + 1]?.text.startsWith('多') ? 'chang2' : 'zhang3'],
      [1, 'de5'],
    ];
  // 过得 (日子过得很好, 你过得怎么样) is the verb with the complement particle: guòde, whatever CC-CEDICT's dé says.
  if (w === '过得') return [[1, 'de5']];
  // A potential complement, one word with its negative (受得了 / 受不了, 过得去 / 过不去): de.
  if (w.length === 3 && w[1] === '得' && defaultLexicon().cost(`${w[0]}不${w[2]}`) !== undefined)
    return [[1, 'de5']];
  if (w === '大夫')
    return OFFICIAL_RANK.has(prev)
      ? [
          [0, 'da4'],
          [1, 'fu1'],
        ]
      : [
          [0, 'dai4'],
          [1, 'fu5'],
        ];
  return null;
}

/**
 * The reading (numbered, as the model spells it) that grammar gives the one-character word `words[k]`, or null
 * when grammar does not decide it.
 */
export function grammarReading(words: readonly GrammarWord[], k: number): string | null {
  const w = words[k].text;
  if (PLACE_WORD.test(w)) return 'chang2';
  // A word of the verb 还 "return" with its object or complement: 还书, 还款, 还给 (huán).
  if (w.length === 2 && w[0] === '还') {
    // 还给 + someone + a verb with its aspect particle: 给 is "for", 还 "also" (还给孩子们买了书: hái).
    if (w === '还给' && han(words[k + 1]) && han(words[k + 2]) && ASPECT.has(words[k + 3]?.text ?? ''))
      return 'hai2';
    return RETURNED.has(w[1]) ? 'huan2' : null;
  }
  if (w === '还') {
    const after = words[k + 1];
    // 还 + what is given back or 给 (还 钱 给 我), + a pronoun and more (还 你 钱), or at the end (都 还 了): huán.
    if (han(after) && (RETURNED.has(after.text[0]) || RETURNED.has(after.text))) return 'huan2';
    if (han(after) && PRONOUNS.has(after.text) && han(words[k + 2])) return 'huan2';
    if (!han(after) || after.text === '了') return han(words[k - 1]) ? 'huan2' : null;
    return null;
  }
  // 着 on its own after a verb of two characters or more is the aspect particle (指引 | 着, 激励 | 着: zhe); the
  // result complement zháo follows one-character verbs (睡着, 找着), and 着急, 着手 are words of their own.
  if (w === '着') {
    const prev = words[k - 1];
    // The result complement "reach, succeed" after a one-character verb: in the potential form (找 不 着, 够 不
    // 着, 睡 得 着) and with 了 (睡 着 了, 找 着 了): zháo.
    if ((prev?.text === '不' || prev?.text === '得') && han(words[k - 2]) && words[k - 2].text.length === 1)
      return 'zhao2';
    if (han(prev) && prev.text.length === 1 && words[k + 1]?.text === '了') return 'zhao2';
    return han(prev) && prev.text.length >= 2 && [...prev.text].every((c) => /\p{Script=Han}/u.test(c))
      ? 'zhe5'
      : null;
  }
  // 只 after a demonstrative is the measure word (那只行李箱, 这只股票, 每只羊: zhī), unless the verb phrase of
  // "only" follows (这只会让人失望, 这只需要三天: zhǐ).
  if (w === '只') {
    const next = words[k + 1];
    return DEMONSTRATIVES.has(words[k - 1]?.text ?? '') && han(next) && !AFTER_ONLY.has(next.text)
      ? 'zhi1'
      : null;
  }
  // 少 right before 了 is "less, fewer" (比去年少了一半: shǎo); the young 少 (shào) is in words (少年, 少女).
  if (w === '少') return words[k + 1]?.text === '了' ? 'shao3' : null;
  // 觉 on its own after 睡 in the same clause is "sleep" (睡不好觉, 睡个好觉, 睡了一大觉: jiào).
  if (w === '觉') {
    for (let j = k - 1; j >= 0 && j >= k - 4 && !CLAUSE_END.test(words[j].text); j--)
      if (words[j].text.includes('睡')) return 'jiao4';
    return null;
  }
  // 便宜 is "cheap" (太便宜了, 占便宜: pián); "expedient" (biàn) only in 便宜行事 and 便宜之计.
  if (w === '便宜') return ['行事', '之', '之计'].includes(words[k + 1]?.text ?? '') ? null : 'pian2';
  // 盛 on its own before 了/着 or a count is "ladle, fill" (盛了一碗汤, 盛一碗饭: chéng).
  if (w === '盛') {
    const next = words[k + 1]?.text ?? '';
    return han(words[k - 1]) && (next === '了' || next === '着' || /^[一二三两几半满]/u.test(next))
      ? 'cheng2'
      : null;
  }
  // 种 on its own before its object (or 了/过 and more), not after a number or a demonstrative, is the verb
  // "plant" (在地里种玉米, 种树, 种了很多花: zhòng); 这种, 一种 and 有种 count kinds (zhǒng).
  if (w === '种') {
    const prev = words[k - 1];
    const next = words[k + 1];
    if (!han(next) || (ASPECT.has(next.text) && !han(words[k + 2]))) return null;
    if (
      han(prev) &&
      (KIND_COUNTERS.has(prev.text) || /^[0-9〇零一二三四五六七八九十百千万两几多]+$/u.test(prev.text))
    )
      return null;
    return 'zhong4';
  }
  // 累 on its own after a degree adverb or a negation, or before 了/得/死/坏, is the adjective "tired" (工作很累, 累得
  // 满头大汗: lèi); "accumulate" (lěi) lives in words (积累, 累计, 日积月累).
  if (w === '累') {
    const prev = words[k - 1]?.text ?? '';
    const next = words[k + 1]?.text ?? '';
    return DEGREE.has(prev) || BEFORE_TIRED.has(prev) || AFTER_TIRED.has(next) ? 'lei4' : null;
  }
  // An adjective on its own after a degree adverb (AFTER_DEGREE: 很薄 báo, 很横 hèng, 很差 chà).
  const adjective = AFTER_DEGREE.get(w);
  if (adjective && DEGREE.has(words[k - 1]?.text ?? '')) return adjective;
  // 冲 on its own before 着 is "facing, towards" (冲着我笑, 冲着问题去: chòng).
  if (w === '冲' && words[k + 1]?.text === '着') return 'chong4';
  // 数 on its own as a verb, "count" (数了数, 数一数, 数不清: shǔ): before an aspect particle or 不清/不过来, or said
  // twice round 了 or 一. A number of things (人数, 数十人) is shù.
  if (w === '数') {
    const next = words[k + 1]?.text ?? '';
    const twice = (a: number, b: number) =>
      ['了', '一'].includes(words[k + a]?.text ?? '') && words[k + b]?.text === '数';
    return COUNTS_AFTER.has(next) || twice(1, 2) || twice(-1, -2) ? 'shu3' : null;
  }
  // 中 on its own before 了 is "hit, win" (又中了奖, 中了一枪: zhòng).
  if (w === '中' && words[k + 1]?.text === '了' && han(words[k - 1])) return 'zhong4';
  if (w === '都会') return metropolisOrAllWill(words, k);
  if (w === '干') return doneTwice(words, k);
  if (w === '应') return shouldOrAnswer(words, k);
  if (w !== '地' && w !== '得' && w !== '为' && w !== '将' && w !== '长' && w !== '率') return null;
  const prev = words[k - 1];
  const next = words[k + 1];
  // 率 after a word, then no object: the suffix "rate" (返修 | 率 | 明显 上升: lǜ); 率团 "leads": shuài.
  if (w === '率') {
    if (!han(prev)) return null;
    return !han(next) || AFTER_RATE.has(next.text) ? 'lv4' : 'shuai4';
  }
  // 将 on its own is "will" or the object marker "把" (jiāng); the general jiàng lives in words (大将, 将领).
  if (w === '将') return han(next) ? 'jiang1' : null;
  if (w === '长') {
    if (next?.text === '得') return 'zhang3'; // 长得很快: "grow"
    // 长着 + what grows or is had: "grow, have" (长着一双大眼睛, 长着青苔: zhǎng); 长着呢 is "long".
    if (next?.text === '着' && han(words[k + 2]) && words[k + 2].text !== '呢') return 'zhang3';
    if (DEGREE.has(prev?.text ?? '')) return 'chang2'; // 很长: "long"
    return null;
  }
  if (w === '地') {
    if (!han(prev) || !han(next)) return null;
    // The adverbial 地 is followed by the verb phrase it qualifies; before a conjunction or 的 it is a noun, "place,
    // land" (水源地或分水岭, 产粮地和集散地, 试验地的土壤: dì).
    // 等 is "etc." there, unless it is the verb "wait" (着急地等着, 耐心地等他: de).
    if (NOT_AFTER_ADVERBIAL.has(next.text) && !(next.text === '等' && waits(words[k + 2]))) return 'di4';
    // An adverbial: a word of two or more characters, or an adjective after a degree adverb, then 地, then the verb.
    if (Array.from(prev.text).length >= 2 || DEGREE.has(words[k - 2]?.text ?? '')) return 'de5';
    // 连 A 带 B 地: two verbs done at once, as an adverbial (连说带演地对着镜头, 连滚带爬地跑).
    if (words[k - 2]?.text === '带' && words[k - 4]?.text === '连') return 'de5';
    return null;
  }
  if (w === '得') {
    // The modal "must" after a pronoun or an adverb of must, before a verb phrase: 你得走, 必须得抓紧 (děi).
    if (
      han(prev) &&
      han(next) &&
      (PRONOUNS.has(prev.text) || BEFORE_DEI.has(prev.text)) &&
      !['了', '过', '着', '到'].includes(next.text) &&
      !/^[第一二三四五六七八九十两]/u.test(next.text)
    ) {
      return 'dei3';
    }
    // After an adverb (还, 都, 就 …) it is no complement particle, which follows a verb or an adjective: the verb
    // "get" before its aspect or result (还得过大奖, 都得到了: dé).
    if (han(prev) && BEFORE_DEI.has(prev.text) && han(next)) return 'de2';
    // The complement may be quoted (溅得‘挂了彩’, 说得“头头是道”): the word after the opening quotes.
    let j = k + 1;
    while (j < words.length && OPENING_QUOTES.test(words[j].text)) j++;
    const complement = words[j];
    if (!han(prev) || !han(complement) || complement.text === '了' || NOT_BEFORE_DE.has(prev.text))
      return null;
    return 'de5';
  }
  // 为
  let start = k;
  while (start > 0 && !CLAUSE_END.test(words[start - 1].text)) start--;
  for (let j = start; j < k; j++) if (words[j].text === '以') return 'wei2'; // 以 … 为 …: "take … as …"
  if (start === k || BEFORE_WEI_FOR.has(prev?.text ?? '')) return 'wei4';
  // After a reduplicated adverbial (实实在在为群众办事, 认认真真为学生备课): "for".
  if (prev && isAabb(prev.text)) return 'wei4';
  // After a person, before a verb phrase, it is "for" (我为你骄傲, 他为这件事操碎了心: wèi), unless 所 makes it the
  // passive "by" (他为人民所爱戴: wéi).
  if (PRONOUNS.has(prev?.text ?? '')) {
    let passive = false;
    for (let j = k + 1; j < words.length && !CLAUSE_END.test(words[j].text); j++)
      if (words[j].text === '所') passive = true;
    return passive ? 'wei2' : 'wei4';
  }
  let rest = 0;
  for (let j = k + 1; j < words.length && !CLAUSE_END.test(words[j].text); j++) if (words[j].han) rest++;
  if (rest === 1) return 'wei2'; // 为患, 为题, 为低: the clause ends with one word after 为
  return null;
}
