// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectRuns } from '../../../lib/dom/runs';
import { markTerms, renderRun, restoreRun } from '../../../lib/dom/render';
import type { RunView, ViewToken } from '../../../lib/dom/view';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const tpl = doc.createElement('template');
  tpl.innerHTML = html;
  doc.body.append(tpl.content);
  return doc;
}

/** One token per character with a fake reading, or the given words. */
function viewOf(
  text: string,
  words: [number, number][],
  opts: { ruby?: boolean; convert?: (s: string) => string } = {},
): RunView {
  const tokens: ViewToken[] = words.map(([start, end]) => {
    const display = opts.convert ? opts.convert(text.slice(start, end)) : text.slice(start, end);
    const token: ViewToken = { start, end, display, word: /\p{Script=Han}/u.test(display) };
    if (opts.ruby && token.word) token.ruby = Array.from(display, (c) => `py(${c})`);
    return token;
  });
  return { tokens };
}

function chars(text: string): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  for (const c of text) {
    out.push([i, i + c.length]);
    i += c.length;
  }
  return out;
}

/** Word spans from the run text written with `|` between its words: '他|在|银行' is [0,1], [1,2], [2,4]. */
function words(split: string): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  for (const w of split.split('|')) {
    out.push([i, i + w.length]);
    i += w.length;
  }
  return out;
}

/** What a reader sees as text: the characters, without the pinyin that lives in attributes. */
function visibleText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, '');
}

