import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { dictStatus, lookup } from '../../../lib/db/dict';
import { DB_VERSION, openDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../lib/db/schema';
import { isKnown, markKnown } from '../../../lib/db/known';
import { listTerms } from '../../../lib/db/terms';
import { getEntries, getLists, searchEntries } from '../../../lib/db/vocab';

describe('upgrade from version 1', () => {
  it('keeps every row and brings it to the current shape', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('dubao', { indexedDB, IDBKeyRange });
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    await old.table('dict').bulkAdd([
      { id: 1, simplified: '银行', traditional: '銀行', pinyin: 'yin2 hang2', definitions: ['bank'] },
      { id: 2, simplified: '中国', traditional: '中國', pinyin: 'Zhong1 guo2', definitions: ['China'] },
      { id: 3, simplified: '人', traditional: '人', pinyin: 'ren2', definitions: ['person'] },
    ]);
    await old.table('meta').put({
      key: 'dictImport',
      value: { version: '2025-01-01', total: 3, done: 3, status: 'complete', started: 1, updated: 2 },
    });
    await old.table('terms').bulkAdd([
      {
        id: 'gongtong-fuyu',
        simplified: '共同富裕',
        traditional: '共同富裕',
        pinyin: 'gòng tóng fù yù',
        english: 'common prosperity',
        explanation: 'Shared wealth.',
        category: 'slogan',
      },
      {
        id: 'my-term',
        simplified: '内卷',
        traditional: '內卷',
        pinyin: 'nèi juǎn',
        english: 'involution',
        explanation: '',
        category: 'ideology',
        user: true,
        hidden: true,
      },
    ]);
    const listA = (await old.table('lists').add({ name: 'News' })) as number;
    const listB = (await old.table('lists').add({ name: 'Economy' })) as number;
    await old.table('entries').bulkAdd([
      {
        listId: listA,
        word: '银行',
        pinyin: 'yín háng',
        definition: 'bank',
        sentence: '他去银行取钱。',
        title: '人民网',
        url: 'https://people.com.cn/a',
        created: 1000,
      },
      { listId: listB, word: '通胀', pinyin: 'tōng zhàng', definition: 'inflation', created: 2000 },
    ]);
    old.close();

    const db = await openDb({ indexedDB, IDBKeyRange });
    expect(db.verno).toBe(DB_VERSION);

    // Dictionary rows, regrouped by first character, are found by either script; the import stays complete.
    expect(await db.dict.count()).toBe(3);
    expect(await dictStatus(db)).toMatchObject({
      version: '2025-01-01',
      status: 'complete',
      done: 3,
      total: 3,
    });
    expect((await lookup(db, '銀行'))[0]).toMatchObject({ simplified: '银行', pinyin: 'yín háng' });
    expect((await lookup(db, '中国人'))[0].matched).toBe('中国');

    // Terms keep their content and gain origin, hidden flag and the fields v1 lacked.
    const terms = await listTerms(db, { includeHidden: true });
    expect(terms.map((t) => [t.key, t.origin, t.hidden])).toEqual([
      ['builtin:gongtong-fuyu', 'builtin', false],
      ['user:my-term', 'user', true],
    ]);
    expect(terms[0]).toMatchObject({ english: 'common prosperity', related: [], status: 'current' });

    // Lists gain an order and a creation date.
    expect((await getLists(db)).map((l) => [l.name, l.order])).toEqual([
      ['News', 0],
      ['Economy', 1],
    ]);

    // Entries gain both forms, context with the word's offset, source, tags and notes.
    const [bank] = await getEntries(db, listA);
    expect(bank).toMatchObject({
      simplified: '银行',
      traditional: '银行',
      context: { sentence: '他去银行取钱。', offset: 2 },
      source: { title: '人民网', url: 'https://people.com.cn/a' },
      tags: [],
      notes: '',
      created: 1000,
    });
    expect(bank).not.toHaveProperty('sentence');
    const [inflation] = await getEntries(db, listB);
    expect(inflation).toMatchObject({ word: '通胀', context: null, source: null });
    expect(await searchEntries(db, 'inflation')).toHaveLength(1);

    // The new reviews table exists and is empty.
    expect(await db.reviews.count()).toBe(0);
    db.close();
  });
});

describe('upgrade from version 2', () => {
  it('keeps every row and adds an empty known-words table', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('dubao', { indexedDB, IDBKeyRange });
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.open();
    const listId = await old.table('lists').add({ name: 'News', order: 0, created: 1 });
    await old.table('entries').add({
      listId,
      word: '银行',
      simplified: '银行',
      traditional: '銀行',
      pinyin: 'yín háng',
      definition: 'bank',
      context: { sentence: '他去银行。', offset: 2 },
      source: null,
      created: 2,
      tags: ['money'],
      notes: '',
    });
    await old.table('dict').add({ id: '银', heads: ['银', '銀'], block: '银行\t銀行\tyin2 hang2\tbank' });
    await old.table('meta').put({ key: 'note', value: 42 });
    old.close();

    const db = await openDb({ indexedDB, IDBKeyRange });
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.lists.count()).toBe(1);
    expect((await getEntries(db))[0]).toMatchObject({ word: '银行', tags: ['money'] });
    expect(await db.dict.get('银')).toMatchObject({ heads: ['银', '銀'] });
    expect((await db.meta.get('note'))?.value).toBe(42);
    expect(await db.known.count()).toBe(0);
    await markKnown(db, [{ simplified: '银行', traditional: '銀行' }]);
    expect(await isKnown(db, '銀行')).toBe(true);
  });
});

describe('upgrade from version 3', () => {
  it('gives string aliases of user terms and of edits their own Traditional form and pinyin', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('dubao', { indexedDB, IDBKeyRange });
    old.version(3).stores(SCHEMA_V3);
    await old.open();
    const base = {
      englishSource: 'official',
      source: 'Xinhua',
      explanation: 'A federation.',
      category: 'institution',
      status: 'current',
      related: [],
    };
    await old.table('terms').bulkAdd([
      {
        id: 'user:gsl',
        origin: 'user',
        entry: {
          ...base,
          id: 'gsl',
          simplified: '全国工商联',
          traditional: '全國工商聯',
          pinyin: 'quán guó gōng shāng lián',
          english: 'ACFIC',
          aliases: ['工商联'],
        },
        hidden: 0,
        heads: ['全国工商联', '全國工商聯', '工商联'],
        category: 'institution',
        updated: 1,
      },
      {
        id: 'builtin:dangjian',
        origin: 'builtin',
        entry: {
          ...base,
          id: 'dangjian',
          simplified: '党建',
          traditional: '黨建',
          pinyin: 'dǎng jiàn',
          english: 'Party building',
        },
        edit: { aliases: ['党的建设'] },
        hidden: 0,
        heads: ['党建', '黨建', '党的建设'],
        category: 'institution',
        updated: 1,
      },
    ]);
    old.close();

    const db = await openDb({ indexedDB, IDBKeyRange });
    expect(db.verno).toBe(DB_VERSION);
    const [dangjian, gsl] = await listTerms(db);
    expect(gsl?.aliases).toEqual([
      { simplified: '工商联', traditional: '工商聯', pinyin: 'gōng shāng lián' },
    ]);
    // 的 and 设 are not in the headword: the background completes this alias; its Simplified form still matches.
    expect(dangjian?.aliases).toEqual([{ simplified: '党的建设', traditional: '', pinyin: '' }]);
    expect((await db.terms.get('user:gsl'))?.heads).toContain('工商聯');
  });
});
