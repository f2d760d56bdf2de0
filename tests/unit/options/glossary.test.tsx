// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { listTerms, seedBuiltinTerms } from '../../../lib/db';
import { GlossaryView } from '../../../components/options/views/GlossaryView';
import { freshDb, testEnv, WithEnv } from './helpers';
import { glossaryEntry } from '../db/helpers';

afterEach(cleanup);

async function setup() {
  const db = await freshDb();
  await seedBuiltinTerms(
    db,
    [
      glossaryEntry({
        id: 'gongtong-fuyu',
        simplified: '共同富裕',
        english: 'common prosperity',
        category: 'slogan',
      }),
      glossaryEntry({
        id: 'xiangcun',
        simplified: '乡村振兴',
        english: 'rural revitalization',
        category: 'policy',
      }),
    ],
    'v1',
  );
  render(
    <WithEnv env={testEnv(db)}>
      <GlossaryView />
    </WithEnv>,
  );
  await waitFor(() => expect(screen.getAllByTestId('term-row')).toHaveLength(2));
  return db;
}

describe('GlossaryView', () => {
  it('shows the date the built-in glossary is current to', async () => {
    await setup();
    const asOf = screen.getByTestId('glossary-as-of');
    expect(asOf.textContent).toMatch(/^Built-in terms as of \d{1,2} \w+ 20\d\d$/);
    expect(asOf.querySelector('time')?.getAttribute('datetime')).toMatch(/^20\d\d-\d\d-\d\d$/);
  });

  it('takes aliases one a line and fills in the reading and Traditional form left out', async () => {
    const db = await setup();
    fireEvent.click(screen.getAllByTestId('term-row').find((r) => r.textContent!.includes('共同富裕'))!);
    fireEvent.click(await screen.findByTestId('term-edit'));
    fireEvent.input(screen.getByTestId('term-aliases'), {
      target: { value: '共富\n扎实推进共同富裕 | 紮實推進共同富裕 | zhā shí tuī jìn gòng tóng fù yù' },
    });
    fireEvent.submit(screen.getByTestId('term-form'));
    // The first save loads pinyin-pro and builds OpenCC's converter: allow it a while.
    const aliases = await screen.findAllByTestId('term-alias', {}, { timeout: 15_000 });
    expect(aliases.map((a) => a.textContent)).toEqual([
      '共富 gòng fù',
      '扎实推进共同富裕 紮實推進共同富裕 zhā shí tuī jìn gòng tóng fù yù',
    ]);
    expect((await listTerms(db, { text: '共同富裕' }))[0]?.aliases).toEqual([
      { simplified: '共富', traditional: '共富', pinyin: 'gòng fù' },
      {
        simplified: '扎实推进共同富裕',
        traditional: '紮實推進共同富裕',
        pinyin: 'zhā shí tuī jìn gòng tóng fù yù',
      },
    ]);
  }, 20_000);

  it('refuses an alias whose pinyin does not give one syllable per character', async () => {
    await setup();
    fireEvent.click(screen.getAllByTestId('term-row').find((r) => r.textContent!.includes('共同富裕'))!);
    fireEvent.click(await screen.findByTestId('term-edit'));
    fireEvent.input(screen.getByTestId('term-aliases'), { target: { value: '共富 | 共富 | gòng' } });
    fireEvent.submit(screen.getByTestId('term-form'));
    expect((await screen.findByTestId('term-form-errors')).textContent).toMatch(/one syllable per character/);
  });

  it('filters by category with counts and searches in English', async () => {
    await setup();
    const policy = screen.getAllByTestId('category').find((b) => b.dataset.category === 'policy')!;
    await waitFor(() => expect(policy.textContent).toBe('Policies 1'));
    fireEvent.click(policy);
    await waitFor(() =>
      expect(screen.getAllByTestId('term-row').map((r) => r.dataset.termKey)).toEqual(['builtin:xiangcun']),
    );
    fireEvent.click(screen.getByTestId('category-all'));
    fireEvent.input(screen.getByTestId('terms-search'), { target: { value: 'prosperity' } });
    await waitFor(() =>
      expect(screen.getAllByTestId('term-row').map((r) => r.dataset.termKey)).toEqual([
        'builtin:gongtong-fuyu',
      ]),
    );
  });

  it('edits a built-in term, marks it edited, and reverts it', async () => {
    const db = await setup();
    fireEvent.click(screen.getAllByTestId('term-row').find((r) => r.textContent.includes('共同富裕'))!);
    fireEvent.click(await screen.findByTestId('term-edit'));
    fireEvent.input(screen.getByTestId('term-english'), { target: { value: 'shared prosperity' } });
    fireEvent.submit(screen.getByTestId('term-form'));
    const detail = await screen.findByTestId('term-detail');
    await waitFor(() => expect(detail.textContent).toContain('shared prosperity'));
    expect(within(detail).getByTestId('term-edited')).toBeTruthy();
    fireEvent.click(screen.getByTestId('term-revert'));
    await waitFor(() => expect(screen.getByTestId('term-detail').textContent).toContain('common prosperity'));
    expect((await listTerms(db, { text: '共同富裕' }))[0].edited).toBe(false);
  });

  it('hides a built-in term, and adds a term of the user’s own after checking it', async () => {
    const db = await setup();
    fireEvent.click(screen.getAllByTestId('term-row').find((r) => r.textContent.includes('乡村振兴'))!);
    fireEvent.click(await screen.findByTestId('term-hide'));
    await waitFor(() => expect(screen.getAllByTestId('term-row')).toHaveLength(1));

    fireEvent.click(screen.getByTestId('term-add'));
    fireEvent.input(screen.getByTestId('term-simplified'), { target: { value: 'abc' } });
    fireEvent.submit(screen.getByTestId('term-form'));
    expect((await screen.findByTestId('term-form-errors')).textContent).toContain('Chinese characters');

    fireEvent.input(screen.getByTestId('term-simplified'), { target: { value: '两个维护' } });
    fireEvent.input(screen.getByTestId('term-english'), { target: { value: 'Two Upholds' } });
    fireEvent.submit(screen.getByTestId('term-form'));
    await waitFor(() => expect(screen.getAllByTestId('term-row')).toHaveLength(2));
    const mine = await listTerms(db, { origin: 'user' });
    expect(mine.map((t) => [t.simplified, t.traditional, t.english])).toEqual([
      ['两个维护', '两个维护', 'Two Upholds'],
    ]);
    expect(await screen.findByTestId('term-delete')).toBeTruthy();
  });

  it('explains why an imported glossary file is refused', async () => {
    await setup();
    const input = screen.getByTestId('terms-import');
    const file = new File(['{"format":"something-else"}'], 'terms.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    expect((await screen.findByTestId('glossary-notice')).textContent).toContain(
      'Not a Dubao glossary export',
    );
  });
});
