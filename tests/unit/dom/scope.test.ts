// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { carriesOwnRomanisation, inPageChrome, isProse } from '../../../lib/dom/scope';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const tpl = doc.createElement('template');
  tpl.innerHTML = html; // test fixture markup
  doc.body.append(tpl.content);
  return doc;
}

describe('where pinyin goes', () => {
  it('leaves navigation bars, menus, buttons and tab strips alone', () => {
    const doc = page(
      '<nav><ul><li id="a"><a>首页</a></li></ul></nav><ul class="top-menu"><li id="b">新闻</li></ul>' +
        '<div role="tablist"><div id="c">科技</div></div><article><p id="d">正文里的段落。</p></article>' +
        '<div class="tab-content"><p id="e">标签页里的正文。</p></div>',
    );
    const at = (id: string) => doc.getElementById(id)!;
    expect(inPageChrome(at('a'))).toBe(true);
    expect(inPageChrome(at('b'))).toBe(true);
    expect(inPageChrome(at('c'))).toBe(true);
    expect(inPageChrome(at('d'))).toBe(false);
    expect(inPageChrome(at('e'))).toBe(false);
  });

  it('leaves a bar of short links alone, even when nothing names it a menu', () => {
    const doc = page(
      '<div id="a"><a>首页</a><a>科技</a> | <a>教育</a><a>科普中国</a></div>' +
        '<ul><li id="b"><a>新闻</a></li><li><a>体育</a></li><li><a>财经</a></li></ul>' +
        '<p id="c">相关阅读：<a>教育部发布中小学人工智能教育指南</a> <a>专家谈数据安全</a></p>' +
        '<ul><li id="d"><a>国务院常务会议研究部署推进乡村振兴</a></li><li><a>首页</a></li><li><a>科技</a></li></ul>' +
        '<p id="e">记者<a>张三</a>、<a>李四</a>、<a>王五</a>报道：今天上午，会议在北京举行。</p>',
    );
    const at = (id: string) => doc.getElementById(id)!;
    expect(isProse(at('a'), '首页科技 | 教育科普中国')).toBe(false);
    expect(isProse(at('b'), '新闻')).toBe(false);
    // Headlines and sentences with links in them are prose.
    expect(isProse(at('c'), '相关阅读：教育部发布中小学人工智能教育指南 专家谈数据安全')).toBe(true);
    expect(isProse(at('d'), '国务院常务会议研究部署推进乡村振兴')).toBe(true);
    expect(isProse(at('e'), '记者张三、李四、王五报道：今天上午，会议在北京举行。')).toBe(true);
  });

  it('knows a heading that prints its own pinyin, above, below or inside it', () => {
    const doc = page(
      '<div><p>Dang qi zai wo xin zhong</p><h2 id="a">党旗在我心中</h2></div>' +
        '<div><h2 id="b">科技前沿</h2><p>KĒ JÌ QIÁN YÁN</p></div>' +
        '<h2 id="c">科技前沿 KEJI QIANYAN</h2>' +
        '<div><p>Reporters at work</p><h2 id="d">记者在现场采访</h2></div>',
    );
    const at = (id: string) => doc.getElementById(id)!;
    expect(carriesOwnRomanisation(at('a'), '党旗在我心中')).toBe(true);
    expect(carriesOwnRomanisation(at('b'), '科技前沿')).toBe(true);
    expect(carriesOwnRomanisation(at('c'), '科技前沿 KEJI QIANYAN')).toBe(true);
    expect(carriesOwnRomanisation(at('d'), '记者在现场采访')).toBe(false);
    expect(isProse(at('d'), '记者在现场采访')).toBe(true);
    // A code or an abbreviation in the text is not the text's romanisation.
    const ears = page(
      '<div id="e"><span>第 7 版 · 民营经济</span><span>国内统一连续出版物号 CN 33-0000</span></div>',
    );
    expect(
      carriesOwnRomanisation(ears.getElementById('e')!, '第 7 版 · 民营经济国内统一连续出版物号 CN 33-0000'),
    ).toBe(false);
  });
});
