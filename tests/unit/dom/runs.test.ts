// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectRuns } from '../../../lib/dom/runs';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const tpl = doc.createElement('template');
  tpl.innerHTML = html; // test fixture markup, not page or user text at run time
  doc.body.append(tpl.content);
  return doc;
}

describe('collectRuns', () => {
  it('joins a paragraph across inline tags into one run', () => {
    const doc = page('<p>率先探索建立<b>共同</b><a href="#">富裕</a>体制机制。</p>');
    const [run] = collectRuns(doc);
    expect(run.text).toBe('率先探索建立共同富裕体制机制。');
    expect(run.pieces).toHaveLength(4);
  });

  it('joins print lines that cut a word, with no space between Han characters', () => {
    const doc = page('<p>率先探索建立共同富裕体制机<br>\n制，特别是建立健全浙商先富带后富</p>');
    expect(collectRuns(doc)[0].text).toBe('率先探索建立共同富裕体制机制，特别是建立健全浙商先富带后富');
    const lines = page(
      '<div class="para"><div class="ln">共同富裕体制机</div>\n<div class="ln">制，特别是</div></div>',
    );
    const runs = collectRuns(lines);
    expect(runs).toHaveLength(1);
    expect(runs[0].text).toBe('共同富裕体制机制，特别是');
  });

  it('keeps one space between Latin words and maps every piece back to its text node', () => {
    const doc = page('<p>平台 WiFi 万能钥匙</p>');
    const [run] = collectRuns(doc);
    expect(run.text).toBe('平台 WiFi 万能钥匙');
    for (const p of run.pieces) {
      expect(p.node.data.slice(p.nodeOffset, p.nodeOffset + p.end - p.start)).toBe(
        run.text.slice(p.start, p.end),
      );
    }
  });

  it('leaves inputs, textareas, editable text, code and our own UI alone', () => {
    const doc = page(
      '<p>正文里的银行。</p><textarea>银行</textarea><input value="银行"><div contenteditable="true">可编辑的银行</div>' +
        '<pre>预格式银行</pre><p>代码<code>银行</code>之外</p><div data-dubao-ui>我们的界面</div>',
    );
    const texts = collectRuns(doc).map((r) => r.text);
    expect(texts).toEqual(['正文里的银行。', '代码之外']);
  });

  it('returns no run for English or empty pages, and separate runs for separate blocks', () => {
    expect(collectRuns(page('<p>Only English here.</p>'))).toEqual([]);
    expect(collectRuns(page(''))).toEqual([]);
    const runs = collectRuns(page('<h1>标题</h1><p>第一段。</p><ul><li>条目一</li><li>条目二</li></ul>'));
    expect(runs.map((r) => r.text)).toEqual(['标题', '第一段。', '条目一', '条目二']);
  });
  it('keeps a space the page put between Chinese words, and drops only line breaks between CJK characters', () => {
    expect(collectRuns(page('<h2>记忆自学 人工智能</h2>'))[0].text).toBe('记忆自学 人工智能');
    expect(collectRuns(page('<p>什么—— 如果</p>'))[0].text).toBe('什么—— 如果');
    expect(collectRuns(page('<p>体制机\n  制</p>'))[0].text).toBe('体制机制');
    expect(collectRuns(page('<p>体制机 <br> 制</p>'))[0].text).toBe('体制机制');
  });
});
