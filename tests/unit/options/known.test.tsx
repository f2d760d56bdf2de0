// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { isKnown, markKnown } from '../../../lib/db';
import { KnownWords, splitWords } from '../../../components/options/views/KnownWords';
import { freshDb, testEnv, WithEnv } from './helpers';

afterEach(cleanup);

describe('Known words in the options page', () => {
  it('splits pasted words on spaces, commas of either width, 、 and new lines', () => {
    expect(splitWords('银行, 经济，发展、党建\n共同富裕;乡村振兴  银行')).toEqual([
      '银行',
      '经济',
      '发展',
      '党建',
      '共同富裕',
      '乡村振兴',
    ]);
  });

  it('adds pasted Chinese words, keeps the rest in the box with a message, and tells readers', async () => {
    const db = await freshDb();
    let changed = 0;
    render(
      <WithEnv env={testEnv(db, { knownChanged: async () => void changed++ })}>
        <KnownWords />
      </WithEnv>,
    );
    await screen.findByText('0 known words');
    fireEvent.input(screen.getByTestId('known-add'), { target: { value: '银行 hello <b>x</b> 经济' } });
    fireEvent.click(screen.getByTestId('known-add-button'));
    await screen.findByText('2 known words');
    expect(await isKnown(db, '银行')).toBe(true);
    expect(await isKnown(db, '经济')).toBe(true);
    expect((screen.getByTestId('known-add') as HTMLTextAreaElement).value).toBe('hello <b>x</b>');
    expect(screen.getByRole('alert').textContent).toContain('2 words added');
    expect(screen.getByRole('alert').textContent).toContain('<b>x</b>'); // shown as text, not markup
    expect(document.querySelector('[data-testid=known-words] b')).toBeNull();
    expect(changed).toBe(1);
  });

  it('lists words marked from the hover card and takes one back', async () => {
    const db = await freshDb();
    await markKnown(db, [{ simplified: '银行', traditional: '銀行' }, { simplified: '党建' }]);
    let changed = 0;
    render(
      <WithEnv env={testEnv(db, { knownChanged: async () => void changed++ })}>
        <KnownWords />
      </WithEnv>,
    );
    await screen.findByText('2 known words');
    expect(screen.getByTestId('known-list').textContent).toContain('银行 · 銀行');
    fireEvent.click(screen.getByRole('button', { name: 'Not known: 银行' }));
    await screen.findByText('1 known word');
    expect(await isKnown(db, '銀行')).toBe(false);
    expect(changed).toBe(1);
    await waitFor(() => expect(screen.getByTestId('known-list').textContent).not.toContain('银行'));
  });
});
