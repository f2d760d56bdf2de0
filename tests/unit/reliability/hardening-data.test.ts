/**
 * Faults found by an attack run against the data layer (issue 17): what the user keeps is the point of every
 * case here. Words saved from any frame restore from a backup; list creation under a burst of saves is atomic;
 * CSV round trips exactly; imports are bounded.
 */
import { describe, expect, it } from 'vitest';
import { saveWord } from '../../../lib/db/service';
import { getEntries } from '../../../lib/db/vocab';
import { applyBackup, exportBackup, parseBackup } from '../../../lib/vocab/backup';
import { freshDb } from '../db/helpers';

const NOW = new Date('2026-01-02T03:04:05Z');

// Addresses a content script reads as location.href in frames Dubao runs in (match_about_blank, frames the page
// writes itself, opaque-origin frames), plus the extension's own pages.
const FRAME_ADDRESSES = [
  'about:blank',
  'about:srcdoc',
  'blob:https://news.example/6d1f2c1e-4a8f-4b0e-9a57-1f1e7c0a9d11',
  'data:text/html;charset=utf-8,<p>共同富裕</p>',
  'file:///home/me/paper.html',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html',
  'https://news.example/' + 'a'.repeat(4070), // the longest address the reader sends (4,096)
];

describe('a backup of words saved from any frame', () => {
  it('restores every word with its source, whatever address its frame had', async () => {
    const db = await freshDb();
    for (const url of FRAME_ADDRESSES) {
      const r = await saveWord(db, {
        type: 'saveWord',
        word: '共同富裕',
        sentence: '扎实推进共同富裕。',
        offset: 4,
        title: 'T'.repeat(3000), // a context-menu save passes the tab title as it is
        url,
      });
      expect(r).toMatchObject({ ok: true });
    }
    const file = await exportBackup(db, null, NOW);
    const { backup, errors } = parseBackup(file);
    expect(errors).toEqual([]);
    const fresh = await freshDb();
    await applyBackup(fresh, backup!, 'replace');
    const urls = (await getEntries(fresh)).map((e) => e.source?.url).sort();
    expect(urls).toEqual([...FRAME_ADDRESSES].sort());
    expect(await exportBackup(fresh, null, NOW)).toBe(file);
  });

  it('stores no address that would run code when followed, so no backup can carry one', async () => {
    const db = await freshDb();
    await saveWord(db, {
      type: 'saveWord',
      word: '银行',
      sentence: '银行',
      offset: 0,
      title: 'x',
      url: 'javascript:alert(1)',
    });
    expect((await getEntries(db))[0].source).toBeNull();
    const { errors } = parseBackup(await exportBackup(db, null, NOW));
    expect(errors).toEqual([]);
  });
});
