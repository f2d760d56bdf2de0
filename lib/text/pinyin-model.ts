/**
 * A small context model for polyphonic characters, trained on the CPP development sentences by
 * `tools/train-pinyin.ts`. For a character the model knows, each candidate reading is scored by how often it
 * went with each context feature in training (neighbouring characters, character pairs, the word pinyin-pro
 * put the character in, pinyin-pro's own reading); the best total wins. Characters the model does not know keep
 * pinyin-pro's reading.
 */
export interface PinyinModel {
  /** Feature weights, for tuning. */
  weights: Record<string, number>;
  /** character → its candidate readings (numbered pinyin, `v` for ü) with their training counts. */
  chars: Record<string, [string, number][]>;
  /** `character feature` → counts per candidate, in the order of `chars[character]`. */
  features: Record<string, number[]>;
}

export interface Context {
  chars: readonly string[];
  /** pinyin-pro's reading per character, numbered. */
  guess: readonly (string | null)[];
  /** For each character, the dictionary word pinyin-pro put it in (empty when alone). */
  words: readonly string[];
}

export const WINDOW = 3;

/** The context features of position `i`, each prefixed by kind. */
export function featuresAt(ctx: Context, i: number): [kind: string, value: string][] {
  const c = ctx.chars;
  const at = (k: number) => c[k] ?? '#';
  const out: [string, string][] = [
    ['p', ctx.guess[i] ?? ''],
    ['l', at(i - 1)],
    ['r', at(i + 1)],
    ['ll', at(i - 2) + at(i - 1)],
    ['rr', at(i + 1) + at(i + 2)],
    ['lr', at(i - 1) + at(i + 1)],
  ];
  if (ctx.words[i]) out.push(['w', ctx.words[i]]);
  for (let k = i - WINDOW; k <= i + WINDOW; k++) if (k !== i && c[k]) out.push(['c', c[k]]);
  return out;
}

/** Best reading of position `i` by the model, or null when the character is not in it. */
export function predict(model: PinyinModel, ctx: Context, i: number): string | null {
  const cands = model.chars[ctx.chars[i]];
  if (!cands) return null;
  if (cands.length === 1) return cands[0][0];
  const total = cands.reduce((s, [, n]) => s + n, 0);
  const scores = cands.map(
    ([, n]) => Math.log((n + 0.5) / (total + 0.5 * cands.length)) * (model.weights.b ?? 1),
  );
  for (const [kind, value] of featuresAt(ctx, i)) {
    const counts = model.features[`${ctx.chars[i]}${kind}:${value}`];
    if (!counts) continue;
    const w = model.weights[kind] ?? 1;
    const n = counts.reduce((s, x) => s + x, 0);
    for (let y = 0; y < cands.length; y++) {
      scores[y] += w * Math.log(((counts[y] ?? 0) + 0.1) / (n + 0.1 * cands.length));
    }
  }
  let best = 0;
  for (let y = 1; y < scores.length; y++) if (scores[y] > scores[best]) best = y;
  return cands[best][0];
}
