import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import termsA from '../../../lib/glossary/data/terms-a.json';
import {
  builtinGlossary,
  GLOSSARY_AS_OF,
  GLOSSARY_FILES,
  TERM_CATEGORIES,
  type GlossaryEntry,
  type TermCategory,
} from '../../../lib/glossary';
import { asOfLabel } from '../../../lib/glossary/meta';
import { glossaryProblems } from '../../../lib/glossary/validate';

const CATEGORIES: readonly TermCategory[] = TERM_CATEGORIES;
const HALF_A: readonly TermCategory[] = ['slogan', 'policy', 'ideology', 'campaign'];
const HAN = /\p{Script=Han}/u;
const SYLLABLE = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+$/;

const all = builtinGlossary();
const a = termsA as GlossaryEntry[];

describe('built-in glossary size', () => {
  it('has at least 280 terms in the first half (slogans, policies, ideology, campaigns)', () => {
    expect(a.length).toBeGreaterThanOrEqual(280);
    for (const e of a) expect(HALF_A).toContain(e.category);
  });

  // Needs the second half (terms-b.json, institutions/titles/events/places) to be filled in.
  it('has at least 500 terms once every data file is merged', () => {
    expect(all.length).toBe(Object.values(GLOSSARY_FILES).reduce((n, f) => n + f.length, 0));
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
        const forms = e.aliases.map((x) => x.simplified);
        if (forms.length === 0) problems.push(`${where}: empty aliases array`);
        if (forms.includes(e.simplified)) problems.push(`${where}: alias equals the headword`);
        if (new Set(forms).size !== forms.length) problems.push(`${where}: repeated alias`);
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
    // 以 A 为 B "take A as B": the verb wéi (issue 13: the reviewer marks wèi here as a misreading).
    expect(pinyinOf('以人民为中心')).toBe('yǐ rén mín wéi zhōng xīn');
    expect(pinyinOf('一国两制')).toBe('yī guó liǎng zhì');
    expect(pinyinOf('党的建设新的伟大工程')).toMatch(/^dǎng de /);
  });

  it('has unique ids and unique simplified forms across both data files', () => {
    const dupes = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    expect(dupes(all.map((e) => e.id))).toEqual([]);
    expect(dupes(all.map((e) => e.simplified))).toEqual([]);
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
    for (const file of Object.values(GLOSSARY_FILES)) {
      const ids = file.map((e) => e.id);
      expect(ids).toEqual([...ids].sort());
    }
  });

  it('passes every data check: fields, categories, pinyin counts, shared forms, ids, order', () => {
    expect(glossaryProblems(GLOSSARY_FILES)).toEqual([]);
  });
});

describe('aliases', () => {
  const aliases = all.flatMap((e) => (e.aliases ?? []).map((x) => ({ e, x })));

  it('each carry their own Simplified and Traditional form and pinyin, one syllable per character', () => {
    const bad = aliases
      .filter(({ x }) => {
        const syllables = x.pinyin.split(' ');
        const han = [...x.simplified].filter((c) => HAN.test(c));
        return syllables.length !== han.length || !syllables.every((s) => SYLLABLE.test(s));
      })
      .map(({ x }) => `${x.simplified} ${x.pinyin}`);
    expect(bad).toEqual([]);
  });

  it('give a Traditional form that converts back to the alias', () => {
    const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const bad = aliases
      .filter(({ x }) => toCn(x.traditional) !== x.simplified)
      .map(({ x }) => `${x.simplified} ${x.traditional}`);
    expect(bad).toEqual([]);
  });

  it('read as themselves, not as their headword', () => {
    const alias = (s: string) => aliases.find(({ x }) => x.simplified === s)?.x;
    expect(alias('工商联')).toEqual({
      simplified: '工商联',
      traditional: '工商聯',
      pinyin: 'gōng shāng lián',
    });
    expect(alias('党的建设')).toEqual({
      simplified: '党的建设',
      traditional: '黨的建設',
      pinyin: 'dǎng de jiàn shè',
    });
    expect(alias('统战部')?.pinyin).toBe('tǒng zhàn bù');
    expect(alias('政协')?.traditional).toBe('政協');
    expect(alias('中央军委')?.pinyin).toBe('zhōng yāng jūn wěi');
    expect(alias('湖长制')?.pinyin).toBe('hú zhǎng zhì');
    expect(alias('新时代好干部标准')?.traditional).toBe('新時代好幹部標準');
  });
});

describe('glossary currency', () => {
  it('carries the date it follows the press up to', () => {
    expect(GLOSSARY_AS_OF).toMatch(/^20\d\d-[01]\d-[0-3]\d$/);
    expect(new Date(GLOSSARY_AS_OF).getUTCFullYear()).toBeGreaterThanOrEqual(2025);
  });
});

