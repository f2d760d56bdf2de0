// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addEntry,
  addUserTerm,
  createList,
  DICT_IMPORT_KEY,
  editTerm,
  getEntries,
  getLists,
  listTerms,
  markKnown,
  seedBuiltinTerms,
} from '../../../lib/db';
import { CEDICT_ATTRIBUTION } from '../../../lib/dict/cedict';
import { routeOf } from '../../../entrypoints/options/App';
import { SettingsView } from '../../../components/options/views/SettingsView';
import { freshDb, memorySettings, testEnv, WithEnv } from './helpers';
import { glossaryEntry } from '../db/helpers';

afterEach(cleanup);

describe('SettingsView', () => {
  it('shows the stored settings and saves a change', async () => {
    const db = await freshDb();
    const settings = memorySettings({ global: { pinyin: false, pinyinStyle: 'numbers' } });
    render(
      <WithEnv env={testEnv(db, { settings })}>
        <SettingsView />
      </WithEnv>,
    );
    const pinyin = (await screen.findByTestId('settings-pinyin')) as HTMLInputElement;
    expect(pinyin.checked).toBe(false);
    expect((screen.getByTestId('settings-pinyin-style') as HTMLSelectElement).value).toBe('numbers');
    fireEvent.click(pinyin);
    fireEvent.change(screen.getByTestId('settings-script'), { target: { value: 'tw' } });
    await waitFor(async () =>
      expect((await settings.load()).global).toMatchObject({ pinyin: true, script: 'tw' }),
    );
  });

  it('shows dictionary progress, the CC-CEDICT attribution and storage use', async () => {
    const db = await freshDb();
    await db.meta.put({
      key: DICT_IMPORT_KEY,
      value: {
        version: '2026-01',
        total: 200,
        done: 50,
        entries: 120000,
        status: 'importing',
        started: 0,
        updated: 0,
      },
    });
    render(
      <WithEnv env={testEnv(db)}>
        <SettingsView />
      </WithEnv>,
    );
    expect((await screen.findByTestId('dict-state')).textContent).toContain('25%');
    expect(screen.getByTestId('cedict-attribution').textContent).toBe(CEDICT_ATTRIBUTION);
    await waitFor(() => expect(screen.getByTestId('storage-usage').textContent).toContain('2.0 KB'));
  });

  it('deletes all user data only after DELETE is typed, keeping the built-in glossary', async () => {
    const db = await freshDb();
    await seedBuiltinTerms(
      db,
      [glossaryEntry({ id: 'a', simplified: '党建', english: 'Party building' })],
      'v1',
    );
    await editTerm(db, 'builtin:a', { english: 'edited' });
    await addUserTerm(db, { ...glossaryEntry({ id: 'x', simplified: '新词' }) });
    const list = await createList(db, 'L');
    await addEntry(db, { listId: list.id, word: '词' });
    await markKnown(db, [{ simplified: '银行' }]);
    let knownChanged = 0;
    const settings = memorySettings({ global: { pinyin: false } });
    render(
      <WithEnv env={testEnv(db, { settings, knownChanged: async () => void knownChanged++ })}>
        <SettingsView />
      </WithEnv>,
    );
    fireEvent.click(screen.getByTestId('delete-all'));
    const confirm = screen.getByTestId('delete-all-confirm') as HTMLButtonElement;
    fireEvent.input(screen.getByTestId('delete-all-input'), { target: { value: 'delete' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('delete-all-input'), { target: { value: 'DELETE' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await screen.findByTestId('delete-all-done');
    expect(await getLists(db)).toEqual([]);
    expect(await getEntries(db)).toEqual([]);
    const terms = await listTerms(db, { includeHidden: true });
    expect(terms.map((t) => [t.key, t.english, t.edited])).toEqual([['builtin:a', 'Party building', false]]);
    expect((await settings.load()).global.pinyin).toBe(true);
    // Known words go too, and open pages are told to show their pinyin again.
    expect(await db.known.count()).toBe(0);
    expect(knownChanged).toBe(1);
  });
});

describe('routeOf', () => {
  it('maps hashes to views, defaulting to the lists', () => {
    expect(routeOf('#/review')).toBe('review');
    expect(routeOf('#/import-export')).toBe('import-export');
    expect(routeOf('#/nope')).toBe('lists');
    expect(routeOf('')).toBe('lists');
  });
});
