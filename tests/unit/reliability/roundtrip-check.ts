/** The round trip run on one generated page, shared by the ordinary and the huge-page test files. */
import { expect } from 'vitest';
import { collectRuns } from '../../../lib/dom/runs';
import { renderRun, restoreRun, type RenderedRun } from '../../../lib/dom/render';
import { buildView, type ViewEngine, type ViewSettings } from '../../../lib/engine/build-view';
import { builtinGlossary, createTermMatcher, termsForEngine } from '../../../lib/glossary';
import { createSegmenter } from '../../../lib/text/segment';
import { defaultLexicon } from '../../../lib/text/lexicon-default';
import { getWordConverter } from '../../../lib/text/convert';
import { PINYIN_STYLES, SCRIPT_TARGETS } from '../../../lib/settings';
import { randomBody, rng } from './generate-dom';

/** 200 pages in all: the huge ones in their own file, so the two files run side by side. */
export const PAGES = 200;
export const isHuge = (seed: number) => seed % 100 === 50;

let base: Omit<ViewEngine, 'convert'> | null = null;

/** The engine the reader builds for these settings (entrypoints/reader.content/start.ts). */
function engineFor(s: ViewSettings): ViewEngine {
  if (!base) {
    const glossary = builtinGlossary();
    const terms = termsForEngine(glossary);
    base = {
      segmenter: createSegmenter(defaultLexicon()),
      terms,
      termWords: terms.map((t) => t.word),
      matcher: createTermMatcher(glossary),
    };
  }
  return { ...base, convert: s.script === 'original' ? undefined : getWordConverter(s.script) };
}

function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    out.push(n);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return out;
}

/**
 * Every node with its depth, kind, name, attributes in order and data: two adjacent text nodes "a" + "b" and one
 * text node "ab" serialise differently, as do an empty text node and none.
 */
function structure(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node, depth: number) => {
    let line = `${depth} ${n.nodeType} ${n.nodeName}`;
    if (n.nodeType === 1) {
      for (const a of (n as Element).attributes) line += ` ${a.name}=${JSON.stringify(a.value)}`;
      if (n.nodeName === 'INPUT') line += ` .value=${JSON.stringify((n as HTMLInputElement).value)}`;
    } else line += ` ${JSON.stringify((n as CharacterData).data)}`;
    out.push(line);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
  };
  walk(root, 0);
  return out;
}

interface Snapshot {
  html: string;
  structure: string[];
  nodes: Node[];
}

function snapshot(doc: Document): Snapshot {
  return { html: doc.body.outerHTML, structure: structure(doc.body), nodes: allNodes(doc.body) };
}

function expectSame(doc: Document, before: Snapshot, what: string): void {
  expect(doc.body.outerHTML, what).toBe(before.html);
  expect(structure(doc.body), what).toEqual(before.structure);
  const now = allNodes(doc.body);
  expect(now.length, what).toBe(before.nodes.length);
  // Node identity, not only equal-looking nodes: frameworks hold references to the page's text nodes.
  expect(
    now.findIndex((n, i) => n !== before.nodes[i]),
    what,
  ).toBe(-1);
}

const noSpace = (s: string) => s.replace(/\s+/g, '');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The settings one page goes through: random ones, back and forth, always from the kept original. Pages with a
 * 20,000-character node take a shorter tour: drawing 20,000 ruby elements takes seconds in happy-dom.
 */
function settingsTour(seed: number, huge: boolean): ViewSettings[] {
  const r = rng(seed ^ 0x5eed);
  const one = (): ViewSettings => ({
    pinyin: r.chance(0.75),
    pinyinStyle: r.pick(PINYIN_STYLES),
    script: r.pick(SCRIPT_TARGETS),
  });
  const original: ViewSettings = { pinyin: true, pinyinStyle: r.pick(PINYIN_STYLES), script: 'original' };
  const a = one();
  // Half the pages come back to the published script, where the text shown must be the text published.
  const b = seed % 2 === 0 ? original : one();
  return huge ? [a, original] : [a, b, a];
}

function renderAll(doc: Document, s: ViewSettings): RenderedRun[] {
  const engine = engineFor(s);
  return collectRuns(doc).map((run) => renderRun(run, buildView(run.text, s, engine)));
}

/**
 * Generates page `seed`, then for each settings of its tour: restores what was drawn (and checks the page is
 * exactly as generated), draws again and checks what a reader sees. Ends restored and checked once more.
 */
export function roundTrip(seed: number): void {
  const huge = isHuge(seed);
  const doc = document.implementation.createHTMLDocument('t');
  randomBody(doc, seed, { huge });
  const before = snapshot(doc);
  const text = noSpace(doc.body.textContent ?? '');

  let rendered: RenderedRun[] = [];
  for (const [step, s] of settingsTour(seed, huge).entries()) {
    const what = `page ${seed}, step ${step}, ${JSON.stringify(s)}`;
    for (const r of rendered) restoreRun(r);
    expectSame(doc, before, `${what}: restored before the change`);
    rendered = renderAll(doc, s);
    const shown = doc.body.textContent ?? '';
    // Pinyin lives in attributes: the page text a reader sees and copies is the original text.
    if (s.script === 'original') expect(noSpace(shown), what).toBe(text);
    expect(shown, what).not.toMatch(LONE_SURROGATE);
    if (rendered.length > 0 && (s.pinyin || s.script !== 'original'))
      expect(doc.body.querySelector('dubao-t'), what).not.toBeNull();
    if (s.pinyin && rendered.some((r) => /[一-龥]/.test(r.run.text)))
      expect(doc.body.querySelector('dubao-t [data-py]'), what).not.toBeNull();
  }
  for (const r of rendered) restoreRun(r);
  expectSame(doc, before, `page ${seed}: restored at the end`);
}
