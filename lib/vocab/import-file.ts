/**
 * Reading a file the user chose to import: its size checked before it is read, its bytes decoded in the encoding
 * it was written in. Spreadsheets on Chinese Windows save CSV as GB18030 (GBK); others write UTF-16 with a BOM.
 */

export type ImportKind = 'glossary' | 'words';

const MB = 1024 * 1024;

/** The largest file of each kind an import reads; a glossary file far beyond its limit is not a glossary. */
export const FILE_LIMITS: Record<ImportKind, number> = {
  glossary: 5 * MB,
  // A backup of 100,000 saved words with sentences and review state is ~60 MB.
  words: 100 * MB,
};

/** A message saying the file is too large, or null when it can be read. */
export function fileTooLarge(name: string, size: number, kind: ImportKind): string | null {
  const max = FILE_LIMITS[kind];
  if (size <= max) return null;
  const what = kind === 'glossary' ? 'A glossary file' : 'A word list or backup';
  return `${name} is ${(size / MB).toFixed(1)} MB. ${what} can be at most ${max / MB} MB, so nothing was imported.`;
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedFile {
  text: string;
  encoding: TextEncodingName;
  /** Said to the user when the file was not UTF-8, so a wrong guess is seen before anything is imported. */
  note: string | null;
}

/**
 * Decodes by the byte-order mark when there is one; otherwise as UTF-8 when the bytes are valid UTF-8, else as
 * GB18030 (a superset of GBK and GB2312). UTF-8 is strict: one invalid sequence means the file is not UTF-8.
 */
export function decodeImportBytes(bytes: Uint8Array): DecodedFile {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return decoded('utf-8', bytes.subarray(3));
  if (a === 0xff && b === 0xfe) return decoded('utf-16le', bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return decoded('utf-16be', bytes.subarray(2));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', note: null };
  } catch {
    return decoded('gb18030', bytes);
  }
}

function decoded(encoding: TextEncodingName, bytes: Uint8Array): DecodedFile {
  const text = new TextDecoder(encoding).decode(bytes);
  const note =
    encoding === 'utf-8'
      ? null
      : encoding === 'gb18030'
        ? 'Read as GB18030/GBK (Chinese Windows), since the file is not UTF-8.'
        : `Read as ${encoding === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'}, from its byte-order mark.`;
  return { text, encoding, note };
}
