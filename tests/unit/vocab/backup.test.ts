import { describe, expect, it, vi } from 'vitest';
import { listTerms, seedBuiltinTerms, setTermHidden, editTerm } from '../../../lib/db/terms';
import type { DubaoDb } from '../../../lib/db/schema';
import { getCard } from '../../../lib/db/reviews';
import { getLists } from '../../../lib/db/vocab';
import {
  applyBackup,
  BACKUP_FORMAT,
  BackupError,
  exportBackup,
  importRows,
  parseBackup,
  type Backup,
} from '../../../lib/vocab/backup';
import { loadExportItems } from '../../../lib/vocab/export-items';
import { newCard } from '../../../lib/srs';
import { parseCsv, toCsv } from '../../../lib/vocab/formats';
import { freshDb, glossaryEntry } from '../db/helpers';
import { fillSample, fixture, NOW, SAMPLE_SETTINGS } from './sample';

async function sampleDb(): Promise<DubaoDb> {
  const db = await freshDb();
  await fillSample(db);
  return db;
}

function sampleBackup(): Backup {
  const { backup, errors } = parseBackup(fixture('backup.json'));
  expect(errors).toEqual([]);
  return backup!;
}

/** The backup file as an object, to break on purpose. */
function rawSample(): Record<string, any> {
  return JSON.parse(fixture('backup.json'));
}

const snapshot = (db: DubaoDb) => exportBackup(db, null, NOW);

describe('exporting a backup', () => {
  it('matches the golden file', async () => {
    expect(await exportBackup(await sampleDb(), SAMPLE_SETTINGS, NOW)).toBe(fixture('backup.json'));
  });

  it('round-trips byte for byte through parse and replace into an empty database', async () => {
    const first = await exportBackup(await sampleDb(), SAMPLE_SETTINGS, NOW);
    const { backup, errors } = parseBackup(first);
    expect(errors).toEqual([]);
    const empty = await freshDb();
    const result = await applyBackup(empty, backup!, 'replace');
    expect(result).toEqual({ lists: 2, entries: 3, reviews: 1, terms: 1, known: 2 });
    expect(await exportBackup(empty, backup!.settings, NOW)).toBe(first);
    expect(backup!.settings).toEqual(SAMPLE_SETTINGS);
  });

  it('restores review dates as dates', async () => {
    const db = await freshDb();
    await applyBackup(db, sampleBackup(), 'replace');
    const card = await getCard(db, 1);
    expect(card?.due).toBeInstanceOf(Date);
    expect(card?.due.toISOString()).toBe('2026-02-01T11:10:00.000Z');
  });
});

describe('CSV round trip through the database', () => {
  it('gives the same CSV after importing it into an empty database', async () => {
    const first = toCsv(await loadExportItems(await sampleDb()));
    const { rows, errors } = parseCsv(first);
    expect(errors).toEqual([]);
    const empty = await freshDb();
    expect(await importRows(empty, rows)).toBe(3);
    expect(toCsv(await loadExportItems(empty))).toBe(first);
  });
});

