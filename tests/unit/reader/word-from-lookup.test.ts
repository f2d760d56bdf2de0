import { describe, expect, it } from 'vitest';
import { wordFromLookup } from '../../../lib/reader/lookup';
import type { DictMatch } from '../../../lib/dict/types';
import type { Term } from '../../../lib/glossary/types';

const dict = (matched: string, pinyin: string, definitions: string[]): DictMatch => ({
  matched,
  simplified: matched,
  traditional: matched,
  pinyinNumbers: '',
  pinyin,
  definitions,
});

const term: Term = {
  id: 'gongtong-fuyu',
  key: 'builtin:gongtong-fuyu',
  origin: 'builtin',
  edited: false,
  hidden: false,
  simplified: '共同富裕',
  traditional: '共同富裕',
  pinyin: 'gòng tóng fù yù',
  english: 'common prosperity',
  englishSource: 'official',
  explanation: 'A goal of shared wealth.',
  category: 'slogan',
  status: 'current',
  related: [],
  aliases: [{ simplified: '共富', traditional: '共富', pinyin: 'gòng fù' }],
};

const noRuby = () => '';

describe('the word at the pointer', () => {
  it('is the longest dictionary word, with shorter ones inside it listed apart', () => {
    const found = wordFromLookup(
      '银行家们',
      [dict('银行家', 'yín háng jiā', ['banker']), dict('银行', 'yín háng', ['bank'])],
      [],
      noRuby,
    );
    expect(found?.word).toBe('银行家');
    expect(found?.card.senses.map((s) => s.definitions[0])).toEqual(['banker']);
    expect(found?.card.inner.map((s) => s.definitions[0])).toEqual(['bank']);
  });

  it('is a glossary term CC-CEDICT splits, with the term’s own pinyin and English', () => {
    const found = wordFromLookup('共同富裕是', [dict('共同', 'gòng tóng', ['common'])], [term], noRuby);
    expect(found?.word).toBe('共同富裕');
    expect(found?.card.pinyin).toBe('gòng tóng fù yù');
    expect(found?.card.term?.english).toBe('common prosperity');
    expect(found?.card.inner.map((s) => s.definitions[0])).toEqual(['common']);
  });

  it('is found by a term’s alias', () => {
    expect(wordFromLookup('共富路线', [], [term], noRuby)?.word).toBe('共富');
  });

  it('yields to a longer dictionary word than the term', () => {
    const found = wordFromLookup('共富路线', [dict('共富路线', 'x', ['longer'])], [term], noRuby);
    expect(found?.card.term).toBeUndefined();
  });

  it('takes its pinyin from what the page shows, so the card agrees with the ruby', () => {
    const found = wordFromLookup('率先', [dict('率先', 'lǜ xiān', ['first'])], [], (n) =>
      n === 2 ? 'shuài xiān' : '',
    );
    expect(found?.card.pinyin).toBe('shuài xiān');
    expect(wordFromLookup('率先', [dict('率先', 'shuài xiān', ['first'])], [], noRuby)?.card.pinyin).toBe(
      'shuài xiān',
    );
  });

  it('is nothing when neither the dictionary nor the glossary knows the text', () => {
    expect(wordFromLookup('𠮷', [], [term], noRuby)).toBeNull();
  });
});
