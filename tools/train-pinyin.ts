// Trains lib/text/pinyin-model on CPP polyphone sentences, with the words of CC-CEDICT and of pinyin-pro's full
// phrase dictionary (@pinyin-pro/data complete.json, 349k words with frequencies) as extra evidence (see
// lib/text/pinyin-model.ts).
// tsx tools/train-pinyin.ts --eval     5-fold cross-validation over the dev split (--folds=N to change): each fold
//                                      scored by a model trained on the other folds only
// tsx tools/train-pinyin.ts --write    train on the whole dev split, write lib/text/data/pinyin-model.json
// Options: --l2=N (ranker regularisation), --no-dict (no dictionary words), --no-ppdict (CC-CEDICT words only),
// --modern (pinyin-pro's modern dictionary, 59k words, instead of the full one), --no-x (no CC-CEDICT word readings),
// --no-dfreq (every dictionary word weighs the same),
// --cands=train|single|all (candidate readings: the sentences' only, plus CC-CEDICT's single-character readings,
// plus the readings in its words), --min=N (drop sentence features seen fewer times), --errors (list misreadings).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  DICT_KINDS,
  RANK_FEATURES,
  featuresAt,
  predict,
  rankInput,
  type Context,
  type PinyinModel,
  packCounts,
  type RankInput,
} from '../lib/text/pinyin-model';
import { formatSyllable, readingContext } from '../lib/text/pinyin';
import modernDict from '@pinyin-pro/data/modern.json';
import completeDict from '@pinyin-pro/data/complete.json';
import { pinyin } from 'pinyin-pro';
import { defaultLexicon } from '../lib/text/lexicon-default';

const DIR = existsSync('../shared/data/cpp-dev') ? '../shared/data/cpp-dev' : '/work/shared/data/cpp-dev';
const arg = (name: string, def: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;
const L2 = Number(arg('l2', '0.001'));
const DICT = !process.argv.includes('--no-dict');
const CANDS = arg('cands', 'single');
const PPDICT = !process.argv.includes('--no-ppdict');
const XDICT = !process.argv.includes('--no-x');
const COMPLETE = !process.argv.includes('--modern');
const freqOf = (word: string) => (completeDict as unknown as Record<string, [string, number]>)[word]?.[1];
/** A dictionary word's weight as evidence: 1, and one more per order of magnitude of use (--dfreq). */
function wordWeight(word: string): number {
  if (!DFREQ) return 1;
  const f = freqOf(word) ?? 0;
  return 1 + (f >= 1e-10 ? 1 : 0) + (f >= 1e-9 ? 1 : 0) + (f >= 1e-8 ? 1 : 0);
}
const DFREQ = !process.argv.includes('--no-dfreq');
const MIN = Number(arg('min', '1'));
const FOLDS = Number(arg('folds', '5'));
/**
 * --half=a trains on the even-numbered sentences only (as `tools/score-pinyin.ts --half a` counts them); --half=a0 on
 * the lines 0 mod 4 (a quarter of half a, checked with `score-pinyin.ts --half a2`); --half=not-b1 / not-b3 on all but
 * the lines 1 / 3 mod 4.
 */
const HALF = arg('half', '');

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
    if (!sents[i] || !labels[i] || !inHalf(i)) continue;
    const target = Array.from(sents[i]).indexOf('\u2581');
    // What lib/text/pinyin reads from: the run folded to Simplified, pinyin-pro corrected by the segmenter's words.
    const { folded: chars, base } = readingContext(Array.from(sents[i].replace(/\u2581/g, '')));
    out.push({
      ctx: { chars, guess: base.marked.map(numbered), words: base.words },
      target,
      label: labels[i].trim().replace('u:', 'v'),
    });
  }
  return out;
}

function inHalf(line: number): boolean {
  // a0 / a2: the quarters of half a (lines 0 and 2 mod 4), to tune on a0 and check on a2 without touching half b.
  if (HALF === 'a0' || HALF === 'a2') return line % 4 === Number(HALF[1]);
  // not-b1 / not-b3: all but one quarter of half b (lines 1 or 3 mod 4), scored with `score-pinyin.ts --half b1|b3`:
  // a held-out estimate for a model trained on three quarters of the sentences, nearer the shipped one's.
  if (HALF === 'not-b1' || HALF === 'not-b3') return line % 4 !== Number(HALF[5]);
  return HALF === 'a' ? line % 2 === 0 : HALF === 'b' ? line % 2 === 1 : true;
}