describe('parsing a backup', () => {
  it('reports bad JSON with its line, column and position', () => {
    const { backup, errors } = parseBackup('{\n  "format": "dubao-backup",\n  "lists": [1,,2]\n}');
    expect(backup).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe('');
    expect(errors[0].message).toMatch(/^Not valid JSON at line 3, column \d+ \(position \d+\)/);
  });

  it('reports a truncated file as ending early', () => {
    const text = fixture('backup.json');
    const { backup, errors } = parseBackup(text.slice(0, 200));
    expect(backup).toBeNull();
    expect(errors).toEqual([
      {
        path: '',
        message: expect.stringMatching(
          /^Not valid JSON, ends early at line \d+, column \d+ \(position 200\)/,
        ),
      },
    ]);
  });

  it('refuses other files with one clear message', () => {
    expect(parseBackup('[]').errors).toEqual([
      { path: '', message: expect.stringMatching(/expected a JSON object/) },
    ]);
    expect(parseBackup('{"format":"dubao-terms","version":1}').errors[0].message).toMatch(/glossary export/);
    expect(parseBackup('{"hello":1}').errors).toEqual([
      { path: 'format', message: expect.stringMatching(/Not a Dubao backup/) },
    ]);
    const newer = { ...rawSample(), version: 2 };
    expect(parseBackup(JSON.stringify(newer)).errors).toEqual([
      { path: 'version', message: expect.stringMatching(/newer Dubao/) },
    ]);
  });

  it('lists every bad item by its path', () => {
    const raw = rawSample();
    raw.lists[1].name = 42;
    raw.entries[0].word = '';
    raw.entries[2].tags = 'eco';
    raw.entries[2].source.url = 'javascript:alert(1)';
    raw.reviews[0].due = 'not a date';
    raw.userTerms.added[0].category = 'nonsense';
    const { backup, errors } = parseBackup(JSON.stringify(raw));
    expect(backup).toBeNull();
    expect(errors.map((e) => e.path)).toEqual([
      'lists[1].name',
      'entries[0].word',
      'entries[2].source.url',
      'entries[2].tags',
      'reviews[0].due',
      'userTerms.added[0].category',
    ]);
  });

  it('reports duplicate ids and references to missing rows', () => {
    const raw = rawSample();
    raw.lists[1].id = 1;
    raw.entries[2].id = 2;
    raw.reviews.push({ ...raw.reviews[0] }, { ...raw.reviews[0], entryId: 99 });
    const { backup, errors } = parseBackup(JSON.stringify(raw));
    expect(backup).toBeNull();
    expect(errors).toEqual([
      { path: 'lists[1].id', message: 'Duplicate id 1 (also lists[0])' },
      { path: 'entries[2].id', message: 'Duplicate id 2 (also entries[1])' },
      { path: 'reviews[1].entryId', message: 'Duplicate entryId 1 (also reviews[0])' },
      { path: 'entries[2].listId', message: 'No list with id 2 in the backup' },
      { path: 'reviews[2].entryId', message: 'No entry with id 99 in the backup' },
    ]);
  });

  it('reports an entry whose list is not in the backup', () => {
    const raw = rawSample();
    raw.entries[1].listId = 7;
    expect(parseBackup(JSON.stringify(raw)).errors).toEqual([
      { path: 'entries[1].listId', message: 'No list with id 7 in the backup' },
    ]);
  });

  it('reports wrong types at the top level', () => {
    const raw = rawSample();
    raw.entries = {};
    raw.reviews = null;
    expect(parseBackup(JSON.stringify(raw)).errors.map((e) => e.path)).toEqual(['entries', 'reviews']);
  });

  it('leaves the database alone whatever it is given', async () => {
    const db = await sampleDb();
    const before = await snapshot(db);
    for (const text of ['', '{', 'null', fixture('backup.json').replace('"Politics"', '7')])
      parseBackup(text);
    expect(await snapshot(db)).toBe(before);
  });
});

