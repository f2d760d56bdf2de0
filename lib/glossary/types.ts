export type TermCategory =
  | 'slogan'
  | 'policy'
  | 'institution'
  | 'campaign'
  | 'ideology'
  | 'title'
  | 'event'
  | 'place'
  | 'diplomacy'
  | 'law';

export const TERM_CATEGORIES = [
  'slogan',
  'policy',
  'institution',
  'campaign',
  'ideology',
  'title',
  'event',
  'place',
  'diplomacy',
  'law',
] as const satisfies readonly TermCategory[];

export const TERM_STATUSES = ['current', 'historical'] as const;

/**
 * Another surface form of an entry as found in print (a short form such as 工商联 for 全国工商联, a fuller one,
 * or the same term with punctuation). It reads and glosses as itself: its own pinyin and Traditional form.
 */
export interface GlossaryAlias {
  simplified: string; // 工商联
  traditional: string; // 工商聯 (Taiwan standard)
  pinyin: string; // 'gōng shāng lián': tone marks, one syllable per Han character of the form
}

export interface GlossaryEntry {
  id: string; // stable ascii slug from the pinyin, unique: 'gongtong-fuyu'
  simplified: string; // 共同富裕
  traditional: string; // 共同富裕 (Taiwan-standard traditional characters)
  pinyin: string; // space-separated syllables with tone marks, one per Han character: 'gòng tóng fù yù'
  english: string; // the English rendering
  englishSource: 'official' | 'descriptive'; // official = used by Xinhua / People's Daily English / government white papers / China Keywords / CPC documents in English
  source?: string; // which source for an official rendering, e.g. 'Xinhua', 'China Keywords', 'CPC Central Committee (English text)'
  explanation: string; // 1–3 sentences: what it means, since when, and for numbered slogans what the items are
  category: TermCategory;
  status: 'current' | 'historical';
  since?: string; // year or period it entered use, e.g. '2012', '1978'
  related: string[]; // simplified forms of related entries (prefer ones in the glossary)
  aliases?: GlossaryAlias[]; // other surface forms found in print, each with its own reading
}

/** Where a term comes from: shipped with Dubao, or added by the user. */
export type TermOrigin = 'builtin' | 'user';

/** A glossary term as the user sees it: shipped data with the user's edit applied. */
export interface Term extends GlossaryEntry {
  /** Row key, `builtin:…` or `user:…`; pass it to edit/hide/delete. */
  key: string;
  origin: TermOrigin;
  edited: boolean;
  hidden: boolean;
}
