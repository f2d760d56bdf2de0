// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blockAround, collectOwnRun, collectRuns, collectWithin } from '../../../lib/dom/runs';
import { dropStale, isDrawn, originalText, renderRun } from '../../../lib/dom/render';
import type { RunView } from '../../../lib/dom/view';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const tpl = doc.createElement('template');
  tpl.innerHTML = html; // test fixture markup
  doc.body.append(tpl.content);
  return doc;
}

/** One token per character, each with a reading. */
function viewOf(text: string): RunView {
  return {
    tokens: [...text].map((c, i) => ({ start: i, end: i + 1, display: c, word: true, ruby: [`py${i}`] })),
  };
}

describe('reading what a page changed', () => {
  it("reads a block's own text without the blocks inside it", () => {
    const doc = page('<div id="d">要闻<b>速递</b><p>第一段的内容</p><p>第二段的内容</p></div>');
    const run = collectOwnRun(doc.getElementById('d')!);
    expect(run?.text).toBe('要闻速递');
    expect(collectOwnRun(page('<div id="d"><p>只有段落</p></div>').getElementById('d')!)).toBeNull();
  });

  it('reads an added paragraph without the feed around it', () => {
    const doc = page('<div id="feed">标题文字<p>旧的段落</p><p id="new">新的段落</p></div>');
    expect(collectWithin(doc.getElementById('new')!).map((r) => r.text)).toEqual(['新的段落']);
    // An inline element with a block inside: the block is read, the text around it belongs to the feed.
    const mixed = page('<div id="feed">标题<span id="s">附注<p>内嵌段落</p></span></div>');
    expect(collectWithin(mixed.getElementById('s')!).map((r) => r.text)).toEqual(['内嵌段落']);
  });

  it('finds the block a changed node belongs to', () => {
    const doc = page('<div><p id="p">一段<b id="b">文字</b></p></div>');
    expect(blockAround(doc.getElementById('b')!.firstChild!)).toBe(doc.getElementById('p'));
    expect(blockAround(doc.getElementById('p')!)).toBe(doc.getElementById('p'));
  });

  it('reads a drawn block as the page wrote it', () => {
    const doc = page('<p id="p">今天<b>天气</b>很好</p>');
    const [run] = collectRuns(doc);
    renderRun(run, viewOf(run.text));
    // Drawn: the page's nodes are empty, our drawing follows them.
    expect(collectOwnRun(doc.getElementById('p')!)).toBeNull();
    const again = collectOwnRun(doc.getElementById('p')!, { textOf: originalText });
    expect(again?.text).toBe('今天天气很好');
    expect(again?.pieces.map((p) => p.node)).toEqual(run.pieces.map((p) => p.node));
  });

  it('takes the drawing of a rewritten node away and leaves the rest drawn', () => {
    const doc = page('<p id="p">今天<b>天气</b>很好</p>');
    const [run] = collectRuns(doc);
    const rendered = renderRun(run, viewOf(run.text));
    const p = doc.getElementById('p')!;
    const b = doc.querySelector('b')!;
    const node = b.firstChild as Text;
    node.data = '心情';
    dropStale(node, false);
    expect(isDrawn(node)).toBe(false);
    expect(p.textContent).toBe('今天心情很好');
    expect(rendered.hosts).toHaveLength(2);
    expect(p.querySelectorAll('dubao-t')).toHaveLength(2);
    expect(collectOwnRun(p, { textOf: originalText })?.text).toBe('今天心情很好');
  });

  it('gives a node the page took out its text back', () => {
    const doc = page('<p id="p">今天天气很好</p>');
    const [run] = collectRuns(doc);
    renderRun(run, viewOf(run.text));
    const p = doc.getElementById('p')!;
    const node = p.firstChild as Text;
    node.remove();
    dropStale(node, true);
    expect(node.data).toBe('今天天气很好');
    expect(p.innerHTML).toBe('');
  });
});
