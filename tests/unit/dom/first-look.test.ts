import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { firstLook, hasCjk, pageLook, titleLook } from '../../../lib/dom/first-look';

const doc = (body: string, head = '') =>
  new new Window().DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  ) as unknown as Document;

describe('firstLook (the detector on every page)', () => {
  it('sees CJK in the title alone', () => {
    expect(firstLook(doc('<p>Hello</p>', '<title>新闻 — News</title>'))).toBe('cjk');
  });

  it('reads a short English page whole, so a page that scripts fill later is looked at again', () => {
    expect(firstLook(doc('<p>Markets opened higher on Monday.</p>'))).toBe('whole');
    expect(firstLook(doc(''))).toBe('whole');
  });

  it('sees a few Chinese words anywhere on a short page (the full detector then decides about prose)', () => {
    expect(firstLook(doc('<nav><a>English</a> <a>中文</a></nav><p>Welcome.</p>'))).toBe('cjk');
  });

  it('does not count Chinese inside scripts, styles and templates, which no one reads on the page', () => {
    const code =
      '<script>window.i18n = {"zh": "简体中文", "title": "新闻"};</script><style>/* 标题 */</style>' +
      '<template><p>模板里的中文</p></template>';
    expect(firstLook(doc(`<p>Markets opened higher on Monday.</p>${code}`))).toBe('whole');
    expect(firstLook(doc(`${code}<p>银行今天公布了新的利率政策。</p>`))).toBe('cjk');
  });

  it('sees Chinese that only starts deep into a long English page', () => {
    const english = '<p>Markets opened higher on <b>Monday</b> after the data.</p>'.repeat(2500);
    expect(firstLook(doc(english + '<p>银行今天公布了新的利率政策，市场反应平稳。</p>'.repeat(20)))).toBe(
      'cjk',
    );
  });

  it('finds nothing on a long English page', () => {
    const english = '<p>Markets opened higher on <b>Monday</b> after the data.</p>'.repeat(400);
    expect(firstLook(doc(english))).toBe('whole'); // no XPath in happy-dom: read to the end
  });

  it("looks at the title alone at once, and at the page's text a task later", () => {
    const english = '<p>Markets opened higher on <b>Monday</b> after the data.</p>'.repeat(400);
    expect(titleLook(doc(english, '<title>新闻 — News</title>'))).toBe(true);
    expect(titleLook(doc('<h1>银行</h1>', '<title>News</title>'))).toBe(false);
    expect(pageLook(doc('<h1>银行</h1>' + english))).toBe('cjk');
    expect(pageLook(doc(english + '<p>银行今天公布了新的利率政策。</p>'))).toBe('cjk');
    expect(pageLook(doc('<p>Markets opened higher on Monday.</p>'))).toBe('whole');
  });

  it('tells CJK by its characters: Han, kana, Hangul, Han beyond the BMP; not Latin, Cyrillic or punctuation', () => {
    for (const t of ['银行', '銀行', 'ひらがな', 'カタカナ', '한국어', '𠮷', '﨑', 'a中b'])
      expect(hasCjk(t), t).toBe(true);
    for (const t of ['', 'News — “quoted” …', 'Привет', 'café', '。、「」', '½ ©'])
      expect(hasCjk(t), t).toBe(false);
  });
});
