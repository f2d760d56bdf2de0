/**
 * Scores the segmenter against gold segmentations: one sentence a line, words separated by white space.
 * Word precision/recall/F1 count a word as right when both its boundaries are (the SIGHAN bakeoff measure).
 * Usage: `npx tsx tools/score-segment.ts GOLD_FILE… [--baseline]` (--baseline also scores Intl.Segmenter('zh')).
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

/** Word spans [start, end) of a list of words laid end to end. */
function spans(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const w of words) {
    out.add(`${at}:${at + w.length}`);
    at += w.length;
  }
  return out;
}

export function scoreLines(gold: readonly string[][], predicted: readonly string[][]): Score {
  let g = 0;
  let p = 0;
  let correct = 0;
  gold.forEach((words, i) => {
    const a = spans(words);
    const b = spans(predicted[i]);
    g += a.size;
    p += b.size;
    for (const s of b) if (a.has(s)) correct++;
  });
  const precision = p ? correct / p : 0;
  const recall = g ? correct / g : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold: g, predicted: p, correct };
}

const isMain = process.argv[1]?.endsWith('score-segment.ts');
if (isMain) {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const baseline = process.argv.includes('--baseline');
  const gold = files
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .map((l) => l.trim().split(/\s+/).filter(Boolean))
    .filter((ws) => ws.length > 0);
  const raw = gold.map((ws) => ws.join(''));
  const t0 = performance.now();
  const seg = createSegmenter(defaultLexicon());
  const t1 = performance.now();
  const ours = raw.map((line) =>
    seg
      .segment(line)
      .map((t) => t.text)
      .filter((t) => t.trim() !== ''),
  );
  const t2 = performance.now();
  const chars = raw.reduce((n, l) => n + l.length, 0);
  const fmt = (s: Score) =>
    `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (${s.correct}/${s.gold} gold, ${s.predicted} predicted)`;
  console.log(`sentences ${gold.length}, characters ${chars}`);
  console.log(`dubao:          ${fmt(scoreLines(gold, ours))}`);
  console.log(
    `  lexicon load ${(t1 - t0).toFixed(0)} ms, segment ${(chars / (t2 - t1)).toFixed(0)} chars/ms (cold)`,
  );
  if (baseline) {
    const intl = new Intl.Segmenter('zh', { granularity: 'word' });
    const theirs = raw.map((line) =>
      Array.from(intl.segment(line), (s) => s.segment).filter((t) => t.trim() !== ''),
    );
    console.log(`Intl.Segmenter: ${fmt(scoreLines(gold, theirs))}`);
  }
  if (process.argv.includes('--diff')) {
    gold.forEach((ws, i) => {
      const a = ws.join(' ');
      const b = ours[i].join(' ');
      if (a !== b) console.log(`gold: ${a}\nours: ${b}\n`);
    });
  }
}
