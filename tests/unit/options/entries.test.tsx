// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { addEntry, createList, getEntries, isKnown, type DubaoDb, type VocabEntry } from '../../../lib/db';
import { EntriesTable, safeUrl, sortEntries } from '../../../components/options/parts/EntriesTable';
import { ListsView } from '../../../components/options/views/ListsView';
import { freshDb, testEnv, WithEnv } from './helpers';

afterEach(cleanup);

function entry(over: Partial<VocabEntry> & Pick<VocabEntry, 'id' | 'word'>): VocabEntry {
  return {
    listId: 1,
    simplified: over.word,
    traditional: over.word,
    pinyin: '',
    definition: '',
    context: null,
    source: null,
    created: 1_700_000_000_000,
    tags: [],
    notes: '',
    ...over,
  };
}

describe('EntriesTable', () => {
  it('shows page text that looks like HTML as text, never as markup', () => {
    const evil = entry({
      id: 1,
      word: '银行',
      definition: '<img src=x onerror=alert(1)>bank',
      context: { sentence: '<b>他</b>去银行<script>x</script>', offset: 11 },
      source: { title: '<i>People</i>', url: 'https://example.cn/a' },
      notes: '<u>note</u>',
    });
    const { container } = render(
      <EntriesTable entries={[evil]} selected={new Set()} onSelect={() => {}} onEdit={() => {}} />,
    );
    expect(container.querySelector('img, b, script, i, u')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>bank')).toBeTruthy();
    expect(screen.getByText('<i>People</i>').getAttribute('rel')).toBe('noreferrer');
    expect(screen.getByTestId('entry-context').textContent).toBe('<b>他</b>去银行<script>x</script>');
    expect(container.querySelector('mark')!.textContent).toBe('银行');
  });

  it('marks the word in its sentence even when the stored offset is stale', () => {
    const e = entry({ id: 1, word: '改革', context: { sentence: '深化改革开放', offset: 0 } });
    const { container } = render(
      <EntriesTable entries={[e]} selected={new Set()} onSelect={() => {}} onEdit={() => {}} />,
    );
    expect(container.querySelector('mark')!.textContent).toBe('改革');
    expect(screen.getByTestId('entry-context').textContent).toBe('深化改革开放');
  });

  it('saves an edited definition and splits tags at commas', async () => {
    const edits: unknown[] = [];
    render(
      <EntriesTable
        entries={[entry({ id: 7, word: '党建', definition: 'old' })]}
        selected={new Set()}
        onSelect={() => {}}
        onEdit={(id, patch) => void edits.push([id, patch])}
      />,
    );
    fireEvent.click(screen.getByTestId('entry-definition'));
    const field = screen.getByTestId('entry-definition-input');
    fireEvent.input(field, { target: { value: 'Party building' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.click(screen.getByTestId('entry-tags'));
    const tags = screen.getByTestId('entry-tags-input');
    fireEvent.input(tags, { target: { value: 'politics, 党, , politics' } });
    fireEvent.blur(tags);
    await waitFor(() => expect(edits).toHaveLength(2));
    expect(edits).toEqual([
      [7, { definition: 'Party building' }],
      [7, { tags: ['politics', '党'] }],
    ]);
  });

  it('links only web addresses', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://www.people.com.cn/x')).toBe('https://www.people.com.cn/x');
  });

  it('sorts by pinyin ignoring tones, by word, and newest first by date', () => {
    const es = [
      entry({ id: 1, word: '银行', pinyin: 'yín háng', created: 3 }),
      entry({ id: 2, word: '安全', pinyin: 'ān quán', created: 1 }),
      entry({ id: 3, word: '发展', pinyin: 'fā zhǎn', created: 2 }),
    ];
    expect(sortEntries(es, 'pinyin').map((e) => e.id)).toEqual([2, 3, 1]);
    expect(sortEntries(es, 'date').map((e) => e.id)).toEqual([1, 3, 2]);
  });
});

describe('ListsView', () => {
  let db: DubaoDb;

  it('explains how to save words when there are none, then shows a word saved elsewhere at once', async () => {
    db = await freshDb();
    render(
      <WithEnv env={testEnv(db)}>
        <ListsView />
      </WithEnv>,
    );
    await screen.findByTestId('entries-empty');
    expect(screen.getByTestId('entries-empty').textContent).toContain('Save to Dubao');
    const list = await createList(db, 'News');
    await addEntry(db, {
      listId: list.id,
      word: '共同富裕',
      pinyin: 'gòng tóng fù yù',
      definition: 'common prosperity',
    });
    await waitFor(() =>
      expect(screen.getAllByTestId('entry-word').map((e) => e.textContent)).toEqual(['共同富裕']),
    );
    expect(screen.getAllByTestId('list-item')).toHaveLength(1);
  });

  it('deletes a list and its words, and Undo brings both back', async () => {
    db = await freshDb();
    const list = await createList(db, 'Politics');
    await addEntry(db, { listId: list.id, word: '两个维护' });
    render(
      <WithEnv env={testEnv(db)}>
        <ListsView />
      </WithEnv>,
    );
    await screen.findByText('两个维护');
    fireEvent.click(screen.getByTestId('list-delete'));
    await screen.findByTestId('entries-empty');
    expect(screen.getByTestId('toast').textContent).toContain('Politics');
    expect(await getEntries(db)).toHaveLength(0);
    fireEvent.click(screen.getByTestId('toast-undo'));
    await screen.findByText('两个维护');
    expect((await getEntries(db)).map((e) => e.listId)).toEqual([list.id]);
    expect(screen.getAllByTestId('list-item')).toHaveLength(1);
  });

  it('moves selected words to another list', async () => {
    db = await freshDb();
    const a = await createList(db, 'A');
    const b = await createList(db, 'B');
    await addEntry(db, { listId: a.id, word: '一' });
    await addEntry(db, { listId: a.id, word: '二' });
    render(
      <WithEnv env={testEnv(db)}>
        <ListsView />
      </WithEnv>,
    );
    await screen.findByText('二');
    fireEvent.click(screen.getAllByTestId('entry-select')[0]);
    fireEvent.change(screen.getByTestId('bulk-target'), { target: { value: String(b.id) } });
    fireEvent.click(screen.getByTestId('bulk-move'));
    await waitFor(async () => expect((await getEntries(db, b.id)).map((e) => e.word)).toEqual(['二']));
  });
});

describe('marking saved words known', () => {
  it('marks the selected words known in both scripts, tells readers, and Undo forgets them again', async () => {
    const db = await freshDb();
    const a = await createList(db, 'A');
    await addEntry(db, { listId: a.id, word: '银行', simplified: '银行', traditional: '銀行' });
    await addEntry(db, { listId: a.id, word: '党建' });
    let changed = 0;
    render(
      <WithEnv env={testEnv(db, { knownChanged: async () => void changed++ })}>
        <ListsView />
      </WithEnv>,
    );
    await screen.findByText('党建');
    for (const box of screen.getAllByTestId('entry-select')) fireEvent.click(box);
    fireEvent.click(screen.getByTestId('bulk-known'));
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toContain('Marked 2 words known'));
    expect(await isKnown(db, '銀行')).toBe(true);
    expect(await isKnown(db, '党建')).toBe(true);
    expect(changed).toBe(1);
    fireEvent.click(screen.getByTestId('toast-undo'));
    await waitFor(async () => expect(await db.known.count()).toBe(0));
    expect(changed).toBe(2);
  });
});
