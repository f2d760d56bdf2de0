import { readFileSync } from 'node:fs';
import { SOURCE_PATH } from '../build-sample';
import { readRun } from '../../lib/text/pinyin';
import { createSegmenter } from '../../lib/text/segment';
import { defaultLexicon } from '../../lib/text/lexicon-default';
import { getConverter } from '../../lib/text/convert';
import { log, median, round } from './stats';

export interface LibThroughput {
  pinyinCharsPerMs: number;
  segmentCharsPerMs: number;
  convertCharsPerMs: number;
}

/** The newspaper's printed lines joined into paragraphs (blank lines split them), as the reader sees runs. */
export function newspaperRuns(): string[] {
  return readFileSync(SOURCE_PATH, 'utf8')
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((l) => l.trim())
        .join(''),
    )
    .filter((t) => t.length > 0);
}

/**
 * Characters per millisecond of `fn` over all runs: one warm-up pass (lazy tables, JIT), then the median of
 * `passes` timed passes.
 */
function charsPerMs(runs: string[], fn: (text: string) => unknown, passes = 7): number {
  const chars = runs.reduce((n, r) => n + r.length, 0);
  for (const r of runs) fn(r);
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    for (const r of runs) fn(r);
    times.push(performance.now() - t0);
  }
  return round(chars / median(times), 1);
}

export function measureLibThroughput(): LibThroughput {
  const runs = newspaperRuns();
  log(`lib: ${runs.length} runs, ${runs.reduce((n, r) => n + r.length, 0)} characters of the newspaper page`);
  const segmenter = createSegmenter(defaultLexicon());
  const tw = getConverter('tw');
  return {
    pinyinCharsPerMs: charsPerMs(runs, (t) => readRun(t)),
    segmentCharsPerMs: charsPerMs(runs, (t) => segmenter.segment(t)),
    convertCharsPerMs: charsPerMs(runs, tw),
  };
}
