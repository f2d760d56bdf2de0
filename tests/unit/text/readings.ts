import { expect } from 'vitest';
import { readRun } from '../../../lib/text/pinyin';

/** The syllables drawn over every `ch` of `text`, in order; the text must hold it. */
export function readingsOf(text: string, ch: string): (string | null)[] {
  const got = readRun(text)
    .filter((r) => r.char === ch)
    .map((r) => r.pinyin);
  expect(got.length).toBeGreaterThan(0);
  return got;
}
