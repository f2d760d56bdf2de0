import { foldVariants } from './fold';
import type { GlossaryAlias, GlossaryEntry } from './types';

/** One way an entry is written: its headword or an alias, in both scripts, with that form's own pinyin. */
export type TermForm = GlossaryAlias;

type Forms = Pick<GlossaryEntry, 'simplified' | 'traditional' | 'pinyin'> & {
  aliases?: readonly (GlossaryAlias | string)[];
};

const HAN = /\p{Script=Han}/u;

/** Han characters of a form, by code point, so the i-th character lines up with the i-th pinyin syllable. */
export function hanChars(form: string): string[] {
  return [...form].filter((c) => HAN.test(c));
}

/** Number of pinyin syllables a form needs: one per Han character (punctuation inside 听党话、跟党走 has none). */
export function syllableCount(form: string): number {
  return hanChars(form).length;
}

/** The headword followed by every alias, in the data's order. */
export function formsOf(e: Forms): TermForm[] {
  const head = { simplified: e.simplified, traditional: e.traditional, pinyin: e.pinyin };
  return [head, ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? aliasFromHeadword(a, e) : a))];
}

/** Every written form (both scripts, headword and aliases), each once. */
export function surfacesOf(e: Forms): string[] {
  const out = new Set<string>();
  for (const f of formsOf(e)) {
    if (f.simplified) out.add(f.simplified);
    if (f.traditional) out.add(f.traditional);
  }
  return [...out];
}

/** The form of `e` written `surface` (either script, regional variants folded: 國台辦 is 國臺辦), or undefined. */
export function formFor(e: Forms, surface: string): TermForm | undefined {
  const all = formsOf(e);
  const exact = all.find((f) => f.simplified === surface || f.traditional === surface);
  if (exact) return exact;
  const folded = foldVariants(surface);
  return all.find((f) => foldVariants(f.simplified) === folded || foldVariants(f.traditional) === folded);
}

/**
 * An alias typed as a bare string (data before aliases had readings, or a user's edit), read from the headword
 * alone, with no dictionary: characters it shares with the headword take the headword's hand-checked syllable
 * and Traditional character. When a character is not in the headword, the pinyin and Traditional form are
 * left empty: `completeAlias` (lib/glossary/alias.ts) fills them where pinyin-pro and OpenCC are loaded.
 */
export function aliasFromHeadword(
  form: string,
  e: Pick<GlossaryEntry, 'simplified' | 'traditional' | 'pinyin'>,
) {
  const syllables = e.pinyin.split(' ');
  const reading = new Map<string, string>();
  const traditional = new Map<string, string>();
  const simp = hanChars(e.simplified);
  const trad = hanChars(e.traditional);
  simp.forEach((c, i) => {
    if (syllables[i] && !reading.has(c)) reading.set(c, syllables[i]);
    if (trad[i] && !traditional.has(c)) traditional.set(c, trad[i]);
  });
  const chars = hanChars(form);
  const known = chars.every((c) => reading.has(c));
  return {
    simplified: form,
    traditional: known ? [...form].map((c) => traditional.get(c) ?? c).join('') : '',
    pinyin: known ? chars.map((c) => reading.get(c)).join(' ') : '',
  } satisfies GlossaryAlias;
}

/** True when an alias has a reading for each of its characters (an alias read from a bare string may not). */
export function isAliasComplete(a: GlossaryAlias): boolean {
  const n = syllableCount(a.simplified);
  return a.traditional !== '' && (a.pinyin === '' ? n === 0 : a.pinyin.split(' ').length === n);
}
