import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIST_NAME } from '../../../lib/db/vocab';
import { loadExportItems } from '../../../lib/vocab/export-items';
import {
  parseCsv,
  parsePleco,
  toAnkiTsv,
  toCsv,
  toPlecoText,
  type ExportItem,
} from '../../../lib/vocab/formats';
import { freshDb } from '../db/helpers';
import { fillSample, fixture, HOSTILE, SAMPLE_ENTRIES } from './sample';

let items: ExportItem[];

beforeAll(async () => {
  const db = await freshDb();
  await fillSample(db);
  items = await loadExportItems(db);
  db.close();
});

describe('sample export order', () => {
  it('follows list order, then the order words were saved', () => {
    expect(items.map((i) => [i.listName, i.entry.word])).toEqual([
      ['Politics', '共同富裕'],
      ['Politics', '银行'],
      ['News words', '綠色'],
    ]);
  });
});

describe('Anki text', () => {
  it('matches the golden file', () => {
    expect(toAnkiTsv(items)).toBe(fixture('anki.txt'));
  });

  it('writes the header Anki reads, then one line of 7 fields per word', () => {
    const lines = toAnkiTsv(items).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:false',
      '#columns:Simplified\tTraditional\tPinyin\tDefinition\tContext\tSource\tTags',
      '#tags column:7',
    ]);
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(4, -1);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.split('\t')).toHaveLength(7);
  });

  it('flattens tabs and line breaks, quotes fields with quotes, and keeps HTML-like text as text', () => {
    const [, bank, green] = toAnkiTsv(items).split('\n').slice(4, -1);
    const fields = bank.split('\t');
    expect(fields[3]).toBe('"bank, ""financial"" institution see also 金融"');
    expect(fields[6]).toBe('Politics dubao');
    const g = green.split('\t');
    expect(g[3]).toBe(HOSTILE);
    expect(g[4]).toBe('<b>綠色</b>發展');
    expect(g[6]).toBe('News_words eco_friendly dubao');
  });

  it('gives an empty export a header only', () => {
    expect(toAnkiTsv([]).split('\n')).toHaveLength(5);
  });
});

describe('Pleco text', () => {
  it('matches the golden file', () => {
    expect(toPlecoText(items)).toBe(fixture('pleco.txt'));
  });

  it('groups by list, writes traditional in brackets only when it differs, and numbers the pinyin', () => {
    expect(toPlecoText(items).split('\n').slice(0, 3)).toEqual([
      '//Politics',
      '共同富裕\tgong4 tong2 fu4 yu4\tcommon prosperity',
      '银行[銀行]\tyin2 hang2\tbank, "financial" institution see also 金融',
    ]);
  });

  it('reads back what it writes, with tone marks restored', () => {
    const { rows, errors } = parsePleco(toPlecoText(items));
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.listName, r.simplified, r.traditional, r.pinyin])).toEqual([
      ['Politics', '共同富裕', '共同富裕', 'gòng tóng fù yù'],
      ['Politics', '银行', '銀行', 'yín háng'],
      ['News words', '绿色', '綠色', 'lǜ sè'],
    ]);
    expect(rows[2].definition).toBe(HOSTILE);
  });

  it('reads Pleco files with glued numbered syllables, tone marks, CRLF, a BOM and line breaks', () => {
    const text =
      '\uFEFF共同富裕\tgong4tong2 fu4yu4\tcommon prosperity\r\n//My/Sub\r\n\r\n改革[改革]\tgǎi gé\treform\uEAB1opening\r\n';
    const { rows, errors } = parsePleco(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({ listName: DEFAULT_LIST_NAME, word: '共同富裕', pinyin: 'gòng tóng fù yù' }),
      expect.objectContaining({
        listName: 'My/Sub',
        word: '改革',
        pinyin: 'gǎi gé',
        definition: 'reform\nopening',
      }),
    ]);
  });

  it('reports malformed lines by line number and keeps the rest', () => {
    const text = '//A\n好\thao3\tgood\n[壞]\thuai4\tbad\n坏[壞\thuai4\tbad\n对[對]\tdui4\tright\n';
    const { rows, errors } = parsePleco(text);
    expect(rows.map((r) => r.word)).toEqual(['好', '对']);
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
    expect(errors[0].message).toMatch(/simplified\[traditional\]/);
  });
});