interface DictWord {
  chars: string[];
  syllables: string[];
}

/**
 * CC-CEDICT's single-character readings, and the words of two or more characters with their readings from
 * CC-CEDICT and pinyin-pro's full phrase dictionary (5-fold inside CPP half a: 96.83 % with the modern one,
 * 97.03 % with the full one, 97.05 % with its words weighted by frequency, which also keeps the rare and
 * classical words it adds from outvoting common ones on news text).
 */
function loadDictionaries(): {
  single: Map<string, Set<string>>;
  words: DictWord[];
  cedictWords: Map<string, string[][]>;
} {
  const single = new Map<string, Set<string>>();
  const words: DictWord[] = [];
  const cedictWords = new Map<string, string[][]>();
  for (const line of readFileSync('public/data/cedict.tsv', 'utf8').split('\n').slice(1)) {
    const [simp, , py] = line.split('\t');
    if (!simp || !py) continue;
    const chars = Array.from(simp);
    const syllables = py.toLowerCase().replace(/u:/g, 'v').split(' ');
    if (syllables.length !== chars.length || !syllables.every((s) => /^[a-z]+[1-5]$/.test(s))) continue;
    if (chars.length === 1) {
      const set = single.get(simp) ?? new Set<string>();
      set.add(syllables[0]);
      single.set(simp, set);
    } else {
      words.push({ chars, syllables });
      const list = cedictWords.get(simp) ?? [];
      list.push(syllables);
      cedictWords.set(simp, list);
    }
  }
  if (PPDICT)
    for (const [word, [py]] of Object.entries(
      (COMPLETE ? completeDict : modernDict) as unknown as Record<string, [string, number]>,
    )) {
      const chars = Array.from(word);
      const syllables = py.split(' ').map((m) => numbered(m) ?? '');
      // 一 and 不 carry tone sandhi in this dictionary.
      if (chars.length < 2 || syllables.length !== chars.length) continue;
      words.push({
        chars,
        syllables: syllables.map((y, j) => (chars[j] === '一' || chars[j] === '不' ? '' : y)),
      });
    }
  return { single, words, cedictWords };
}

/**
 * Where a CC-CEDICT word reads a character one way (neutral tones aside) and pinyin-pro reads the word alone
 * another way: word → position → CC-CEDICT's reading. The model stores these as kind `x` (where they agree,
 * pinyin-pro's reading already says it; 3.7k disagreements vs 50k agreements).
 */
function cedictDisagreements(): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  if (!XDICT) return out;
  const lexicon = defaultLexicon();
  for (const [word, readings] of DICTIONARY.cedictWords) {
    // Looked up by the segmenter's word only: words it never cuts would be dead weight.
    if (lexicon.cost(word) === undefined) continue;
    const chars = Array.from(word);
    let pp: string[] | null = null;
    for (let j = 0; j < chars.length; j++) {
      if (chars[j] === '一' || chars[j] === '不') continue;
      const rs = new Set(readings.map((r) => r[j]).filter((r) => !r.endsWith('5')));
      if (rs.size !== 1) continue;
      pp ??= (pinyin(word, { type: 'array', toneSandhi: false }) as string[]).map((m) => numbered(m) ?? '');
      const r = [...rs][0];
      if (pp.length !== chars.length || pp[j] === r) continue;
      const m = out.get(word) ?? new Map<number, string>();
      m.set(j, r);
      out.set(word, m);
    }
  }
  return out;
}

const DICTIONARY = loadDictionaries();
const DISAGREE = cedictDisagreements();

