import { describe, expect, it } from 'vitest';
import { buildLexicon, LexiconFormatError, type LexiconData } from '../../../lib/text/lexicon';
import { defaultLexicon } from '../../../lib/text/lexicon-default';
import { createSegmenter, type Token } from '../../../lib/text/segment';

const segmenter = createSegmenter(defaultLexicon());
const words = (text: string, terms?: string[]) =>
  segmenter
    .segment(text, { terms })
    .map((t) => t.text)
    .filter((t) => t.trim() !== '');

/** Tokens must tile the input: in order, no gap, no overlap, text equal to the slice. */
function expectCover(text: string, tokens: Token[]) {
  let at = 0;
  for (const t of tokens) {
    expect(t.start).toBe(at);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.text).toBe(text.slice(t.start, t.end));
    at = t.end;
  }
  expect(at).toBe(text.length);
}

describe('segment', () => {
  it('splits Simplified news text into dictionary words', () => {
    expect(words('国务院总理今天在北京主持召开会议')).toEqual([
      '国务院',
      '总理',
      '今天',
      '在',
      '北京',
      '主持',
      '召开',
      '会议',
    ]);
    // A word the card's dictionary (CC-CEDICT) knows stays whole, as do idioms.
    expect(words('我们要坚持改革开放')).toEqual(['我们', '要', '坚持', '改革开放']);
    expect(words('这是关系到子孙后代的大事，不能半途而废')).toContain('半途而废');
  });

  it('splits Traditional text the same way, keeping the original characters', () => {
    expect(words('國務院總理今天在北京主持召開會議')).toEqual([
      '國務院',
      '總理',
      '今天',
      '在',
      '北京',
      '主持',
      '召開',
      '會議',
    ]);
  });

  it('keeps glossary and user terms whole, winning over dictionary words', () => {
    expect(words('扎实推进共同富裕')).not.toContain('共同富裕');
    expect(words('扎实推进共同富裕', ['共同富裕'])).toEqual(['扎实', '推进', '共同富裕']);
    expect(words('全面推进乡村振兴战略', ['乡村振兴'])).toContain('乡村振兴');
    // A Traditional occurrence of a Simplified term is found too.
    expect(words('紮實推進共同富裕和鄉村振興', ['乡村振兴'])).toContain('鄉村振興');
  });

  it('marks tokens with Han as words and covers everything else too', () => {
    const text = 'GDP增长5.2%，达到126万亿元。';
    const tokens = segmenter.segment(text);
    expectCover(text, tokens);
    expect(tokens.map((t) => t.text)).toEqual(['GDP', '增长', '5.2%', '，', '达到', '126万亿', '元', '。']);
    expect(tokens.filter((t) => t.word).map((t) => t.text)).toEqual(['增长', '达到', '126万亿', '元']);
  });

  it('keeps dates and numbers whole in People’s Daily style', () => {
    expect(words('2024年12月31日')).toEqual(['2024年', '12月', '31日']);
    expect(words('１９９８年新年')).toEqual(['１９９８年', '新年']);
    expect(words('一九九七年十二月三十一日')).toEqual(['一九九七年', '十二月', '三十一日']);
    expect(words('毕业生达到1158万人，增长百分之八')).toEqual([
      '毕业生',
      '达到',
      '1158万',
      '人',
      '，',
      '增长',
      '百分之八',
    ]);
    expect(words('第三十次会议')).toEqual(['第三十次', '会议']);
  });

  it('keeps a number with its measure word', () => {
    expect(words('会上通过了两项决议')).toEqual(['会', '上', '通过', '了', '两项', '决议']);
    expect(words('村里有30多家民宿和116个大棚')).toEqual([
      '村里',
      '有',
      '30多家',
      '民宿',
      '和',
      '116个',
      '大棚',
    ]);
    // 1000天 | 后 ("after a thousand days"), never 天后 (a queen of heaven).
    expect(words('1000天后工程完工')).toEqual(['1000天', '后', '工程', '完工']);
    expect(words('她在乡下住了二十年')).toContain('二十年');
  });

  it('keeps a party congress by its number whole', () => {
    expect(words('二十大报告提出新要求')).toEqual(['二十大', '报告', '提出', '新', '要求']);
    expect(words('十八大以来的十年')).toContain('十八大');
  });

  it('keeps words of the card’s dictionary whole instead of splitting them', () => {
    expect(words('企业要重视知识产权保护')).toContain('知识产权');
    expect(words('这座城市大力发展新能源汽车')).toContain('新能源');
    expect(words('政府用大数据改进服务')).toContain('大数据');
    // 太空 | 中 (in space), not 太 | 空中 (too … in the air).
    expect(words('飞船在太空中运行了三个月')).toEqual([
      '飞船',
      '在',
      '太空',
      '中',
      '运行',
      '了',
      '三个',
      '月',
    ]);
    expect(words('宇航员在太空中做实验')).toContain('太空');
  });

  it('keeps a person’s surname and given name together', () => {
    expect(words('记者卢宇从北京发回报道')).toEqual(['记者', '卢宇', '从', '北京', '发回', '报道']);
    expect(words('苏宁董事长张近东出席了会议')).toContain('张近东');
    expect(words('李博灏和同学们一起参观了展览')).toContain('李博灏');
    expect(words('副市长王会生主持会议')).toContain('王会生');
    // Ordinary words that start with a surname are not taken for names.
    expect(words('高新技术企业向社会公开招聘')).toEqual(['高新技术', '企业', '向', '社会', '公开', '招聘']);
    expect(words('他马上就到')).toEqual(['他', '马上', '就', '到']);
  });

  it('attaches a bound suffix to the word before it, unless 率 is the verb "lead"', () => {
    expect(words('今年酒店的入住率和返修率明显上升')).toContain('入住率');
    expect(words('这里的出勤率很高，结构性问题突出')).toEqual(expect.arrayContaining(['出勤率', '结构性']));
    expect(words('城市化进程中的获得感和幸福感')).toEqual(expect.arrayContaining(['获得感', '幸福感']));
    expect(words('省长率代表团出访欧洲')).toEqual(['省长', '率', '代表团', '出访', '欧洲']);
    // A character that starts a likelier word with what follows stays with it.
    expect(words('他们开展户外活动')).toEqual(['他们', '开展', '户外', '活动']);
  });

  it('keeps place names with their administrative suffix, one after another', () => {
    expect(words('他出生在安庆市怀宁县石牌镇')).toEqual(['他', '出生', '在', '安庆市', '怀宁县', '石牌镇']);
    expect(words('我们村在广西桂林西南部')).toEqual(['我们', '村', '在', '广西', '桂林', '西南部']);
    // 山区, 家乡: the suffix character belongs to a word of its own.
    expect(words('她回到家乡的山区小学教书')).toEqual(['她', '回到', '家乡', '的', '山区', '小学', '教书']);
    // A suffix character right before another suffix is part of the next name (柳市 | 镇), and the place after it
    // starts after the suffix (柳市镇 | 长虹村, not 镇长 …).
    expect(words('他的工厂在乐清柳市镇长虹村')).toEqual([
      '他',
      '的',
      '工厂',
      '在',
      '乐清',
      '柳市镇',
      '长虹村',
    ]);
    expect(words('北京市区的房价')).toEqual(['北京', '市区', '的', '房价']);
  });

  it('does not start a name at a measure word after a number or a demonstrative', () => {
    // 张 is a surname, but after 两 it counts the cards; 位 after 这 counts the teacher.
    expect(words('他买了两张通关卡')).not.toContain('张通');
    expect(words('我们请这位老师讲课')).toContain('老师');
  });

  it('does not let 多 take a measure word that starts a word with what follows', () => {
    expect(words('很多类似的问题')).toEqual(['很', '多', '类似', '的', '问题']);
    expect(words('多家企业参加')).toEqual(['多家', '企业', '参加']);
  });

  it('keeps an AABB reduplication of a dictionary word as one word', () => {
    expect(words('她把桌子擦得干干净净')).toEqual(['她', '把', '桌子', '擦', '得', '干干净净']);
    expect(words('街上的人来来往往')).toEqual(['街上', '的', '人', '来来往往']);
    // Not a doubled word: 天天 | 上学.
    expect(words('孩子天天上学')).toEqual(['孩子', '天天', '上学']);
  });

  it('lets a two-character glossary term win only where it does not cut a place name', () => {
    const terms = ['市长', '干部'];
    expect(words('南京市长江大桥通车了', terms)).toEqual(['南京市', '长江', '大桥', '通车', '了']);
    expect(words('到合肥市长丰县采访', terms)).toEqual(['到', '合肥市', '长丰县', '采访']);
    expect(words('武汉市长会见了客人', terms)).toEqual(['武汉', '市长', '会见', '了', '客人']);
    expect(words('那位市长和干部们谈话', terms)).toEqual(expect.arrayContaining(['市长', '干部']));
  });

  it('reads 足以 before 为 ("enough to … for"), not 足 | 以为', () => {
    expect(words('他的经验足以为新人指明方向')).toEqual(expect.arrayContaining(['足以', '为']));
  });

  it('keeps 多 and 几 with a measure word, and a number apart from 周年', () => {
    expect(words('多家企业和几位专家参加了会议')).toEqual(expect.arrayContaining(['多家', '几位']));
    expect(words('学校庆祝60周年')).toEqual(['学校', '庆祝', '60', '周年']);
    expect(words('村里有70户、300多口人')).toEqual(['村里', '有', '70户', '、', '300多口', '人']);
  });

  it('keeps a doubled dash or ellipsis as one mark', () => {
    expect(words('目标——稳中求进……')).toEqual(['目标', '——', '稳中求进', '……']);
  });

  it('keeps foreign names the dictionary lacks in one piece', () => {
    expect(words('它在位于亨茨维尔的空间系统中心建造')).toContain('亨茨维尔');
    expect(words('德国总理默克尔访问巴西和阿根廷')).toEqual([
      '德国',
      '总理',
      '默克尔',
      '访问',
      '巴西',
      '和',
      '阿根廷',
    ]);
  });

  it('passes Japanese and English through as tokens without breaking characters', () => {
    const jp = '東京都の知事は記者会見を行った';
    expectCover(jp, segmenter.segment(jp));
    const en = "Don't panic, it's 5,000 km.";
    const tokens = segmenter.segment(en);
    expectCover(en, tokens);
    expect(tokens.every((t) => !t.word)).toBe(true);
    expect(words(en)).toEqual(["Don't", 'panic', ',', "it's", '5,000', 'km', '.']);
  });

  it('handles empty input, white space, emoji and astral characters', () => {
    expect(segmenter.segment('')).toEqual([]);
    const ws = ' \n\t\u3000';
    expectCover(ws, segmenter.segment(ws));
    const text = '我爱👨‍👩‍👧北京😀🇨🇳，𠮷野家👍🏽好吃';
    const tokens = segmenter.segment(text);
    expectCover(text, tokens);
    const out = tokens.map((t) => t.text);
    expect(out).toContain('👨‍👩‍👧');
    expect(out).toContain('👍🏽');
    expect(out).toContain('𠮷');
    expect(tokens.find((t) => t.text === '𠮷')?.word).toBe(true);
    // No token starts or ends inside a surrogate pair.
    for (const t of tokens) expect(t.text.isWellFormed?.() ?? true).toBe(true);
  });

  it('keeps full-width punctuation as separate tokens', () => {
    expect(words('“我们走吧！”他说：《经济日报》')).toEqual([
      '“',
      '我们',
      '走',
      '吧',
      '！',
      '”',
      '他',
      '说',
      '：',
      '《',
      '经济',
      '日报',
      '》',
    ]);
  });

  it('segments 100k characters exactly', () => {
    const text = '国务院总理今天在北京主持召开国务院常务会议，部署推进乡村振兴的措施。'.repeat(3000);
    const tokens = segmenter.segment(text);
    expectCover(text, tokens);
  });
});

describe('lexicon', () => {
  it('is compact and knows Simplified words, Traditional through folding', () => {
    const lex = defaultLexicon();
    expect(lex.size).toBeGreaterThan(100_000);
    expect(lex.cost('中国')).toBeLessThan(lex.cost('孳乳')!);
    expect(lex.cost(lex.normalize('經濟'))).toBe(lex.cost('经济'));
    expect(lex.normalize('國際𠮷A')).toBe('国际𠮷A');
  });

  it('rejects data that is not a lexicon', () => {
    expect(() => buildLexicon({} as LexiconData)).toThrow(LexiconFormatError);
  });

  it('builds from small data', () => {
    const lex = buildLexicon({
      version: 1,
      unknownCost: 20,
      t2s: '學学',
      groups: [
        [50, '学生 学'],
        [80, '生'],
      ],
    });
    const seg = createSegmenter(lex);
    expect(seg.segment('學生').map((t) => t.text)).toEqual(['學生']);
    expect(seg.segment('生学').map((t) => t.text)).toEqual(['生', '学']);
  });
});
