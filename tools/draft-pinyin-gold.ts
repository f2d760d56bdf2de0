// Draft gold: ours vs pinyin-pro vs CC-CEDICT FMM; prints decision points. Usage: tsx draft.ts FILE.txt OUT.draft
import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { formatSyllable, readRun } from '../lib/text/pinyin';
const [file, out] = process.argv.slice(2);
const isHan = (c: string) => /\p{Script=Han}/u.test(c);
const dict = new Map<string, Set<string>>();
for (const l of readFileSync('public/data/cedict.tsv', 'utf8').split('\n')) {
  const [s, t, p] = l.split('\t');
  if (!p || !s) continue;
  if (p.split(' ').length !== Array.from(s).length) continue;
  const norm = p.toLowerCase().replace(/u:/g, 'v');
  for (const w of [s, t || s]) {
    if (!dict.has(w)) dict.set(w, new Set());
    dict.get(w)!.add(norm);
  }
}
const POLY = new Set(Array.from('地得为将行长重还都处中种干差调应着了教便相当数少只看分发传省藏累觉乐好要空模强量间更曾难正朝几给否率参系卷奇仔扎结降恶转背落弹血薄露折称冲铺似识尽殷劲解单朴区曾查盛'));
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const goldLines: string[] = [];
let points = 0;
lines.forEach((line, li) => {
  const cps = Array.from(line);
  const ours = readRun(line).map((r) => (r.pinyin ? formatSyllable(r.pinyin, 'numbers').replace(/ü/g, 'v') : r.char));
  const pp = pinyin(line, { type: 'array', toneType: 'num', nonZh: 'removed', v: true, toneSandhi: false } as never) as string[];
  // cedict FMM
  const ced: (string | undefined)[] = new Array(cps.length);
  const amb: boolean[] = new Array(cps.length).fill(false);
  const wordOf: string[] = new Array(cps.length).fill('');
  for (let i = 0; i < cps.length; ) {
    if (!isHan(cps[i])) { i++; continue; }
    let n = Math.min(8, cps.length - i);
    for (; n > 1; n--) if (dict.has(cps.slice(i, i + n).join(''))) break;
    const w = cps.slice(i, i + n).join('');
    const rs = dict.get(w);
    if (rs) {
      const arr = [...rs].map((r) => r.split(' '));
      const first = arr.find((a) => a.length === n) ?? arr[0];
      for (let k = 0; k < n; k++) {
        ced[i + k] = first[k];
        wordOf[i + k] = w;
        amb[i + k] = new Set(arr.map((a) => a[k])).size > 1;
      }
    }
    i += n;
  }
  const gold: string[] = [];
  let h = 0;
  cps.forEach((c, i) => {
    if (!isHan(c)) return;
    const o = ours[i];
    const p = (pp[h++] ?? '?').replace(/0$/, '5');
    const d = ced[i];
    let g = o;
    // neutral as dictionary gives it
    if (d && d.endsWith('5') && o.slice(0, -1) === d.slice(0, -1)) g = d;
    gold.push(g);
    const dis = o !== p || (d && d !== o && d.slice(0,-1) !== o.slice(0,-1)) || (d && d!==o) || amb[i] || POLY.has(c);
    const strong = o !== p || (d !== undefined && d !== o);
    if (dis) {
      points++;
      console.log((strong ? '!! ' : '   ') + `${li}:${i} ${c} ours=${o} pp=${p} ced=${d ?? '-'}${amb[i] ? '*' : ''}(${wordOf[i]}) gold=${g}\t${cps.slice(Math.max(0, i - 6), i).join('')}[${c}]${cps.slice(i + 1, i + 6).join('')}`);
    }
  });
  goldLines.push(gold.join(' '));
});
writeFileSync(out, goldLines.join('\n') + '\n');
console.error('points', points);
