// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { watchEditable } from '../../../lib/reader/editable';
import { editingRegion, isEditable } from '../../../lib/dom/editable';
import { collectRuns } from '../../../lib/dom/runs';

const flush = () => new Promise((ok) => setTimeout(ok, 0));

afterEach(() => {
  document.body.innerHTML = '';
  document.designMode = 'off';
});

describe('editable content', () => {
  it('is what sits in a contenteditable region, but not in one marked false', () => {
    document.body.innerHTML =
      '<div id="ed" contenteditable=""><p id="in">银行</p><p contenteditable="false" id="no">不是</p></div><p id="out">外面</p>';
    const byId = (id: string) => document.getElementById(id)!;
    expect(isEditable(byId('in'))).toBe(true);
    expect(isEditable(byId('no'))).toBe(false);
    expect(isEditable(byId('out'))).toBe(false);
    expect(editingRegion(byId('in'))).toBe(byId('ed'));
    // Runs leave the whole region out, its read-only islands too.
    expect(collectRuns(document).map((r) => r.text)).toEqual(['外面']);
  });

  it('is reported the moment an ancestor becomes editable, as its whole region', async () => {
    document.body.innerHTML = '<article id="a"><section id="s"><p id="p">银行和企业</p></section></article>';
    const released: Element[] = [];
    const watch = watchEditable(document, {
      release: (el) => released.push(el),
      designMode: () => {},
      designModeOff: () => {},
    });
    document.getElementById('s')!.setAttribute('contenteditable', 'true');
    await flush();
    expect(released.map((e) => e.id)).toEqual(['s']);
    document.getElementById('a')!.setAttribute('contenteditable', 'plaintext-only');
    await flush();
    expect(released.map((e) => e.id)).toEqual(['s', 'a']);
    document.getElementById('a')!.setAttribute('contenteditable', 'false');
    await flush();
    expect(released).toHaveLength(2); // made read-only again: nothing to take out
    watch.stop();
  });

  it('in design mode, is the whole document, noticed on the user’s first move towards editing', async () => {
    document.body.innerHTML = '<p id="p">银行和企业</p>';
    let design = 0;
    let off = 0;
    const watch = watchEditable(document, {
      release: () => {},
      designMode: () => design++,
      designModeOff: () => off++,
    });
    document.designMode = 'on';
    document.getElementById('p')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    document.dispatchEvent(new Event('keydown'));
    expect(design).toBe(1);
    expect(collectRuns(document)).toEqual([]);
    // Turned off again: reported once (there is no event; it is checked while design mode lasts), and turned on
    // again, noticed again.
    document.designMode = 'off';
    await new Promise((ok) => setTimeout(ok, 1200));
    expect(off).toBe(1);
    expect(collectRuns(document).map((r) => r.text)).toEqual(['银行和企业']);
    document.designMode = 'on';
    document.dispatchEvent(new Event('keydown'));
    expect(design).toBe(2);
    document.designMode = 'off';
    watch.stop();
  });
});
