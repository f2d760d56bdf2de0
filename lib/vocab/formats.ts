import Papa from 'papaparse';
import * as v from 'valibot';
import { DEFAULT_LIST_NAME, type VocabEntry } from '../db/vocab';
import { marksToNumbered, numberedToSpacedMarks } from '../text/syllables';

/** One entry to export, with the name of its list (exports carry names, never database ids). */
export interface ExportItem {
  entry: VocabEntry;
  listName: string;
}

/** A word read from an import file, not yet in the database. */
export interface ImportRow {
  listName: string;
  word: string;
  simplified: string;
  traditional: string;
  pinyin: string;
  definition: string;
  context: string;
  sourceTitle: string;
  sourceUrl: string;
  tags: string[];
  notes: string;
  /** Milliseconds since the epoch; absent when the file does not say. */
  created?: number;
}

export interface RowError {
  /** 1-based line of the file where the faulty row starts. */
  line: number;
  message: string;
}

/** What an import file holds: the rows that can be imported and why the others cannot. */
export interface ParseReport {
  rows: ImportRow[];
  errors: RowError[];
}

// ---- shared ---------------------------------------------------------------------------------------------

/** Tabs and line breaks become spaces, for formats with one record a line and tab-separated fields. */
function oneLine(s: string): string {
  return s.replace(/\r\n|[\t\n\r]/g, ' ');
}

function sourceText(entry: VocabEntry): string {
  return [entry.source?.title, entry.source?.url].filter((s) => s && s.trim()).join(' — ');
}

/** Anki tags cannot contain spaces. */
function tagOf(s: string): string {
  return s.trim().replace(/\s+/g, '_');
}

