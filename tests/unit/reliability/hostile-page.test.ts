// @vitest-environment happy-dom
/** A page that deletes elements it did not make must not lose its own text with them. */
import { describe, expect, it } from 'vitest';
import { collectRuns } from '../../../lib/dom/runs';
import { renderRun, restoreRun } from '../../../lib/dom/render';
import type { RunView } from '../../../lib/dom/view';

function page(): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const p = doc.body.appendChild(doc.createElement('p'));
  p.append('夏季用电', doc.createElement('b'), '高峰来临');
  p.querySelector('b')!.append('负荷');
  return doc;
}

const view = (text: string): RunView => ({
  tokens: Array.from(text, (c, i) => ({ start: i, end: i + 1, display: c, word: true, ruby: ['py'] })),
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('a page that removes our elements', () => {
  it('gets its text back at once, and that text is not drawn again', async () => {
    const doc = page();
    const text = doc.body.textContent;
    const [run] = collectRuns(doc);
    renderRun(run, view(run.text));
    expect(doc.querySelectorAll('dubao-t')).toHaveLength(3);
    for (const host of doc.querySelectorAll('dubao-t')) host.remove();
    await settle();
    expect(doc.body.textContent).toBe(text);

    const [again] = collectRuns(doc);
    const rendered = renderRun(again, view(again.text));
    expect(doc.querySelectorAll('dubao-t')).toHaveLength(0);
    restoreRun(rendered);
    expect(doc.body.textContent).toBe(text);
  });

  it('still draws text whose drawing only the reader itself took away', async () => {
    const doc = page();
    const [run] = collectRuns(doc);
    restoreRun(renderRun(run, view(run.text)));
    await settle();
    const [again] = collectRuns(doc);
    renderRun(again, view(again.text));
    expect(doc.querySelectorAll('dubao-t')).toHaveLength(3);
  });
});

describe('a framework that removes our elements and then updates its text', () => {
  it('gets the new text drawn again', async () => {
    const doc = page();
    const [run] = collectRuns(doc);
    renderRun(run, view(run.text));
    const first = doc.querySelector('p')!.firstChild as Text;
    doc.querySelector('dubao-t')!.remove();
    await settle();
    first.data = '冬季供暖';
    const [again] = collectRuns(doc);
    renderRun(again, view(again.text));
    expect(first.nextSibling?.nodeName).toBe('DUBAO-T');
    expect(first.nextSibling?.textContent).toBe('冬季供暖');
  });
});
