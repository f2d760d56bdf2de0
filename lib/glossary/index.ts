import { pinyin as toPinyin } from 'pinyin-pro';
import termsA from './data/terms-a.json';
import termsB from './data/terms-b.json';
import type { GlossaryEntry } from './types';

export * from './types';
export { createTermMatcher, findTerms } from './match';
export type { TermMatch, TermMatcher } from './match';

let builtin: readonly GlossaryEntry[] | undefined;

/** The shipped glossary: both halves of the data, merged and sorted by id. */
export function builtinGlossary(): GlossaryEntry[] {
  builtin ??= [...(termsA as GlossaryEntry[]), ...(termsB as GlossaryEntry[])].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  return [...builtin];
}

const HAN = /\p{Script=Han}/u;

/** Han characters of a form, by code point, so the i-th character lines up with the i-th pinyin syllable. */
function hanChars(form: string): string[] {
  return [...form].filter((c) => HAN.test(c));
}

/**
 * Pinyin of an alias. Characters it shares with the headword take the headword's hand-checked syllable (so a
 * polyphone read right in 党的建设 stays right in its short form); only the others fall back to pinyin-pro.
 */
function aliasPinyin(alias: string, entry: GlossaryEntry): string {
  const syllables = entry.pinyin.split(' ');
  const known = new Map<string, string>();
  for (const form of [entry.simplified, entry.traditional]) {
    hanChars(form).forEach((c, i) => {
      if (syllables[i] && !known.has(c)) known.set(c, syllables[i]);
    });
  }
  const chars = hanChars(alias);
  if (chars.every((c) => known.has(c))) return chars.map((c) => known.get(c)).join(' ');
  const guessed = toPinyin(chars.join(''), { toneSandhi: false, type: 'array' });
  return chars.map((c, i) => known.get(c) ?? guessed[i]).join(' ');
}

/**
 * Every surface form with its pinyin, for segmentation and ruby: simplified, traditional and aliases.
 * Pinyin has one syllable per Han character of the word (punctuation inside an alias such as 听党话、跟党走
 * contributes none). A form shared by two entries is listed once, for the first entry.
 */
export function termsForEngine(entries: readonly GlossaryEntry[]): { word: string; pinyin: string }[] {
  const out: { word: string; pinyin: string }[] = [];
  const seen = new Set<string>();
  const add = (word: string, pinyin: string) => {
    if (word.length === 0 || seen.has(word)) return;
    seen.add(word);
    out.push({ word, pinyin });
  };
  for (const e of entries) {
    add(e.simplified, e.pinyin);
    add(e.traditional, e.pinyin);
  }
  for (const e of entries)
    for (const alias of e.aliases ?? []) if (!seen.has(alias)) add(alias, aliasPinyin(alias, e));
  return out;
}
