/**
 * Faults found by an attack run against the data layer (issue 17): what the user keeps is the point of every
 * case here. Words saved from any frame restore from a backup; list creation under a burst of saves is atomic;
 * CSV round trips exactly; imports are bounded.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { DubaoDb } from '../../../lib/db/schema';
import { saveWord } from '../../../lib/engine/save-word';
import { addUserTerm, importUserTerms } from '../../../lib/db/terms';
import { addEntry, createList, getEntries, getLists } from '../../../lib/db/vocab';
import { applyBackup, exportBackup, importRows, parseBackup } from '../../../lib/vocab/backup';
import { loadExportItems } from '../../../lib/vocab/export-items';
import { parseCsv, toCsv } from '../../../lib/vocab/formats';
import { decodeImportBytes, fileTooLarge } from '../../../lib/vocab/import-file';
import { freshDb, glossaryEntry } from '../db/helpers';

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

describe('a burst of first saves', () => {
  it('100 parallel saves into an empty database make one "My words" list holding all 100 words', async () => {
    const db = await freshDb();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        saveWord(db, { type: 'saveWord', word: `词${i}`, sentence: '', offset: -1, title: '', url: '' }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const lists = await getLists(db);
    expect(lists.map((l) => l.name)).toEqual(['My words']);
    expect((await getEntries(db, lists[0].id)).length).toBe(100);
  });
});

// Cells a spreadsheet would run as a formula once opened (Excel, LibreOffice and Google Sheets differ; these
// are the starts any of them reads as one).
const HOSTILE_CELLS = [
  '=1+1',
  ' =1+1',
  '\u200b=HYPERLINK("http://x")',
  '\ufeff+1',
  '＝SUM(A1)',
  '＋1',
  '-2+3',
  '@SUM(A1)',
  '\t=1',
];
// Text that must come back exactly as it was written.
const EXACT_CELLS = [
  "'=abc",
  "''x",
  "'",
  "it's",
  '"quoted", with comma',
  'line\nbreak',
  '  spaced  ',
  '𠀀𪚥',
];

async function dbWith(texts: readonly string[]): Promise<DubaoDb> {
  const db = await freshDb();
  const list = await createList(db, 'Test');
  for (const [i, t] of texts.entries()) {
    await addEntry(db, {
      listId: list.id,
      word: `词${i}`,
      definition: t,
      notes: t,
      tags: [t.replace(/,/g, ';').trim() || 'x'],
      context: { sentence: t, offset: -1 },
    });
  }
  return db;
}

/** The user's words as a CSV file would carry them back: everything but ids and the list's id. */
async function wordsOf(db: DubaoDb) {
  return (await loadExportItems(db)).map(({ entry: e, listName }) => ({
    listName,
    word: e.word,
    definition: e.definition,
    notes: e.notes,
    tags: e.tags,
    sentence: e.context?.sentence,
    created: e.created,
  }));
}

/** Export as the options page does, through bytes (UTF-8), and import the file back as it does. */
async function csvRoundTrip(db: DubaoDb): Promise<DubaoDb> {
  const bytes = new TextEncoder().encode(toCsv(await loadExportItems(db)));
  const { text } = decodeImportBytes(bytes);
  const report = parseCsv(text);
  expect(report.errors).toEqual([]);
  const back = await freshDb();
  await importRows(back, report.rows);
  return back;
}

describe('CSV export and import', () => {
  it('round trips exactly, formula-looking cells, quotes and a lone surrogate included', async () => {
    const db = await dbWith([...HOSTILE_CELLS, ...EXACT_CELLS, 'cut \ud842 here', '\udfb7 alone']);
    const before = await wordsOf(db);
    expect(await wordsOf(await csvRoundTrip(db))).toEqual(before);
  });

  it('escapes every cell a spreadsheet would run, however it starts', async () => {
    const db = await dbWith(HOSTILE_CELLS);
    const grid = Papa.parse<string[]>(toCsv(await loadExportItems(db))).data.slice(1);
    const cells = grid.flat().filter((c) => HOSTILE_CELLS.some((h) => c.includes(h.trim())));
    expect(cells.length).toBeGreaterThanOrEqual(HOSTILE_CELLS.length * 3);
    for (const c of cells) expect(c.startsWith("'"), JSON.stringify(c)).toBe(true);
  });

  it('reads GB18030/GBK (Excel on Chinese Windows) and UTF-16 with a byte-order mark, and says which', () => {
    const csv = 'list,word,definition\n新闻,共同富裕,common prosperity\n新闻,银行,bank\n';
    const expected = [
      { listName: '新闻', word: '共同富裕', definition: 'common prosperity' },
      { listName: '新闻', word: '银行', definition: 'bank' },
    ];
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const files: [Uint8Array, string, RegExp | null][] = [
      [gb18030(csv), 'gb18030', /GB18030/],
      [Uint8Array.from(le), 'utf-16le', /UTF-16/],
      [Uint8Array.from(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), 'utf-16be', /UTF-16/],
      [Uint8Array.from(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])), 'utf-8', null],
      [new TextEncoder().encode(csv), 'utf-8', null],
    ];
    for (const [bytes, encoding, note] of files) {
      const decoded = decodeImportBytes(bytes);
      expect(decoded.encoding).toBe(encoding);
      if (note) expect(decoded.note).toMatch(note);
      else expect(decoded.note).toBeNull();
      expect(parseCsv(decoded.text).rows).toMatchObject(expected);
    }
  });
});

/** GB18030 bytes of text (two-byte GBK codes only; enough for test text), from the decoder's own table. */
function gb18030(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(a, b));
      if (!table.has(ch)) table.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return Uint8Array.from(out);
}

describe('imports are bounded', () => {
  it('refuses a glossary term with a 10 MB alias, saying which field and its limit, and stores nothing', async () => {
    const db = await freshDb();
    const file = {
      format: 'dubao-terms',
      version: 1,
      added: [
        { ...glossaryEntry({ id: 'x', simplified: '内卷' }), aliases: ['卷'.repeat(10 * 1024 * 1024)] },
      ],
      edited: [],
      hidden: [],
    };
    const r = await importUserTerms(db, file);
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/aliases.*alias is longer than 50 characters/),
    });
    expect(await db.terms.count()).toBe(0);
    await expect(
      addUserTerm(db, {
        ...glossaryEntry({ id: 'y', simplified: '内卷' }),
        aliases: [{ simplified: '卷'.repeat(51), traditional: '', pinyin: '' }],
      }),
    ).rejects.toThrow(/alias is longer than 50 characters/);
    expect(await db.terms.count()).toBe(0);
  });

  it('refuses a file over the limit of its kind before reading it, with its size and the limit', () => {
    expect(fileTooLarge('glossary.json', 10.5 * 1024 * 1024, 'glossary')).toBe(
      'glossary.json is 10.5 MB. A glossary file can be at most 5 MB, so nothing was imported.',
    );
    expect(fileTooLarge('glossary.json', 4 * 1024 * 1024, 'glossary')).toBeNull();
    expect(fileTooLarge('words.csv', 200 * 1024 * 1024, 'words')).toMatch(/at most 100 MB/);
  });
});
