/**
 * A broken, hostile or oversized backup file never changes the user's data, a failure half-way through a restore
 * leaves nothing half-written, an upgrade keeps every row, and a full disk is reported as such.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuotaExceededError } from '../../../lib/db/errors';
import { DB_VERSION, openDb, SCHEMA_V1, type DubaoDb } from '../../../lib/db/schema';
import { addUserTerm, seedBuiltinTerms } from '../../../lib/db/terms';
import { addEntry, createList } from '../../../lib/db/vocab';
import { applyBackup, BackupError, parseBackup, type Backup } from '../../../lib/vocab/backup';
import { freshDb, glossaryEntry } from '../db/helpers';
import { fixture } from '../vocab/sample';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every row of every table, in key order: what "the user's data" means here. */
async function dump(db: DubaoDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** The user's own data, deliberately unlike the backup fixture, so that any write from it would show. */
async function userDb(): Promise<DubaoDb> {
  const db = await freshDb();
  await seedBuiltinTerms(
    db,
    [glossaryEntry({ id: 'gongtong-fuyu', simplified: '共同富裕', pinyin: 'gòng tóng fù yù' })],
    'v-test',
  );
  const list = await createList(db, 'Mine');
  await addEntry(db, {
    listId: list.id,
    word: '学习',
    pinyin: 'xué xí',
    definition: 'to study',
    context: { sentence: '好好学习。', offset: 2 },
  });
  await addUserTerm(db, glossaryEntry({ id: 'neijuan', simplified: '内卷', pinyin: 'nèi juǎn' }));
  return db;
}

const BACKUP = fixture('backup.json');

/** Parses the file and, if the parser let it through, restores it in both modes, as the options page would. */
async function tryImport(db: DubaoDb, text: string): Promise<string[]> {
  const { backup, errors } = parseBackup(text);
  if (backup) {
    for (const mode of ['merge', 'replace'] as const) await applyBackup(db, backup, mode).catch(() => {});
  }
  return errors.map((e) => e.message);
}

async function expectRejectedAndUntouched(db: DubaoDb, text: string, what: string): Promise<void> {
  const before = await dump(db);
  const errors = await tryImport(db, text);
  expect(errors.length, `${what}: rejected with a reason`).toBeGreaterThan(0);
  for (const m of errors) expect(typeof m === 'string' && m.length > 0, what).toBe(true);
  expect(await dump(db), `${what}: data unchanged`).toEqual(before);
}

describe('the user data survives any backup file', () => {
  it('does change when the intact fixture is restored (so the checks below can see a write)', async () => {
    const db = await userDb();
    const before = await dump(db);
    expect(await tryImport(db, BACKUP)).toEqual([]);
    expect(await dump(db)).not.toEqual(before);
  });

  it('rejects the file cut short at 50 places and writes nothing', async () => {
    const db = await userDb();
    for (let i = 0; i < 50; i++) {
      const cut = Math.floor(((i + 0.5) * BACKUP.trimEnd().length) / 50);
      await expectRejectedAndUntouched(db, BACKUP.slice(0, cut), `cut at ${cut}`);
    }
  });

  it('rejects a wrong type at any place in the file and writes nothing', async () => {
    const db = await userDb();
    const wrong = (x: unknown): unknown =>
      typeof x === 'string'
        ? 42
        : typeof x === 'number'
          ? String(x)
          : typeof x === 'boolean'
            ? 'yes'
            : Array.isArray(x)
              ? { length: x.length }
              : x === null
                ? 7
                : [x];
    let tried = 0;
    const visit = async (path: (string | number)[], value: unknown): Promise<void> => {
      // Settings are the caller's to check; anything may live there.
      if (path[0] === 'settings') return;
      if (path.length > 0) {
        const data = JSON.parse(BACKUP);
        let parent = data;
        for (const k of path.slice(0, -1)) parent = parent[k];
        parent[path[path.length - 1]] = wrong(value);
        await expectRejectedAndUntouched(db, JSON.stringify(data), `wrong type at ${path.join('.')}`);
        tried++;
      }
      if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value))
          await visit([...path, Array.isArray(value) ? Number(k) : k], v);
    };
    await visit([], JSON.parse(BACKUP));
    expect(tried).toBeGreaterThan(80);
  });

  it('rejects duplicate ids and references to missing rows, from the file or handed straight to applyBackup', async () => {
    const db = await userDb();
    const base = JSON.parse(BACKUP);
    const cases: [string, (d: any) => void][] = [
      ['duplicate list id', (d) => (d.lists[1].id = d.lists[0].id)],
      ['duplicate entry id', (d) => (d.entries[2].id = d.entries[0].id)],
      ['duplicate review', (d) => d.reviews.push({ ...d.reviews[0] })],
      ['entry in a missing list', (d) => (d.entries[0].listId = 99)],
      ['review of a missing entry', (d) => (d.reviews[0].entryId = 99)],
    ];
    for (const [what, breakIt] of cases) {
      const data = structuredClone(base);
      breakIt(data);
      await expectRejectedAndUntouched(db, JSON.stringify(data), what);
      // A caller that skips parseBackup still cannot write an inconsistent backup.
      const before = await dump(db);
      const parsed = parseBackup(BACKUP).backup!;
      breakIt(parsed);
      await expect(applyBackup(db, parsed, 'replace'), what).rejects.toBeInstanceOf(BackupError);
      await expect(applyBackup(db, parsed, 'merge'), what).rejects.toBeInstanceOf(BackupError);
      expect(await dump(db), what).toEqual(before);
    }
  });

  it('rejects a 5 MB file with one fault at its very end, and 5 MB of noise, writing nothing', async () => {
    const db = await userDb();
    const data = JSON.parse(BACKUP);
    const template = data.entries[0];
    const one = JSON.stringify({ ...template, definition: 'x'.repeat(500) }).length;
    for (let id = 10; id < 10 + 5_000_000 / one; id++)
      data.entries.push({ ...template, id, word: `词${id}`, definition: 'x'.repeat(500) });
    data.entries[data.entries.length - 1].listId = 12345;
    const big = JSON.stringify(data);
    expect(big.length).toBeGreaterThanOrEqual(5_000_000);
    await expectRejectedAndUntouched(db, big, '5 MB with a bad last entry');
    await expectRejectedAndUntouched(
      db,
      '{"format":"dubao-backup","x":"' + '银'.repeat(2_500_000),
      '5 MB noise',
    );
  });

  it('rejects deeply nested input without overflowing the stack, writing nothing', async () => {
    const db = await userDb();
    const deep = (n: number, open: string, close: string, inner = '1') =>
      open.repeat(n) + inner + close.repeat(n);
    const files = [
      deep(200_000, '[', ']'),
      deep(200_000, '{"a":', '}'),
      deep(5_000, '[', ''), // nested and cut short
      BACKUP.replace('"lists": [', `"lists": [${deep(10_000, '[', ']')},`),
      BACKUP.replace('"tags": [', `"tags": [${deep(10_000, '{"t":', '}', '"x"')},`),
    ];
    for (const [i, f] of files.entries()) await expectRejectedAndUntouched(db, f, `deep file ${i}`);
  });

  it('rolls a restore back whole when it fails half-way', async () => {
    const db = await userDb();
    const before = await dump(db);
    // Valid as a backup, but its glossary part only fails once lists and words were already replaced.
    const backup: Backup = parseBackup(BACKUP).backup!;
    (backup.userTerms as { format: string }).format = 'nope';
    await expect(applyBackup(db, backup, 'replace')).rejects.toBeInstanceOf(BackupError);
    expect(await dump(db)).toEqual(before);
  });
});

