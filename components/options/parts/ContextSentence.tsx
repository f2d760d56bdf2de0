import type { EntryContext } from '../../../lib/db';

/** Where the word sits in the sentence: the stored offset if it still points at the word, else the first match. */
export function locateWord(context: EntryContext, word: string): number {
  const { sentence, offset } = context;
  if (offset >= 0 && sentence.startsWith(word, offset)) return offset;
  return word ? sentence.indexOf(word) : -1;
}

/** The saved sentence with the word marked, or blanked for a review question. Text only, never markup. */
export function ContextSentence({
  context,
  word,
  blank = false,
}: {
  context: EntryContext | null;
  word: string;
  blank?: boolean;
}) {
  if (!context?.sentence) return null;
  const at = locateWord(context, word);
  if (at < 0) return <span class="context">{context.sentence}</span>;
  const before = context.sentence.slice(0, at);
  const after = context.sentence.slice(at + word.length);
  return (
    <span class="context" lang="zh">
      {before}
      {blank ? (
        <span class="blank" aria-label="hidden word">
          {'＿'.repeat(Array.from(word).length)}
        </span>
      ) : (
        <mark>{word}</mark>
      )}
      {after}
    </span>
  );
}
