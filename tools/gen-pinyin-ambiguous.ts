// Writes lib/text/data/pinyin-ambiguous.json: the words of the segmentation lexicon (CC-CEDICT headwords) in which
// CC-CEDICT gives a polyphonic character more than one reading (neutral tones aside): 同行 háng/xíng, 当天
// dāng/dàng, 尽快 jǐn/jìn. lib/text/pinyin lets a dictionary word decide its polyphones where pinyin-pro and CC-CEDICT
// agree on it; in these words the dictionary does not decide, and the context model reads them.
// tsx tools/gen-pinyin-ambiguous.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { polyphonic } from 'pinyin-pro';
import { defaultLexicon } from '../lib/text/lexicon-default';

const lexicon = defaultLexicon();
const readings = new Map<string, string[][]>();
for (const line of readFileSync('public/data/cedict.tsv', 'utf8').split('\n').slice(1)) {
  const [simplified, , py] = line.split('\t');
  if (!simplified || !py) continue;
  const syllables = py.toLowerCase().replace(/u:/g, 'v').split(' ');
  const n = Array.from(simplified).length;
  if (n !== syllables.length || n < 2 || lexicon.cost(simplified) === undefined) continue;
  const list = readings.get(simplified) ?? [];
  list.push(syllables);
  readings.set(simplified, list);
}
const polyphone = (ch: string) => (polyphonic(ch, { type: 'array' }) as string[][])[0]?.length > 1;
const words: string[] = [];
for (const [word, list] of [...readings].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (list.length < 2) continue;
  const chars = Array.from(word);
  const ambiguous = chars.some(
    (ch, j) => polyphone(ch) && new Set(list.map((s) => s[j]).filter((s) => !s.endsWith('5'))).size > 1,
  );
  if (ambiguous) words.push(word);
}
writeFileSync('lib/text/data/pinyin-ambiguous.json', JSON.stringify(words.join(' ')) + '\n');
console.log(`wrote lib/text/data/pinyin-ambiguous.json: ${words.length} words`);