describe('restoring a backup', () => {
  it('replace: removes what was there, built-in glossary edits included', async () => {
    const db = await freshDb();
    await seedBuiltinTerms(
      db,
      [glossaryEntry({ id: 'dang-jian', simplified: '党建', english: 'Party building' })],
      'v1',
    );
    const list = await db.lists.add({ name: 'Old', order: 0, created: 1 });
    await db.entries.add({
      listId: list,
      word: '旧',
      simplified: '旧',
      traditional: '舊',
      pinyin: 'jiù',
      definition: 'old',
      context: null,
      source: null,
      created: 1,
      tags: [],
      notes: '',
    });
    await db.reviews.put({ ...newCard(NOW), entryId: 1 });
    await editTerm(db, 'builtin:dang-jian', { english: 'my edit' });
    await setTermHidden(db, 'builtin:dang-jian', true);

    await applyBackup(db, sampleBackup(), 'replace');

    expect((await getLists(db)).map((l) => l.name)).toEqual(['Politics', 'News words']);
    expect((await db.entries.toArray()).map((e) => e.word)).toEqual(['共同富裕', '银行', '綠色']);
    expect(await db.reviews.count()).toBe(1);
    const terms = await listTerms(db, { includeHidden: true });
    expect(terms.map((t) => [t.key, t.english, t.hidden])).toEqual([
      ['builtin:dang-jian', 'Party building', false],
      ['user:xin-zhi-shengchanli', 'new quality productive forces', false],
    ]);
  });

  it('merge: joins lists by name and skips words already saved with the same sentence', async () => {
    const db = await freshDb();
    const mine = await db.lists.add({ name: 'Mine', order: 0, created: 1 });
    const politics = await db.lists.add({ name: 'Politics', order: 1, created: 1 });
    const sample = sampleBackup();
    const known = sample.entries[0];
    const { id: _id, ...row } = known;
    const existingId = await db.entries.add({ ...row, listId: politics, definition: 'my own definition' });
    await db.entries.add({ ...row, listId: mine });

    const result = await applyBackup(db, sample, 'merge');

    expect(result).toEqual({ lists: 1, entries: 2, reviews: 1, terms: 1, known: 2 });
    const lists = await getLists(db);
    expect(lists.map((l) => [l.name, l.order])).toEqual([
      ['Mine', 0],
      ['Politics', 1],
      ['News words', 2],
    ]);
    const entries = await db.entries.toArray();
    expect(entries).toHaveLength(4);
    expect(entries.find((e) => e.id === existingId)?.definition).toBe('my own definition');
    expect(entries.filter((e) => e.listId === politics).map((e) => e.word)).toEqual(['共同富裕', '银行']);
    // The skipped word had no review here, so it takes the backup's.
    expect((await getCard(db, existingId))?.reps).toBe(1);
  });

  it('merge: a second merge of the same backup adds nothing and keeps review history', async () => {
    const db = await freshDb();
    await applyBackup(db, sampleBackup(), 'merge');
    await db.reviews.update(1, { reps: 9 });
    const result = await applyBackup(db, sampleBackup(), 'merge');
    expect(result).toEqual({ lists: 0, entries: 0, reviews: 0, terms: 1, known: 0 });
    expect(await db.entries.count()).toBe(3);
    expect((await getCard(db, 1))?.reps).toBe(9);
  });

  it('refuses an inconsistent backup before writing anything', async () => {
    const db = await sampleDb();
    const before = await snapshot(db);
    const bad = sampleBackup();
    bad.entries[1] = { ...bad.entries[1], listId: 42 };
    await expect(applyBackup(db, bad, 'replace')).rejects.toThrow(BackupError);
    await expect(applyBackup(db, bad, 'replace')).rejects.toThrow(/entries\[1\]\.listId: No list with id 42/);
    expect(await snapshot(db)).toBe(before);
  });

  it('changes nothing when a write fails midway', async () => {
    for (const mode of ['replace', 'merge'] as const) {
      const db = await sampleDb();
      await db.lists.add({ name: 'Extra', order: 5, created: 5 });
      const before = await snapshot(db);
      const backup = sampleBackup();
      backup.lists[0] = { ...backup.lists[0], name: 'Renamed' };
      const failing = vi
        .spyOn(db.reviews, mode === 'replace' ? 'bulkAdd' : 'put')
        .mockRejectedValue(new Error('disk on fire'));
      await expect(applyBackup(db, backup, mode)).rejects.toThrow('disk on fire');
      failing.mockRestore();
      expect(await snapshot(db)).toBe(before);
    }
  });

  it('rejects a user term section the glossary cannot take, with nothing written', async () => {
    const db = await sampleDb();
    const before = await snapshot(db);
    const backup = sampleBackup();
    (backup.userTerms as { format: string }).format = 'other';
    await expect(applyBackup(db, backup, 'replace')).rejects.toThrow(/userTerms/);
    expect(await snapshot(db)).toBe(before);
  });
});

describe('importing rows', () => {
  const row = (listName: string, word: string, context = '') => ({
    listName,
    word,
    simplified: word,
    traditional: word,
    pinyin: '',
    definition: '',
    context,
    sourceTitle: '',
    sourceUrl: '',
    tags: [],
    notes: '',
  });

  it('creates lists by name, reuses existing ones and skips words already saved', async () => {
    const db = await freshDb();
    await db.lists.add({ name: 'A', order: 0, created: 1 });
    const rows = [row('A', '改革', '改革开放'), row('B', '开放'), row('A', '改革', '深化改革')];
    expect(await importRows(db, rows, 1000)).toBe(3);
    expect(await importRows(db, rows, 2000)).toBe(0);
    expect((await getLists(db)).map((l) => [l.name, l.order])).toEqual([
      ['A', 0],
      ['B', 1],
    ]);
    const entries = await db.entries.toArray();
    expect(entries.map((e) => [e.word, e.context, e.created])).toEqual([
      ['改革', { sentence: '改革开放', offset: 0 }, 1000],
      ['开放', null, 1000],
      ['改革', { sentence: '深化改革', offset: 2 }, 1000],
    ]);
  });

  it('adds nothing when one write fails', async () => {
    const db = await freshDb();
    const add = db.entries.add.bind(db.entries);
    let calls = 0;
    const spy = vi.spyOn(db.entries, 'add').mockImplementation((...args) => {
      if (++calls === 2) return Promise.reject(new Error('quota')) as never;
      return add(...args);
    });
    await expect(importRows(db, [row('A', '一'), row('A', '二')])).rejects.toThrow('quota');
    spy.mockRestore();
    expect(await db.entries.count()).toBe(0);
    expect(await db.lists.count()).toBe(0);
  });

  it('exports the format name it checks', () => {
    expect(BACKUP_FORMAT).toBe('dubao-backup');
    expect(() => new BackupError([{ path: 'x', message: 'y' }])).not.toThrow();
  });
});
