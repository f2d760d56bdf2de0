import { describe, expect, it } from 'vitest';
import {
  activeTerms,
  addUserTerm,
  deleteTerm,
  editTerm,
  exportUserTerms,
  importUserTerms,
  listTerms,
  revertTerm,
  seedBuiltinTerms,
  setTermHidden,
  termsForAny,
  termsForWord,
} from '../../../lib/db/terms';
import { freshDb, glossaryEntry } from './helpers';

const fuyu = glossaryEntry({
  id: 'gongtong-fuyu',
  simplified: '共同富裕',
  pinyin: 'gòng tóng fù yù',
  english: 'common prosperity',
  category: 'slogan',
});
const zhenxing = glossaryEntry({
  id: 'xiangcun-zhenxing',
  simplified: '乡村振兴',
  traditional: '鄉村振興',
  pinyin: 'xiāng cūn zhèn xīng',
  english: 'rural revitalization',
  category: 'policy',
});
const tongzhan = glossaryEntry({
  id: 'zhongyang-tongzhanbu',
  simplified: '中央统战部',
  traditional: '中央統戰部',
  pinyin: 'zhōng yāng tǒng zhàn bù',
  english: 'United Front Work Department',
  category: 'institution',
  aliases: [{ simplified: '统战部', traditional: '統戰部', pinyin: 'tǒng zhàn bù' }],
});

