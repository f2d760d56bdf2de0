const SENTENCE_END = /[。！？!?；;…\n]/;

/** The sentence around the user's selection, for "Save to Dubao" from the context menu. */
export function selectionContext(): { sentence: string; offset: number } | null {
  const sel = getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const word = sel.toString().trim();
  const block = sel
    .getRangeAt(0)
    .startContainer.parentElement?.closest('p, li, td, div, article, section, h1, h2, h3');
  const text = (block?.textContent ?? word).replace(/\s+/g, '');
  const at = text.indexOf(word.replace(/\s+/g, ''));
  if (at < 0) return { sentence: word, offset: 0 };
  return sentenceAround(text, at, word.length);
}

/** The sentence of `text` that holds [at, at+length), with the word's offset in it. */
export function sentenceAround(
  text: string,
  at: number,
  length: number,
): { sentence: string; offset: number } {
  let start = at;
  while (start > 0 && !SENTENCE_END.test(text[start - 1])) start--;
  let end = at + length;
  while (end < text.length && !SENTENCE_END.test(text[end - 1] ?? '')) end++;
  const sentence = text.slice(start, end).trim();
  return { sentence, offset: Math.max(0, at - start) };
}
