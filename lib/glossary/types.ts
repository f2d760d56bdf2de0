export type TermCategory =
  'slogan' | 'policy' | 'institution' | 'campaign' | 'ideology' | 'title' | 'event' | 'place';

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
  aliases?: string[]; // other surface forms found in print (simplified), e.g. 统战部 for 中央统战部
}
