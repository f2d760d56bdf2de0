// Writes lib/text/data/pinyin-neutral.json: common words whose neutral tones CC-CEDICT gives and pinyin-pro leaves
// out (知识 zhīshi, 消息 xiāoxi, 朋友 péngyou): word → the 0-based positions of its neutral syllables, and `r`
// where its final 儿 is the erhua syllable r (这儿 zhèr, 一点儿 yīdiǎnr).
// Only words CC-CEDICT reads one way (东西 "thing" and "east-west" stay out), that pinyin-pro's modern dictionary
// lists (common words) or the segmenter's lexicon holds (不客气, 一下子: whole words of the segmenter, the only words
// the table is applied to), of two to four characters. lib/text/pinyin applies them to whole words of the segmenter.
// tsx tools/gen-pinyin-neutral.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import modern from '@pinyin-pro/data/modern.json';
import complete from '@pinyin-pro/data/complete.json';
import { defaultLexicon } from '../lib/text/lexicon-default';
const lexicon = defaultLexicon();

const MODERN = modern as unknown as Record<string, unknown>;
const COMPLETE = complete as unknown as Record<string, [string, number]>;
const readings = new Map<string, Set<string>>();
/**
 * Words whose other CC-CEDICT entries are all proper nouns (孙子 Sūnzǐ, 狮子 the star sign): the common word's reading
 * is taken, where pinyin-pro's full dictionary agrees on its neutral tones (it does for 狮子 shīzi; not for 老子 or 庄子,
 * which in running text are the philosophers as often as not).
 */
const commonReadings = new Map<string, Set<string>>();
for (const line of readFileSync('public/data/cedict.tsv', 'utf8').split('\n').slice(1)) {
  const [simplified, , py] = line.split('\t');
  if (!simplified || !py) continue;
  const syllables = py.toLowerCase().replace(/u:/g, 'v').split(' ');
  const n = Array.from(simplified).length;
  if (n !== syllables.length || n < 2 || n > 4 || !syllables.every((s) => /^[a-z]+[1-5]$/.test(s))) continue;
  const set = readings.get(simplified) ?? new Set<string>();
  set.add(syllables.join(' '));
  readings.set(simplified, set);
  if (!/[A-Z]/.test(py)) {
    const common = commonReadings.get(simplified) ?? new Set<string>();
    common.add(syllables.join(' '));
    commonReadings.set(simplified, common);
  }
}
for (const [word, common] of commonReadings) {
  const all = readings.get(word)!;
  if (all.size === common.size || common.size !== 1) continue;
  const full = COMPLETE[word]?.[0].split(' ') ?? [];
  const syllables = [...common][0].split(' ');
  // pinyin-pro's full dictionary writes a neutral syllable without a tone mark.
  const agrees = syllables.every(
    (s, i) => !s.endsWith('5') || (full[i] && !/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/.test(full[i])),
  );
  if (agrees) readings.set(word, common);
}
const out: Record<string, string> = {};
for (const [word, set] of [...readings].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const common = word in MODERN;
  if (!common && lexicon.cost(word) === undefined) continue;
  // One reading only: 精神 jīngshen "vigour" and jīngshén "spirit", 过去 guòqu and guòqù are different words.
  if (set.size !== 1) continue;
  const syllables = [...set][0].split(' ');
  const pp = (pinyin(word, { type: 'array', toneType: 'num', toneSandhi: false }) as string[]).map((s) =>
    s.replace(/0$/, '5'),
  );
  let positions = '';
  syllables.forEach((s, i) => {
    if (s.endsWith('5') && pp[i]?.replace(/\d$/, '') === s.slice(0, -1)) positions += i;
    // Erhua: a final 儿 that CC-CEDICT reads r (这儿 zhèr) and pinyin-pro ér.
    // Only in the modern dictionary's words: the lexicon's rarer 儿 words include ones read ér in running text.
    else if (
      common &&
      s === 'r5' &&
      i === syllables.length - 1 &&
      word.endsWith('儿') &&
      pp[i]?.startsWith('er')
    )
      positions += 'r';
  });
  if (positions) out[word] = positions;
}
writeFileSync('lib/text/data/pinyin-neutral.json', JSON.stringify(out) + '\n');
console.log(`wrote lib/text/data/pinyin-neutral.json: ${Object.keys(out).length} words`);
