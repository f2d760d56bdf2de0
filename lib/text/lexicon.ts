/**
 * The segmentation lexicon: words in a normalized script (Traditional characters folded to Simplified one for
 * one, so a Traditional text finds the same words) with unigram costs (−ln p). Shipped as a compact JSON of
 * words grouped by cost, built by tools/gen-lexicon.ts from CC-CEDICT headwords and a word-frequency list.
 */

export interface LexiconData {
  version: 1;
  /** Cost of a Han character the lexicon does not know. */
  unknownCost: number;
  /** Traditional→Simplified character pairs, concatenated: "學学體体…". BMP only, so lengths never change. */
  t2s: string;
  /** [cost × 10, words separated by single spaces]. */
  groups: [number, string][];
  /** Person-name model: [cost × 10, characters] for surnames and for given-name characters. */
  names?: { surnames: [number, string][]; given: [number, string][] };
}

export interface Lexicon {
  readonly size: number;
  /** Longest word, in UTF-16 code units. */
  readonly maxLength: number;
  readonly unknownCost: number;
  /** Cost of a word given in normalized form, undefined when it is not a word. */
  cost(word: string): number | undefined;
  /** Bit n−1 set when some word of n code units starts with this code unit (n ≤ 31). */
  lengthsFrom(codeUnit: number): number;
  /** Folds Traditional characters to their Simplified counterpart, code unit for code unit. */
  normalize(text: string): string;
  /** Cost of a (normalized) character as a surname, undefined when it is not one. */
  surnameCost(codeUnit: number): number | undefined;
  /** Cost of a (normalized) character in a given name, undefined when names do not use it. */
  givenCost(codeUnit: number): number | undefined;
}

export class LexiconFormatError extends Error {
  override name = 'LexiconFormatError';
}

export function buildLexicon(data: LexiconData): Lexicon {
  if (data?.version !== 1 || !Array.isArray(data.groups) || typeof data.t2s !== 'string') {
    throw new LexiconFormatError('not a version 1 lexicon');
  }
  const costs = new Map<string, number>();
  const lengths = new Map<number, number>();
  let maxLength = 1;
  for (const [cost10, list] of data.groups) {
    const cost = cost10 / 10;
    for (const word of list.split(' ')) {
      if (word.length === 0) continue;
      costs.set(word, cost);
      const n = Math.min(word.length, 31);
      const first = word.charCodeAt(0);
      lengths.set(first, (lengths.get(first) ?? 0) | (1 << (n - 1)));
      if (word.length > maxLength) maxLength = word.length;
    }
  }
  // A flat table over the BMP: one array read per character, which matters on 100k-character pages.
  const fold = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < data.t2s.length; i += 2) fold[data.t2s.charCodeAt(i)] = data.t2s.charCodeAt(i + 1);

  const charCosts = (groups: [number, string][] | undefined) => {
    const table = new Map<number, number>();
    for (const [cost10, chars] of groups ?? []) {
      for (let i = 0; i < chars.length; i++) table.set(chars.charCodeAt(i), cost10 / 10);
    }
    return table;
  };
  const surnames = charCosts(data.names?.surnames);
  const given = charCosts(data.names?.given);

  return {
    size: costs.size,
    surnameCost: (c) => surnames.get(c),
    givenCost: (c) => given.get(c),
    maxLength: Math.min(maxLength, 31),
    unknownCost: data.unknownCost,
    cost: (word) => costs.get(word),
    lengthsFrom: (codeUnit) => lengths.get(codeUnit) ?? 0,
    normalize(text) {
      let out = '';
      let last = 0;
      for (let i = 0; i < text.length; i++) {
        const to = fold[text.charCodeAt(i)];
        if (to === 0) continue;
        out += text.slice(last, i) + String.fromCharCode(to);
        last = i + 1;
      }
      return last === 0 ? text : out + text.slice(last);
    },
  };
}
