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
      () => document.documentElement.scrollHeight + document.querySelectorAll('ruby').length,
    );
    stable = h === last ? stable + 1 : 0;
    last = h;
    await page.waitForTimeout(150);
  }
}
