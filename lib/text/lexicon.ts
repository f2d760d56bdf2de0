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
  // The words live in one string (the groups' lists joined), found through an open-addressing hash table of their
  // offsets. A Map of 122k strings took 100-270 ms to build in a worker just started (the cold path of a page's
  // first pinyin after the worker slept); this takes a few ms, and a lookup reads the word where it lies.
  const all = data.groups.map(([, list]) => list).join(' ');
  const groupCost = new Uint16Array(data.groups.length);
  let count = 0;
  for (let g = 0; g < data.groups.length; g++) {
    groupCost[g] = data.groups[g][0];
    for (const c of data.groups[g][1]) if (c === ' ') count++;
    count++;
  }
  const bits = Math.max(4, Math.ceil(Math.log2(count * 2)));
  const mask = (1 << bits) - 1;
  /** Word index + 1 per slot, 0 when empty. */
  const slots = new Int32Array(mask + 1);
  const starts = new Int32Array(count);
  const lens = new Uint8Array(count);
  const cost10s = new Uint16Array(count);
  /** Bit n−1 set when some word of n code units starts with this code unit. */
  const lengths = new Int32Array(0x10000);
  let words = 0;
  let maxLength = 1;

  const find = (text: string, from: number, len: number, h: number): number => {
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const w = slots[slot];
      if (w === 0) return -1 - slot;
      const i = w - 1;
      if (lens[i] !== len) continue;
      const at = starts[i];
      let k = 0;
      while (k < len && all.charCodeAt(at + k) === text.charCodeAt(from + k)) k++;
      if (k === len) return i;
    }
  };
  const hashOf = (text: string, from: number, len: number): number => {
    let h = 0x811c9dc5;
    for (let k = 0; k < len; k++) h = Math.imul(h ^ text.charCodeAt(from + k), 0x01000193);
    return (h ^ (h >>> 15)) >>> 0;
  };

  let at = 0;
  for (let g = 0; g < data.groups.length; g++) {
    const list = data.groups[g][1];
    const end = at + list.length;
    while (at <= end) {
      let stop = all.indexOf(' ', at);
      if (stop === -1 || stop > end) stop = end;
      const len = stop - at;
      if (len > 0 && len < 256) {
        const found = find(all, at, len, hashOf(all, at, len));
        // A word listed twice takes its last cost, as a Map would.
        const i = found >= 0 ? found : words++;
        if (found < 0) {
          slots[-1 - found] = i + 1;
          starts[i] = at;
          lens[i] = len;
        }
        cost10s[i] = groupCost[g];
        lengths[all.charCodeAt(at)] |= 1 << (Math.min(len, 31) - 1);
        if (len > maxLength) maxLength = len;
      }
      at = stop + 1;
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
    size: words,
    surnameCost: (c) => surnames.get(c),
    givenCost: (c) => given.get(c),
    maxLength: Math.min(maxLength, 31),
    unknownCost: data.unknownCost,
    cost(word) {
      if (word.length === 0 || word.length > 255) return undefined;
      const i = find(word, 0, word.length, hashOf(word, 0, word.length));
      return i >= 0 ? cost10s[i] / 10 : undefined;
    },
    lengthsFrom: (codeUnit) => lengths[codeUnit] ?? 0,
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
