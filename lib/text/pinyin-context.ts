/** pinyin-pro's reading of a run with its word boundaries, one entry per code point. */
import { segment, OutputFormat } from 'pinyin-pro';

export interface BaseReading {
  /** Marked syllable per code point ('' when none). */
  marked: string[];
  /** The multi-character dictionary word each code point is in, '' when alone. */
  words: string[];
}

export function baseReading(chars: readonly string[]): BaseReading {
  const n = chars.length;
  const marked: string[] = new Array(n).fill('');
  const words: string[] = new Array(n).fill('');
  const segs = segment(chars.join(''), {
    format: OutputFormat.AllArray,
    toneSandhi: false,
  }) as unknown as { origin: string; result: string }[][];
  let i = 0;
  for (const word of segs) {
    const start = i;
    let text = '';
    for (const part of word) {
      const cps = Array.from(part.origin);
      if (cps.length === 1 && i < n) marked[i] = part.result === part.origin ? '' : part.result;
      i += cps.length;
      text += part.origin;
    }
    if (word.length > 1) for (let k = start; k < i && k < n; k++) words[k] = text;
  }
  return { marked, words };
}
