// The background's per-tab page statistics (lib/tab-stats.ts), and how it learns which document a tab shows now.
export * from '../../lib/tab-stats';
import type { DocumentRef } from '../../lib/tab-stats';

/**
 * The document the tab shows now: its top frame's documentId (from a script that does nothing, run in the
 * extension's isolated world) and URL; null where the page cannot be looked at (a browser page, a closed tab).
 */
export async function documentShown(tabId: number): Promise<DocumentRef | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    const [top] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: () => 0 });
    return { doc: (top as { documentId?: string } | undefined)?.documentId, url: tab.url };
  } catch {
    return null;
  }
}
