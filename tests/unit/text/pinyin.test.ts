import { describe, expect, it } from 'vitest';
import { readingsOf } from './readings';
import { pinyin } from 'pinyin-pro';
import {
  formatSyllable,
  markTone,
  pinyinLineForEval,
  readRun,
  toZhuyin,
  toneOf,
} from '../../../lib/text/pinyin';
import {
  packCounts,
  predict,
  rankInput,
  unpackCounts,
  type Context,
  type PinyinModel,
} from '../../../lib/text/pinyin-model';
import shipped from '../../../lib/text/data/pinyin-model.json';

const read = (text: string) =>
  readRun(text)
    .map((r) => r.pinyin ?? r.char)
    .join(' ');

describe('pinyin read in context', () => {
  it.each([
    ['他在银行工作', 'tā zài yín háng gōng zuò'],
    ['行走', 'xíng zǒu'],
    ['长大', 'zhǎng dà'],
    ['长江', 'cháng jiāng'],
    ['朝代', 'cháo dài'],
    ['率先', 'shuài xiān'],
    ['慢慢地走', 'màn màn de zǒu'],
    ['你得去', 'nǐ děi qù'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it('reads Traditional text as it reads Simplified', () => {
    expect(read('他在銀行工作')).toBe(read('他在银行工作'));
    expect(read('長大')).toBe('zhǎng dà');
  });

  it.each([
    // Words both full dictionaries read one way, at characters whose training sentences never show that reading.
    ['很多知识分子回到家乡', '分', 'fèn'],
    ['他先去理发店理发', '发', 'fà'],
    ['她身着一件旧大衣', '着', 'zhuó'],
    ['有朝一日再相见', '朝', 'zhāo'],
    ['这里被评为优秀村', '为', 'wéi'],
    // A neutral syllable both give where pinyin-pro reads another one.
    ['听到喊声，他猛地回过头来', '地', 'de'],
    // 穿着 is also the verb with the particle: "wearing" stays zhe.
    ['他穿着一双长靴子', '着', 'zhe'],
  ])('a word both dictionaries agree on: %s, %s → %s', (text, ch, want) => {
    for (const pinyin of readingsOf(text, ch)) expect(pinyin).toBe(want);
  });

  it.each([
    // A word whose dictionary reading is a neutral syllable the model would change into another syllable.
    ['屋子里很暖和', '和', 'huo'],
    ['天气一天天暖和起来', '和', 'huo'],
    // The same character in other words keeps the model's reading.
    ['双方和平解决争端', '和', 'hé'],
  ])('a neutral syllable the word gives: %s, %s → %s', (text, ch, want) => {
    for (const pinyin of readingsOf(text, ch)) expect(pinyin).toBe(want);
  });

  it.each([
    // The noun suffix 子 of a dictionary word is neutral (CPP reads 子 neutral too, in other words).
    ['他不是傻子，只是不爱说话', '子', 'zi'],
    ['早饭吃了两个肉包子', '子', 'zi'],
    ['老师举了一个例子', '子', 'zi'],
    ['把凳子搬到门口', '子', 'zi'],
    // Words of the segmenter's lexicon that the modern dictionary does not list (不客气, 一下子).
    ['朋友帮了忙，他说不客气', '气', 'qi'],
    ['雨一下子停了', '子', 'zi'],
    // A common noun that shares its characters with a proper noun (孙子 Sūnzǐ).
    ['周末带孙子去公园', '子', 'zi'],
    ['草原上的狮子在休息', '子', 'zi'],
    // A word that reads 子 in full keeps it.
    ['这家工厂生产电子元件', '子', 'zǐ'],
    // Everyday words a learner is taught with a neutral tone (HSK vocabulary).
    ['我不认识这位新同事', '识', 'shi'],
    ['妈妈给我买了新衣服', '服', 'fu'],
    ['书本上的知识要用到实践中', '识', 'shi'],
    ['她每天早上洗头发', '发', 'fa'],
  ])('a neutral tone the word gives a character the model reads: %s, %s → %s', (text, ch, want) => {
    for (const pinyin of readingsOf(text, ch)) expect(pinyin).toBe(want);
  });

  it('reads those words in Traditional text too', () => {
    expect(read('很多知識分子回到家鄉')).toBe(read('很多知识分子回到家乡'));
  });

  it("keeps dictionary tones: no 一/不 sandhi (一个 has the dictionary's neutral ge)", () => {
    expect(read('一个不对')).toBe('yī ge bù duì');
  });

  it('gives one reading per code point with offsets, null for anything not Han', () => {
    const r = readRun('A 𠮷银');
    expect(r.map((c) => c.char)).toEqual(['A', ' ', '𠮷', '银']);
    expect(r.map((c) => c.start)).toEqual([0, 1, 2, 4]);
    expect(r[0].pinyin).toBeNull();
    expect(r[3]).toMatchObject({ pinyin: 'yín', tone: 2 });
  });

  it('lets glossary terms set the reading of their characters', () => {
    const r = readRun('两个维护', { terms: [{ word: '两个维护', pinyin: 'liǎng gè wéi hù' }] });
    expect(r.map((c) => c.pinyin).join(' ')).toBe('liǎng gè wéi hù');
    const trad = readRun('兩個維護', { terms: [{ word: '两个维护', pinyin: 'liǎng gè wéi hù' }] });
    expect(trad.map((c) => c.pinyin).join(' ')).toBe('liǎng gè wéi hù');
  });
});

describe('formats', () => {
  it('tone numbers, none, neutral tone 5', () => {
    expect(formatSyllable('lǜ', 'numbers')).toBe('lü4');
    expect(formatSyllable('de', 'numbers')).toBe('de5');
    expect(formatSyllable('háng', 'none')).toBe('hang');
    expect(toneOf('xiān')).toBe(1);
    expect(toneOf('le')).toBe(5);
  });

  it('places tone marks by the usual rules', () => {
    expect(markTone('liu', 2)).toBe('liú');
    expect(markTone('gui', 4)).toBe('guì');
    expect(markTone('lv', 4)).toBe('lǜ');
    expect(markTone('hao', 3)).toBe('hǎo');
  });

  it('Zhuyin', () => {
    expect(toZhuyin('shuài')).toBe('ㄕㄨㄞˋ');
    expect(toZhuyin('zhī')).toBe('ㄓ');
    expect(toZhuyin('lǜ')).toBe('ㄌㄩˋ');
    expect(toZhuyin('de')).toBe('˙ㄉㄜ');
    expect(toZhuyin('yuè')).toBe('ㄩㄝˋ');
    expect(toZhuyin('jiǒng')).toBe('ㄐㄩㄥˇ');
    expect(toZhuyin('wǒ')).toBe('ㄨㄛˇ');
    // Syllables spelled with y/w whose final pinyin writes short after an initial (liu, gui, lun).
    expect(toZhuyin('yǒu')).toBe('ㄧㄡˇ');
    expect(toZhuyin('wèi')).toBe('ㄨㄟˋ');
    expect(toZhuyin('wén')).toBe('ㄨㄣˊ');
    expect(toZhuyin('wēng')).toBe('ㄨㄥ');
    expect(toZhuyin('liù')).toBe('ㄌㄧㄡˋ');
  });

  it('Zhuyin: every reading pinyin-pro gives a common character comes out in Bopomofo', () => {
    const latin: string[] = [];
    for (let cp = 0x4e00; cp <= 0x9fa5; cp++) {
      for (const s of pinyin(String.fromCodePoint(cp), { multiple: true, type: 'array' })) {
        // Syllabic nasals (嗯 ń, 呣 m̀, 哼 hng) have no Bopomofo of their own and stay as pinyin.
        if (/^h?[mn]g?$/.test(s.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))) continue;
        if (/[a-zü]/i.test(toZhuyin(s))) latin.push(s);
      }
    }
    expect([...new Set(latin)]).toEqual([]);
  });

  it('eval line: tone numbers, v for ü, other characters as themselves', () => {
    expect(pinyinLineForEval('绿色，OK')).toBe('lv4 se4 ， O K');
  });
});

describe('pinyin context model', () => {
  const counts = new Map<string, number[]>([
    ['l:银', [0, 3]],
    ['r:走', [1]],
    ['r:人', [0, 1]],
    ['ll:进银', [0, 1]],
    ['p:xing2', [5, 1]],
    ['w:银行', [0, 2]],
    ['dl:银', [0, 1]],
    ['dr:列', [0, 1]],
  ]);

  it('packs counts compactly and unpacks them as they were', () => {
    const packed = packCounts(counts);
    expect(packed.l).toEqual(['银=0,3']);
    expect(packed.r).toEqual(['', '走', '人']);
    expect(packed.dl).toEqual(['', '', '银']);
    expect(unpackCounts(packed)).toEqual(counts);
  });

  const model: PinyinModel = {
    version: 2,
    weights: { prior: 1, 'guess.alone': 0.5, 'guess.word': 0.5, l: 1, r: 1, dr: 1 },
    chars: {
      行: [
        ['xing2', 6],
        ['hang2', 4],
        ['heng2', 0],
      ],
    },
    features: { 行: packCounts(counts) },
  };
  const ctx = (text: string, guess: string | null): Context => {
    const chars = Array.from(text);
    return { chars, guess: chars.map((c) => (c === '行' ? guess : null)), words: chars.map(() => '') };
  };

  it('lets the context outweigh pinyin-pro and the prior', () => {
    expect(predict(model, ctx('去银行', 'xing2'), 2)).toBe('hang2');
    expect(predict(model, ctx('行走', 'xing2'), 0)).toBe('xing2');
    expect(predict(model, ctx('行列', 'xing2'), 0)).toBe('hang2');
    expect(predict(model, ctx('好', 'hao3'), 0)).toBeNull();
  });

  it('leaves one sentence out of the counts for training', () => {
    const all = rankInput(model, ctx('去银行', 'xing2'), 2)!;
    const loo = rankInput(model, ctx('去银行', 'xing2'), 2, 'hang2')!;
    expect(all.cands).toEqual(['xing2', 'hang2', 'heng2']);
    expect(loo.x[1][0]).toBeLessThan(all.x[1][0]);
  });

  it('ships a model in this format', () => {
    const m = shipped as unknown as PinyinModel;
    expect(m.version).toBe(2);
    expect(Object.keys(m.chars).length).toBeGreaterThan(500);
    // As lib/text/pinyin asks it: with the word each character is in and pinyin-pro's reading of that word.
    const words = ['', '', '银行', '银行', '工作', '工作'];
    expect(predict(m, { ...ctx('他在银行工作', 'hang2'), words }, 3)).toBe('hang2');
    expect(predict(m, { ...ctx('他在行走', 'xing2'), words: ['', '', '行走', '行走'] }, 2)).toBe('xing2');
  });
});
