import type { CedictRow } from './cedict';

/**
 * The dictionary shipped in the extension, parsed, cleaned and grouped into database records at build time, so
 * the install step only cuts the text into records and writes them (no per-entry work in the worker):
 *
 *     #dubao-cedict \t 2 \t version \t entries \t records
 *     (blank line)
 *     id \t heads (space-separated) \t entries      ← one section per record, sections separated by a blank line
 *     simplified \t traditional \t pinyin \t senses ← the record's entries, one a line (`encodeCedictLine`)
 *     …
 *     (blank line)
 *     #end
 *
 * A record holds the entries of one or more first characters (see `packBuckets`); its lines are stored verbatim
 * as the record's `block`. Entry lines never are empty, so a blank line always ends a section.
 */
export const CEDICT_ASSET_PATH = '/data/cedict.tsv';
const MAGIC = '#dubao-cedict';
const FORMAT = '2';
const END = '#end';

/**
 * Packed records hold whole first-character groups, adding groups until the block reaches this many UTF-16
 * units. Chromium's IndexedDB costs ~0.1 ms per record, so ~700 records instead of ~11k cut the install import's
 * writes by about 3×, while a lookup still reads one record of a few KB (the biggest single-character groups,
 * such as 一, are larger than this anyway).
 */
export const RECORD_CHARS = 8192;

/** Entries grouped for storage: the shape of a `dict` record in the database (`DictBucket`). */
export interface CedictBucket {
  /** First character of the Simplified headwords of the record's first group. */
  id: string;
  /** First characters of every headword in the record, both scripts, for the multiEntry index. */
  heads: string[];
  /** Entries, one a line (`encodeCedictLine`), grouped by first character, in CEDICT order within a group. */
  block: string;
}

export interface CedictAsset {
  /** Release date of the CEDICT file; used as the dictionary version in the database. */
  version: string;
  /** CEDICT entries in all records. */
  entries: number;
  buckets: CedictBucket[];
}

/** One entry as one line; the same encoding is used inside the database's dictionary records. */
export function encodeCedictLine(r: CedictRow): string {
  const trad = r.traditional === r.simplified ? '' : r.traditional;
  return `${r.simplified}\t${trad}\t${r.pinyin}\t${r.definitions.join('/')}`;
}

/** Inverse of `encodeCedictLine`; null for a line without four fields. */
export function decodeCedictLine(line: string): CedictRow | null {
  const f = line.split('\t');
  if (f.length !== 4) return null;
  return { simplified: f[0], traditional: f[1] || f[0], pinyin: f[2], definitions: f[3].split('/') };
}

export function firstChar(s: string): string {
  const cp = s.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Groups entries by the first character of the Simplified headword, keeping CEDICT order within each group. */
export function bucketByFirstChar(rows: readonly CedictRow[]): CedictBucket[] {
  const groups = new Map<string, { heads: Set<string>; lines: string[] }>();
  for (const row of rows) {
    const key = firstChar(row.simplified);
    if (!key) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { heads: new Set([key]), lines: [] }));
    g.heads.add(firstChar(row.traditional) || key);
    g.lines.push(encodeCedictLine(row));
  }
  return [...groups].map(([id, g]) => ({ id, heads: [...g.heads], block: g.lines.join('\n') }));
}

/**
 * Joins consecutive groups into records of about `target` UTF-16 units. A group is never split, so every entry of
 * a first character stays in one record; the result depends only on the data.
 */
export function packBuckets(buckets: readonly CedictBucket[], target = RECORD_CHARS): CedictBucket[] {
  const out: CedictBucket[] = [];
  let group: CedictBucket[] = [];
  let size = 0;
  const flush = () => {
    if (group.length === 0) return;
    out.push({
      id: group[0].id,
      heads: [...new Set(group.flatMap((b) => b.heads))],
      block: group.map((b) => b.block).join('\n'),
    });
    group = [];
    size = 0;
  };
  for (const b of buckets) {
    group.push(b);
    size += b.block.length + 1;
    if (size >= target) flush();
  }
  flush();
  return out;
}

/** The records of `rows` as they are shipped and stored. */
export function cedictRecords(rows: readonly CedictRow[], target = RECORD_CHARS): CedictBucket[] {
  return packBuckets(bucketByFirstChar(rows), target);
}

export function encodeCedictAsset(rows: readonly CedictRow[], version: string): string {
  const buckets = cedictRecords(rows);
  const entries = buckets.reduce((n, b) => n + countLines(b.block), 0);
  const sections = [`${MAGIC}\t${FORMAT}\t${version}\t${entries}\t${buckets.length}`];
  for (const b of buckets) sections.push(`${b.id}\t${b.heads.join(' ')}\t${countLines(b.block)}\n${b.block}`);
  sections.push(END);
  return sections.join('\n\n') + '\n';
}

export class CedictAssetError extends Error {
  override name = 'CedictAssetError';
}

/**
 * Throws `CedictAssetError` for a file that is not ours, is of another format or is truncated (every record's
 * entry count and the end marker are checked), so a half download never imports.
 */
export function decodeCedictAsset(text: string): CedictAsset {
  const head = text.slice(0, text.indexOf('\n')).split('\t');
  if (head[0] !== MAGIC) throw new CedictAssetError('Not a Dubao CEDICT asset');
  if (head[1] !== FORMAT) {
    throw new CedictAssetError(
      `CEDICT asset format ${head[1]}, expected ${FORMAT}: regenerate it with \`tsx tools/gen-cedict.ts\``,
    );
  }
  const version = head[2];
  const expected = Number(head[3]);
  const records = Number(head[4]);
  const sections = text.split('\n\n');
  if (sections.length !== records + 2 || sections[records + 1] !== `${END}\n`)
    throw new CedictAssetError(`Truncated: expected ${records} records and the end marker`);
  const buckets: CedictBucket[] = [];
  let entries = 0;
  for (let i = 1; i <= records; i++) {
    const s = sections[i];
    const nl = s.indexOf('\n');
    const [id, heads, count] = s.slice(0, nl).split('\t');
    const block = s.slice(nl + 1);
    const n = countLines(block);
    if (nl < 0 || !id || !heads || n !== Number(count)) throw new CedictAssetError(`Malformed record ${i}`);
    entries += n;
    buckets.push({ id, heads: heads.split(' '), block });
  }
  if (entries !== expected) throw new CedictAssetError(`Expected ${expected} entries, found ${entries}`);
  return { version, entries, buckets };
}

/** Lines of a non-empty block (no trailing newline). */
function countLines(block: string): number {
  let n = 1;
  for (let i = block.indexOf('\n'); i >= 0; i = block.indexOf('\n', i + 1)) n++;
  return n;
}
