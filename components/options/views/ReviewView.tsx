import { useEffect, useRef, useState } from 'preact/hooks';
import {
  buildQueue,
  getCard,
  getEntry,
  getLists,
  nextDue,
  putCard,
  reviewCounts,
  type Term,
  termsForWord,
  type VocabEntry,
} from '../../../lib/options/review';
import { GRADE_LABELS, gradeCard, nextIntervals, type Card, type Grade } from '../../../lib/srs';
import { ContextSentence } from '../parts/ContextSentence';
import { useEnv } from '../../../lib/options/env';
import { formatDateTime, plural } from '../../../lib/options/format';
import { useLiveQuery } from '../../../lib/options/use-live-query';
import { ListSelect } from '../parts/ListSelect';

/** A card due again within this time (an "Again") comes back in the same session, as Anki's learn-ahead does. */
const LEARN_AHEAD_MS = 20 * 60_000;
const GRADES: Grade[] = [1, 2, 3, 4];

interface Current {
  entry: VocabEntry;
  card: Card | undefined;
  terms: Term[];
}

export function ReviewView() {
  const { db } = useEnv();
  const lists = useLiveQuery(() => getLists(db), [db], []);
  const [scope, setScope] = useState<'all' | number>('all');
  const listId = scope === 'all' ? undefined : scope;
  const counts = useLiveQuery(() => reviewCounts(db, new Date(), listId), [db, listId], null);
  const [queue, setQueue] = useState<number[] | null>(null);
  const [current, setCurrent] = useState<Current | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [showContext, setShowContext] = useState(false);
  const [done, setDone] = useState(0);
  const [next, setNext] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Counts answers, so the same word coming straight back (an "Again" on the last card) is loaded afresh.
  const [step, setStep] = useState(0);

  const restart = async () => {
    setQueue(null);
    setDone(0);
    setQueue(await buildQueue(db, listId, new Date()));
    setStep((n) => n + 1);
  };

  useEffect(() => {
    void restart();
  }, [db, listId]);

  const head = queue?.[0];
  useEffect(() => {
    let stale = false;
    setRevealed(false);
    if (head === undefined) {
      setCurrent(null);
      if (queue) void nextDue(db, listId).then((d) => !stale && setNext(d));
      return;
    }
    void (async () => {
      const entry = await getEntry(db, head);
      if (!entry) {
        // Deleted in another tab while queued.
        if (!stale) setQueue((q) => q?.filter((id) => id !== head) ?? null);
        return;
      }
      const [card, terms] = await Promise.all([getCard(db, head), termsForWord(db, entry.simplified)]);
      if (!stale) setCurrent({ entry, card, terms });
    })();
    return () => {
      stale = true;
    };
  }, [db, head, step]);

  const grade = async (g: Grade) => {
    if (!current || !revealed || !queue) return;
    setError(null);
    const now = new Date();
    const card = gradeCard(current.card, g, now);
    try {
      await putCard(db, current.entry.id, card);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return;
    }
    const rest = queue.slice(1);
    if (card.due.getTime() - now.getTime() <= LEARN_AHEAD_MS) rest.push(current.entry.id);
    setDone((n) => n + 1);
    setCurrent(null);
    setQueue(rest);
    setStep((n) => n + 1);
  };

  // One listener for the view's life, reading the state of the latest render through a ref: a key pressed right
  // after a card appears must count, and an effect re-attached after every render would miss it.
  const keys = useRef({ revealed, current, grade });
  keys.current = { revealed, current, grade };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const { revealed, current, grade } = keys.current;
      if (!revealed && (e.key === ' ' || e.key === 'Enter') && current) {
        e.preventDefault();
        setRevealed(true);
      } else if (revealed && /^[1-4]$/.test(e.key)) {
        e.preventDefault();
        void grade(Number(e.key) as Grade);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const intervals = current ? nextIntervals(current.card, new Date()) : null;
  return (
    <div class="page review">
      <header class="pane-head">
        <h2>Review</h2>
        <div class="toolbar">
          <label>
            List <ListSelect testid="review-list" lists={lists} value={scope} onChange={setScope} />
          </label>
          <label>
            <input
              type="checkbox"
              data-testid="review-context-toggle"
              checked={showContext}
              onChange={(e) => setShowContext(e.currentTarget.checked)}
            />{' '}
            Show the sentence on the front
          </label>
        </div>
      </header>
      {counts && (
        <p class="muted" data-testid="review-counts">
          {plural(counts.due, 'card')} due, {plural(counts.new, 'new word')}, {plural(counts.total, 'word')}{' '}
          in all{done > 0 ? ` · ${done} reviewed this session` : ''}.
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {queue === null ? (
        <p class="muted">Loading…</p>
      ) : queue.length === 0 ? (
        <div class="review-done card" data-testid="review-done">
          <p>
            <strong>{counts?.total === 0 ? 'No words to review yet.' : 'All done for now.'}</strong>
          </p>
          <p data-testid="review-next">
            {counts?.total === 0
              ? 'Save words while you read and they will appear here.'
              : next
                ? `Next review: ${formatDateTime(next.getTime())}.`
                : 'No reviews are scheduled.'}
          </p>
          <button type="button" onClick={() => void restart()}>
            Check again
          </button>
        </div>
      ) : current ? (
        <div class="review-card card">
          <div class="review-front" data-testid="review-front">
            <div class="review-word" lang="zh">
              {current.entry.word}
            </div>
            {showContext && !revealed && (
              <p class="review-context">
                <ContextSentence context={current.entry.context} word={current.entry.word} blank />
              </p>
            )}
          </div>
          {!revealed ? (
            <button
              type="button"
              class="primary reveal"
              data-testid="review-show"
              onClick={() => setRevealed(true)}
            >
              Show answer <kbd>Space</kbd>
            </button>
          ) : (
            <>
              <div class="review-back" data-testid="review-back">
                <p class="review-pinyin">{current.entry.pinyin}</p>
                <p class="review-definition">{current.entry.definition}</p>
                {current.entry.context && (
                  <p class="review-context">
                    <ContextSentence context={current.entry.context} word={current.entry.word} />
                  </p>
                )}
                {current.terms.map((t) => (
                  <div class="review-term" key={t.key} data-testid="review-term">
                    <strong>{t.english}</strong>
                    <span class="badge">{t.category}</span>
                    <p>{t.explanation}</p>
                  </div>
                ))}
              </div>
              <div class="grades">
                {GRADES.map((g) => (
                  <button
                    type="button"
                    key={g}
                    class={`grade grade-${g}`}
                    data-testid={`grade-${g}`}
                    onClick={() => void grade(g)}
                  >
                    <span class="grade-label">
                      <kbd>{g}</kbd> {GRADE_LABELS[g]}
                    </span>
                    <span class="grade-interval">{intervals?.[g]}</span>
                  </button>
                ))}
              </div>
            </>
          )}
        </div>
      ) : (
        <p class="muted">Loading…</p>
      )}
    </div>
  );
}
