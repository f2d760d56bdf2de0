// Writes lib/text/data/pinyin-words.json: common words (in pinyin-pro's modern dictionary and the segmentation
// lexicon) in which CC-CEDICT reads a polyphonic character, one the context model does not know, one way and
// pinyin-pro another (嚣张 xiāo, not áo; 辗转 zhǎn; 磅礴 páng): word → "position reading …". The model's own
// characters have these readings in the model (`x`). Readings checked by hand are left out below where CC-CEDICT
// gives a Taiwan or colloquial one. lib/text/pinyin applies them to the segmenter's words.
// It also writes lib/text/data/pinyin-words-agreed.json: words of the lexicon in which CC-CEDICT (its common words
// only, one reading of the character) and pinyin-pro's full dictionary (@pinyin-pro/data complete.json) read a
// character the same way, and pinyin-pro's runtime dictionary another (理发 fà, 知识分子 fèn, 身着 zhuó, 有朝一日 zhāo,
// 遛弯儿 liù), also where both give a neutral syllable pinyin-pro reads as another (猛地 de). Two dictionaries against one, at characters whose training sentences may never show that reading (CPP
// has no 分 fèn) or that pinyin-pro does not know as polyphones (遛): lib/text/pinyin gives these readings to the
// segmenter's word when it is exactly that word.
// Proper nouns are left to the model: their readings are local (黄陂 is bēi in the training sentences, pí in both
// dictionaries).
// tsx tools/gen-pinyin-words.ts [--list]
import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin, polyphonic } from 'pinyin-pro';
import modern from '@pinyin-pro/data/modern.json';
import complete from '@pinyin-pro/data/complete.json';
import { formatSyllable } from '../lib/text/pinyin';
import { defaultLexicon } from '../lib/text/lexicon-default';
import modelData from '../lib/text/data/pinyin-model.json';

const MODERN = modern as unknown as Record<string, unknown>;
const MODEL = modelData as unknown as { chars: Record<string, [string, number][]> };
/**
 * Read through by hand: CC-CEDICT's reading is Taiwan's or colloquial where pinyin-pro's is the mainland standard
 * (槟榔 bīnláng, 半生不熟 shú), or both are said (谁 shuí/shéi).
 */
const SKIP = new Set(['槟榔', '半生不熟', '花落谁家']);
const lexicon = defaultLexicon();
const readings = new Map<string, string[][]>();
/** Every CC-CEDICT reading of the lexicon's words, and whether any entry of the word is a proper noun. */
const allReadings = new Map<string, { list: string[][]; proper: boolean }>();
for (const line of readFileSync('public/data/cedict.tsv', 'utf8').split('\n').slice(1)) {
  const [simplified, , py] = line.split('\t');
  if (!simplified || !py) continue;
  if (Array.from(simplified).length >= 2 && lexicon.cost(simplified) !== undefined) {
    const entry = allReadings.get(simplified) ?? { list: [], proper: false };
    entry.list.push(py.toLowerCase().replace(/u:/g, 'v').split(' '));
    entry.proper ||= /[A-Z]/.test(py);
    allReadings.set(simplified, entry);
  }
  const syllables = py.toLowerCase().replace(/u:/g, 'v').split(' ');
  const n = Array.from(simplified).length;
  if (n !== syllables.length || n < 2 || !(simplified in MODERN) || lexicon.cost(simplified) === undefined)
    continue;
  const list = readings.get(simplified) ?? [];
  list.push(syllables);
  readings.set(simplified, list);
}
const polyphone = (ch: string) => (polyphonic(ch, { type: 'array' }) as string[][])[0]?.length > 1;
const out: Record<string, string> = {};
for (const [word, list] of [...readings].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (SKIP.has(word)) continue;
  const chars = Array.from(word);
  const pp = (pinyin(word, { type: 'array', toneType: 'num', toneSandhi: false, v: true }) as string[]).map(
    (s) => s.replace(/0$/, '5'),
  );
  const fixes: string[] = [];
  chars.forEach((ch, j) => {
    if (ch === '一' || ch === '不' || MODEL.chars[ch]?.length > 1 || !polyphone(ch)) return;
    const rs = new Set(list.map((s) => s[j]).filter((s) => !s.endsWith('5')));
    if (rs.size !== 1) return;
    const r = [...rs][0];
    if (!pp[j] || pp[j] === r || pp[j].slice(0, -1) === r.slice(0, -1)) return;
    fixes.push(`${j}${r}`);
  });
  if (fixes.length) out[word] = fixes.join(' ');
}
if (process.argv.includes('--list'))
  for (const [w, f] of Object.entries(out)) console.log(w, f, pinyin(w, { toneSandhi: false }) as string);
writeFileSync('lib/text/data/pinyin-words.json', JSON.stringify(out) + '\n');
console.log(`wrote lib/text/data/pinyin-words.json: ${Object.keys(out).length} words`);

const COMPLETE = complete as unknown as Record<string, [string, number]>;
/** Read through by hand: also a verb with the particle 着 (穿着长靴 "wearing", not "attire"), left to the model. */
const VERB_AND_PARTICLE = new Set(['穿着', '黏着']);
const numbered = (marked: string) => formatSyllable(marked, 'numbers').replace(/ü/g, 'v');
const agreed: Record<string, string> = {};
for (const [word, { list, proper }] of [...allReadings].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (proper || SKIP.has(word) || VERB_AND_PARTICLE.has(word) || !COMPLETE[word]) continue;
  const chars = Array.from(word);
  const full = COMPLETE[word][0].split(' ').map(numbered);
  if (full.length !== chars.length || list.some((s) => s.length !== chars.length)) continue;
  const pp = (pinyin(word, { type: 'array', toneType: 'num', toneSandhi: false, v: true }) as string[]).map(
    (s) => s.replace(/0$/, '5'),
  );
  const fixes: string[] = [];
  chars.forEach((ch, j) => {
    if (ch === '一' || ch === '不') return;
    const rs = new Set(list.map((s) => s[j]).filter((s) => !s.endsWith('5')));
    const r = full[j];
    // A neutral syllable both give where pinyin-pro reads another syllable (猛地 měngde, not měngdì).
    const neutral = new Set(list.map((s) => s[j]));
    if (
      neutral.size === 1 &&
      r.endsWith('5') &&
      neutral.has(r) &&
      pp[j] &&
      pp[j].slice(0, -1) !== r.slice(0, -1)
    ) {
      fixes.push(`${j}${r}`);
      return;
    }
    if (rs.size !== 1 || !rs.has(r) || !pp[j] || pp[j] === r) return;
    // A neutral tone on one side only is the dictionaries' spelling, not another reading.
    if (pp[j].slice(0, -1) === r.slice(0, -1) && pp[j].endsWith('5')) return;
    fixes.push(`${j}${r}`);
  });
  if (fixes.length) agreed[word] = fixes.join(' ');
}
if (process.argv.includes('--list'))
  for (const [w, f] of Object.entries(agreed))
    console.log('agreed', w, f, pinyin(w, { toneSandhi: false }) as string);
writeFileSync('lib/text/data/pinyin-words-agreed.json', JSON.stringify(agreed) + '\n');
console.log(`wrote lib/text/data/pinyin-words-agreed.json: ${Object.keys(agreed).length} words`);
