import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Waits until the page's height stops changing: the reader draws ruby for what scrolls into view a moment
 * later, which moves the text below; a pointer aimed before that would land on another word.
 */
export async function waitForStableLayout(page: Page, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let stable = 0;
  while (Date.now() < end && stable < 3) {
    const h = await page.evaluate(
      () => document.documentElement.scrollHeight + document.querySelectorAll('dubao-t [data-py]').length,
    );
    stable = h === last ? stable + 1 : 0;
    last = h;
    await page.waitForTimeout(150);
  }
}

/** Puts the pointer on the first character of `word` where the reader drew it with ruby. */
export async function hoverWord(page: Page, word: string): Promise<void> {
  // Scroll first, let the reader draw what came into view (it changes line heights), then measure.
  await page.evaluate((w) => {
    const ruby = [...document.querySelectorAll('dubao-t [data-py]')].find((r) => r.textContent === w);
    ruby?.scrollIntoView({ block: 'center' });
  }, word);
  await page.waitForTimeout(500);
  await waitForStableLayout(page);
  const box = await page.evaluate((w) => {
    for (const ruby of document.querySelectorAll('dubao-t [data-py]')) {
      if (ruby.textContent !== w) continue;
      const r = document.createRange();
      r.setStart(ruby.firstChild!, 0);
      r.setEnd(ruby.firstChild!, 1);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;
  }, word);
  expect(box, `${word} should be on the page`).not.toBeNull();
  await page.mouse.move(1, 1); // from outside the text: a card opened on the way could cover the word
  await page.mouse.move(box!.x, box!.y);
}
