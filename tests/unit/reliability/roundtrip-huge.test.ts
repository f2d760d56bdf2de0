// @vitest-environment happy-dom
/** The generated pages that carry a 20,000-character text node (see roundtrip.test.ts for the others). */
import { describe, it } from 'vitest';
import { isHuge, PAGES, roundTrip } from './roundtrip-check';

/**
 * Each page takes ~2.5 s alone; the suite's 30 s timeout was reached once with the machine loaded by a parallel e2e
 * run. A timeout says nothing about the round trip, so these two get more room.
 */
const HUGE_PAGE_TIMEOUT_MS = 120_000;

describe('render and restore round trip over pages with a huge text node', () => {
  for (let seed = 1; seed <= PAGES; seed++) {
    if (isHuge(seed)) it(`restores page ${seed} node for node`, () => roundTrip(seed), HUGE_PAGE_TIMEOUT_MS);
  }
});
