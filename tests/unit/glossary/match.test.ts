import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  builtinGlossary,
  createTermMatcher,
  findTerms,
  surfacesOf,
  type GlossaryEntry,
} from '../../../lib/glossary';
import { foldVariants as fold } from '../../../lib/glossary/fold';

const glossary = builtinGlossary();
const matcher = createTermMatcher(glossary);
const headwords = (text: string) => matcher.find(text).map((m) => m.entry.simplified);

function entry(simplified: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    id: simplified,
    simplified,
    traditional: simplified,
    pinyin: '',
    english: simplified,
    englishSource: 'descriptive',
    explanation: '',
    category: 'slogan',
    status: 'current',
    related: [],
    ...extra,
  };
}

describe('findTerms on the sample newspaper page', () => {
  // Print columns cut words in two (共同富裕体制机 / 制); the reader joins the lines of a block before matching.
  const page = readFileSync('tests/fixtures/pages/newspaper-page.zh.txt', 'utf8').replace(/\r?\n/g, '');
  const found = new Set(findTerms(page, glossary).map((m) => m.entry.simplified));

  it.each([
    ['共同富裕', '共同富裕'],
    ['先富带后富', '先富带后富'],
    ['先富帮后富 (alias)', '先富带后富'],
    ['共同富裕示范区', '共同富裕示范区'],
    ['乡村振兴', '乡村振兴'],
    ['脱贫攻坚', '脱贫攻坚'],
    ['党建', '党建'],
    ['党建引领', '党建引领'],
    ['两个健康', '两个健康'],
    ['不忘初心', '不忘初心'],
    ['牢记使命', '牢记使命'],
    ['初心使命', '初心使命'],
    ['新时代', '新时代'],
    ['中国特色社会主义', '中国特色社会主义'],
    ['改革开放', '改革开放'],
    ['高质量发展', '高质量发展'],
    ['非公有制经济', '非公有制经济'],
    ['民营经济人士', '民营经济人士'],
    ['民营企业', '民营企业'],
    ['理想信念教育', '理想信念教育'],
    ['党史学习教育', '党史学习教育'],
    ['学史明理', '学史明理'],
    ['学史增信', '学史增信'],
    ['学史崇德', '学史崇德'],
    ['学史力行', '学史力行'],
    ['听党话、跟党走 (alias)', '听党话跟党走'],
    ['永远跟党走', '永远跟党走'],
    ['跨越式发展', '跨越式发展'],
    ['闭环管理', '闭环管理'],
    ['疫情防控', '疫情防控'],
    ['清朗 (alias)', '清朗行动'],
    ['亲清 (alias)', '亲清政商关系'],
    ['拓荒牛 / 老黄牛 / 孺子牛 (aliases)', '三牛精神'],
    ['以人民为中心', '以人民为中心'],
    ['党领导一切', '党领导一切'],
    ['主体责任', '主体责任'],
    ['主旋律', '主旋律'],
    ['网络空间', '网络空间'],
    ['土地流转', '土地流转'],
    ['全覆盖', '全覆盖'],
    ['帮扶结对 (alias)', '结对帮扶'],
    ['两山 (alias)', '绿水青山就是金山银山'],
    ['产业扶贫', '产业扶贫'],
  ])('finds %s', (_label, simplified) => {
    expect(found).toContain(simplified);
  });

  it('returns matches in order, without overlaps, each spanning one of the entry’s forms', () => {
    const matches = findTerms(page, glossary);
    expect(matches.length).toBeGreaterThan(60);
    let last = 0;
    for (const m of matches) {
      expect(m.start).toBeGreaterThanOrEqual(last);
      expect(m.end).toBeGreaterThan(m.start);
      const forms = surfacesOf(m.entry);
      expect(forms).toContain(page.slice(m.start, m.end));
      last = m.end;
    }
  });

  it('spots the four study aims in the line where the page lists them', () => {
    expect(headwords('践行学史明理、学史增信、学史崇德、学史力行。')).toEqual([
      '学史明理',
      '学史增信',
      '学史崇德',
      '学史力行',
    ]);
  });
});

