/**
 * Generates lib/text/data/hsk.json: the HSK 2.0 vocabulary (levels 1–6, 5,000 words) from the `chinese-lexicon`
 * npm package (ISC, Peter Olson / Dong Chinese), used to leave pinyin off words at or below a chosen level.
 * The package keeps the lists inside a CommonJS module that exports only a lookup function, so the array
 * literal is read from its source. Run: `npx tsx tools/gen-hsk.ts` (tests/unit/text/hsk.test.ts checks that the
 * committed file matches the installed package).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { HskData } from '../lib/text/hsk';

const require = createRequire(import.meta.url);
export const HSK_OUT = resolve(import.meta.dirname, '../lib/text/data/hsk.json');

/** The six level lists as the package has them, each in its own order. */
export function readPackageLevels(): string[][] {
  const file = require.resolve('chinese-lexicon/statistics/hsk.js');
  const src = readFileSync(file, 'utf8');
  const start = src.indexOf('[', src.indexOf('let hsk'));
  const end = src.indexOf('];', start);
  if (start < 0 || end < 0) throw new Error(`${file}: no "let hsk = [...]" list found`);
  // The literal is JSON but for a trailing comma.
  const levels = JSON.parse(src.slice(start, end + 1).replace(/,\s*\]$/, ']')) as unknown;
  if (!Array.isArray(levels) || levels.length < 6 || !levels.every((l) => Array.isArray(l)))
    throw new Error(`${file}: expected at least six word lists`);
  // Only levels 1–6 are HSK 2.0; the package adds a seventh list of its own beyond them.
  return (levels as string[][]).slice(0, 6);
}

export function hskData(): HskData {
  return {
    source: 'chinese-lexicon (npm, ISC licence, by Peter Olson), statistics/hsk.js: HSK 2.0 levels 1–6',
    levels: readPackageLevels().map((words) => words.join(' ')),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const data = hskData();
  writeFileSync(HSK_OUT, JSON.stringify(data, null, 1) + '\n');
  const words = data.levels.reduce((n, l) => n + l.split(' ').length, 0);
  console.log(`hsk: ${words} words in 6 levels → ${HSK_OUT}`);
}
