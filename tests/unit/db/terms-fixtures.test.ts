import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importUserTerms, listTerms, seedBuiltinTerms } from '../../../lib/db/terms';
import { freshDb, glossaryEntry } from './helpers';

const DIR = join(import.meta.dirname, '../../fixtures/db/terms-export');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const read = (f: string): unknown => JSON.parse(readFileSync(join(DIR, f), 'utf8'));

async function seeded() {
  const db = await freshDb();
  await seedBuiltinTerms(
    db,
    [
      glossaryEntry({ id: 'gongtong-fuyu', simplified: '共同富裕', english: 'common prosperity' }),
      glossaryEntry({ id: 'xiangcun-zhenxing', simplified: '乡村振兴', english: 'rural revitalization' }),
    ],
    '1',
  );
  return db;
}

describe('glossary export files', () => {
  it.each(files.filter((f) => f.startsWith('valid-')))('imports %s', async (file) => {
    const db = await seeded();
    expect(await importUserTerms(db, read(file))).toMatchObject({ ok: true, unknownBuiltins: [] });
    expect((await listTerms(db)).map((t) => t.english).sort()).toEqual(['involution', 'shared prosperity']);
  });

  it('gives every alias its own form and reading, from old string aliases too', async () => {
    for (const file of ['valid-2-alias-objects.json', 'valid-3-alias-strings-before-v4.json']) {
      const db = await seeded();
      expect(await importUserTerms(db, read(file))).toMatchObject({ ok: true });
      const byEnglish = new Map((await listTerms(db)).map((t) => [t.english, t.aliases]));
      expect(byEnglish.get('involution')?.[0]?.simplified, file).toBe('内卷化');
      expect(byEnglish.get('shared prosperity')?.[0]?.simplified, file).toBe('共富');
    }
    // Objects keep their reading; a string takes what its headword gives (内卷 → nèi juǎn; 化 waits for the engine).
    const db = await seeded();
    await importUserTerms(db, read('valid-2-alias-objects.json'));
    expect((await listTerms(db, { text: '内卷' }))[0]?.aliases).toEqual([
      { simplified: '内卷化', traditional: '內卷化', pinyin: 'nèi juǎn huà' },
    ]);
  });

  it.each(files.filter((f) => f.startsWith('invalid-')))('rejects %s and changes nothing', async (file) => {
    const db = await seeded();
    const before = await listTerms(db, { includeHidden: true });
    expect(await importUserTerms(db, read(file))).toMatchObject({ ok: false, error: expect.any(String) });
    expect(await listTerms(db, { includeHidden: true })).toEqual(before);
  });
});
