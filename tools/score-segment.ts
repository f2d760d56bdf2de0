/**
 * Scores the segmenter against gold segmentations: one sentence a line, words separated by white space.
 * Word precision/recall/F1 count a word as right when both its boundaries are (the SIGHAN bakeoff measure).
 * Usage: `npx tsx tools/score-segment.ts GOLD_FILE… [--glossary] [--baseline] [--diff]` (--glossary: the built-in
 * glossary's terms are passed as pages pass them; --baseline also scores Intl.Segmenter('zh'); --diff prints each
 * sentence where gold and ours differ).
 */
import { readFileSync } from 'node:fs';
import { createSegmenter } from '../lib/text/segment';
import { defaultLexicon } from '../lib/text/lexicon-default';

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface GoldLine {
  /** The sentence as running text: words joined, with a space kept between two Latin words. */
  text: string;
  /** Word spans as "start:end" offsets into `text`. */
  spans: Set<string>;
}

const LATIN_EDGE = /[A-Za-z0-9]/;

export function goldLine(words: readonly string[]): GoldLine {
  let text = '';
  const spans = new Set<string>();
  for (const w of words) {
    if (text && LATIN_EDGE.test(text[text.length - 1]) && LATIN_EDGE.test(w[0])) text += ' ';
    spans.add(`${text.length}:${text.length + w.length}`);
    text += w;
  }
  return { text, spans };
}

export function scoreSpans(gold: readonly Set<string>[], predicted: readonly Set<string>[]): Score {
  let g = 0;
  let p = 0;
  let correct = 0;
  gold.forEach((a, i) => {
    const b = predicted[i];
    g += a.size;
    p += b.size;
    for (const s of b) if (a.has(s)) correct++;
  });
  const precision = p ? correct / p : 0;
  const recall = g ? correct / g : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold: g, predicted: p, correct };
}

/** Spans of the non-blank pieces of a segmentation given as consecutive strings. */
function pieceSpans(pieces: readonly string[]): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const piece of pieces) {
    if (piece.trim() !== '') out.add(`${at}:${at + piece.length}`);
    at += piece.length;
  }
  return out;
}

const isMain = process.argv[1]?.endsWith('score-segment.ts');
if (isMain) {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const baseline = process.argv.includes('--baseline');
  const readGold = (f: string) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .map((l) => l.trim().split(/\s+/).filter(Boolean))
      .filter((ws) => ws.length > 0)
      .map(goldLine);
  const sets = files.map((f) => ({ name: f, gold: readGold(f) }));
  const gold = sets.flatMap((s) => s.gold);
  let terms: string[] | undefined;
  if (process.argv.includes('--glossary')) {
    const { builtinGlossary, termsForEngine } = await import('../lib/glossary/index');
    terms = termsForEngine(builtinGlossary()).map((t) => t.word);
  }
  const t0 = performance.now();
  const seg = createSegmenter(defaultLexicon());
  const t1 = performance.now();
  const ours = gold.map((g) => seg.segment(g.text, { terms }).map((t) => t.text));
  const t2 = performance.now();
  const chars = gold.reduce((n, g) => n + g.text.length, 0);
  const fmt = (s: Score) =>
    `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (${s.correct}/${s.gold} gold, ${s.predicted} predicted)`;
  const goldSpans = gold.map((g) => g.spans);
  // One line per file, then all files together.
  if (sets.length > 1) {
    let at = 0;
    for (const set of sets) {
      const range = (a: readonly Set<string>[]) => a.slice(at, at + set.gold.length);
      console.log(`${set.name}: ${fmt(scoreSpans(range(goldSpans), range(ours.map(pieceSpans))))}`);
      at += set.gold.length;
    }
  }
  console.log(`sentences ${gold.length}, characters ${chars}`);
  console.log(`dubao:          ${fmt(scoreSpans(goldSpans, ours.map(pieceSpans)))}`);
  console.log(
    `  lexicon load ${(t1 - t0).toFixed(0)} ms, segment ${(chars / (t2 - t1)).toFixed(0)} chars/ms (cold)`,
  );
  if (baseline) {
    const intl = new Intl.Segmenter('zh', { granularity: 'word' });
    const theirs = gold.map((g) => Array.from(intl.segment(g.text), (s) => s.segment));
    console.log(`Intl.Segmenter: ${fmt(scoreSpans(goldSpans, theirs.map(pieceSpans)))}`);
  }
  if (process.argv.includes('--diff')) {
    gold.forEach((g, i) => {
      const a = [...g.spans]
        .map((sp) => g.text.slice(...(sp.split(':').map(Number) as [number, number])))
        .join(' ');
      const b = ours[i].filter((t) => t.trim() !== '').join(' ');
      if (a !== b) console.log(`gold: ${a}\nours: ${b}\n`);
    });
  }
}
