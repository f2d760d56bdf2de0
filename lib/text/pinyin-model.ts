/**
 * A small context model for polyphonic characters, trained on the CPP development sentences and the words of
 * CC-CEDICT and pinyin-pro's full phrase dictionary by `tools/train-pinyin.ts`.
 *
 * Two layers. Per character, counts: how often each reading went with each context feature (neighbouring
 * characters and character n-grams, the word the character is in, the words either side of a character read
 * alone, pinyin-pro's own reading) in the training sentences; separately, which readings the character has next
 * to each neighbour inside dictionary words, weighted by how common the word is (`d…` kinds); and, for words
 * whose CC-CEDICT reading differs from pinyin-pro's, CC-CEDICT's reading (`x`). Over them, one small log-linear ranker
 * shared by all characters: each candidate reading gets, per feature kind, the smoothed log share of that
 * kind's counts, plus a few indicators (pinyin-pro agrees, the reading was never seen, …); the learned weights
 * say how far to trust each kind, so characters with few training sentences still lean on the right evidence.
 * The ranker is fitted on counts that leave the scored sentence out, so it learns how far counts carry to
 * unseen sentences. Characters the model does not know keep pinyin-pro's reading.
 */
export interface PinyinModel {
  /** 2: the ranker below, counts packed per character. */
  version: 2;
  /** Ranker weights by feature name (see `RANK_FEATURES`). */
  weights: Record<string, number>;
  /**
   * character → its candidate readings (numbered pinyin, `v` for ü) with their training counts; readings the
   * dictionary knows but the sentences never showed have count 0.
   */
  chars: Record<string, [string, number][]>;
  /**
   * character → kind → packed counts (see `packCounts`): `[list, once0, once1, …]` where `list` holds
   * `value=count,count,…` entries separated by tabs (counts per candidate in the order of `chars[character]`,
   * trailing zeros dropped), and `onceY` concatenates the values (of the kind's fixed width in code points) seen
   * exactly once, with candidate Y.
   */
  features: Record<string, Record<string, string[]>>;
}

export interface Context {
  chars: readonly string[];
  /** pinyin-pro's reading per character, numbered. */
  guess: readonly (string | null)[];
  /** For each character, the dictionary word pinyin-pro put it in (empty when alone). */
  words: readonly string[];
}

export const WINDOW = 3;

/** Feature kinds counted from sentences. */
export const SENTENCE_KINDS = ['p', 'l', 'r', 'll', 'rr', 'lr', 'w', 'c', 'pw', 'nw'] as const;
/**
 * Kinds that dictionary words show too (the characters next to the target inside a word); stored as `d` + kind.
 * (`ll`, `rr`, `lr` and trigrams added nothing in cross-validation but size: `ll` was 357 KB of the model.)
 */
export const DICT_KINDS = new Set(['l', 'r']);
/** Width in code points of a kind's values where it is fixed (the others are never packed as `once`). */
export const KIND_WIDTH: Record<string, number> = { l: 1, r: 1, c: 1, ll: 2, rr: 2, lr: 2 };

/** Names of the ranker's inputs, in order. */
const BASE_FEATURES: readonly string[] = [
  'prior',
  'unseen',
  'guess.word',
  'guess.alone',
  ...SENTENCE_KINDS.flatMap((k) => [k, `${k}!`]),
  ...[...DICT_KINDS].flatMap((k) => [`d${k}`, `d${k}!`]),
  'x',
  'x!',
];
/**
 * Each input twice: as is, and scaled by how rare the character is in the training sentences (`name~`), so the
 * ranker can trust counts less, and the dictionaries more, where a character has few sentences.
 */
export const RANK_FEATURES: readonly string[] = [...BASE_FEATURES, ...BASE_FEATURES.map((f) => `${f}~`)];
const NB = BASE_FEATURES.length;
const RANK_INDEX = new Map(RANK_FEATURES.map((f, i) => [f, i]));
const [F_PRIOR, F_UNSEEN, F_GUESS_WORD, F_GUESS_ALONE] = [0, 1, 2, 3];