describe('glossary terms', () => {
  it('seeds built-ins once per version', async () => {
    const db = await freshDb();
    expect(await seedBuiltinTerms(db, [fuyu, zhenxing], '1')).toMatchObject({ skipped: false, added: 2 });
    expect(await seedBuiltinTerms(db, [fuyu, zhenxing], '1')).toMatchObject({ skipped: true });
    expect((await listTerms(db)).map((t) => t.simplified).sort()).toEqual(['乡村振兴', '共同富裕']);
  });

  it('never lets a data update overwrite a user edit, a hidden flag or a user term', async () => {
    const db = await freshDb();
    await seedBuiltinTerms(db, [fuyu, zhenxing], '1');
    await editTerm(db, 'builtin:gongtong-fuyu', { english: 'shared prosperity (my wording)' });
    await setTermHidden(db, 'builtin:xiangcun-zhenxing', true);
    await addUserTerm(db, glossaryEntry({ id: 'neijuan', simplified: '内卷', english: 'involution' }));

    const updated = { ...fuyu, explanation: 'Revised explanation.', english: 'common prosperity (2026)' };
    await seedBuiltinTerms(db, [updated, { ...zhenxing, english: 'rural vitalization' }], '2');

    const all = await listTerms(db, { includeHidden: true });
    const byId = Object.fromEntries(all.map((t) => [t.id, t]));
    expect(byId['gongtong-fuyu']).toMatchObject({
      english: 'shared prosperity (my wording)',
      explanation: 'Revised explanation.',
      edited: true,
    });
    expect(byId['xiangcun-zhenxing']).toMatchObject({ hidden: true, english: 'rural vitalization' });
    expect(byId['neijuan']).toMatchObject({ origin: 'user', english: 'involution' });
  });

  it('keeps an edited built-in as a user term when the data drops it, and deletes unedited ones', async () => {
    const db = await freshDb();
    await seedBuiltinTerms(db, [fuyu, zhenxing], '1');
    await editTerm(db, 'builtin:gongtong-fuyu', { explanation: 'My notes.' });
    const r = await seedBuiltinTerms(db, [], '2');
    expect(r.removed).toBe(2);
    const left = await listTerms(db);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ key: 'user:gongtong-fuyu', explanation: 'My notes.', origin: 'user' });
  });

  it('lists by category and finds by characters, either script, alias, pinyin with or without tones, English', async () => {
    const db = await freshDb();
    await seedBuiltinTerms(db, [fuyu, zhenxing, tongzhan], '1');
    const ids = async (q: Parameters<typeof listTerms>[1]) => (await listTerms(db, q)).map((t) => t.id);
    expect(await ids({ category: 'policy' })).toEqual(['xiangcun-zhenxing']);
    expect(await ids({ text: '振兴' })).toEqual(['xiangcun-zhenxing']);
    expect(await ids({ text: '鄉村' })).toEqual(['xiangcun-zhenxing']);
    expect(await ids({ text: '统战部' })).toEqual(['zhongyang-tongzhanbu']);
    expect(await ids({ text: 'fuyu' })).toEqual(['gongtong-fuyu']);
    expect(await ids({ text: 'fù yù' })).toEqual(['gongtong-fuyu']);
    expect(await ids({ text: 'fu4yu4' })).toEqual(['gongtong-fuyu']);
    expect(await ids({ text: 'fu3yu4' })).toEqual([]);
    expect(await ids({ text: 'Revitalization' })).toEqual(['xiangcun-zhenxing']);
    expect(await ids({ category: 'policy', text: 'prosperity' })).toEqual([]);
  });

  it('finds terms for a word or for the prefixes at the pointer, by any form, without hidden ones', async () => {
    const db = await freshDb();
    await seedBuiltinTerms(db, [fuyu, zhenxing, tongzhan], '1');
    expect((await termsForWord(db, '统战部')).map((t) => t.id)).toEqual(['zhongyang-tongzhanbu']);
    expect((await termsForWord(db, '鄉村振興')).map((t) => t.id)).toEqual(['xiangcun-zhenxing']);
    expect((await termsForAny(db, ['共同富裕是', '共同富裕', '共同'])).map((t) => t.id)).toEqual([
      'gongtong-fuyu',
    ]);
    await setTermHidden(db, 'builtin:gongtong-fuyu', true);
    expect(await termsForWord(db, '共同富裕')).toEqual([]);
    expect((await activeTerms(db)).map((t) => t.id).sort()).toEqual([
      'xiangcun-zhenxing',
      'zhongyang-tongzhanbu',
    ]);
  });

  it('edits a user term in place, reverts a built-in edit, hides rather than deletes a built-in', async () => {
    const db = await freshDb();
    await seedBuiltinTerms(db, [fuyu], '1');
    const mine = await addUserTerm(db, glossaryEntry({ id: 'x', simplified: '躺平', english: 'lying flat' }));
    expect(
      (await editTerm(db, mine.key, { simplified: '躺平主义', traditional: '躺平主義' })).traditional,
    ).toBe('躺平主義');
    expect(await termsForWord(db, '躺平主义')).toHaveLength(1);
    expect(await termsForWord(db, '躺平')).toHaveLength(0);

    await editTerm(db, 'builtin:gongtong-fuyu', { english: 'mine' });
    expect(await revertTerm(db, 'builtin:gongtong-fuyu')).toMatchObject({
      english: 'common prosperity',
      edited: false,
    });

    expect(await deleteTerm(db, 'builtin:gongtong-fuyu')).toBe('hidden');
    expect(await deleteTerm(db, mine.key)).toBe('deleted');
    expect(await listTerms(db)).toEqual([]);
    expect(await listTerms(db, { includeHidden: true })).toHaveLength(1);
    await expect(editTerm(db, 'user:nope', {})).rejects.toThrow(/No term/);
  });

  it('exports the user’s glossary work and imports it into another profile', async () => {
    const a = await freshDb();
    await seedBuiltinTerms(a, [fuyu, zhenxing], '1');
    await addUserTerm(a, glossaryEntry({ id: 'neijuan', simplified: '内卷', english: 'involution' }));
    await editTerm(a, 'builtin:gongtong-fuyu', { english: 'shared prosperity' });
    await setTermHidden(a, 'builtin:xiangcun-zhenxing', true);
    const exported = JSON.parse(JSON.stringify(await exportUserTerms(a)));

    const b = await freshDb();
    await seedBuiltinTerms(b, [fuyu, zhenxing], '1');
    expect(await importUserTerms(b, exported)).toMatchObject({ ok: true, added: 1, edited: 1, hidden: 1 });
    const terms = await listTerms(b);
    expect(terms.map((t) => [t.id, t.english])).toEqual([
      ['gongtong-fuyu', 'shared prosperity'],
      ['neijuan', 'involution'],
    ]);
  });

  it('rejects an import that is not a Dubao export, saying where it is wrong', async () => {
    const db = await freshDb();
    expect(await importUserTerms(db, { hello: 1 })).toMatchObject({ ok: false });
    const bad = { format: 'dubao-terms', version: 1, added: [{ id: 'x' }], edited: [], hidden: [] };
    const r = await importUserTerms(db, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/added\.0/);
    expect(await db.terms.count()).toBe(0);
  });
});