describe('renderRun and restoreRun', () => {
  const cases = [
    '<p>率先探索建立<b>共同</b><a href="#">富<i>裕</i></a>体制机<br>\n制。</p>',
    '<p>表情😀和𠮷字，English words 与 <span dir="rtl">עברית</span> 混排。</p>',
    '<div><p>甲段落</p>乙<em>文字</em>丙</div>',
  ];

  for (const html of cases) {
    it(`restores the exact original DOM node for node: ${html.slice(0, 30)}`, () => {
      const doc = page(html);
      const original = doc.body.cloneNode(true);
      const textNodes: Text[] = [];
      const walker = doc.createTreeWalker(doc.body, 4);
      while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
      const rendered = collectRuns(doc).map((run) =>
        renderRun(run, viewOf(run.text, chars(run.text), { ruby: true })),
      );
      expect(doc.body.querySelectorAll('dubao-w[data-py]').length).toBeGreaterThan(0);
      // The page's own text nodes are still in the document, emptied, not removed.
      for (const t of textNodes) expect(t.isConnected).toBe(true);
      rendered.forEach(restoreRun);
      expect(doc.body.isEqualNode(original)).toBe(true);
      expect(doc.body.innerHTML).toBe((original as HTMLElement).innerHTML);
    });
  }

  it('draws every character of the page, spaces, line breaks and zero-width characters included', () => {
    const html =
      '<h2>记忆自学 人工智能</h2><p>  什么——\u00a0如果\n  他在<b>银行 </b>\n工作。\u200b好\ufeff的  Wi  Fi</p>' +
      '<p>体制机<br>\n制，\u3000特别是</p>';
    const doc = page(html);
    const before = doc.body.textContent;
    const original = doc.body.cloneNode(true);
    const rendered = collectRuns(doc).map((run) =>
      renderRun(run, viewOf(run.text, chars(run.text), { ruby: true })),
    );
    expect(doc.body.querySelectorAll('dubao-w[data-py]').length).toBeGreaterThan(10);
    expect(doc.body.textContent).toBe(before);
    rendered.forEach(restoreRun);
    expect(doc.body.isEqualNode(original)).toBe(true);
  });

  it('shows the characters as text and the pinyin only in attributes', () => {
    const doc = page('<p>他在银行工作。</p>');
    const [run] = collectRuns(doc);
    renderRun(run, viewOf(run.text, words('他|在|银行|工作|。'), { ruby: true }));
    expect(visibleText(doc.body)).toBe('他在银行工作。');
    // A word is one element with one annotation, its syllables written together (pinyin spells words so); the
    // characters are its only content.
    const bank = [...doc.body.querySelectorAll('dubao-w')].find((w) => w.textContent === '银行');
    expect(bank?.getAttribute('data-py')).toBe('py(银)py(行)');
    expect([...bank!.childNodes].map((n) => n.nodeType)).toEqual([3]);
  });

  it('annotates character by character for tone colours and zhuyin', () => {
    for (const style of ['colors', 'zhuyin']) {
      const doc = page('<p>银行</p>');
      const [run] = collectRuns(doc);
      renderRun(run, { ...viewOf(run.text, [[0, 2]], { ruby: true }), style });
      expect([...doc.body.querySelectorAll('[data-py]')].map((c) => c.getAttribute('data-py'))).toEqual([
        'py(银)',
        'py(行)',
      ]);
    }
  });

  it('draws a word with characters that have no reading as plain text around one box per read character', () => {
    const doc = page('<p>1月20日</p>');
    const [run] = collectRuns(doc);
    const view: RunView = {
      tokens: [{ start: 0, end: 5, display: '1月20日', word: true, ruby: [null, 'yuè', null, null, 'rì'] }],
    };
    const r = renderRun(run, view);
    const w = doc.body.querySelector('dubao-w')!;
    // The digits stay text of the line (a box a character would stack them); each box has one annotation.
    expect([...w.childNodes].map((n) => (n.nodeType === 3 ? n.textContent : n.nodeName))).toEqual([
      '1',
      'DUBAO-C',
      '20',
      'DUBAO-C',
    ]);
    expect([...w.querySelectorAll('dubao-c')].map((c) => c.getAttribute('data-py'))).toEqual(['yuè', 'rì']);
    expect(visibleText(doc.body)).toBe('1月20日');
    restoreRun(r);
    expect(doc.body.innerHTML).toBe('<p>1月20日</p>');
  });

  it('keeps closing punctuation with the word before it and an opening quote with the word after it', () => {
    const doc = page('<p>他说“银行”，好。</p>');
    const [run] = collectRuns(doc);
    const r = renderRun(run, viewOf(run.text, words('他说|“|银行|”|，|好|。'), { ruby: true }));
    // A word is a box a line may break beside whatever is there: the punctuation joins it in a <dubao-g> (the comma
    // after the quote is kept by the line breaker's own rules).
    const groups = [...doc.body.querySelectorAll('dubao-g')].map((g) => g.textContent);
    expect(groups).toEqual(['“银行”', '好。']);
    expect(visibleText(doc.body)).toBe('他说“银行”，好。');
    restoreRun(r);
    expect(doc.body.innerHTML).toBe('<p>他说“银行”，好。</p>');
  });

  it('keeps a full stop with its word across the space a page put between them', () => {
    const doc = page('<p>坐一下午 。</p>');
    const [run] = collectRuns(doc);
    const r = renderRun(run, viewOf(run.text, words('坐|一下午| |。'), { ruby: true }));
    expect([...doc.body.querySelectorAll('dubao-g')].map((g) => g.textContent)).toEqual(['一下午 。']);
    expect(doc.body.textContent).toBe('坐一下午 。');
    restoreRun(r);
    expect(doc.body.innerHTML).toBe('<p>坐一下午 。</p>');
  });

  it('draws converted text of another length and still restores the original', () => {
    const doc = page('<p>这个项目很好</p>');
    const [run] = collectRuns(doc);
    const conv = (s: string) => (s === '项目' ? '專案' : s === '这个' ? '這個' : s);
    const r = renderRun(run, viewOf(run.text, words('这个|项目|很|好'), { convert: conv }));
    expect(visibleText(doc.body)).toBe('這個專案很好');
    restoreRun(r);
    expect(doc.body.textContent).toBe('这个项目很好');
  });

  it('splits a word that crosses an inline tag, each part over its own characters', () => {
    const doc = page('<p>共同<b>富裕</b></p>');
    const [run] = collectRuns(doc);
    renderRun(run, viewOf(run.text, [[0, 4]], { ruby: true }));
    expect(doc.querySelector('b')?.textContent).toBe('富裕');
    expect(doc.querySelector('b dubao-w[data-py]')?.textContent).toBe('富裕');
  });

  it('marks every drawn part of a term with its category, and only those', () => {
    const doc = page('<p>要坚持共同<b>富裕</b>的方向</p>');
    const [run] = collectRuns(doc);
    const r = renderRun(run, viewOf(run.text, words('要|坚持|共同富裕|的|方向'), { ruby: true }));
    // Spans in any order.
    markTerms(r, [
      { start: 8, end: 10, category: 'ideology' },
      { start: 3, end: 7, category: 'policy' },
    ]);
    const marked = [...doc.querySelectorAll('dubao-w[data-term]')];
    expect(marked.map((el) => [visibleText(el), el.getAttribute('data-term')])).toEqual([
      ['共同', 'policy'],
      ['富裕', 'policy'],
      ['方向', 'ideology'],
    ]);
    restoreRun(r);
    expect(doc.body.innerHTML).toBe('<p>要坚持共同<b>富裕</b>的方向</p>');
  });

  it('does not overwrite text the page changed while it was annotated', () => {
    const doc = page('<p>原来的文字</p>');
    const [run] = collectRuns(doc);
    const node = run.pieces[0].node;
    const r = renderRun(run, viewOf(run.text, chars(run.text), { ruby: true }));
    node.data = '框架改的文字';
    restoreRun(r);
    expect(doc.querySelector('p')?.textContent).toBe('框架改的文字');
    expect(doc.querySelector('dubao-t')).toBeNull();
  });
});
