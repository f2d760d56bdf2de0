import { pinyin as toPinyin } from 'pinyin-pro';
import { getConverter } from '../text/convert';
import { aliasFromHeadword, hanChars, isAliasComplete } from './forms';
import type { GlossaryAlias, GlossaryEntry } from './types';

type Head = Pick<GlossaryEntry, 'simplified' | 'traditional' | 'pinyin'>;

/**
 * A whole alias from what the user typed (a bare form, or an alias with its pinyin or Traditional form left
 * blank). What is given is kept; characters shared with the headword take its hand-checked syllable and
 * Traditional character; only the rest comes from pinyin-pro (whole form as context, no tone sandhi) and
 * OpenCC (Simplified to Taiwan standard). Loads both libraries: background and options page only.
 */
export function completeAlias(input: string | Partial<GlossaryAlias>, head: Head): GlossaryAlias {
  const given = typeof input === 'string' ? { simplified: input } : input;
  const simplified = (given.simplified ?? '').trim();
  const fromHead = aliasFromHeadword(simplified, head);
  const chars = hanChars(simplified);
  let pinyin = given.pinyin?.trim() || fromHead.pinyin;
  if (pinyin.split(' ').filter(Boolean).length !== chars.length) {
    const guessed = toPinyin(chars.join(''), { toneSandhi: false, type: 'array' });
    const known = headReadings(head);
    pinyin = chars.map((c, i) => known.get(c) ?? guessed[i]).join(' ');
  }
  let traditional = given.traditional?.trim() || '';
  if (!traditional) {
    const converted = [...getConverter('tw')(simplified)];
    const written = [...simplified];
    const headChars = headTraditional(head);
    // A character the headword writes (好幹部 not 好乾部) beats OpenCC's guess for it.
    traditional =
      converted.length === written.length
        ? converted.map((c, i) => headChars.get(written[i]!) ?? c).join('')
        : converted.join('');
  }
  return { simplified, traditional, pinyin };
}

function headTraditional(head: Head): Map<string, string> {
  const trad = [...head.traditional];
  const out = new Map<string, string>();
  const simp = [...head.simplified];
  if (simp.length === trad.length) simp.forEach((c, i) => out.has(c) || out.set(c, trad[i]!));
  return out;
}

function headReadings(head: Head): Map<string, string> {
  const syllables = head.pinyin.split(' ');
  const out = new Map<string, string>();
  hanChars(head.simplified).forEach((c, i) => {
    if (syllables[i] && !out.has(c)) out.set(c, syllables[i]);
  });
  return out;
}

/** The entry with every alias complete (unchanged, same object, when they already are). */
export function completeAliases<T extends Head & { aliases?: readonly (GlossaryAlias | string)[] }>(
  e: T,
): T & { aliases?: GlossaryAlias[] } {
  const aliases = e.aliases;
  if (!aliases || aliases.every((a) => typeof a !== 'string' && isAliasComplete(a)))
    return e as T & { aliases?: GlossaryAlias[] };
  return {
    ...e,
    aliases: aliases.map((a) => (typeof a !== 'string' && isAliasComplete(a) ? a : completeAlias(a, e))),
  };
}
