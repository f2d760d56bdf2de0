import { describe, expect, it } from 'vitest';
import {
  isKnown,
  isKnowableWord,
  knownForms,
  listKnown,
  markKnown,
  unmarkKnown,
} from '../../../lib/db/known';
import { freshDb } from './helpers';

describe('known words', () => {
  it('marks words in both scripts and finds them by either form', async () => {
    const db = await freshDb();
    expect(
      await markKnown(db, [{ simplified: '银行', traditional: '銀行' }, { simplified: '的' }], 100),
    ).toBe(2);
    expect(await isKnown(db, '银行')).toBe(true);
    expect(await isKnown(db, '銀行')).toBe(true);
    expect(await isKnown(db, '的')).toBe(true);
    expect(await isKnown(db, '行')).toBe(false);
    expect([...(await knownForms(db))].sort()).toEqual(['的', '銀行', '银行'].sort());
  });

  it('marking a known word again keeps the date it was first marked', async () => {
    const db = await freshDb();
    await markKnown(db, [{ simplified: '经济' }], 100);
    expect(await markKnown(db, [{ simplified: '经济', traditional: '經濟' }], 200)).toBe(0);
    expect(await listKnown(db)).toEqual([{ word: '经济', traditional: '經濟', added: 100 }]);
  });

  it('ignores what is not a Chinese word', async () => {
    const db = await freshDb();
    expect(await markKnown(db, [{ simplified: 'bank' }, { simplified: '  ' }, { simplified: '银 行' }])).toBe(
      0,
    );
    expect(await db.known.count()).toBe(0);
    expect(isKnowableWord('<img src=x>')).toBe(false);
    expect(isKnowableWord('共同富裕')).toBe(true);
    expect(isKnowableWord('𠮷')).toBe(true);
  });

  it('unmarks by either script form', async () => {
    const db = await freshDb();
    await markKnown(db, [
      { simplified: '银行', traditional: '銀行' },
      { simplified: '国家', traditional: '國家' },
    ]);
    expect(await unmarkKnown(db, ['銀行'])).toBe(1);
    expect(await isKnown(db, '银行')).toBe(false);
    expect(await unmarkKnown(db, ['国家', '國家', '不在'])).toBe(1);
    expect(await db.known.count()).toBe(0);
  });

  it('lists the most recently marked first', async () => {
    const db = await freshDb();
    await markKnown(db, [{ simplified: '一' }], 1);
    await markKnown(db, [{ simplified: '二' }], 3);
    await markKnown(db, [{ simplified: '三' }], 2);
    expect((await listKnown(db)).map((k) => k.word)).toEqual(['二', '三', '一']);
  });
});