/** The context features of position `i`, each prefixed by kind, without repeats. */
export function featuresAt(ctx: Context, i: number): [kind: string, value: string][] {
  const c = ctx.chars;
  const at = (k: number) => c[k] ?? '#';
  const l = at(i - 1);
  const r = at(i + 1);
  const out: [string, string][] = [
    ['p', (ctx.guess[i] ?? '') + (ctx.words[i] ? '+' : '')],
    ['l', l],
    ['r', r],
    ['ll', at(i - 2) + l],
    ['rr', r + at(i + 2)],
    ['lr', l + r],
  ];
  if (ctx.words[i]) out.push(['w', ctx.words[i]]);
  else {
    // A character read alone: the words on either side (a word of several characters, or the character there).
    const pw = ctx.words[i - 1];
    const nw = ctx.words[i + 1];
    if (pw) out.push(['pw', pw]);
    if (nw) out.push(['nw', nw]);
  }
  const seen = new Set<string>();
  for (let k = i - WINDOW; k <= i + WINDOW; k++) {
    if (k === i || !c[k] || seen.has(c[k])) continue;
    seen.add(c[k]);
    out.push(['c', c[k]]);
  }
  return out;
}

/** What the ranker sees at one position: the candidates and, per candidate, a vector over `RANK_FEATURES`. */
export interface RankInput {
  cands: string[];
  x: Float64Array[];
}

/**
 * The ranker's inputs for position `i`, or null when the model does not know the character. `leaveOut` (training
 * only) takes one sentence with that reading out of the sentence counts, as if it had not been seen.
 */
export function rankInput(model: PinyinModel, ctx: Context, i: number, leaveOut?: string): RankInput | null {
  const x: Float64Array[] = [];
  const cands = evidence(model, ctx, i, leaveOut, (y, f, v) => {
    (x[y] ??= new Float64Array(RANK_FEATURES.length))[f] += v;
  });
  if (!cands) return null;
  for (let y = 0; y < cands.length; y++) x[y] ??= new Float64Array(RANK_FEATURES.length);
  return { cands, x };
}

/** The candidates at position `i`; `add(y, f, v)` is called for each input `v` of ranker feature `f`. */
function evidence(
  model: PinyinModel,
  ctx: Context,
  i: number,
  leaveOut: string | undefined,
  addRaw: (y: number, f: number, v: number) => void,
): string[] | null {
  const ch = ctx.chars[i];
  const known = model.chars[ch];
  if (!known) return null;
  const guess = ctx.guess[i];
  const cands = known.map(([r]) => r);
  const counts = known.map(([, n]) => n);
  const out = leaveOut === undefined ? -1 : cands.indexOf(leaveOut);
  if (out >= 0) counts[out]--;
  if (guess && !cands.includes(guess)) {
    cands.push(guess);
    counts.push(0);
  }
  const K = cands.length;
  let total = 0;
  for (const n of counts) total += n;
  const rare = 1 / Math.sqrt(1 + total);
  const add = (y: number, f: number, v: number) => {
    addRaw(y, f, v);
    addRaw(y, f + NB, v * rare);
  };
  const inWord = ctx.words[i] ? F_GUESS_WORD : F_GUESS_ALONE;
  for (let y = 0; y < K; y++) {
    add(y, F_PRIOR, Math.log((counts[y] + 0.5) / (total + 0.5 * K)));
    if (counts[y] === 0) add(y, F_UNSEEN, 1);
    if (cands[y] === guess) add(y, inWord, 1);
  }
  const counted = countsOf(model, ch);
  for (const [kind, value] of featuresAt(ctx, i)) {
    addCounts(counted.get(`${kind}:${value}`), kind, out);
    if (DICT_KINDS.has(kind)) addCounts(counted.get(`d${kind}:${value}`), `d${kind}`, -1);
  }
  // The word's reading in CC-CEDICT, stored only where it differs from pinyin-pro's reading of the word alone.
  if (ctx.words[i]) addCounts(counted.get(`x:${ctx.words[i]}`), 'x', -1);
  return cands;

  function addCounts(stored: number[] | undefined, kind: string, minus: number): void {
    if (!stored) return;
    let n = -(minus >= 0 ? 1 : 0);
    for (const v of stored) n += v;
    if (n <= 0) return;
    const f = RANK_INDEX.get(kind)!;
    for (let y = 0; y < K; y++) {
      const c = (stored[y] ?? 0) - (y === minus ? 1 : 0);
      add(y, f, Math.log((c + 0.1) / (n + 0.1 * K)));
      if (c === n) add(y, f + 1, 1);
    }
  }
}

/**
 * Whether the model holds CC-CEDICT's reading of `ch` in the dictionary word `word` (`x`): stored only where it
 * differs from pinyin-pro's reading of the word, so for a word of the lexicon (CC-CEDICT's headwords) its absence
 * says the two dictionaries agree.
 */
