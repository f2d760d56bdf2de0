import { describe, expect, it, vi } from 'vitest';
import { importDictionary, prefixesOf } from '../../../lib/db/dict';
import { saveWord } from '../../../lib/engine/save-word';
import { seedBuiltinTerms, termsForAny } from '../../../lib/db/terms';
import { createList, getEntries } from '../../../lib/db/vocab';
import type { MessageOf } from '../../../lib/messages';
import { parseCedict } from '../../../lib/dict/cedict';
import { loadExportItems } from '../../../lib/vocab/export-items';
import { toAnkiTsv, toCsv, toPlecoText } from '../../../lib/vocab/formats';
import { freshDb, glossaryEntry } from '../db/helpers';

const CEDICT = `
共同 共同 [gong4 tong2] /common/joint/jointly/together/
共 共 [gong4] /common/general/to share/together/total/
銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/
`;

async function dbWithData() {
  const db = await freshDb();
  await importDictionary(db, parseCedict(CEDICT).rows, { version: 't' });
  await seedBuiltinTerms(
    db,
    [
      glossaryEntry({
        id: 'gongtong-fuyu',
        simplified: '共同富裕',
        pinyin: 'gòng tóng fù yù',
        english: 'common prosperity',
      }),
    ],
    '1',
  );
  return db;
}

const save = (over: Partial<MessageOf<'saveWord'>>): MessageOf<'saveWord'> => ({
  type: 'saveWord',
  word: '銀行',
  sentence: '他去銀行取錢。',
  offset: -1,
  title: '聯合報',
  url: 'https://udn.com/a',
  ...over,
});

describe('saveWord', () => {
  it('fills pinyin, definition and both scripts from the dictionary and files the word in the default list', async () => {
    const db = await dbWithData();
    const r = await saveWord(db, save({}));
    expect(r).toMatchObject({ ok: true });
    const [e] = await getEntries(db);
    expect(e).toMatchObject({
      word: '銀行',
      simplified: '银行',
      traditional: '銀行',
      pinyin: 'yín háng',
      definition: 'bank; CL:家[jia1],個|个[ge4]',
      context: { sentence: '他去銀行取錢。', offset: 2 },
      source: { title: '聯合報', url: 'https://udn.com/a' },
    });
  });

  it('fills a glossary term that CEDICT lacks from the glossary (a word saved from the context menu)', async () => {
    const db = await dbWithData();
    await saveWord(db, save({ word: '共同富裕', sentence: '扎实推动共同富裕。' }));
    const [e] = await getEntries(db);
    expect(e).toMatchObject({ word: '共同富裕', pinyin: 'gòng tóng fù yù', definition: 'common prosperity' });
  });

  it('keeps what the reader sent and honours the chosen list', async () => {
    const db = await dbWithData();
    const list = await createList(db, 'Finance');
    const r = await saveWord(
      db,
      save({ pinyin: 'yínháng', definition: 'a bank', listId: list.id, offset: 2 }),
    );
    expect(r).toEqual({ ok: true, entryId: expect.any(Number), listId: list.id });
    expect((await getEntries(db, list.id))[0]).toMatchObject({ pinyin: 'yínháng', definition: 'a bank' });
  });

  it('answers with a failure instead of throwing: unknown list, full disk', async () => {
    const db = await dbWithData();
    expect(await saveWord(db, save({ listId: 99 }))).toMatchObject({ ok: false, quota: false });
    vi.spyOn(db.entries, 'add').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const r = await saveWord(db, save({}));
    expect(r).toMatchObject({ ok: false, quota: true });
    if (!r.ok) expect(r.error).toMatch(/storage space/);
  });
});

describe('saving a glossary alias', () => {
  const federation = glossaryEntry({
    id: 'quanguo-gongshanglian',
    simplified: '全国工商联',
    traditional: '全國工商聯',
    pinyin: 'quán guó gōng shāng lián',
    english: 'All-China Federation of Industry and Commerce',
    category: 'institution',
    aliases: [{ simplified: '工商联', traditional: '工商聯', pinyin: 'gōng shāng lián' }],
  });

  it('stores the form on the page with its own reading and Traditional form, and every export carries them', async () => {
    const db = await freshDb();
    await seedBuiltinTerms(db, [federation], '1');
    for (const word of ['工商联', '工商聯']) {
      expect(await saveWord(db, save({ word, sentence: `${word}召开会议`, offset: 0 }))).toMatchObject({
        ok: true,
      });
    }
    const entries = await getEntries(db);
    for (const e of entries)
      expect(e).toMatchObject({
        simplified: '工商联',
        traditional: '工商聯',
        pinyin: 'gōng shāng lián',
        definition: 'All-China Federation of Industry and Commerce',
      });
    const items = await loadExportItems(db);
    expect(toPlecoText(items)).toContain('工商联[工商聯]\tgong1 shang1 lian2\tAll-China Federation');
    expect(toAnkiTsv(items)).toContain('gōng shāng lián');
    expect(toCsv(items)).toMatch(/工商联,工商聯,gōng shāng lián/);
  });

  it('finds the term however Taiwan or Hong Kong prints it (台/臺)', async () => {
    const db = await freshDb();
    await seedBuiltinTerms(
      db,
      [
        glossaryEntry({
          id: 'guotaiban',
          simplified: '国台办',
          traditional: '國臺辦',
          pinyin: 'guó tái bàn',
          english: 'Taiwan Affairs Office',
        }),
      ],
      '1',
    );
    // The stored heads carry folded forms, so a lookup by the page's prefixes finds it.
    expect((await termsForAny(db, prefixesOf('國台辦發言人'))).map((t) => t.english)).toEqual([
      'Taiwan Affairs Office',
    ]);
    await saveWord(db, save({ word: '國台辦', sentence: '國台辦表示', offset: 0 }));
    expect((await getEntries(db))[0]).toMatchObject({
      word: '國台辦',
      simplified: '国台办',
      pinyin: 'guó tái bàn',
    });
  });
});