describe('CSV', () => {
  it('matches the golden file', () => {
    expect(toCsv(items)).toBe(fixture('export.csv'));
  });

  it('reads back every field, tabs, line breaks, quotes and commas included', () => {
    const { rows, errors } = parseCsv(toCsv(items));
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(3);
    const [, bank, green] = rows;
    const e = SAMPLE_ENTRIES[1];
    expect(bank).toEqual({
      listName: 'Politics',
      word: '银行',
      simplified: '银行',
      traditional: '銀行',
      pinyin: 'yín háng',
      definition: e.definition,
      context: e.context!.sentence,
      sourceTitle: '',
      sourceUrl: '',
      tags: [],
      notes: e.notes,
      created: e.created,
    });
    expect(green.definition).toBe(HOSTILE);
    expect(green.tags).toEqual(['eco friendly']);
    expect(green.sourceUrl).toBe('https://example.com/?a=1&b=2');
  });

  it('keeps spreadsheets from running a cell as a formula, and reads it back unchanged', () => {
    const item: ExportItem = {
      listName: 'L',
      entry: { ...items[0].entry, definition: '=HYPERLINK("http://x","y")', notes: '-1' },
    };
    const csv = toCsv([item]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(`'-1`);
    const [row] = parseCsv(csv).rows;
    expect(row.definition).toBe('=HYPERLINK("http://x","y")');
    expect(row.notes).toBe('-1');
  });

  it('reports the file line of the one bad row of three, and returns the two good ones', () => {
    const text = [
      'list,word,definition,created',
      'A,改革,"reform,',
      'and opening",2026-01-01T00:00:00Z',
      'A,,no word here,',
      'B,开放,opening,',
    ].join('\n');
    const { rows, errors } = parseCsv(text);
    expect(rows.map((r) => [r.listName, r.word, r.definition])).toEqual([
      ['A', '改革', 'reform,\nand opening'],
      ['B', '开放', 'opening'],
    ]);
    expect(errors).toEqual([{ line: 4, message: 'word is empty' }]);
    expect(rows[0].created).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(rows[1].created).toBeUndefined();
  });

  it('fills what a minimal file leaves out', () => {
    const { rows, errors } = parseCsv('\uFEFFWord\r\n银行\r\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        listName: DEFAULT_LIST_NAME,
        word: '银行',
        simplified: '银行',
        traditional: '银行',
        pinyin: '',
        definition: '',
        context: '',
        sourceTitle: '',
        sourceUrl: '',
        tags: [],
        notes: '',
      },
    ]);
  });

  it('rejects a header without the word column at line 1', () => {
    const { rows, errors } = parseCsv('list,definition\nA,bank\n');
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, message: 'Missing column "word"' }]);
  });

  it('rejects unknown and repeated columns at line 1', () => {
    const { rows, errors } = parseCsv('word,meaning,word\n银行,bank,银行\n');
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([1, 1]);
    expect(errors[0].message).toMatch(/Unknown column "meaning"/);
    expect(errors[1].message).toMatch(/"word" appears twice/);
  });

  it('reports rows with the wrong number of fields, bad addresses and bad dates', () => {
    const text = 'word,source_url,created\n银行\n银行,javascript:alert(1)x,\n银行,,yesterday\n银行,,\n';
    const { rows, errors } = parseCsv(text);
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([
      { line: 2, message: expect.stringMatching(/Expected 3 fields, found 1|Too few fields/) },
      { line: 3, message: expect.stringMatching(/^source_url is not a web address/) },
      { line: 4, message: 'created is not a date' },
    ]);
  });

  it('reports an empty file and an unclosed quote', () => {
    expect(parseCsv('').errors).toEqual([{ line: 1, message: 'The file is empty' }]);
    const { rows, errors } = parseCsv('word,definition\n银行,bank\n好,"good\n');
    expect(rows.map((r) => r.word)).toEqual(['银行']);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(3);
  });
});