function train(samples: Sample[]): PinyinModel {
  // Candidates: readings seen in the sentences, most common first, then the dictionary's others (count 0).
  const readingCounts = new Map<string, Map<string, number>>();
  for (const s of samples) {
    const ch = s.ctx.chars[s.target];
    const m = readingCounts.get(ch) ?? new Map<string, number>();
    m.set(s.label, (m.get(s.label) ?? 0) + 1);
    readingCounts.set(ch, m);
  }
  if (CANDS !== 'train') {
    for (const [ch, m] of readingCounts)
      for (const r of DICTIONARY.single.get(ch) ?? []) if (!m.has(r)) m.set(r, 0);
    if (CANDS === 'all')
      for (const w of DICTIONARY.words)
        w.chars.forEach((ch, j) => {
          const m = readingCounts.get(ch);
          if (m && !m.has(w.syllables[j])) m.set(w.syllables[j], 0);
        });
  }
  const chars: PinyinModel['chars'] = {};
  for (const [ch, m] of [...readingCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    chars[ch] = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const index = (ch: string, reading: string) => chars[ch]?.findIndex(([r]) => r === reading) ?? -1;

  const raw = new Map<string, Map<string, number[]>>();
  const count = (ch: string, key: string, y: number, weight = 0) => {
    const byChar = raw.get(ch) ?? new Map<string, number[]>();
    raw.set(ch, byChar);
    const counts = byChar.get(key) ?? new Array(chars[ch].length).fill(0);
    if (weight) counts[y] = Math.max(counts[y], weight);
    else counts[y]++;
    byChar.set(key, counts);
  };
  for (const s of samples) {
    const ch = s.ctx.chars[s.target];
    const y = index(ch, s.label);
    for (const [kind, value] of featuresAt(s.ctx, s.target)) count(ch, `${kind}:${value}`, y);
  }
  if (DICT) {
    // Each dictionary word as a sentence of its own: only features that stay inside the word count.
    for (const w of DICTIONARY.words) {
      const ctx: Context = { chars: w.chars, guess: w.chars.map(() => null), words: w.chars.map(() => '') };
      for (let j = 0; j < w.chars.length; j++) {
        const ch = w.chars[j];
        if (!chars[ch]) continue;
        const y = index(ch, w.syllables[j]);
        if (y < 0) continue;
        for (const [kind, value] of featuresAt(ctx, j))
          if (DICT_KINDS.has(kind) && !value.includes('#'))
            count(ch, `d${kind}:${value}`, y, wordWeight(w.chars.join('')));
      }
    }
  }
  for (const [word, at] of DISAGREE) {
    const cps = Array.from(word);
    for (const [j, r] of at) {
      const ch = cps[j];
      if (!chars[ch] || chars[ch].length < 2) continue;
      const y = index(ch, r);
      if (y >= 0) count(ch, `x:${word}`, y);
    }
  }
  const features: PinyinModel['features'] = {};
  for (const [ch, byChar] of [...raw].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const kept = new Map<string, number[]>();
    for (const [key, counts] of byChar) {
      // Dictionary counts say only which readings a context goes with, not how often.
      if (key[0] === 'x') for (let k = 0; k < counts.length; k++) counts[k] = Math.min(counts[k], 1);
      if (keep(key, counts)) kept.set(key, counts);
    }
    features[ch] = packCounts(kept);
  }
  const model: PinyinModel = { version: 2, weights: {}, chars, features };
  model.weights = fitRanker(model, samples);
  return model;
}

/** Which counts to store: --min=N drops sentence features seen fewer than N times. */
function keep(key: string, counts: number[]): boolean {
  const kind = key.slice(0, key.indexOf(':'));
  if (key.includes('\t')) return false;
  const n = counts.reduce((a, b) => a + b, 0);
  return kind[0] === 'd' || kind === 'x' || kind === 'p' || n >= MIN;
}

/** Multinomial logistic regression over the candidates, L2-regularised, fitted with Adam on full batches. */
function fitRanker(model: PinyinModel, samples: Sample[]): Record<string, number> {
  const data: { input: RankInput; y: number }[] = [];
  for (const s of samples) {
    const input = rankInput(model, s.ctx, s.target, s.label);
    if (!input || input.cands.length < 2 || !atRuntime(model, s)) continue;
    const y = input.cands.indexOf(s.label);
    if (y >= 0) data.push({ input, y });
  }
  const F = RANK_FEATURES.length;
  const w = new Float64Array(F);
  w[0] = 1;
  const m = new Float64Array(F);
  const v = new Float64Array(F);
  const lr = 0.05;
  for (let it = 1; it <= 400; it++) {
    const g = new Float64Array(F);
    for (const { input, y } of data) {
      const scores = input.x.map((x) => x.reduce((s, xf, f) => s + xf * w[f], 0));
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const z = exps.reduce((a, b) => a + b, 0);
      input.x.forEach((x, k) => {
        const p = exps[k] / z - (k === y ? 1 : 0);
        if (p !== 0) for (let f = 0; f < F; f++) if (x[f] !== 0) g[f] += p * x[f];
      });
    }
    for (let f = 0; f < F; f++) {
      const gf = g[f] / data.length + L2 * w[f];
      m[f] = 0.9 * m[f] + 0.1 * gf;
      v[f] = 0.999 * v[f] + 0.001 * gf * gf;
      w[f] -= (lr * (m[f] / (1 - 0.9 ** it))) / (Math.sqrt(v[f] / (1 - 0.999 ** it)) + 1e-8);
    }
  }
  const out: Record<string, number> = {};
  RANK_FEATURES.forEach((f, k) => {
    if (Math.abs(w[k]) > 1e-4) out[f] = Math.round(w[k] * 1e4) / 1e4;
  });
  return out;
}

/** lib/text/pinyin asks the model only about characters with more than one reading in it. */
const atRuntime = (model: PinyinModel, s: Sample) => (model.chars[s.ctx.chars[s.target]]?.length ?? 0) > 1;

/** The reading lib/text/pinyin would give the target (before its phrase table). */
function reading(model: PinyinModel, s: Sample): string | null {
  const ctx = { ...s.ctx, guess: s.ctx.guess.map((g, i) => (i === s.target ? g : null)) };
  if (!atRuntime(model, s)) return s.ctx.guess[s.target];
  return predict(model, ctx, s.target) ?? s.ctx.guess[s.target];
}

const samples = load();
if (process.argv.includes('--eval')) {
  let right = 0;
  let base = 0;
  for (let f = 0; f < FOLDS; f++) {
    const model = train(samples.filter((_, i) => i % FOLDS !== f));
    const test = samples.filter((_, i) => i % FOLDS === f);
    const r = test.filter((s) => reading(model, s) === s.label).length;
    if (process.argv.includes('--errors'))
      for (const s of test) {
        const got = reading(model, s);
        if (got !== s.label)
          console.error(
            `ERR ${s.ctx.chars[s.target]} want ${s.label} got ${got} pp ${s.ctx.guess[s.target]} ` +
              `[${model.chars[s.ctx.chars[s.target]]?.map((c) => c.join(':')).join(' ')}] ` +
              `${s.ctx.chars.slice(0, s.target).join('')}[${s.ctx.chars[s.target]}]${s.ctx.chars.slice(s.target + 1).join('')}`,
          );
      }
    const b = test.filter((s) => s.ctx.guess[s.target] === s.label).length;
    right += r;
    base += b;
    console.log(
      `fold ${f + 1}/${FOLDS}: ${((100 * r) / test.length).toFixed(2)} % ` +
        `(pinyin-pro alone ${((100 * b) / test.length).toFixed(2)} %), ` +
        `${Buffer.byteLength(JSON.stringify(model))} bytes`,
    );
  }
  console.log(
    `${FOLDS}-fold cross-validated: ${((100 * right) / samples.length).toFixed(2)} % ` +
      `(pinyin-pro alone ${((100 * base) / samples.length).toFixed(2)} %)`,
  );
}
if (process.argv.includes('--write')) {
  const model = train(samples);
  const json = JSON.stringify(model);
  writeFileSync('lib/text/data/pinyin-model.json', json + '\n');
  console.log(
    `wrote lib/text/data/pinyin-model.json: ${Object.keys(model.chars).length} characters, ` +
      `${Buffer.byteLength(json)} bytes`,
  );
  console.log(JSON.stringify(model.weights));
}
