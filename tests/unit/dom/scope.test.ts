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