describe('a full disk', () => {
  it('surfaces as QuotaExceededError with a message, and the restore leaves nothing behind', async () => {
    const db = await userDb();
    const before = await dump(db);
    // The failure comes from the IndexedDB layer under Dexie, as the browser's would.
    const fail = function (): never {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(fail);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(fail);

    const restore = applyBackup(db, parseBackup(BACKUP).backup!, 'replace');
    await expect(restore).rejects.toBeInstanceOf(QuotaExceededError);
    await expect(restore).rejects.toThrow(/Not enough storage space to restore the backup/);

    const list = (await db.lists.toArray())[0];
    const save = addEntry(db, { listId: list.id!, word: '银行' });
    await expect(save).rejects.toBeInstanceOf(QuotaExceededError);
    await expect(save).rejects.toThrow(/save the word/);
    expect(add).toHaveBeenCalled();

    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
  });
});

describe('upgrade from schema version 1', () => {
  it('keeps every one of 1,000 words, its list and its sentence', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('dubao', { indexedDB, IDBKeyRange });
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    const lists = (await old.table('lists').bulkAdd(
      Array.from({ length: 10 }, (_, i) => ({ name: `List ${i}` })),
      { allKeys: true },
    )) as number[];
    const words = Array.from({ length: 1000 }, (_, i) => ({
      listId: lists[i % 10],
      word: `词${i}`,
      pinyin: `cí ${i}`,
      definition: i % 7 === 0 ? '<img src=x onerror=alert(1)>' : `word ${i}`,
      sentence: i % 3 === 0 ? undefined : `这是第${i}个词${i}的例句。`,
      url: i % 5 === 0 ? `https://example.com/${i}` : undefined,
      title: i % 5 === 0 ? `Page ${i}` : undefined,
      created: 1_700_000_000_000 + i,
    }));
    await old.table('entries').bulkAdd(words);
    old.close();

    const db = await openDb({ indexedDB, IDBKeyRange });
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.lists.count()).toBe(10);
    const rows = await db.entries.orderBy('created').toArray();
    expect(rows).toHaveLength(1000);
    rows.forEach((row, i) => {
      const w = words[i];
      expect(row).toMatchObject({
        listId: w.listId,
        word: w.word,
        simplified: w.word,
        pinyin: w.pinyin,
        definition: w.definition,
        created: w.created,
        context: w.sentence ? { sentence: w.sentence, offset: w.sentence.indexOf(w.word) } : null,
        source: w.url ? { title: w.title, url: w.url } : null,
      });
    });
    db.close();
  });
});
