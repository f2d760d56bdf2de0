/**
 * Shapes dictionary senses for the hover card: the reading drawn over the word first, "variant of" rows folded
 * under the main row, measure words spelled out. Pure: data in, data out.
 */
import { numberedToMarks } from './cedict';

export interface Sense {
  simplified: string;
  traditional: string;
  /** Tone marks, syllables separated by spaces. */
  pinyin: string;
  definitions: string[];
  /** Cross-references of rows that only point elsewhere ("variant of 著[zhuo2]"), folded under this one. */
  variants?: string[];
}

/** A reading compared as written: lower case, without spaces or the ü/v difference. */
function readingKey(pinyin: string): string {
  return pinyin.toLowerCase().replace(/\s+/g, '').replace(/v/g, 'ü');
}

/** The same reading without tones, for a second-best match. */
function toneless(pinyin: string): string {
  return readingKey(pinyin)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

const CROSS_REFERENCE =
  /^(?:(?:old|archaic|ancient|Japanese|erroneous|non-standard)\s+)*(?:variant of|see also|see|used in|equivalent to)\s/i;

/** A row whose every definition only refers to another entry. */
export function isCrossReferenceOnly(definitions: readonly string[]): boolean {
  return definitions.length > 0 && definitions.every((d) => CROSS_REFERENCE.test(d));
}

/**
 * Senses whose reading is the one drawn over the word come first (exact tones, then the same syllables with other
 * tones), the rest keep the dictionary's order. Rows that only point to another entry are folded into the first
 * row of the same reading (or the first row), unless every row is such a pointer.
 */
export function sensesInContext<T extends Sense>(
  senses: readonly T[],
  reading: string,
): (T & { variants?: string[] })[] {
  const want = readingKey(reading);
  const wantToneless = toneless(reading);
  const rank = (s: Sense) =>
    !want ? 0 : readingKey(s.pinyin) === want ? 0 : toneless(s.pinyin) === wantToneless ? 1 : 2;
  const ordered = senses
    .map((s, i) => ({ s, i, r: rank(s) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.s);
  const main = ordered.filter((s) => !isCrossReferenceOnly(s.definitions));
  if (main.length === 0) return ordered.map((s) => ({ ...s }));
  const out = main.map((s) => ({ ...s, variants: s.variants ? [...s.variants] : undefined }));
  for (const s of ordered) {
    if (!isCrossReferenceOnly(s.definitions)) continue;
    const host = out.find((m) => readingKey(m.pinyin) === readingKey(s.pinyin)) ?? out[0];
    (host.variants ??= []).push(...s.definitions);
  }
  return out;
}

/**
 * "CL:片[pian4],個|个[ge4]" → "measure word: 片 piàn, 个 gè"; in any other definition, CC-CEDICT's references
 * (著|着[zhe5]) in forms and tone marks.
 */
export function readableDefinition(definition: string): string {
  const m = /^CL:(.+)$/.exec(definition);
  if (!m) {
    return definition
      .replace(REFERENCE_NOTATION, readableReference)
      .replace(BARE_READING, (_, py: string) => numberedToMarks(py));
  }
  const parts = m[1].split(',').map((item) => {
    const p = /^([^[]+)\[([^\]]+)\]$/.exec(item.trim());
    if (!p) return item.trim();
    const forms = p[1].split('|');
    const word = forms[forms.length - 1];
    return `${word} ${numberedToMarks(p[2])}`;
  });
  return `${parts.length > 1 ? 'measure words' : 'measure word'}: ${parts.join(', ')}`;
}

/** A CC-CEDICT cross-reference: Traditional|Simplified[pin1 yin1], or one form when both are the same. */
const REFERENCE_NOTATION =
  /(\p{Script=Han}+)(?:\|(\p{Script=Han}+))?\[([A-Za-z:]+[1-5](?: [A-Za-z:]+[1-5])*)\]/gu;

/** A reading in brackets on its own: "(Taiwan pr. [zhuo2])". */
const BARE_READING = /\[([A-Za-z:]+[1-5](?: [A-Za-z:]+[1-5])*)\]/g;

/** 著|着[zhe5] → "着 · 著 zhe" (Simplified first, as the card writes forms), 什麼|什么[shen2 me5] → "什么 · 什麼 shén me". */
function readableReference(_: string, first: string, second: string | undefined, py: string): string {
  const simplified = second ?? first;
  const forms = simplified === first ? simplified : `${simplified} · ${first}`;
  return `${forms} ${numberedToMarks(py)}`;
}

/**
 * Every word and character inside a word, once each, in reading order: `entriesAt(k)` gives the dictionary
 * entries that start k characters in (longest first, as lookups return them). The word itself is left out.
 */
export function componentsOf<T extends { matched: string }>(
  word: string,
  entriesAt: (offset: number) => readonly T[],
): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < word.length; k++) {
    const rest = word.length - k;
    const here = entriesAt(k).filter(
      (e) => e.matched.length <= rest && !(k === 0 && e.matched.length === word.length),
    );
    // Shorter words first at each position, so 经济 lists 经 before anything longer that starts there.
    for (const e of [...here].sort((a, b) => a.matched.length - b.matched.length)) {
      if (seen.has(e.matched)) continue;
      seen.add(e.matched);
      out.push(e);
    }
  }
  return out;
}
