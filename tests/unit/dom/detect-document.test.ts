import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectDocument } from '../../../lib/dom/detect-document';

const doc = (body: string, head = '') =>
  new new Window().DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  ) as unknown as Document;

const P_SIMPLIFIED =
  '国务院总理今天在北京主持召开国务院常务会议，部署推进乡村振兴的措施，要求各地区各部门抓好落实。';
const P_TRADITIONAL = '行政院長今日在臺北主持院會，說明經濟發展與國際貿易的最新情況，並要求各部會積極落實。';

describe('detectDocument', () => {
  it('finds Simplified prose in a newspaper article and counts its paragraphs', () => {
    const d = doc(`
      <nav><ul><li><a href="/">首页</a></li><li><a href="/p">时政</a></li><li><a href="/e">经济</a></li></ul></nav>
      <article><h1>国务院常务会议部署乡村振兴</h1>
        <p>${P_SIMPLIFIED}</p><p>会议指出，<b>要坚持</b>农业农村优先发展，<a href="#">加快建设</a>农业强国。</p>
        <p>${P_SIMPLIFIED}</p></article>`);
    const r = detectDocument(d);
    expect(r.chinese).toBe(true);
    expect(r.script).toBe('simplified');
    expect(r.blocks).toBe(4);
    expect(r.hanChars).toBeGreaterThan(100);
  });

  it('finds Traditional prose', () => {
    const r = detectDocument(doc(`<div class="story"><p>${P_TRADITIONAL}</p><p>${P_TRADITIONAL}</p></div>`));
    expect(r).toMatchObject({ chinese: true, script: 'traditional', blocks: 2 });
  });

  it('says no for an English page, even with a few Chinese words in its menu', () => {
    const r = detectDocument(
      doc(`<h1>Golden Dragon</h1><ul class="menu"><li>Kung Pao Chicken 宫保鸡丁 $12</li><li>Mapo Tofu 麻婆豆腐 $10</li></ul>
           <p>Welcome to our restaurant. We serve Sichuan food every day from noon.</p>`),
    );
    expect(r.chinese).toBe(false);
    expect(r.blocks).toBe(0);
    expect(r.hanChars).toBe(8);
  });

  it('says no for Japanese, kanji-only headings included', () => {
    const r = detectDocument(
      doc(`<h2>東京都知事選挙結果速報一覧</h2>
           <p>東京都の小池知事は記者会見で、新型コロナウイルスの感染状況について詳しく説明しました。</p>`),
    );
    expect(r.chinese).toBe(false);
  });

  it('ignores navigation, menus, buttons and link lists however Chinese they are', () => {
    const r = detectDocument(
      doc(`<nav>${P_SIMPLIFIED}</nav><div role="menu">${P_SIMPLIFIED}</div><button>${P_SIMPLIFIED}</button>
           <ul><li><a href="/1">${P_SIMPLIFIED}</a></li><li><a href="/2">${P_SIMPLIFIED}</a></li></ul>`),
    );
    expect(r.blocks).toBe(0);
    expect(r.chinese).toBe(false);
  });

  it('skips script, style, code, form fields, editable areas and our own UI', () => {
    const r = detectDocument(
      doc(
        `<script>var s = "${P_SIMPLIFIED}";</script><style>/* ${P_SIMPLIFIED} */</style><noscript>${P_SIMPLIFIED}</noscript>
         <pre>${P_SIMPLIFIED}</pre><code>${P_SIMPLIFIED}</code><textarea>${P_SIMPLIFIED}</textarea>
         <div contenteditable="true"><p>${P_SIMPLIFIED}</p></div><div data-dubao-ui><p>${P_SIMPLIFIED}</p></div>`,
        `<title>${P_SIMPLIFIED}</title>`,
      ),
    );
    expect(r).toEqual({ chinese: false, script: null, hanChars: 0, blocks: 0 });
  });

  it('handles empty documents, white space, emoji and astral characters', () => {
    expect(detectDocument(doc(''))).toEqual({ chinese: false, script: null, hanChars: 0, blocks: 0 });
    expect(detectDocument(doc('   \n  ')).hanChars).toBe(0);
    const r = detectDocument(doc(`<p>😀 𠮷野家的牛肉饭很好吃，我们每个星期都去那里吃午饭。👍</p>`));
    expect(r.chinese).toBe(true);
    expect(r.hanChars).toBe(23);
  });

  it('stops early on a long Chinese page and still answers', () => {
    const r = detectDocument(doc(`<p>${P_SIMPLIFIED}</p>`.repeat(2000)));
    expect(r.chinese).toBe(true);
    expect(r.blocks).toBeGreaterThanOrEqual(12);
    expect(r.blocks).toBeLessThan(2000);
  });

  it('still finds Chinese prose that only starts deep into a long English page', () => {
    const english = '<p>Markets opened higher on <b>Monday</b> after the data.</p>'.repeat(2500);
    const r = detectDocument(doc(english + `<p>${P_SIMPLIFIED}</p>`.repeat(20)));
    expect(r.chinese).toBe(true);
    expect(r.blocks).toBe(20);
  });

  it('dismisses a 1 MB English page', () => {
    const para = '<p>The quick brown fox jumps over the lazy dog. '.repeat(20) + '</p>';
    const d = doc(para.repeat(Math.ceil(1_000_000 / para.length)));
    const r = detectDocument(d);
    // Speed is the bench's job (detectorMs against its floor, in Chromium); here only the answer.
    expect(r).toEqual({ chinese: false, script: null, hanChars: 0, blocks: 0 });
  });
});
