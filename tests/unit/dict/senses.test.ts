import { describe, expect, it } from 'vitest';
import { numberedToMarks, parseCedictLine } from '../../../lib/dict/cedict';
import { componentsOf, readableDefinition, sensesInContext } from '../../../lib/dict/senses';

// Rows as CC-CEDICT writes them (CC BY-SA 4.0), shortened.
const rows = (lines: string) =>
  lines
    .trim()
    .split('\n')
    .map((l) => parseCedictLine(l.trim())!)
    .map((r) => ({ ...r, pinyin: numberedToMarks(r.pinyin), matched: r.simplified }));

const DE = rows(`
得 得 [de2] /to obtain/to get/
得 得 [de4] /used in 得瑟[de4 se5]/
得 得 [de5] /structural particle: used after a verb, linking it to a phrase of effect or degree/
得 得 [dei3] /to have to/must/`);
const ZHE = rows(`
着 着 [zhao1] /variant of 著|着[zhao1]/
着 着 [zhao2] /variant of 著|着[zhao2]/
着 着 [zhe5] /variant of 著|着[zhe5]/
着 着 [zhuo2] /variant of 著|着[zhuo2]/
著 着 [zhao1] /a move in chess/
著 着 [zhao2] /to touch/to fall asleep/
著 着 [zhe5] /aspect particle indicating action in progress or ongoing state/
著 着 [zhuo2] /to wear (clothes)/`);
const XING = rows(`
行 行 [hang2] /row; line/line of business/
行 行 [heng2] /used in 道行[dao4 heng2]/
行 行 [xing2] /to walk; to go/capable/OK/`);
const ZHANG = rows(`
長 长 [chang2] /long/length/
長 长 [zhang3] /chief/head/to grow/`);
const LE = rows(`
了 了 [le5] /(completed action marker)/
了 了 [liao3] /to finish/`);
const DI = rows(`
地 地 [de5] /-ly/structural particle linking an adverbial to the verb/
地 地 [di4] /earth/ground/CL:片[pian4]/`);

const first = (senses: { pinyin: string; definitions: string[] }[]) =>
  `${senses[0].pinyin}: ${senses[0].definitions[0]}`;

describe('the card’s senses in context', () => {
  it('puts the reading drawn over the word first', () => {
    expect(first(sensesInContext(DE, 'de'))).toBe(
      'de: structural particle: used after a verb, linking it to a phrase of effect or degree',
    );
    expect(first(sensesInContext(DE, 'dé'))).toBe('dé: to obtain');
    expect(first(sensesInContext(DE, 'děi'))).toBe('děi: to have to');
    expect(first(sensesInContext(ZHE, 'zhe'))).toBe(
      'zhe: aspect particle indicating action in progress or ongoing state',
    );
    expect(first(sensesInContext(ZHE, 'zháo'))).toBe('zháo: to touch');
    expect(first(sensesInContext(XING, 'háng'))).toBe('háng: row; line');
    expect(first(sensesInContext(XING, 'xíng'))).toBe('xíng: to walk; to go');
    expect(first(sensesInContext(ZHANG, 'zhǎng'))).toBe('zhǎng: chief');
    expect(first(sensesInContext(ZHANG, 'cháng'))).toBe('cháng: long');
    expect(first(sensesInContext(LE, 'le'))).toBe('le: (completed action marker)');
    expect(first(sensesInContext(LE, 'liǎo'))).toBe('liǎo: to finish');
    expect(first(sensesInContext(DI, 'de'))).toBe('de: -ly');
    expect(first(sensesInContext(DI, 'dì'))).toBe('dì: earth');
  });

  it('keeps the dictionary order without a reading, and for readings with other tones after exact ones', () => {
    expect(sensesInContext(LE, '').map((s) => s.pinyin)).toEqual(['le', 'liǎo']);
    expect(sensesInContext(DE, 'dè').map((s) => s.pinyin)).toEqual(['dé', 'de', 'děi']);
  });

  it('folds rows that only point elsewhere under the main row of their reading', () => {
    const zhe = sensesInContext(ZHE, 'zhe');
    expect(zhe.map((s) => s.pinyin)).toEqual(['zhe', 'zhāo', 'zháo', 'zhuó']);
    expect(zhe[0].variants).toEqual(['variant of 著|着[zhe5]']);
    expect(zhe.every((s) => s.definitions.every((d) => !d.startsWith('variant of')))).toBe(true);
    const de = sensesInContext(DE, 'de');
    expect(de.map((s) => s.pinyin)).toEqual(['de', 'dé', 'děi']);
    expect(de[0].variants).toEqual(['used in 得瑟[de4 se5]']);
    // Only pointers: they stay as rows.
    expect(sensesInContext(ZHE.slice(0, 2), 'zháo')[0].definitions).toEqual(['variant of 著|着[zhao2]']);
  });

  it('spells out measure words', () => {
    expect(readableDefinition('CL:片[pian4]')).toBe('measure word: 片 piàn');
    expect(readableDefinition('CL:個|个[ge4],位[wei4]')).toBe('measure words: 个 gè, 位 wèi');
    expect(readableDefinition('earth')).toBe('earth');
    // Cross-references as a reader reads them: forms (Simplified first) and tone marks, not CC-CEDICT's notation.
    expect(readableDefinition('variant of 著|着[zhe5]')).toBe('variant of 着 · 著 zhe');
    expect(readableDefinition('see 什麼|什么[shen2 me5]')).toBe('see 什么 · 什麼 shén me');
    expect(readableDefinition('used in 得瑟[de4 se5]')).toBe('used in 得瑟 dè se');
    expect(readableDefinition('a move in chess (Taiwan pr. [zhuo2])')).toBe(
      'a move in chess (Taiwan pr. zhuó)',
    );
  });
});

describe('inside this word', () => {
  const dict = rows(`
經 经 [jing1] /classics/
濟 济 [ji4] /to aid/
經濟 经济 [jing1 ji4] /economy/
企業 企业 [qi3 ye4] /company/
企業家 企业家 [qi3 ye4 jia1] /entrepreneur/
企 企 [qi3] /to plan a project/
業 业 [ye4] /business/
家 家 [jia1] /home/
業 业 [ye4] /a second entry of the same word/`);
  const at = (word: string) => (k: number) =>
    dict
      .filter((e) => word.slice(k).startsWith(e.simplified))
      .sort((a, b) => b.matched.length - a.matched.length);

  it('lists every component word and character once, the word itself left out', () => {
    expect(componentsOf('经济', at('经济')).map((e) => e.matched)).toEqual(['经', '济']);
    expect(componentsOf('企业家', at('企业家')).map((e) => e.matched)).toEqual(['企', '企业', '业', '家']);
  });
});
