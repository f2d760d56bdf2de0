import { bench, describe } from 'vitest';
import { newspaperRuns } from '../../tools/bench/lib-throughput';
import { readRun } from '../../lib/text/pinyin';
import { createSegmenter } from '../../lib/text/segment';
import { defaultLexicon } from '../../lib/text/lexicon-default';
import { getConverter } from '../../lib/text/convert';

// The newspaper page's text (about 7,700 characters in 92 runs), as the reader hands it to lib/ run by run.
const runs = newspaperRuns();
const segmenter = createSegmenter(defaultLexicon());
const tw = getConverter('tw');

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
});
