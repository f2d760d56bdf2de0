import type { CardData, CardSense } from '../../components/HoverCard';
import type { DictMatch } from '../dict/types';
import { componentsOf, sensesInContext } from '../dict/senses';
import type { Term } from '../glossary/types';
import { foldVariants } from '../glossary/fold';
import { formsOf, type TermForm } from '../glossary/forms';

export interface WordAtPointer {
  /** The word as chosen: the longest glossary term or dictionary word starting at the pointer. */
  word: string;
  card: CardData;
}

function sense(m: DictMatch): CardSense {
  return {
    simplified: m.simplified,
    traditional: m.traditional,
    pinyin: m.pinyin,
    definitions: m.definitions,
  };
}

/**
 * Picks the word at the pointer from the background's answer (Yomitan's way: the longest match wins, and a
 * glossary term outranks the dictionary's split of it) and shapes the card. `readingOf` gives the pinyin the page
 * shows for those characters, so the card agrees with the ruby.
 */
export function wordFromLookup(
  text: string,
  entries: DictMatch[],
  terms: Term[],
  readingOf: (length: number) => string,
  /** Dictionary entries starting k characters after the pointer (k ≥ 1), for "Inside this word". */
  entriesAt: (offset: number) => DictMatch[] = () => [],
): WordAtPointer | null {
  // Each term at its longest form written at the pointer: an alias reads and glosses as itself (工商联 shows
  // gōng shāng lián and 工商聯, then its parent's gloss), not as its headword.
  const folded = foldVariants(text);
  const termHits = terms
    .map((t) => {
      let best: { t: Term; len: number; form: TermForm } = { t, len: 0, form: formsOf(t)[0] };
      for (const form of formsOf(t))
        for (const written of [form.simplified, form.traditional])
          if (written && written.length > best.len && folded.startsWith(foldVariants(written)))
            best = { t, len: written.length, form };
      return best;
    })
    .filter((h) => h.len > 0)
    .sort((a, b) => b.len - a.len);
  const longestDict = entries.reduce((n, e) => Math.max(n, e.matched.length), 0);
  const term = termHits[0] && termHits[0].len >= longestDict ? termHits[0] : null;
  const length = term ? term.len : longestDict;
  if (length === 0) return null;
  const word = text.slice(0, length);
  const own = entries.filter((e) => e.matched.length === length);
  const inner = componentsOf(word, (k) => (k === 0 ? entries : entriesAt(k)));
  const first = own[0];
  const pinyin = term?.form.pinyin || readingOf(length) || first?.pinyin || '';
  return {
    word,
    card: {
      word,
      simplified: term?.form.simplified ?? first?.simplified ?? word,
      traditional: term?.form.traditional || first?.traditional || word,
      pinyin,
      // The reading drawn over the word first (得 in 跑得: the particle de), pointers folded under it.
      senses: sensesInContext(own.map(sense), pinyin),
      inner: inner.map(sense),
      term: term
        ? {
            english: term.t.english,
            englishSource: term.t.englishSource,
            source: term.t.source,
            explanation: term.t.explanation,
            category: term.t.category,
            status: term.t.status,
          }
        : undefined,
    },
  };
}
