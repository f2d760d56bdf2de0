/** One CC-CEDICT entry, as written in the file. `pinyin` keeps CEDICT's numbered syllables (`chuan2 tong3`). */
export interface CedictRow {
  traditional: string;
  simplified: string;
  pinyin: string;
  definitions: string[];
}

export interface CedictHeader {
  /** `#! date=` of the release, e.g. `2026-09-10T07:14:51Z`. */
  date?: string;
  /** `#! entries=` as announced by the file. */
  entries?: number;
}

export interface CedictParseResult {
  rows: CedictRow[];
  header: CedictHeader;
  /** Non-comment, non-blank lines that did not have the CEDICT shape. */
  malformed: number;
}

/** Required by CC BY-SA 4.0: show wherever dictionary data is displayed or redistributed. */
export const CEDICT_ATTRIBUTION =
  'Dictionary data: CC-CEDICT, published by MDBG (https://www.mdbg.net/chinese/dictionary?page=cc-cedict), ' +
  'licensed under the Creative Commons Attribution-ShareAlike 4.0 International License ' +
  '(https://creativecommons.org/licenses/by-sa/4.0/). Based on CEDICT, Copyright (C) 1997, 1998 Paul Andrew Denisowski.';

export const CEDICT_LICENSE_URL = 'https://creativecommons.org/licenses/by-sa/4.0/';

// Traditional, space, Simplified, space, [pinyin], space, /sense/sense/. Headwords never contain spaces.
const LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;

/** Parses one line; `null` for comments, blank lines and lines without the CEDICT shape. */
export function parseCedictLine(line: string): CedictRow | null {
  if (line.length === 0 || line.charCodeAt(0) === 35 /* # */) return null;
  const m = LINE.exec(line);
  if (!m) return null;
  const definitions = m[4].split('/').filter((d) => d.length > 0);
  if (definitions.length === 0) return null;
  return { traditional: m[1], simplified: m[2], pinyin: m[3].trim(), definitions };
}

export function parseCedict(text: string): CedictParseResult {
  const rows: CedictRow[] = [];
  const header: CedictHeader = {};
  let malformed = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('#!')) {
      const [key, value] = line.slice(2).trim().split('=', 2);
      if (key === 'date' && value) header.date = value;
      if (key === 'entries' && value) header.entries = Number(value);
      continue;
    }
    if (line.trim() === '' || line.startsWith('#')) continue;
    const row = parseCedictLine(line);
    if (row) rows.push(row);
    else malformed++;
  }
  return { rows, header, malformed };
}

export { numberedToMarks, syllableToMarks } from '../text/syllables';
