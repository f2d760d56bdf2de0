import { buildLexicon, type Lexicon, type LexiconData } from './lexicon';
import data from './data/lexicon.json';

let cached: Lexicon | null = null;

/**
 * The lexicon shipped with the extension (≈1.1 MB of JSON, bundled where this module is imported), built on
 * first use (~100 ms) and shared afterwards.
 */
export function defaultLexicon(): Lexicon {
  cached ??= buildLexicon(data as LexiconData);
  return cached;
}
