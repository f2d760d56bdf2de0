import { describe, expect, it } from 'vitest';
import { wordFromLookup } from '../../../lib/reader/lookup';
import type { Term } from '../../../lib/db/terms';
import { builtinGlossary, surfacesOf } from '../../../lib/glossary';

const asTerm = (simplified: string): Term => {
  const e = builtinGlossary().find((x) => surfacesOf(x).includes(simplified));
  if (!e) throw new Error(`no ${simplified} in the glossary`);
  return { ...e, key: `builtin:${e.id}`, origin: 'builtin', edited: false, hidden: false };
};

describe('the hover card for a glossary term', () => {
  it('shows an alias as itself: its own pinyin and Traditional form, then the parent’s gloss', () => {
    const w = wordFromLookup('工商联召开会议', [], [asTerm('全国工商联')], () => 'x x x');
    expect(w?.word).toBe('工商联');
    expect(w?.card).toMatchObject({ simplified: '工商联', traditional: '工商聯', pinyin: 'gōng shāng lián' });
    expect(w?.card.term?.english).toMatch(/Federation of Industry and Commerce/);
  });

  it('shows the alias 党的建设 with its own four syllables, not 党建’s two', () => {
    const w = wordFromLookup('党的建设新的伟大工程', [], [asTerm('党建')], () => '');
    expect(w?.card).toMatchObject({ word: '党的建设', pinyin: 'dǎng de jiàn shè', traditional: '黨的建設' });
  });

  it('finds the term in Taiwan print (台 for 臺) and keeps the word as printed', () => {
    const w = wordFromLookup('國台辦表示', [], [asTerm('国台办')], () => '');
    expect(w?.word).toBe('國台辦');
    expect(w?.card).toMatchObject({ simplified: '国台办', traditional: '國臺辦', pinyin: 'guó tái bàn' });
    expect(w?.card.term?.english).toMatch(/Taiwan Affairs Office/);
  });
});
