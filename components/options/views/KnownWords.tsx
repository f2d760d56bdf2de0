import { useState } from 'preact/hooks';
import { isKnowableWord, listKnown, markKnown, unmarkKnown, type KnownRow } from '../../../lib/options/known';
import { useEnv } from '../../../lib/options/env';
import { useLiveQuery } from '../../../lib/options/use-live-query';

/** Words pasted in a box: separated by spaces, commas (either width), semicolons or new lines. */
export function splitWords(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/u).filter(Boolean))];
}

const SHOWN = 300;

/**
 * The words the user knows: the reader leaves pinyin off them when "No pinyin over words I know" is on. Words
 * come from the hover card's Known button or are pasted here; each can be taken back.
 */
export function KnownWords() {
  const env = useEnv();
  const rows = useLiveQuery(() => listKnown(env.db), [env.db], null as KnownRow[] | null);
  const [text, setText] = useState('');
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

  const add = async () => {
    const words = splitWords(text);
    const good = words.filter(isKnowableWord);
    const bad = words.filter((w) => !isKnowableWord(w));
    try {
      const added = good.length
        ? await markKnown(
            env.db,
            good.map((simplified) => ({ simplified })),
          )
        : 0;
      if (good.length) await env.knownChanged();
      setText(bad.join(' '));
      setStatus({
        error: bad.length > 0,
        text:
          `${added} word${added === 1 ? '' : 's'} added` +
          (good.length > added ? `, ${good.length - added} already known` : '') +
          (bad.length ? `. Not Chinese words, left in the box: ${bad.slice(0, 10).join(' ')}` : '.'),
      });
    } catch (err) {
      setStatus({ error: true, text: `Not added: ${err instanceof Error ? err.message : String(err)}` });
    }
  };

  const remove = async (word: string) => {
    await unmarkKnown(env.db, [word]);
    await env.knownChanged();
    setStatus({ error: false, text: `${word} is no longer marked known.` });
  };

  const shown = (rows ?? []).filter(
    (r) => !filter.trim() || r.word.includes(filter.trim()) || r.traditional.includes(filter.trim()),
  );

  return (
    <div class="known-words" data-testid="known-words">
      <p class="muted">
        Mark words with the Known button of the hover card, or paste them here. With “No pinyin over words I
        know” on, the reader leaves their pinyin off.
      </p>
      <p data-testid="known-count">
        {rows === null ? 'Loading…' : `${rows.length} known word${rows.length === 1 ? '' : 's'}`}
      </p>
      <label class="stack" for="known-add">
        <span>Add words (separated by spaces, commas or new lines)</span>
        <textarea
          id="known-add"
          data-testid="known-add"
          rows={2}
          lang="zh"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <button type="button" data-testid="known-add-button" disabled={!text.trim()} onClick={() => void add()}>
        Add to known words
      </button>
      {status && (
        <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
      {rows && rows.length > 0 && (
        <>
          <label class="stack" for="known-filter">
            <span>Find</span>
            <input
              id="known-filter"
              type="search"
              lang="zh"
              value={filter}
              onInput={(e) => setFilter(e.currentTarget.value)}
            />
          </label>
          <ul class="chips" data-testid="known-list">
            {shown.slice(0, SHOWN).map((r) => (
              <li key={r.word} class="chip">
                <span lang="zh">{r.word === r.traditional ? r.word : `${r.word} · ${r.traditional}`}</span>
                <button
                  type="button"
                  aria-label={`Not known: ${r.word}`}
                  title="Show its pinyin again"
                  onClick={() => void remove(r.word)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          {shown.length > SHOWN && (
            <p class="muted">{shown.length - SHOWN} more; type in Find to narrow the list.</p>
          )}
        </>
      )}
    </div>
  );
}
