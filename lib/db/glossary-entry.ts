// Stand-in until lib/glossary/types.ts lands; structurally identical to the glossary engineer's type.
export interface GlossaryEntry {
  id: string;
  simplified: string;
  traditional: string;
  pinyin: string;
  english: string;
  englishSource: string;
  source?: string;
  explanation: string;
  category: string;
  status: string;
  since?: string;
  related: string[];
  aliases?: string[];
}
