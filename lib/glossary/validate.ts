import { foldVariants } from './fold';
import { hanChars } from './forms';
import { TERM_CATEGORIES, TERM_STATUSES, type GlossaryEntry } from './types';

/** Field order of a record in the data files, so every entry reads the same way and diffs stay small. */
export const ENTRY_KEYS = [
  'id',
  'simplified',
  'traditional',
  'pinyin',
  'english',
  'englishSource',
  'source',
  'explanation',
  'category',
  'status',
  'since',
  'related',
  'aliases',
] as const;
export const ALIAS_KEYS = ['simplified', 'traditional', 'pinyin'] as const;

const REQUIRED = ['id', 'simplified', 'traditional', 'pinyin', 'english', 'explanation'] as const;
const HAN = /^\p{Script=Han}$/u;
const SYLLABLE = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+$/;

function pinyinProblem(form: string, pinyin: unknown): string | null {
  if (typeof pinyin !== 'string' || pinyin.trim() === '') return 'no pinyin';
  const syllables = pinyin.split(' ');
  const n = hanChars(form).length;
  if (syllables.length !== n)
    return `pinyin "${pinyin}" has ${syllables.length} syllables for ${n} characters`;
  const bad = syllables.find((s) => !SYLLABLE.test(s));
  return bad === undefined ? null : `pinyin syllable "${bad}" is not lower-case toned pinyin`;
}

function keyOrderProblem(keys: string[], order: readonly string[]): string | null {
  const unknown = keys.filter((k) => !order.includes(k));
  if (unknown.length > 0) return `unknown field ${unknown.join(', ')}`;
  const ranks = keys.map((k) => order.indexOf(k));
  return ranks.every((r, i) => i === 0 || ranks[i - 1]! < r)
    ? null
    : `fields out of order (${order.join(', ')})`;
}

/**
 * Everything wrong with the glossary's data files, one line per fault (empty when the data is good): missing
 * or malformed fields, unknown categories and statuses, pinyin that does not give one syllable per character
 * (headwords and each alias), a form (Simplified or Traditional, headword or alias, variants folded) that two
 * entries share, a
 * repeated id, a file not sorted by id or with fields out of their order.
 */
export function glossaryProblems(files: Readonly<Record<string, readonly unknown[]>>): string[] {
  const problems: string[] = [];
  const idFile = new Map<string, string>();
  const formOwner = new Map<string, string>();
  for (const [file, records] of Object.entries(files)) {
    let previousId = '';
    records.forEach((record, index) => {
      const e = record as Partial<GlossaryEntry> & Record<string, unknown>;
      const where = `${file} #${index} ${typeof e.id === 'string' ? e.id : '?'}`;
      const say = (p: string) => problems.push(`${where}: ${p}`);
      if (typeof record !== 'object' || record === null || Array.isArray(record)) return say('not an object');
      for (const key of REQUIRED)
        if (typeof e[key] !== 'string' || (e[key] as string).trim() === '') say(`missing ${key}`);
      const order = keyOrderProblem(Object.keys(e), ENTRY_KEYS);
      if (order) say(order);
      if (typeof e.id === 'string') {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id)) say('id is not an ascii slug');
        if (e.id <= previousId) say(`not sorted by id (after ${previousId})`);
        previousId = e.id;
        const other = idFile.get(e.id);
        if (other !== undefined) say(`id also used in ${other}`);
        idFile.set(e.id, file);
      }
      if (!(TERM_CATEGORIES as readonly unknown[]).includes(e.category))
        say(`unknown category ${String(e.category)}`);
      if (!(TERM_STATUSES as readonly unknown[]).includes(e.status))
        say(`unknown status ${String(e.status)}`);
      if (e.englishSource !== 'official' && e.englishSource !== 'descriptive')
        say(`englishSource ${String(e.englishSource)}`);
      if (e.englishSource === 'official' && (typeof e.source !== 'string' || !e.source.trim()))
        say('official rendering without its source');
      if (e.since !== undefined && (typeof e.since !== 'string' || !/^\d{4}(s|–\d{4})?$/.test(e.since)))
        say(`since ${String(e.since)}`);
      if (!Array.isArray(e.related) || e.related.some((r) => typeof r !== 'string' || r === ''))
        say('related is not a list of forms');
      else if (e.related.includes(e.simplified as string)) say('related to itself');
      if (typeof e.simplified !== 'string' || typeof e.traditional !== 'string') return;
      if (![...e.simplified].every((c) => HAN.test(c))) say('headword is not Han characters only');
      if ([...e.traditional].length !== [...e.simplified].length)
        say('traditional and simplified differ in length');
      const p = pinyinProblem(e.simplified, e.pinyin);
      if (p) say(p);

      const forms: string[] = [e.simplified, e.traditional];
      if (e.aliases !== undefined) {
        if (!Array.isArray(e.aliases) || e.aliases.length === 0) say('aliases is not a non-empty list');
        else
          for (const a of e.aliases as unknown[]) {
            const alias = a as Record<string, unknown>;
            if (typeof a !== 'object' || a === null || typeof alias.simplified !== 'string') {
              say(`alias ${JSON.stringify(a)} is not {simplified, traditional, pinyin}`);
              continue;
            }
            const s = alias.simplified;
            const o = keyOrderProblem(Object.keys(alias), ALIAS_KEYS);
            if (o) say(`alias ${s}: ${o}`);
            if (typeof alias.traditional !== 'string' || alias.traditional === '')
              say(`alias ${s}: no traditional`);
            else if ([...alias.traditional].length !== [...s].length)
              say(`alias ${s}: traditional ${alias.traditional} differs in length`);
            const ap = pinyinProblem(s, alias.pinyin);
            if (ap) say(`alias ${s}: ${ap}`);
            if (s === e.simplified) say(`alias ${s} repeats the headword`);
            if (forms.includes(s) && s !== e.simplified) say(`alias ${s} repeated`);
            forms.push(s);
            if (typeof alias.traditional === 'string') forms.push(alias.traditional);
          }
      }
      // Compared as the matcher sees them, regional variants folded (臺灣 and 台灣 are one form).
      for (const form of new Set(forms)) {
        if (!form) continue;
        const key = foldVariants(form);
        const owner = formOwner.get(key);
        if (owner !== undefined && owner !== e.id) say(`form ${form} is also a form of ${owner}`);
        else formOwner.set(key, e.id as string);
      }
    });
  }
  return problems;
}
