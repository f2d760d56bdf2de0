// Writes lib/text/data/pinyin-names.json: how characters read in Chinese personal names, from CC-CEDICT.
//  - surnames: a polyphonic character's reading as a surname, where CC-CEDICT gives it one ("surname Xie": 解 Xiè,
//    曾 Zēng, 任 Rén, 石 Shí); characters with two surname readings (乐 Lè/Yuè, 覃 Qín/Tán) are left out;
//  - given: a polyphonic character's reading in the given names of CC-CEDICT's people (entries of two or three
//    characters whose definition names a person with dates: "Kou Zhun (961-1023), …"), where one reading has at
//    least two uses and three in five (燕 yàn, 行 xíng, 强 qiáng).
// lib/text/pinyin reads a word the segmenter made of a surname and given-name characters by these.
// tsx tools/gen-pinyin-names.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { polyphonic } from 'pinyin-pro';

const polyphone = (ch: string) => (polyphonic(ch, { type: 'array' }) as string[][])[0]?.length > 1;
const surnames = new Map<string, Set<string>>();
const given = new Map<string, Map<string, number>>();
const people: [string[], string[]][] = [];
/** A person: "Kou Zhun (961-1023)", "Wan Li (1916-2015)", "Yu Dan (1965–)", "Gan Bao (?-336)". */
const PERSON = /^[A-Z][a-z]+ [A-Z][a-z]+(?: [A-Za-z]+)? \((?:\?|c\. |active c\. |\d)/;

for (const line of readFileSync('public/data/cedict.tsv', 'utf8').split('\n').slice(1)) {
  const [simplified, , py, definition] = line.split('\t');
  if (!simplified || !py || !definition) continue;
  const chars = Array.from(simplified);
  const syllables = py.replace(/u:/g, 'v').split(' ');
  if (chars.length !== syllables.length || !syllables.every((s) => /^[A-Za-z]+[1-5]$/.test(s))) continue;
  if (chars.length === 1 && /^[A-Z]/.test(syllables[0]) && /(^|\/)surname [A-Z]/.test(definition)) {
    const set = surnames.get(chars[0]) ?? new Set<string>();
    set.add(syllables[0].toLowerCase());
    surnames.set(chars[0], set);
  }
  if ((chars.length === 2 || chars.length === 3) && /^[A-Z]/.test(syllables[0]) && PERSON.test(definition))
    people.push([chars, syllables]);
}
// Chinese names only: the first character is a surname (foreign names are spelled with 卡, 拉, 塞 …).
for (const [chars, syllables] of people) {
  if (!surnames.has(chars[0])) continue;
  for (let j = 1; j < chars.length; j++) {
    const m = given.get(chars[j]) ?? new Map<string, number>();
    const r = syllables[j].toLowerCase();
    m.set(r, (m.get(r) ?? 0) + 1);
    given.set(chars[j], m);
  }
}

let surnameText = '';
for (const [ch, set] of [...surnames].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
  if (set.size === 1 && polyphone(ch)) surnameText += ch + [...set][0];
let givenText = '';
for (const [ch, m] of [...given].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (!polyphone(ch)) continue;
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  const [best, n] = [...m].sort((a, b) => b[1] - a[1])[0];
  if (n >= 2 && n / total >= 0.6) givenText += ch + best;
}
writeFileSync(
  'lib/text/data/pinyin-names.json',
  JSON.stringify({ surnames: surnameText, given: givenText }) + '\n',
);
console.log(`wrote lib/text/data/pinyin-names.json: ${surnameText.length} + ${givenText.length} chars`);