/** Tags for a card: the list, the entry's own tags and `dubao`, so every card from Dubao can be found. */
export function ankiTags(item: ExportItem): string[] {
  return [...new Set([tagOf(item.listName), ...item.entry.tags.map(tagOf), 'dubao'])].filter((t) => t !== '');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---- Anki -----------------------------------------------------------------------------------------------

const ANKI_COLUMNS = ['Simplified', 'Traditional', 'Pinyin', 'Definition', 'Context', 'Source', 'Tags'];

// Anki's importer reads double quotes as CSV quoting even with tabs: a field with a quote is quoted itself.
function ankiField(s: string): string {
  const flat = oneLine(s);
  return flat.includes('"') ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** Text for Anki's File › Import: a header Anki reads, then one note a line, fields as plain text. */
export function toAnkiTsv(items: ExportItem[]): string {
  const lines = [
    '#separator:tab',
    '#html:false',
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    `#tags column:${ANKI_COLUMNS.length}`,
  ];
  for (const item of items) {
    const e = item.entry;
    lines.push(
      [
        e.simplified || e.word,
        e.traditional,
        e.pinyin,
        e.definition,
        e.context?.sentence ?? '',
        sourceText(e),
        ankiTags(item).join(' '),
      ]
        .map(ankiField)
        .join('\t'),
    );
  }
  return lines.join('\n') + '\n';
}

// ---- Pleco ----------------------------------------------------------------------------------------------

/** Pleco flashcard text: `//List` category lines, then `简体[繁體]⇥pin1yin1⇥definition`, grouped by list. */
export function toPlecoText(items: ExportItem[]): string {
  const groups = new Map<string, VocabEntry[]>();
  for (const { entry, listName } of items) {
    const group = groups.get(listName);
    if (group) group.push(entry);
    else groups.set(listName, [entry]);
  }
  const lines: string[] = [];
  for (const [listName, entries] of groups) {
    lines.push(`//${oneLine(listName)}`);
    for (const e of entries) {
      const simplified = oneLine(e.simplified || e.word);
      const traditional = oneLine(e.traditional);
      const head = traditional && traditional !== simplified ? `${simplified}[${traditional}]` : simplified;
      lines.push([head, marksToNumbered(oneLine(e.pinyin)), oneLine(e.definition)].join('\t'));
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

// Pleco writes its own private-use character where a definition has a line break.
const PLECO_NEWLINE = /\uEAB1/g;
const PLECO_HEAD = /^([^[\]\t]+?)\s*(?:\[([^[\]\t]*)\])?$/;

/** Reads Pleco flashcard text (as Pleco exports or `toPlecoText` writes), with numbered or marked pinyin. */
export function parsePleco(text: string): ParseReport {
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  let listName = DEFAULT_LIST_NAME;
  stripBom(text)
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '') return;
      if (raw.startsWith('//')) {
        listName = raw.slice(2).trim() || DEFAULT_LIST_NAME;
        return;
      }
      const [head = '', pinyin = '', ...rest] = raw.split('\t');
      const m = PLECO_HEAD.exec(head.trim());
      if (!m) {
        errors.push({ line, message: `Expected "simplified[traditional]" at the start, found "${head}"` });
        return;
      }
      const simplified = m[1].trim();
      if (simplified.length > 100) {
        errors.push({ line, message: 'The word is longer than 100 characters' });
        return;
      }
      rows.push({
        listName,
        word: simplified,
        simplified,
        traditional: m[2]?.trim() || simplified,
        pinyin: numberedToSpacedMarks(pinyin),
        definition: rest.join(' ').replace(PLECO_NEWLINE, '\n').trim(),
        context: '',
        sourceTitle: '',
        sourceUrl: '',
        tags: [],
        notes: '',
      });
    });
  return { rows, errors };
}

// ---- CSV ------------------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'list',
  'word',
  'simplified',
  'traditional',
  'pinyin',
  'definition',
  'context',
  'source_title',
  'source_url',
  'tags',
  'notes',
  'created',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns a file must have; every other one may be left out. */
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['word'];

const TAG_SEPARATOR = ', ';

/** CSV with a header row, for spreadsheets. Cells that a spreadsheet would run as a formula get a `'` first. */
export function toCsv(items: ExportItem[]): string {
  const data = items.map(({ entry: e, listName }) => [
    listName,
    e.word,
    e.simplified,
    e.traditional,
    e.pinyin,
    e.definition,
    e.context?.sentence ?? '',
    e.source?.title ?? '',
    e.source?.url ?? '',
    e.tags.join(TAG_SEPARATOR),
    e.notes,
    new Date(e.created).toISOString(),
  ]);
  return (
    Papa.unparse(
      { fields: [...CSV_COLUMNS], data: data.map((r) => r.map(escapeFormula)) },
      { newline: '\n' },
    ) + '\n'
  );
}

// A spreadsheet runs a cell as a formula when it starts with = + - @ (or a tab or CR), also after leading spaces
// or invisible characters, and some read the full-width ＝ ＋ － ＠ the same way. Such cells get a `'` first.
const FORMULA_START =
  /^[\s\u00a0\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/**
 * Cells a spreadsheet would run get a `'`; so does a cell that itself starts with `'`, so that reading the file
 * back (unescapeFormula) gives exactly the text that was written ('=abc stays '=abc).
 */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) || cell.startsWith("'") ? `'${cell}` : cell;
}

// Undoes escapeFormula (and the `'` careful spreadsheet users put before a formula).
function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && (FORMULA_START.test(cell.slice(1)) || cell.startsWith("''"))
    ? cell.slice(1)
    : cell;
}

/** The longest page address or title a saved word keeps (the store trims to these, imports accept them). */
export const SOURCE_URL_MAX = 4096;
export const SOURCE_TITLE_MAX = 1000;

// Only schemes that run code when followed are refused; every other address a frame can have (about:blank,
// about:srcdoc, blob:, data:, file:, an extension page) is what a word saved there stores, and a backup or CSV
// made by Dubao itself must restore. The options page links to http(s) addresses only (safeUrl).
const SCRIPT_PROTOCOLS = new Set(['javascript:', 'vbscript:']);

