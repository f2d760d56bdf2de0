import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DubaoDb } from '../../../lib/db/schema';
import { addUserTerm } from '../../../lib/db/terms';
import type { EntryRow } from '../../../lib/db/types';
import { gradeCard } from '../../../lib/srs';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/vocab/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export const NOW = new Date('2026-03-01T08:00:00.000Z');
const T0 = Date.parse('2026-02-01T10:00:00.000Z');

/** The HTML-looking text a hostile page could put in a definition; it must stay text everywhere. */
export const HOSTILE = '<img src=x onerror=alert(1)>';

export const SAMPLE_ENTRIES: Omit<EntryRow, 'listId'>[] = [
  {
    word: '共同富裕',
    simplified: '共同富裕',
    traditional: '共同富裕',
    pinyin: 'gòng tóng fù yù',
    definition: 'common prosperity',
    context: { sentence: '要扎实推动共同富裕。', offset: 5 },
    source: { title: '人民日报', url: 'https://paper.people.com.cn/rmrb/2026-02-01/a.html' },
    created: T0,
    tags: ['slogan'],
    notes: '',
  },
  {
    word: '银行',
    simplified: '银行',
    traditional: '銀行',
    pinyin: 'yín háng',
    definition: 'bank, "financial"\tinstitution\nsee also 金融',
    context: { sentence: '他去"银行"了,\t然后\n回家。', offset: 3 },
    source: null,
    created: T0 + 60_000,
    tags: [],
    notes: 'said "hi", then left',
  },
  {
    word: '綠色',
    simplified: '绿色',
    traditional: '綠色',
    pinyin: 'lǜ sè',
    definition: HOSTILE,
    context: { sentence: '<b>綠色</b>發展', offset: 3 },
    source: { title: '<script>alert(1)</script>', url: 'https://example.com/?a=1&b=2' },
    created: T0 + 120_000,
    tags: ['eco friendly'],
    notes: '',
  },
];

/** Two lists, three entries (two in the first list), one review and one user term; fixed times. */
export async function fillSample(db: DubaoDb): Promise<void> {
  const politics = await db.lists.add({ name: 'Politics', order: 0, created: T0 });
  const news = await db.lists.add({ name: 'News words', order: 1, created: T0 + 1 });
  const [a, b, c] = SAMPLE_ENTRIES;
  const first = await db.entries.add({ ...a, listId: politics });
  await db.entries.add({ ...b, listId: politics });
  await db.entries.add({ ...c, listId: news });
  await db.reviews.put({ ...gradeCard(undefined, 3, new Date(T0 + 3_600_000)), entryId: first });
  await db.known.bulkPut([
    { word: '银行', traditional: '銀行', added: T0 + 5 },
    { word: '经济', traditional: '經濟', added: T0 + 6 },
  ]);
  await addUserTerm(db, {
    id: 'xin-zhi-shengchanli',
    simplified: '新质生产力',
    traditional: '新質生產力',
    pinyin: 'xīn zhì shēng chǎn lì',
    english: 'new quality productive forces',
    englishSource: 'official',
    explanation: 'Growth driven by innovation and advanced technology.',
    category: 'policy',
    status: 'current',
    related: [],
  });
}

export const SAMPLE_SETTINGS = {
  global: { pinyin: false, script: 'original' },
  sites: { 'people.com.cn': { script: 'tw' } },
};
