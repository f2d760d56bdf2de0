import type { CedictRow } from './cedict';

/**
 * The dictionary shipped in the extension: one entry a line, `simplified \t traditional \t pinyin \t senses`,
 * traditional left empty when it equals simplified, senses joined by `/`. It is parsed and cleaned at build time,
 * so the install step only splits strings (8.9 MB vs 9.7 MB for the raw file; parse time is the same).
 */
export const CEDICT_ASSET_PATH = '/data/cedict.tsv';
const MAGIC = '#dubao-cedict';
const FORMAT = '1';

export interface CedictAsset {
  /** Release date of the CEDICT file; used as the dictionary version in the database. */
  version: string;
  rows: CedictRow[];
}

/** One entry as one line; the same encoding is used inside the database's dictionary buckets. */
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

export function encodeCedictAsset(rows: readonly CedictRow[], version: string): string {
  const lines = [`${MAGIC}\t${FORMAT}\t${version}\t${rows.length}`];
  for (const r of rows) lines.push(encodeCedictLine(r));
  return lines.join('\n') + '\n';
}

export class CedictAssetError extends Error {
  override name = 'CedictAssetError';
}

/** Throws `CedictAssetError` for a file that is not ours or is truncated, so a half download never imports. */
export function decodeCedictAsset(text: string): CedictAsset {
  const lines = text.split('\n');
  const head = lines[0].split('\t');
  if (head[0] !== MAGIC || head[1] !== FORMAT) throw new CedictAssetError('Not a Dubao CEDICT asset');
  const version = head[2];
  const expected = Number(head[3]);
  const rows: CedictRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const row = decodeCedictLine(line);
    if (!row) throw new CedictAssetError(`Malformed line ${i + 1}`);
    rows.push(row);
  }
  if (rows.length !== expected)
    throw new CedictAssetError(`Expected ${expected} entries, found ${rows.length}`);
  return { version, rows };
}
