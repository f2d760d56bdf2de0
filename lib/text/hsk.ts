/** HSK 2.0 levels of words, for leaving pinyin off words a reader at a given level knows. */
import data from './data/hsk.json';

export interface HskData {
  source: string;
  /** Level 1 first; each a space-separated word list (Simplified). */
  levels: string[];
}

let byWord: Map<string, number> | null = null;

function table(): Map<string, number> {
  if (byWord) return byWord;
  byWord = new Map();
  data.levels.forEach((words, i) => {
    for (const w of words.split(' ')) if (w && !byWord!.has(w)) byWord!.set(w, i + 1);
  });
  return byWord;
}

/** The word's HSK level (1–6), or 0 when it is not in the lists. The word must be in Simplified characters. */
export function hskLevel(word: string): number {
  return table().get(word) ?? 0;
}
