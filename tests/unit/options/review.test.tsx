// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { addEntry, addUserTerm, createList, getCard, putCard } from '../../../lib/db';
import { gradeCard } from '../../../lib/srs';
import { ReviewView } from '../../../components/options/views/ReviewView';
import { buildQueue } from '../../../lib/options/review';
import { freshDb, testEnv, WithEnv } from './helpers';

afterEach(cleanup);

describe('ReviewView', () => {
  it('shows the word, reveals the answer with Space, grades with a key, and ends with the next due time', async () => {
    const db = await freshDb();
    const list = await createList(db, 'News');
    const e = await addEntry(db, {
      listId: list.id,
      word: '共同富裕',
      pinyin: 'gòng tóng fù yù',
      definition: 'shared wealth',
      context: { sentence: '扎实推动共同富裕。', offset: 4 },
    });
    await addUserTerm(db, {
      simplified: '共同富裕',
      traditional: '共同富裕',
      pinyin: 'gòng tóng fù yù',
      english: 'common prosperity',
      englishSource: 'official',
      explanation: 'A goal of sharing wealth more evenly.',
      category: 'slogan',
      status: 'current',
      related: [],
    });
    render(
      <WithEnv env={testEnv(db)}>
        <ReviewView />
      </WithEnv>,
    );
    const front = await screen.findByTestId('review-front');
    expect(front.textContent).toBe('共同富裕');
    expect(screen.queryByTestId('review-back')).toBeNull();

    fireEvent.click(screen.getByTestId('review-context-toggle'));
    expect(screen.getByTestId('review-front').textContent).toBe('共同富裕扎实推动＿＿＿＿。');

    fireEvent.keyDown(window, { key: ' ' });
    const back = await screen.findByTestId('review-back');
    expect(back.textContent).toContain('gòng tóng fù yù');
    expect(back.textContent).toContain('shared wealth');
    expect(screen.getByTestId('review-term').textContent).toContain('common prosperity');
    expect(screen.getByTestId('grade-3').textContent).toMatch(/Good/);

    // Easy: a first "Good" would bring the word back within minutes, in this same session.
    fireEvent.keyDown(window, { key: '4' });
    await screen.findByTestId('review-done');
    const card = await getCard(db, e.id);
    expect(card!.due.getTime()).toBeGreaterThan(Date.now());
    await waitFor(() => expect(screen.getByTestId('review-next').textContent).toMatch(/^Next review: /));
  });

  it('brings an "Again" card back in the same session', async () => {
    const db = await freshDb();
    const list = await createList(db, 'A');
    await addEntry(db, { listId: list.id, word: '党建' });
    render(
      <WithEnv env={testEnv(db)}>
        <ReviewView />
      </WithEnv>,
    );
    await screen.findByTestId('review-front');
    fireEvent.click(screen.getByTestId('review-show'));
    fireEvent.click(await screen.findByTestId('grade-1'));
    await waitFor(() => expect(screen.queryByTestId('review-back')).toBeNull());
    expect((await screen.findByTestId('review-front')).textContent).toBe('党建');
  });

  it('queues due cards before new words and leaves out cards not yet due', async () => {
    const db = await freshDb();
    const list = await createList(db, 'A');
    const fresh = await addEntry(db, { listId: list.id, word: '新' });
    const due = await addEntry(db, { listId: list.id, word: '旧' });
    const later = await addEntry(db, { listId: list.id, word: '后' });
    const past = new Date(Date.now() - 30 * 86_400_000);
    await putCard(db, due.id, gradeCard(undefined, 3, past));
    await putCard(db, later.id, gradeCard(undefined, 4, new Date()));
    expect(await buildQueue(db, list.id, new Date())).toEqual([due.id, fresh.id]);
  });
});
