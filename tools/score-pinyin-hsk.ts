// Reads every HSK 2.0 word of two or more characters on its own and compares the drawn reading with CC-CEDICT's
// (any of its common-noun entries for the word): the everyday vocabulary a learner checks first. A difference in
// tone alone (a neutral tone drawn full, or the reverse) is counted apart from a different syllable.
// Usage: tsx tools/score-pinyin-hsk.ts [--list]
import { readFileSync } from 'node:fs';
import hsk from '../lib/text/data/hsk.json';
import { formatSyllable, readRun } from '../lib/text/pinyin';

const cedict = new Map<string, string[]>();
for (const line of readFileSync('public/data/cedict.tsv', 'utf8').split('\n').slice(1)) {
  const [simplified, , py] = line.split('\t');
  // Proper nouns (capitalised pinyin) are other words that share the characters (孙子 Sūnzǐ).
  if (!simplified || !py || /[A-Z]/.test(py)) continue;
  const list = cedict.get(simplified) ?? [];
  list.push(py.toLowerCase().replace(/u:/g, 'v'));
  cedict.set(simplified, list);
}
const toneless = (s: string) => s.replace(/[1-5]/g, '');
let words = 0;
let syllable = 0;
let tone = 0;
const lines: string[] = [];
(hsk as { levels: string[] }).levels.forEach((level, l) => {
  for (const word of level.split(' ')) {
    const dict = cedict.get(word);
    if (Array.from(word).length < 2 || !dict) continue;
    words++;
    const got = readRun(word)
      .map((r) => (r.pinyin ? formatSyllable(r.pinyin, 'numbers').replace(/ü/g, 'v') : '?'))
      .join(' ');
    if (dict.includes(got)) continue;
    const toneOnly = dict.some((d) => toneless(d) === toneless(got));
    if (toneOnly) tone++;
    else syllable++;
    lines.push(
      `${toneOnly ? 'tone' : 'syllable'}\tHSK ${l + 1}\t${word}\t${got}\tCC-CEDICT ${dict.join(' / ')}`,
    );
  }
});
if (process.argv.includes('--list')) console.log(lines.join('\n'));
console.log(
  `HSK words of 2+ characters in CC-CEDICT: ${words}; another syllable ${syllable}, tone only ${tone}`,
);
