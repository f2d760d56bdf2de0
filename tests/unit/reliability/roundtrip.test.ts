// @vitest-environment happy-dom
/**
 * Whatever the page looks like and however often the settings change, taking the reader off gives back the very
 * same DOM: the same node objects, in the same places, with the same text and attributes.
 */
import { describe, expect, it } from 'vitest';
import { collectRuns } from '../../../lib/dom/runs';
import { randomBody } from './generate-dom';
import { isHuge, PAGES, roundTrip } from './roundtrip-check';

describe('render and restore round trip over generated pages', () => {
  it('finds Chinese in most generated pages (the generator is not trivially empty)', () => {
    let withRuns = 0;
    for (let seed = 1; seed <= PAGES; seed++) {
      const doc = document.implementation.createHTMLDocument('t');
      randomBody(doc, seed, { huge: false });
      if (collectRuns(doc).length > 0) withRuns++;
    }
    expect(withRuns).toBeGreaterThan(PAGES * 0.8);
  });

  for (let start = 1; start <= PAGES; start += 20) {
    it(`restores pages ${start}–${start + 19} node for node after every settings change`, () => {
      for (let seed = start; seed < start + 20; seed++) if (!isHuge(seed)) roundTrip(seed);
    });
  }
});
