import termsA from './data/terms-a.json';
import termsB from './data/terms-b.json';
import termsC from './data/terms-c.json';
import termsD from './data/terms-d.json';
import { formsOf, syllableCount } from './forms';
import type { GlossaryEntry } from './types';

export * from './types';
export * from './forms';
export { GLOSSARY_AS_OF, asOfLabel } from './meta';
export { createTermMatcher, findTerms } from './match';
export type { TermMatch, TermMatcher } from './match';

/** The shipped data files, each sorted by id; together they are the built-in glossary. */
export const GLOSSARY_FILES: Readonly<Record<string, readonly GlossaryEntry[]>> = {
  'terms-a.json': termsA as GlossaryEntry[],
  'terms-b.json': termsB as GlossaryEntry[],
  'terms-c.json': termsC as GlossaryEntry[],
  'terms-d.json': termsD as GlossaryEntry[],
};

let builtin: readonly GlossaryEntry[] | undefined;

/** The shipped glossary: every data file, merged and sorted by id. */
export function builtinGlossary(): GlossaryEntry[] {
  builtin ??= Object.values(GLOSSARY_FILES)
    .flat()
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...builtin];
}

/**
 * Every surface form with its own pinyin, for segmentation and ruby: headwords first (both scripts), then
 * aliases (both scripts), each with the reading of that form, so 工商联 reads gōng shāng lián whatever entry
 * it belongs to. Pinyin has one syllable per Han character of the word (punctuation inside an alias such as
 * 听党话、跟党走 contributes none); a form whose reading is not known (an alias typed without pinyin and not
 * completed yet) is left to the pinyin reader. A form shared by two entries is listed once, for the first.
 */
export function termsForEngine(entries: readonly GlossaryEntry[]): { word: string; pinyin: string }[] {
  const out: { word: string; pinyin: string }[] = [];
  const seen = new Set<string>();
  const add = (word: string, pinyin: string) => {
    if (word.length === 0 || seen.has(word)) return;
    const n = syllableCount(word);
    if (n === 0 || pinyin.split(' ').length !== n) return;
    seen.add(word);
    out.push({ word, pinyin });
  };
  for (const e of entries) {
    add(e.simplified, e.pinyin);
    add(e.traditional, e.pinyin);
  }
  for (const e of entries)
    for (const f of formsOf(e).slice(1)) {
      add(f.simplified, f.pinyin);
      add(f.traditional, f.pinyin);
    }
  return out;
}
