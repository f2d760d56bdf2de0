// Writes lib/text/data/pinyin-fold.json: Traditional (and Hong Kong / Taiwan variant) characters → the one
// Simplified character pinyin is read on, one code point for one, so offsets survive.
// Sources: OpenCC's TSCharacters (first candidate) and HK/TW variant tables as opencc-js ships them (MIT / Apache-2.0),
// then pinyin-pro's own traditional.json (ISC) for the few characters OpenCC leaves out. Two characters are
// Simplified too with a reading of their own (著 zhù, 乾 qián, 瞭 liào): `byWord` lists the CC-CEDICT words that read
// them so (著名, 乾隆, 瞭望); everywhere else they fold (著 → 着 as in 跟著, 睡著, 著陸; 乾 → 干 as in 乾淨; 瞭 → 了
// as in 瞭解).
// tsx tools/gen-pinyin-fold.ts
import { readFileSync, writeFileSync } from 'node:fs';
import ppTraditional from '@pinyin-pro/data/traditional.json';
import modernDict from '@pinyin-pro/data/modern.json';

/** One of opencc-js's packed dictionaries (`from to|from to|…`), which it ships without type declarations. */
const openccDict = async (name: string): Promise<string> =>
  ((await import(`opencc-js/dict/${name}`)) as { default: string }).default;
const [ts, st, hkRev, twRev] = await Promise.all(
  ['TSCharacters', 'STCharacters', 'HKVariantsRev', 'TWVariantsRev'].map(openccDict),
);
const table = (packed: string) =>
  new Map(
    packed.split('|').map((e) => {
      const [from, to] = e.split(' ');
      return [from, to] as const;
    }),
  );
const TS = table(ts);
const ST = table(st);
const fold = new Map<string, string>(TS);
// Regional variants (敍, 衞, 衹 …) to the standard form, then to Simplified. Skipped: characters Simplified text
// uses as they are (么 is not 幺), and 著, which lib/text/pinyin folds by context (着 as a particle, 著 in 著名).
for (const rev of [table(hkRev), table(twRev)])
  for (const [variant, standard] of rev) {
    if (fold.has(variant) || ST.has(variant) || variant === '著') continue;
    const simplified = TS.get(standard) ?? standard;
    if (simplified !== variant) fold.set(variant, simplified);
  }
for (const [t, s] of Object.entries(ppTraditional as Record<string, string>))
  if (!fold.has(t) && t !== s) fold.set(t, s);
for (const [t, s] of fold)
  if (Array.from(t).length !== 1 || Array.from(s).length !== 1 || t === s) fold.delete(t);
const chars = Object.fromEntries([...fold].sort((a, b) => (a[0] < b[0] ? -1 : 1)));

const OWN_READING: Record<string, [folded: string, reading: string]> = {
  著: ['着', 'zhu4'],
  乾: ['干', 'qian2'],
  // 瞭 is liào in 瞭望 (Simplified keeps it there) and the Traditional 了 liǎo elsewhere (瞭解, 明瞭).
  瞭: ['了', 'liao4'],
};
/**
 * Two-character words only when pinyin-pro's modern dictionary knows them too: rare CC-CEDICT words such as 要著
 * or 合著 would match across words (不要著急, 結合著) and keep 著 where Taiwan text means 着. 较著 likewise
 * (比較著急).
 */
const MODERN = modernDict as unknown as Record<string, unknown>;
const common = (word: string) => word !== '较著' && (Array.from(word).length > 2 || word in MODERN);
const byWord: Record<string, { to: string; words: string[] }> = {};
for (const [ch, [to]] of Object.entries(OWN_READING)) byWord[ch] = { to, words: [] };
for (const line of readFileSync('public/data/cedict.tsv', 'utf8').split('\n').slice(1)) {
  const [simplified, , py] = line.split('\t');
  if (!simplified || !py) continue;
  const cps = Array.from(simplified);
  const syllables = py.toLowerCase().split(' ');
  if (cps.length < 2 || cps.length !== syllables.length) continue;
  const hit = cps.find((c, i) => OWN_READING[c]?.[1] === syllables[i]);
  if (!hit || byWord[hit].words.includes(simplified) || !common(simplified)) continue;
  byWord[hit].words.push(simplified);
}
for (const entry of Object.values(byWord)) entry.words.sort();

/**
 * Traditional characters that have one reading where their Simplified form has several (儘 jǐn and 盡 jìn are both
 * 尽; 隻 zhī, 髮 fà, 鬥 dòu, 捨 shě, 臺 tái): CC-CEDICT's single-character entries by their Traditional form, neutral
 * tones aside, where CC-CEDICT's words never read the character otherwise (旗桿 qígān keeps 桿 out).
 * lib/text/pinyin gives a Traditional page's character its own reading. Left out after reading the list: characters
 * whose one entry misses a reading they have in words written with another form (噁心 ě, 纍纍 léi, 殻 ké, 敎 jiāo,
 * 祕魯 Bì, 遊説 shuì).
 */
const NOT_OWN = new Set(['噁', '纍', '殻', '敎', '祕', '説']);
const bySimplified = new Map<string, Set<string>>();
const byTraditional = new Map<string, Set<string>>();
/** The readings each Traditional character has inside CC-CEDICT's words. */
const inWords = new Map<string, Set<string>>();
const add = (table: Map<string, Set<string>>, ch: string, r: string) =>
  (table.get(ch) ?? table.set(ch, new Set()).get(ch)!).add(r);
for (const line of readFileSync('public/data/cedict.tsv', 'utf8').split('\n').slice(1)) {
  const [simplified, traditional, py] = line.split('\t');
  if (!simplified || !py) continue;
  const word = Array.from(traditional || simplified);
  const syllables = py.toLowerCase().replace(/u:/g, 'v').split(' ');
  if (syllables.length !== word.length) continue;
  const tonal = (r: string) => /^[a-z]+[1-4]$/.test(r);
  if (word.length === 1) {
    if (!tonal(syllables[0]) || Array.from(simplified).length !== 1) continue;
    add(bySimplified, simplified, syllables[0]);
    add(byTraditional, word[0], syllables[0]);
  } else word.forEach((ch, i) => tonal(syllables[i]) && add(inWords, ch, syllables[i]));
}
const own: Record<string, string> = {};
for (const [t, s] of Object.entries(chars)) {
  const rt = byTraditional.get(t);
  if (NOT_OWN.has(t) || rt?.size !== 1 || (bySimplified.get(s)?.size ?? 0) < 2) continue;
  const r = [...rt][0];
  if ([...(inWords.get(t) ?? [])].some((w) => w !== r)) continue;
  own[t] = r;
}
writeFileSync('lib/text/data/pinyin-fold.json', JSON.stringify({ chars, byWord, own }) + '\n');
console.log(
  `wrote lib/text/data/pinyin-fold.json: ${fold.size} characters, ` +
    Object.entries(byWord)
      .map(([c, e]) => `${e.words.length} words keep ${c}`)
      .join(', ') +
    `, ${Object.keys(own).length} Traditional characters with a reading of their own`,
);