describe('the data checks', () => {
  const good: GlossaryEntry = {
    id: 'gongshanglian',
    simplified: '全国工商联',
    traditional: '全國工商聯',
    pinyin: 'quán guó gōng shāng lián',
    english: 'All-China Federation of Industry and Commerce',
    englishSource: 'official',
    source: 'Xinhua',
    explanation: 'The chamber of commerce for private business, under the united front.',
    category: 'institution',
    status: 'current',
    since: '1953',
    related: [],
    aliases: [{ simplified: '工商联', traditional: '工商聯', pinyin: 'gōng shāng lián' }],
  };
  const other: GlossaryEntry = {
    ...good,
    id: 'zhengxie',
    simplified: '政协',
    traditional: '政協',
    pinyin: 'zhèng xié',
    aliases: undefined,
  };
  delete other.aliases;
  const { id: _id, ...rest } = good;
  const idLast = { ...rest, id: good.id };
  const check = (...entries: unknown[]) => glossaryProblems({ 'x.json': entries });

  it('accept good data', () => {
    expect(check(good, other)).toEqual([]);
  });

  it.each([
    ['a missing required field', { ...good, english: undefined }, /missing english/],
    ['an empty explanation', { ...good, explanation: ' ' }, /missing explanation/],
    ['an unknown category', { ...good, category: 'slogans' }, /unknown category/],
    ['an unknown status', { ...good, status: 'former' }, /unknown status/],
    ['an official rendering without source', { ...good, source: undefined }, /without its source/],
    ['headword pinyin short of a syllable', { ...good, pinyin: 'quán guó gōng shāng' }, /4 syllables for 5/],
    [
      'an alias with its parent pinyin',
      { ...good, aliases: [{ ...good.aliases![0], pinyin: 'quán guó gōng shāng lián' }] },
      /alias 工商联: pinyin .* 5 syllables for 3/,
    ],
    ['an alias as a bare string', { ...good, aliases: ['工商联'] }, /not \{simplified/],
    [
      'an alias without Traditional',
      { ...good, aliases: [{ simplified: '工商联', pinyin: 'gōng shāng lián' }] },
      /no traditional/,
    ],
    ['an unknown field', { ...good, year: '1953' }, /unknown field year/],
    ['fields out of order', idLast, /out of order/],
  ])('fail on %s', (_, bad, message) => {
    const problems = check(bad, other);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(message);
  });

  it('fail on a form two entries share, in either script, headword or alias', () => {
    const twin = (over: Partial<GlossaryEntry>) => ({ ...other, id: 'zz', simplified: '政协委员', ...over });
    expect(check(good, other, twin({ traditional: '政協' })).join()).toMatch(
      /form 政協 is also a form of zhengxie/,
    );
    expect(
      check(
        good,
        other,
        twin({
          traditional: '政協委員',
          aliases: [{ simplified: '工商联', traditional: '工商聯', pinyin: 'gōng shāng lián' }],
        }),
      ).join(),
    ).toMatch(/form 工商联 is also a form of gongshanglian/);
    expect(
      check(good, {
        ...other,
        simplified: '全国工商联',
        traditional: '全國工商聯',
        pinyin: 'quán guó gōng shāng lián',
      }).join(),
    ).toMatch(/also a form of gongshanglian/);
  });

  it('fail on a repeated id, in one file or across files', () => {
    expect(check(good, { ...other, id: 'gongshanglian' }).join()).toMatch(/not sorted|also used/);
    expect(
      glossaryProblems({ 'a.json': [good], 'b.json': [{ ...other, id: 'gongshanglian' }] }).join(),
    ).toMatch(/id also used in a.json/);
  });

  it('fail on a file not sorted by id', () => {
    expect(check(other, good).join()).toMatch(/not sorted by id/);
  });

  it('fail on a data file whose text is not one record per entry in the formatter layout', () => {
    // The files are formatted by Prettier (npm run lint checks it); a record per entry starts "  {" on its own line.
    for (const name of Object.keys(GLOSSARY_FILES)) {
      const text = readFileSync(new URL(`../../../lib/glossary/data/${name}`, import.meta.url), 'utf8');
      const data = JSON.parse(text) as unknown[];
      const records = text.split('\n').filter((l) => l === '  {').length;
      expect(records, name).toBe(data.length);
    }
  });
});

describe('the as-of label', () => {
  it('reads as a date', () => {
    expect(asOfLabel('2026-12-04')).toBe('4 December 2026');
  });
});
