import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import termsA from '../../../lib/glossary/data/terms-a.json';
import termsB from '../../../lib/glossary/data/terms-b.json';
import { builtinGlossary, type GlossaryEntry, type TermCategory } from '../../../lib/glossary';

const CATEGORIES: readonly TermCategory[] = [
  'slogan',
  'policy',
  'institution',
  'campaign',
  'ideology',
  'title',
  'event',
  'place',
];
const HALF_A: readonly TermCategory[] = ['slogan', 'policy', 'ideology', 'campaign'];
const HAN = /\p{Script=Han}/u;
const SYLLABLE = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+$/;

const all = builtinGlossary();
const a = termsA as GlossaryEntry[];
const b = termsB as GlossaryEntry[];

describe('built-in glossary size', () => {
  it('has at least 280 terms in the first half (slogans, policies, ideology, campaigns)', () => {
    expect(a.length).toBeGreaterThanOrEqual(280);
    for (const e of a) expect(HALF_A).toContain(e.category);
  });

  // Needs the second half (terms-b.json, institutions/titles/events/places) to be filled in.
  it('has at least 500 terms once both halves are merged', () => {
    expect(all.length).toBe(a.length + b.length);
    expect(all.length).toBeGreaterThanOrEqual(500);
  });
});

describe('every built-in entry', () => {
  it('has every field with the right type and an allowed value', () => {
    const problems: string[] = [];
    for (const e of all) {
      const where = e.id || e.simplified;
      if (!/^[a-z]+(-[a-z]+)*$/.test(e.id)) problems.push(`${where}: id not an ascii slug`);
      for (const key of ['simplified', 'traditional', 'pinyin', 'english', 'explanation'] as const) {
        if (typeof e[key] !== 'string' || e[key].trim() === '') problems.push(`${where}: empty ${key}`);
      }
      if (!CATEGORIES.includes(e.category)) problems.push(`${where}: category ${e.category}`);
      if (e.status !== 'current' && e.status !== 'historical') problems.push(`${where}: status ${e.status}`);
      if (e.englishSource !== 'official' && e.englishSource !== 'descriptive')
        problems.push(`${where}: englishSource ${e.englishSource}`);
      if (e.englishSource === 'official' && !e.source?.trim())
        problems.push(`${where}: official without source`);
      if (e.since !== undefined && !/^\d{4}(s|–\d{4})?$/.test(e.since))
        problems.push(`${where}: since ${e.since}`);
      if (!Array.isArray(e.related) || e.related.some((r) => typeof r !== 'string' || r === ''))
        problems.push(`${where}: related`);
      if (e.related.includes(e.simplified)) problems.push(`${where}: related to itself`);
      if (e.aliases !== undefined) {
        if (e.aliases.length === 0) problems.push(`${where}: empty aliases array`);
        if (e.aliases.includes(e.simplified)) problems.push(`${where}: alias equals the headword`);
        if (new Set(e.aliases).size !== e.aliases.length) problems.push(`${where}: repeated alias`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes the headword in Han characters only, no digits or Latin letters', () => {
    const bad = all.filter((e) => ![...e.simplified].every((c) => HAN.test(c))).map((e) => e.simplified);
    expect(bad).toEqual([]);
  });

  it('has one toned pinyin syllable per Han character', () => {
    const bad = all
      .filter((e) => {
        const syllables = e.pinyin.split(' ');
        const han = [...e.simplified].filter((c) => HAN.test(c));
        return syllables.length !== han.length || !syllables.every((s) => SYLLABLE.test(s));
      })
      .map((e) => `${e.simplified} ${e.pinyin}`);
    expect(bad).toEqual([]);
  });

  it('reads hand-checked polyphones the way the press does', () => {
    const pinyinOf = (s: string) => all.find((e) => e.simplified === s)?.pinyin;
    expect(pinyinOf('不忘初心')).toBe('bù wàng chū xīn');
    expect(pinyinOf('长征精神')).toBe('cháng zhēng jīng shén');
    expect(pinyinOf('解放思想')).toBe('jiě fàng sī xiǎng');
    expect(pinyinOf('南水北调')).toBe('nán shuǐ běi diào');
    expect(pinyinOf('河长制')).toBe('hé zhǎng zhì');
    expect(pinyinOf('只争朝夕')).toBe('zhǐ zhēng zhāo xī');
    expect(pinyinOf('以人民为中心')).toBe('yǐ rén mín wèi zhōng xīn');
    expect(pinyinOf('一国两制')).toBe('yī guó liǎng zhì');
    expect(pinyinOf('党的建设新的伟大工程')).toMatch(/^dǎng de /);
  });

  it('has unique ids and unique simplified forms across both data files', () => {
    const dupes = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    expect(dupes(all.map((e) => e.id))).toEqual([]);
    expect(dupes(all.map((e) => e.simplified))).toEqual([]);
  });

  // A form shared by two entries can only ever show one of them (headwords win, then the first by id).
  it('never gives two entries the same surface form', () => {
    const heads = new Set(all.map((e) => e.simplified));
    const aliasOwner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of all) {
      for (const x of e.aliases ?? []) {
        if (heads.has(x)) clashes.push(`${e.simplified} has alias ${x}, another entry's headword`);
        const owner = aliasOwner.get(x);
        if (owner !== undefined && owner !== e.simplified)
          clashes.push(`${owner} and ${e.simplified} share alias ${x}`);
        aliasOwner.set(x, e.simplified);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives a traditional form that differs from the simplified only by character conversion', () => {
    const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const bad = all
      .filter(
        (e) => [...e.traditional].length !== [...e.simplified].length || toCn(e.traditional) !== e.simplified,
      )
      .map((e) => `${e.simplified} ${e.traditional}`);
    expect(bad).toEqual([]);
    // Spot checks where character-level conversion is known to go wrong.
    const tradOf = (s: string) => all.find((e) => e.simplified === s)?.traditional;
    expect(tradOf('好干部标准')).toBe('好幹部標準');
    expect(tradOf('一个中国原则')).toBe('一個中國原則');
    expect(tradOf('共同富裕')).toBe('共同富裕');
    expect(tradOf('改革开放')).toBe('改革開放');
  });

  it('explains each term in one to three sentences', () => {
    const bad = all
      .filter((e) => {
        const sentences = (e.explanation.match(/[.!?](?=\s+[A-Z"“(]|\s*$)/g) ?? []).length;
        return sentences < 1 || sentences > 3;
      })
      .map((e) => e.simplified);
    expect(bad).toEqual([]);
  });

  it('keeps each data file sorted by id', () => {
    for (const file of [a, b]) {
      const ids = file.map((e) => e.id);
      expect(ids).toEqual([...ids].sort());
    }
  });
});