describe('createTermMatcher', () => {
  it('prefers the longest term starting at a position', () => {
    expect(headwords('推动共同富裕示范区建设')).toEqual(['共同富裕示范区']);
    expect(headwords('迈向共同富裕')).toEqual(['共同富裕']);
    const m = matcher.find('推动共同富裕示范区建设')[0];
    expect([m.start, m.end]).toEqual([2, 9]);
  });

  it('takes the leftmost match when two candidates overlap', () => {
    const own = createTermMatcher([entry('甲乙'), entry('乙丙丁')]);
    expect(own.find('甲乙丙丁').map((m) => m.entry.simplified)).toEqual(['甲乙']);
    expect(own.find('乙丙丁甲乙').map((m) => [m.start, m.end])).toEqual([
      [0, 3],
      [3, 5],
    ]);
  });

  it('falls back to a shorter term when the longer one is cut short', () => {
    expect(headwords('共同富裕示范')).toEqual(['共同富裕']);
  });

  it('matches traditional forms to the same entry', () => {
    expect(headwords('堅持改革開放，推進鄉村振興與共同富裕')).toEqual(['改革开放', '乡村振兴', '共同富裕']);
    expect(headwords('習近平新時代中國特色社會主義思想')).toEqual(['习近平新时代中国特色社会主义思想']);
  });

  it('matches aliases, including ones with punctuation inside', () => {
    expect(headwords('坚定不移听党话、跟党走')).toEqual(['听党话跟党走']);
    expect(headwords('浙商先富帮后富')).toEqual(['先富带后富']);
    expect(headwords('建设亲清新型政商关系')).toEqual(['亲清政商关系']);
  });

  it('lets a headword win over another entry’s identical alias', () => {
    const own = createTermMatcher([
      entry('统一战线', { aliases: [{ simplified: '统战', traditional: '統戰', pinyin: 'tǒng zhàn' }] }),
      entry('统战'),
    ]);
    expect(own.find('统战').map((m) => m.entry.simplified)).toEqual(['统战']);
  });

  it('finds nothing in empty text, text without terms, or with no entries', () => {
    expect(matcher.find('')).toEqual([]);
    expect(matcher.find('The quick brown fox. 今天天气很好。')).toEqual([]);
    expect(findTerms('共同富裕', [])).toEqual([]);
  });

  it('keeps offsets right around characters outside the Basic Multilingual Plane', () => {
    const text = '𠀀共同富裕';
    const [m] = matcher.find(text);
    expect(text.slice(m.start, m.end)).toBe('共同富裕');
  });

  it('scans 100,000 characters of a newspaper page', () => {
    const page = readFileSync('tests/fixtures/pages/newspaper-page.zh.txt', 'utf8').replace(/\r?\n/g, '');
    const text = page.repeat(Math.ceil(100_000 / page.length)).slice(0, 100_000);
    const matches = matcher.find(text);
    expect(text.length).toBe(100_000);
    expect(matches.length).toBeGreaterThan(500);
  });
});

describe('Traditional text as printed in Taiwan and Hong Kong', () => {
  const forms = (text: string) => matcher.find(text).map((m) => m.form.simplified);

  it('finds terms whatever variant of 台/臺 the paper prints, whole', () => {
    expect(forms('反對台獨')).toContain('台独');
    expect(forms('反對臺獨')).toContain('台独');
    expect(forms('台灣海峽')).toEqual(['台湾海峡']);
    expect(forms('國台辦表示')).toEqual(['国台办']);
    expect(forms('國務院台灣事務辦公室')).toEqual(['国务院台湾事务办公室']);
  });

  it('reports offsets in the text as printed', () => {
    const text = '昨日國台辦記者會上，發言人談台灣海峽';
    for (const m of matcher.find(text))
      expect(surfacesOf(m.entry).map(fold)).toContain(fold(text.slice(m.start, m.end)));
    expect(matcher.find(text).map((m) => text.slice(m.start, m.end))).toEqual([
      '國台辦',
      '發言人',
      '台灣海峽',
    ]);
  });

  it('folds Hong Kong and Taiwan variant characters on both sides (裏/裡/裡, 衞/衛, 爲/為, 綫/線, 峯/峰, 着/著)', () => {
    const own = createTermMatcher([
      entry('一条线', { traditional: '一條線' }),
      entry('保卫', { traditional: '保衛' }),
      entry('为人民', { traditional: '為人民' }),
      entry('高峰', { traditional: '高峰' }),
      entry('这里', { traditional: '這裡' }),
      entry('摸着石头过河', { traditional: '摸著石頭過河' }),
    ]);
    const hits = (t: string) => own.find(t).map((m) => [m.entry.simplified, t.slice(m.start, m.end)]);
    expect(hits('一條綫')).toEqual([['一条线', '一條綫']]);
    expect(hits('保衞')).toEqual([['保卫', '保衞']]);
    expect(hits('爲人民')).toEqual([['为人民', '爲人民']]);
    expect(hits('高峯')).toEqual([['高峰', '高峯']]);
    expect(hits('這裏')).toEqual([['这里', '這裏']]);
    expect(hits('這\uF9E8')).toEqual([['这里', '這\uF9E8']]);
    expect(hits('摸着石頭過河')).toEqual([['摸着石头过河', '摸着石頭過河']]);
  });

  it('reports the form found: an alias as itself', () => {
    const [m] = matcher.find('工商聯');
    expect(m?.entry.simplified).toBe('全国工商联');
    expect(m?.form).toEqual({ simplified: '工商联', traditional: '工商聯', pinyin: 'gōng shāng lián' });
  });
});
