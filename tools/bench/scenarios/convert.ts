import type { BenchPages, ExtensionBrowser } from '../browser';
import { extensionPage, sendFromExtension, waitForRuby } from '../browser';
import { log } from '../stats';

/**
 * Watches the page for its heading to read `want` and records when it first does, on the clock all tabs share
 * (performance.timeOrigin + performance.now(), ms since the epoch).
 */
function watchHeading(want: string): string {
  return `(() => {
    const w = window;
    w.__converted = null;
    w.__painted = null;
    const check = () => {
      if (w.__converted == null && (document.querySelector('h1')?.textContent ?? '').includes(${JSON.stringify(want)})) {
        w.__converted = performance.timeOrigin + performance.now();
        w.__convertObserver.disconnect();
        // The frame after the change lays out and paints it; a task posted from its rAF runs after that paint.
        requestAnimationFrame(() => setTimeout(() => (w.__painted = performance.timeOrigin + performance.now()), 0));
      }
    };
    w.__convertObserver = new MutationObserver(check);
    w.__convertObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
  })();`;
}

/**
 * Whole-page script conversion of the 100k page: the setting is changed from an extension page, as the popup
 * does, and the time runs from just before that message is sent (absolute time in the extension page) to the
 * MutationObserver callback in the page that first sees the converted heading (absolute time in the page). The
 * reader re-renders all the blocks it has on screen in one task, so that callback comes right after the whole
 * visible page is converted; blocks further down are converted when scrolled to, as they are rendered. The
 * first switch also builds the converter; it is reported apart, and the median of the warm switches is the result.
 * `warmPainted` runs to the end of the frame that paints the converted text. Nothing is subtracted: the message, the settings storage and the change event are part of what the user waits
 * for.
 */
export async function measureConvert(
  b: ExtensionBrowser,
  pages: BenchPages,
  warmRuns = 5,
): Promise<{ cold: number; warm: number[]; warmPainted: number[] }> {
  const page = await b.context.newPage();
  await page.goto(pages.url(pages.bigZh), { waitUntil: 'load' });
  await waitForRuby(page);
  await page.waitForTimeout(500);
  const ext = await extensionPage(b);
  // The extension page opens as a new tab in front of the page; headless Chromium then lets the page behind it paint
  // about once a second (a page changing its text every frame got 1-3 frames a second, the same page in front 50).
  // The popup the user changes the script from sits over the page, which keeps painting: the page is put in front.
  await page.bringToFront();
  const host = new URL(pages.server.url).host;
  const painted: number[] = [];
  const switchTo = async (script: 'tw' | 'original', heading: string): Promise<number> => {
    await page.evaluate(watchHeading(heading));
    const t0 = await ext.evaluate(() => performance.timeOrigin + performance.now());
    const r = await sendFromExtension<{ error?: string }>(ext, {
      type: 'setSettings',
      scope: 'site',
      patch: { script },
      host,
    });
    if (r?.error) throw new Error(`setSettings: ${r.error}`);
    await page.waitForFunction(
      () => (window as unknown as { __converted: number | null }).__converted != null,
      null,
      {
        timeout: 30_000,
      },
    );
    await page.waitForFunction(
      () => (window as unknown as { __painted: number | null }).__painted != null,
      null,
      {
        timeout: 30_000,
      },
    );
    const t = await page.evaluate(() => {
      const w = window as unknown as { __converted: number; __painted: number };
      return { __converted: w.__converted, __painted: w.__painted };
    });
    if (script === 'tw') painted.push(t.__painted - t0);
    await page.waitForTimeout(200);
    return t.__converted - t0;
  };
  try {
    const cold = await switchTo('tw', '長頁');
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i++) {
      const back = await switchTo('original', '长页');
      warm.push(await switchTo('tw', '長頁'));
      if (i === 0) log(`convert: back to original ${back.toFixed(1)} ms`);
    }
    return { cold, warm, warmPainted: painted.slice(1) };
  } finally {
    await sendFromExtension(ext, { type: 'setSettings', scope: 'site', patch: { script: 'original' }, host });
    await ext.close();
    await page.close();
  }
}
