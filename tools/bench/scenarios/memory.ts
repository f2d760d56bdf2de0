import type { Page } from 'playwright-core';

/** The page's JS heap in use (MB) after two forced garbage collections, read through the DevTools protocol. */
export async function jsHeapUsedMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (used == null) throw new Error('Performance.getMetrics gave no JSHeapUsedSize');
    return used / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}
