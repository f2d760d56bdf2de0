// Drafts a pinyin gold for tests/fixtures/pinyin (see its README) and lists the characters to decide by hand:
// our reading, pinyin-pro's (no tone sandhi) and CC-CEDICT's (forward maximum matching over public/data/cedict.tsv).
// The draft takes our reading, with CC-CEDICT's neutral tone where only the tone differs. Each listed character is
// marked `!!` when the three disagree (or CC-CEDICT lists several readings), else it is a listed polyphone.
// Usage: tsx tools/draft-pinyin-gold.ts TEXT.txt DRAFT.gold > points.txt
import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { formatSyllable, readRun } from '../lib/text/pinyin';

const [file, out] = process.argv.slice(2);
const isHan = (c: string) => /\p{Script=Han}/u.test(c);

const dict = new Map<string, Set<string>>();
for (const row of readFileSync('public/data/cedict.tsv', 'utf8').split('\n')) {
  const [simp, trad, reading] = row.split('\t');
  if (!reading || !simp || reading.split(' ').length !== Array.from(simp).length) continue;
  const norm = reading.toLowerCase().replace(/u:/g, 'v');
  for (const w of [simp, trad || simp]) {
    if (!dict.has(w)) dict.set(w, new Set());
    dict.get(w)?.add(norm);
  }
}

const POLY = new Set(
  Array.from(
    '地得为将行长重还都处中种干差调应着了教便相当数少只看分发传省藏累觉乐好要空模强量间更曾难正朝几给否率参系卷奇仔扎结降恶转背落弹血薄露折称冲铺似识尽殷劲解单朴区查盛',
  ),
);

const numbered = (marked: string) => formatSyllable(marked, 'numbers').replace(/ü/g, 'v');
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const goldLines: string[] = [];
let points = 0;
lines.forEach((line, li) => {
  const cps = Array.from(line);
  const ours = readRun(line).map((r) => (r.pinyin ? numbered(r.pinyin) : r.char));
  const theirs = pinyin(line, {
    type: 'array',
    toneType: 'num',
    nonZh: 'removed',
    v: true,
    toneSandhi: false,
  }) as string[];
  const ced: (string | undefined)[] = new Array(cps.length);
  const several: boolean[] = new Array(cps.length).fill(false);
  const wordOf: string[] = new Array(cps.length).fill('');
  for (let i = 0; i < cps.length;) {
    if (!isHan(cps[i])) {
      i++;
      continue;
    }
    let n = Math.min(8, cps.length - i);
    for (; n > 1; n--) if (dict.has(cps.slice(i, i + n).join(''))) break;
    const word = cps.slice(i, i + n).join('');
    const readings = [...(dict.get(word) ?? [])].map((r) => r.split(' '));
    for (let k = 0; k < n && readings.length; k++) {
      ced[i + k] = readings[0][k];
      wordOf[i + k] = word;
      several[i + k] = new Set(readings.map((a) => a[k])).size > 1;
    }
    i += n;
  }
  const gold: string[] = [];
  let h = 0;
  cps.forEach((c, i) => {
    if (!isHan(c)) return;
    const o = ours[i];
    const p = (theirs[h++] ?? '?').replace(/0$/, '5');
    const d = ced[i];
    const g = d && d.endsWith('5') && o.slice(0, -1) === d.slice(0, -1) ? d : o;
    gold.push(g);
    const strong = o !== p || (d !== undefined && d !== o) || several[i];
    if (!strong && !POLY.has(c)) return;
    points++;
    const context = `${cps.slice(Math.max(0, i - 6), i).join('')}[${c}]${cps.slice(i + 1, i + 6).join('')}`;
    console.log(
      `${strong ? '!!' : '  '} ${li}:${i} ${c} ours=${o} pp=${p} ced=${d ?? '-'}${several[i] ? '*' : ''}` +
        `(${wordOf[i]}) gold=${g}\t${context}`,
    );
  });
  goldLines.push(gold.join(' '));
});
writeFileSync(out, goldLines.join('\n') + '\n');
console.error(`${points} characters listed`);
