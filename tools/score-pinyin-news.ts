// Scores lib/text/pinyin on the news gold in tests/fixtures/pinyin (see its README): every Han character's reading
// against the gold, wrong readings per 1,000 Han characters, with neutral-tone differences (the same syllable,
// one side tone 5, as 知识 zhīshi) counted apart.
// Usage: tsx tools/score-pinyin-news.ts [--errors] [NAME…]   NAME: news-cn-tune, news-tw-heldout, … (default all)
import { readFileSync, readdirSync } from 'node:fs';
import { formatSyllable, readRun } from '../lib/text/pinyin';

const DIR = 'tests/fixtures/pinyin';
const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const names = args.filter((a) => !a.startsWith('--'));
const files = names.length
  ? names
  : readdirSync(DIR)
      .filter((f) => f.endsWith('.gold'))
      .map((f) => f.slice(0, -5))
      .sort();

const isHan = (c: string) => /\p{Script=Han}/u.test(c);
const numbered = (marked: string) => formatSyllable(marked, 'numbers').replace(/ü/g, 'v');

for (const name of files) {
  const lines = readFileSync(`${DIR}/${name}.txt`, 'utf8').split('\n').filter(Boolean);
  const gold = readFileSync(`${DIR}/${name}.gold`, 'utf8').split('\n');
  let han = 0;
  let wrong = 0;
  let neutral = 0;
  lines.forEach((line, li) => {
    const want = gold[li].split(' ');
    const cps = Array.from(line);
    let k = 0;
    readRun(line).forEach((r, i) => {
      if (!isHan(r.char)) return;
      han++;
      const got = r.pinyin ? numbered(r.pinyin) : r.char;
      const w = want[k++];
      if (got === w) return;
      const neutralOnly = got.slice(0, -1) === w.slice(0, -1) && (got.endsWith('5') || w.endsWith('5'));
      if (neutralOnly) neutral++;
      else wrong++;
      if (showErrors)
        console.log(
          `${name} ${li}:${i} ${r.char} want ${w} got ${got}${neutralOnly ? ' (neutral)' : ''}\t` +
            `${cps.slice(Math.max(0, i - 8), i).join('')}[${r.char}]${cps.slice(i + 1, i + 8).join('')}`,
        );
    });
  });
  const per = (n: number) => ((1000 * n) / han).toFixed(1);
  console.log(
    `${name}: ${han} Han, ${wrong} wrong (${per(wrong)} per 1,000), neutral tone ${neutral} (${per(neutral)} per 1,000)`,
  );
}
