// @vitest-environment happy-dom
/** The generated pages that carry a 20,000-character text node (see roundtrip.test.ts for the others). */
import { describe, it } from 'vitest';
import { isHuge, PAGES, roundTrip } from './roundtrip-check';

describe('render and restore round trip over pages with a huge text node', () => {
  for (let seed = 1; seed <= PAGES; seed++) {
    if (isHuge(seed)) it(`restores page ${seed} node for node`, () => roundTrip(seed));
  }
});
