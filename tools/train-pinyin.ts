// Trains lib/text/pinyin-model on CPP polyphone sentences (see lib/text/pinyin-model.ts).
// Defaults are the tuned ones (--min=1 --aug=3, pruned); --w.KIND=N, --aug=N, --min=N, --no-prune to experiment.
// tsx tools/train-pinyin.ts --eval     train on even sentences of the dev split, score on the odd ones
// tsx tools/train-pinyin.ts --write    train on the whole dev split, write lib/text/data/pinyin-model.json
import { readFileSync, writeFileSync } from 'node:fs';
import { baseReading } from '../lib/text/pinyin-context';
import { featuresAt, predict, type Context, type PinyinModel } from '../lib/text/pinyin-model';
import { formatSyllable } from '../lib/text/pinyin';

const DIR = '../shared/data/cpp-dev';
const WEIGHTS: Record<string, number> = { b: 0.5, p: 1, l: 1, r: 1, ll: 1, rr: 1, lr: 1, w: 1, c: 0.3 };
for (const a of process.argv.slice(2)) {
  const m = /^--w\.(\w+)=([\d.]+)$/.exec(a);
  if (m) WEIGHTS[m[1]] = Number(m[2]);
}

const numbered = (marked: string) => (marked ? formatSyllable(marked, 'numbers').replace(/ü/g, 'v') : null);

interface Sample {
  ctx: Context;
  target: number;
  label: string;
}

function load(): Sample[] {
  const sents = readFileSync(`${DIR}/dev.sent`, 'utf8').split('\n');
  const labels = readFileSync(`${DIR}/dev.lb`, 'utf8').split('\n');
  const out: Sample[] = [];
  for (let i = 0; i < sents.length; i++) {
    if (!sents[i] || !labels[i]) continue;
    const target = Array.from(sents[i]).indexOf('\u2581');
    const chars = Array.from(sents[i].replace(/\u2581/g, ''));
    const base = baseReading(chars);
    out.push({
      ctx: { chars, guess: base.marked.map(numbered), words: base.words },
      target,
      label: labels[i].trim().replace('u:', 'v'),
    });
  }
  return out;
}

function train(samples: Sample[], minCount: number): PinyinModel {
  const readingCounts = new Map<string, Map<string, number>>();
  for (const s of samples) {
    const ch = s.ctx.chars[s.target];
    const m = readingCounts.get(ch) ?? new Map<string, number>();
    m.set(s.label, (m.get(s.label) ?? 0) + 1);
    readingCounts.set(ch, m);
  }
  const chars: PinyinModel['chars'] = {};
  for (const [ch, m] of [...readingCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    chars[ch] = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const raw = new Map<string, number[]>();
  for (const s of samples) {
    const ch = s.ctx.chars[s.target];
    const cands = chars[ch];
    if (cands.length < 2) continue;
    const y = cands.findIndex(([r]) => r === s.label);
    for (const [kind, value] of featuresAt(s.ctx, s.target)) {
      const key = `${ch}${kind}:${value}`;
      const counts = raw.get(key) ?? new Array(cands.length).fill(0);
      counts[y]++;
      raw.set(key, counts);
    }
  }
  if (AUG > 0) augment(chars, raw);
  const features: PinyinModel['features'] = {};
  for (const [key, counts] of [...raw].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const n = counts.reduce((a, b) => a + b, 0);
    // A feature seen with one reading only once says little; the 'p' feature is kept whatever its count.
    if (n < minCount && !/^.p:/u.test(key)) continue;
    // Evidence for the character's most common reading alone rarely changes a decision: drop it to stay small.
    if (PRUNE && counts.every((x, k) => k === 0 || x === 0) && !/^.[pc]:/u.test(key)) continue;
    let last = counts.length;
    while (last > 0 && counts[last - 1] === 0) last--;
    features[key] = counts.slice(0, last);
  }
  return { weights: { ...WEIGHTS }, chars, features };
}

const PRUNE = !process.argv.includes('--no-prune');
const AUG = Number(process.argv.find((a) => a.startsWith('--aug='))?.slice(6) ?? 3);

/**
 * Dictionary knowledge as extra evidence: in every CC-CEDICT word, a polyphonic character's reading with its
 * neighbours inside the word (l, r, ll, rr, lr and the word itself), so contexts the sentences never showed count.
 */
function augment(chars: PinyinModel['chars'], raw: Map<string, number[]>): void {
  const lines = readFileSync('public/data/cedict.tsv', 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [simp, , py] = line.split('\t');
    if (!simp || !py) continue;
    const cps = Array.from(simp);
    const syl = py.toLowerCase().replace(/u:/g, 'v').split(' ');
    if (cps.length < 2 || syl.length !== cps.length) continue;
    const words = cps.map(() => simp);
    const ctx: Context = { chars: cps, guess: cps.map(() => null), words };
    for (let j = 0; j < cps.length; j++) {
      const cands = chars[cps[j]];
      if (!cands || cands.length < 2) continue;
      const y = cands.findIndex(([r]) => r === syl[j]);
      if (y < 0) continue;
      for (const [kind, value] of featuresAt(ctx, j)) {
        if (kind === 'p' || kind === 'c' || value.includes('#')) continue;
        const key = `${cps[j]}${kind}:${value}`;
        const counts = raw.get(key) ?? new Array(cands.length).fill(0);
        counts[y] += AUG;
        raw.set(key, counts);
      }
    }
  }
}

function score(model: PinyinModel, samples: Sample[]): { right: number; base: number; total: number } {
  let right = 0;
  let base = 0;
  for (const s of samples) {
    const got = predict(model, s.ctx, s.target) ?? s.ctx.guess[s.target];
    if (got === s.label) right++;
    if (s.ctx.guess[s.target] === s.label) base++;
  }
  return { right, base, total: samples.length };
}

const samples = load();
const minCount = Number(process.argv.find((a) => a.startsWith('--min='))?.slice(6) ?? 1);
if (process.argv.includes('--eval')) {
  for (const [trainHalf, testHalf] of [
    [0, 1],
    [1, 0],
  ]) {
    const model = train(
      samples.filter((_, i) => i % 2 === trainHalf),
      minCount,
    );
    const r = score(
      model,
      samples.filter((_, i) => i % 2 === testHalf),
    );
    console.log(
      `train half ${trainHalf ? 'b' : 'a'} → test half ${testHalf ? 'b' : 'a'}: ` +
        `${((100 * r.right) / r.total).toFixed(2)} % (pinyin-pro alone ${((100 * r.base) / r.total).toFixed(2)} %), ` +
        `${Object.keys(model.features).length} features, ${JSON.stringify(model).length} bytes`,
    );
  }
}
if (process.argv.includes('--write')) {
  const model = train(samples, minCount);
  const json = JSON.stringify(model);
  writeFileSync('lib/text/data/pinyin-model.json', json + '\n');
  console.log(
    `wrote lib/text/data/pinyin-model.json: ${Object.keys(model.chars).length} characters, ` +
      `${Object.keys(model.features).length} features, ${json.length} bytes`,
  );
}