export function hasWordReading(model: PinyinModel, ch: string, word: string): boolean {
  return countsOf(model, ch).has(`x:${word}`);
}

/**
 * The readings `ch` has in the dictionary words where `neighbour` is next to it (`side` 'r': after it, 种 before 业
 * in 种业; 'l': before it, 新 in 新种), from the model's `dr` / `dl` counts; empty when there are none.
 */
export function dictReadingsBeside(
  model: PinyinModel,
  ch: string,
  neighbour: string,
  side: 'l' | 'r',
): string[] {
  const stored = countsOf(model, ch).get(`d${side}:${neighbour}`);
  const out: string[] = [];
  stored?.forEach((n, y) => {
    const r = model.chars[ch]?.[y]?.[0];
    if (n > 0 && r) out.push(r);
  });
  return out;
}

/** CC-CEDICT's reading of `ch` in `word` where the model keeps it (see `hasWordReading`), else null. */
export function storedWordReading(model: PinyinModel, ch: string, word: string): string | null {
  const stored = countsOf(model, ch).get(`x:${word}`);
  if (!stored) return null;
  let best = -1;
  for (let y = 0; y < stored.length; y++)
    if (stored[y] > 0 && (best < 0 || stored[y] > stored[best])) best = y;
  return best >= 0 ? (model.chars[ch]?.[best]?.[0] ?? null) : null;
}

/** A character's packed counts, unpacked on first use: `kind:value` → counts per candidate. */
const unpacked = new WeakMap<PinyinModel, Map<string, Map<string, number[]>>>();

function countsOf(model: PinyinModel, ch: string): Map<string, number[]> {
  let byChar = unpacked.get(model);
  if (!byChar) unpacked.set(model, (byChar = new Map<string, Map<string, number[]>>()));
  let counts = byChar.get(ch);
  if (!counts) byChar.set(ch, (counts = unpackCounts(model.features[ch] ?? {})));
  return counts;
}

/** `kind:value` → counts, packed as `PinyinModel.features[character]`. */
export function packCounts(counts: Map<string, number[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const value = key.slice(colon + 1);
    const packed = (out[kind] ??= ['']);
    let last = c.length;
    while (last > 0 && c[last - 1] === 0) last--;
    const width = KIND_WIDTH[kind.replace(/^d/, '')];
    const n = c.reduce((a, b) => a + b, 0);
    if (n === 1 && width && Array.from(value).length === width) {
      while (packed.length < last + 1) packed.push('');
      packed[last] += value;
    } else packed[0] += `${packed[0] ? '\t' : ''}${value}=${c.slice(0, last).join(',')}`;
  }
  return out;
}

export function unpackCounts(packed: Record<string, string[]>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const kind in packed) {
    const [list, ...once] = packed[kind];
    if (list)
      for (const entry of list.split('\t')) {
        const eq = entry.lastIndexOf('=');
        out.set(
          `${kind}:${entry.slice(0, eq)}`,
          entry
            .slice(eq + 1)
            .split(',')
            .map(Number),
        );
      }
    const width = KIND_WIDTH[kind.replace(/^d/, '')];
    once.forEach((values, y) => {
      const cps = Array.from(values);
      const c = new Array<number>(y + 1).fill(0);
      c[y] = 1;
      for (let k = 0; k + width <= cps.length; k += width)
        out.set(`${kind}:${cps.slice(k, k + width).join('')}`, c);
    });
  }
  return out;
}

const weightCache = new WeakMap<PinyinModel, number[]>();

function weightsOf(model: PinyinModel): number[] {
  let w = weightCache.get(model);
  if (!w) weightCache.set(model, (w = RANK_FEATURES.map((f) => model.weights[f] ?? 0)));
  return w;
}

/** Best reading of position `i` by the model, or null when the character is not in it. */
export function predict(model: PinyinModel, ctx: Context, i: number): string | null {
  const known = model.chars[ctx.chars[i]];
  // The one reading the sentences ever showed, and pinyin-pro's too: nothing to decide.
  if (known && known[0][0] === ctx.guess[i] && (known.length === 1 || known[1][1] === 0)) return known[0][0];
  const w = weightsOf(model);
  const scores: number[] = [];
  const cands = evidence(model, ctx, i, undefined, (y, f, v) => {
    scores[y] = (scores[y] ?? 0) + w[f] * v;
  });
  if (!cands) return null;
  let best = 0;
  for (let y = 1; y < cands.length; y++) if ((scores[y] ?? 0) > (scores[best] ?? 0)) best = y;
  return cands[best];
}