/** '' or an address a frame could have had; never `javascript:` (or vbscript:), which a link would run. */
export function isSourceUrl(url: string): boolean {
  if (url === '') return true;
  if (url.length > SOURCE_URL_MAX) return false;
  try {
    return !SCRIPT_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** What the store keeps of a page's address and title: both bounded, an address that could run code dropped. */
export function storableSource(title: string, url: string): { title: string; url: string } | null {
  const u = url.slice(0, SOURCE_URL_MAX);
  if (!u || !isSourceUrl(u)) return null;
  return { title: title.slice(0, SOURCE_TITLE_MAX), url: u };
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `is longer than ${max} characters`));

const CsvRowSchema = v.object({
  list: text(200),
  word: v.pipe(text(100), v.trim(), v.minLength(1, 'is empty')),
  simplified: text(100),
  traditional: text(100),
  pinyin: text(500),
  definition: text(5000),
  context: text(5000),
  source_title: text(SOURCE_TITLE_MAX),
  source_url: v.pipe(
    text(SOURCE_URL_MAX),
    v.check(isSourceUrl, (i) => `is not a web address: "${String(i.input)}"`),
  ),
  tags: text(1000),
  notes: text(10000),
  created: v.pipe(
    v.string(),
    v.check((s) => s.trim() === '' || Number.isFinite(Date.parse(s)), 'is not a date'),
  ),
});

/** Reads a CSV with a header row (as `toCsv` writes); columns other than `word` may be missing. */
export function parseCsv(input: string): ParseReport {
  const text = stripBom(input);
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  if (text.trim() === '') return { rows, errors: [{ line: 1, message: 'The file is empty' }] };

  const records: { cells: string[]; line: number; problems: string[] }[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step: (result) => {
      records.push({ cells: result.data, line, problems: result.errors.map((e) => e.message) });
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
    },
  });

  const [header, ...body] = records;
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const known = new Set<string>(CSV_COLUMNS);
  const headerErrors = [
    ...columns
      .filter((c) => !known.has(c))
      .map((c) => `Unknown column "${c}" (columns are: ${CSV_COLUMNS.join(', ')})`),
    ...columns.filter((c, i) => columns.indexOf(c) !== i).map((c) => `Column "${c}" appears twice`),
    ...REQUIRED_COLUMNS.filter((c) => !columns.includes(c)).map((c) => `Missing column "${c}"`),
  ];
  if (headerErrors.length > 0) {
    return { rows, errors: [...new Set(headerErrors)].map((message) => ({ line: header.line, message })) };
  }

  for (const record of body) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    if (record.problems.length > 0) {
      errors.push({ line: record.line, message: record.problems.join('; ') });
      continue;
    }
    if (record.cells.length !== columns.length) {
      errors.push({
        line: record.line,
        message: `Expected ${columns.length} fields, found ${record.cells.length}`,
      });
      continue;
    }
    const cells: Record<CsvColumn, string> = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<
      CsvColumn,
      string
    >;
    columns.forEach((c, i) => (cells[c as CsvColumn] = unescapeFormula(record.cells[i])));
    const parsed = v.safeParse(CsvRowSchema, cells);
    if (!parsed.success) {
      const message = parsed.issues
        .map((issue) => `${issue.path?.map((p) => String(p.key)).join('.') ?? 'row'} ${issue.message}`)
        .join('; ');
      errors.push({ line: record.line, message });
      continue;
    }
    const r = parsed.output;
    const simplified = r.simplified.trim() || r.word;
    rows.push({
      listName: r.list.trim() || DEFAULT_LIST_NAME,
      word: r.word,
      simplified,
      traditional: r.traditional.trim() || simplified,
      pinyin: r.pinyin,
      definition: r.definition,
      context: r.context,
      sourceTitle: r.source_title,
      sourceUrl: r.source_url,
      tags: r.tags
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      notes: r.notes,
      ...(r.created.trim() === '' ? {} : { created: Date.parse(r.created) }),
    });
  }
  return { rows, errors };
}
