import { bench, describe } from 'vitest';
import { newspaperRuns } from './lib-throughput';
import { readRun } from '../../lib/text/pinyin';
import { createSegmenter } from '../../lib/text/segment';
import { defaultLexicon } from '../../lib/text/lexicon-default';
import { getConverter } from '../../lib/text/convert';
import { builtinGlossary, createTermMatcher } from '../../lib/glossary';

// The newspaper page's text (about 7,700 characters in 92 runs), as the reader hands it to lib/ run by run.
const runs = newspaperRuns();
const segmenter = createSegmenter(defaultLexicon());
const tw = getConverter('tw');
const twRuns = runs.map((r) => tw(r));
const matcher = createTermMatcher(builtinGlossary());

describe('lib over the sample newspaper page', () => {
  bench('pinyin: readRun', () => {
    for (const r of runs) readRun(r);
  });
  bench('segment: default lexicon', () => {
    for (const r of runs) segmenter.segment(r);
  });
  bench('convert: Simplified → Traditional (tw)', () => {
    for (const r of runs) tw(r);
  });
  // Matching runs over every page the reader draws, in the page's own script.
  bench('terms: glossary matcher, Simplified', () => {
    for (const r of runs) matcher.find(r);
  });
  bench('terms: glossary matcher, the page in Traditional (tw)', () => {
    for (const r of twRuns) matcher.find(r);
  });
  bench('terms: building the matcher over the built-in glossary', () => {
    createTermMatcher(builtinGlossary());
  });
});
