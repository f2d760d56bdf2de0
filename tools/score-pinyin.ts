// Scores lib/text/pinyin on CPP polyphone sentences: the reading of the marked character in each sentence.
// Usage: tsx tools/score-pinyin.ts [DIR] [--half a|b] [--errors N]
// DIR holds dev.sent/dev.lb (or test.sent/test.lb); default ../shared/data/cpp-dev. `--half a` scores the
// even-numbered sentences, `--half b` the odd ones, so rules tuned on one half can be checked on the other;
// `--half a2` the lines 2 mod 4, a check inside half a for a model trained with `train-pinyin.ts --half=a0`;
// `--half b1` / `b3` the lines 1 / 3 mod 4, held out from a model trained with `--half=not-b1` / `not-b3`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSyllable, readRun } from '../lib/text/pinyin';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir =
  args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ??
  (existsSync('../shared/data/cpp-dev') ? '../shared/data/cpp-dev' : '/work/shared/data/cpp-dev');
const half = opt('--half');
const showErrors = Number(opt('--errors') ?? 0);
const base = existsSync(join(dir, 'test.sent')) ? 'test' : 'dev';
const sents = readFileSync(join(dir, `${base}.sent`), 'utf8').split('\n');
const labels = readFileSync(join(dir, `${base}.lb`), 'utf8').split('\n');

let right = 0;
let total = 0;
/** Misses that are only a neutral tone drawn where CPP writes the character's citation tone (关系 guānxi). */
let citation = 0;
const errors = new Map<string, number>();
const t0 = performance.now();
let chars = 0;
for (let i = 0; i < sents.length; i++) {
  const line = sents[i];
  if (!line || !labels[i]) continue;
  if (half === 'a' && i % 2 !== 0) continue;
  if (half === 'b' && i % 2 !== 1) continue;
  if ((half === 'a0' || half === 'a2' || half === 'b1' || half === 'b3') && i % 4 !== Number(half[1]))
    continue;
  const target = Array.from(line).indexOf('\u2581');
  const text = line.replace(/\u2581/g, '');
  chars += text.length;
  // By code point, not by splitting the eval line: a space in the sentence is a token of its own there.
  const reading = readRun(text)[target]?.pinyin;
  const got = reading ? formatSyllable(reading, 'numbers').replace(/ü/g, 'v') : '';
  const want = labels[i].trim().replace('u:', 'v');
  total++;
  if (got === want) right++;
  else if (got.endsWith('5') && got.slice(0, -1) === want.slice(0, -1)) citation++;
  if (got !== want && showErrors) {
    const ch = Array.from(text)[target];
    const key = `${ch} ${want}←${got}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
    if (errors.get(key)! <= 2) console.log(`${key}\t${text}`);
  }
}
const ms = performance.now() - t0;
if (showErrors) {
  const top = [...errors].sort((a, b) => b[1] - a[1]).slice(0, showErrors);
  for (const [k, n] of top) console.log(`${n}\t${k}`);
}
console.log(
  `${base}${half ? ` half ${half}` : ''}: ${right}/${total} = ${((100 * right) / total).toFixed(2)} % ` +
    `(${(chars / ms).toFixed(0)} chars/ms); ${citation} more are a neutral tone where CPP writes the full one`,
);
