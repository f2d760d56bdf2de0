// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { getEntries, getLists } from '../../../lib/db';
import { ImportReport } from '../../../components/options/parts/ImportReport';
import { detectFormat, ImportExportView } from '../../../components/options/views/ImportExportView';
import { freshDb, testEnv, WithEnv } from './helpers';

afterEach(cleanup);

function chooseFile(input: HTMLElement, name: string, text: string) {
  const file = new File([text], name, { type: 'text/plain' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('ImportReport', () => {
  it('lists every bad line with its number and offers to import only the valid rows', () => {
    const row = {
      listName: 'News',
      word: '改革',
      simplified: '改革',
      traditional: '改革',
      pinyin: 'gǎi gé',
      definition: 'reform',
      context: '',
      sourceTitle: '',
      sourceUrl: '',
      tags: [],
      notes: '',
    };
    let confirmed = 0;
    render(
      <ImportReport
        report={{
          rows: [row, { ...row, word: '开放' }],
          errors: [
            { line: 3, message: 'word is empty' },
            { line: 7, message: '<b>source_url</b> is not a web address' },
          ],
        }}
        format="CSV"
        onConfirm={() => confirmed++}
        onCancel={() => {}}
      />,
    );
    const items = screen.getAllByTestId('import-error').map((li) => li.textContent);
    expect(items).toEqual(['Line 3: word is empty', 'Line 7: <b>source_url</b> is not a web address']);
    expect(screen.getByTestId('import-report').querySelector('b')).toBeNull();
    const button = screen.getByTestId('import-confirm');
    expect(button.textContent).toBe('Import 2 valid rows');
    fireEvent.click(button);
    expect(confirmed).toBe(1);
  });

  it('says plainly when nothing in the file could be read, and cannot import', () => {
    render(
      <ImportReport
        report={{ rows: [], errors: [{ line: 1, message: 'Missing column "word"' }] }}
        format="CSV"
        onConfirm={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByTestId('import-malformed').textContent).toContain('No words could be read');
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('detectFormat', () => {
  it('tells backups, CSV and Pleco files apart', () => {
    expect(detectFormat('x.json', '')).toBe('backup');
    expect(detectFormat('export.txt', '\uFEFF  {"format":"dubao-backup"}')).toBe('backup');
    expect(detectFormat('words.CSV', 'word\n改革')).toBe('csv');
    expect(detectFormat('pleco.txt', '改革\tgai3ge2\treform')).toBe('pleco');
  });
});

describe('ImportExportView', () => {
  it('shows the report of a CSV with bad lines and writes nothing until confirmed', async () => {
    const db = await freshDb();
    render(
      <WithEnv env={testEnv(db)}>
        <ImportExportView />
      </WithEnv>,
    );
    const csv =
      'list,word,definition,source_url\nNews,改革,reform,\nNews,,empty,\nNews,开放,opening,javascript:alert(1)\n';
    chooseFile(screen.getByTestId('import-file'), 'words.csv', csv);
    const report = await screen.findByTestId('import-report');
    const errors = screen.getAllByTestId('import-error').map((li) => li.textContent);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^Line 3: /);
    expect(errors[1]).toMatch(/^Line 4: .*web address/);
    expect(report.textContent).toContain('1 valid row ready');
    expect(await getEntries(db)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(async () => expect((await getEntries(db)).map((e) => e.word)).toEqual(['改革']));
    expect((await getLists(db)).map((l) => l.name)).toEqual(['News']);
    expect((await screen.findByTestId('io-status')).textContent).toContain('Imported 1 word');
    expect(screen.queryByTestId('import-report')).toBeNull();
  });

  it('says there is nothing to send to Anki when no word is saved, and calls no one', async () => {
    const db = await freshDb();
    const calls: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (...args: unknown[]) => {
      calls.push(args);
      throw new Error('no network in this test');
    };
    try {
      render(
        <WithEnv env={testEnv(db)}>
          <ImportExportView />
        </WithEnv>,
      );
      fireEvent.click(screen.getByTestId('anki-push'));
      const result = await screen.findByText('There are no words to send in this selection.');
      expect(result.getAttribute('data-testid')).toBe('anki-result');
      expect(result.className).toBe('error');
      expect(calls).toHaveLength(0);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('rejects a malformed backup with a clear message', async () => {
    const db = await freshDb();
    render(
      <WithEnv env={testEnv(db)}>
        <ImportExportView />
      </WithEnv>,
    );
    chooseFile(screen.getByTestId('import-file'), 'backup.json', '{"format": "dubao-backup", "lists": [');
    expect((await screen.findByTestId('import-malformed')).textContent).toContain('not a Dubao backup');
    expect(screen.queryByTestId('import-confirm')).toBeNull();
  });

  it('restores a backup it exported, merging into the current data', async () => {
    const source = await freshDb();
    const { createList, addEntry } = await import('../../../lib/db');
    const { exportBackup } = await import('../../../lib/vocab/backup');
    const list = await createList(source, 'Politics');
    await addEntry(source, { listId: list.id, word: '党建', definition: 'Party building' });
    const text = await exportBackup(source, {});

    const db = await freshDb();
    render(
      <WithEnv env={testEnv(db)}>
        <ImportExportView />
      </WithEnv>,
    );
    chooseFile(screen.getByTestId('import-file'), 'dubao-backup.json', text);
    expect((await screen.findByTestId('backup-summary')).textContent).toContain('1 list, 1 word');
    expect(await getEntries(db)).toHaveLength(0);
    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(async () => expect((await getEntries(db)).map((e) => e.word)).toEqual(['党建']));
  });
});
