import { parseStoredSettings, siteTurnedOn } from '../../lib/settings';
import { settingsItem } from '../../lib/storage';

/**
 * Dubao turned on for a site (globally or for the site alone) starts at once in its open tabs, whatever happened
 * to them before: a page loaded while the site was off has a detector that reported and was told no, and no reader.
 * The detector runs again in every frame of those tabs; where a reader is already running it returns at once (the
 * reader follows the settings itself), elsewhere it reports and the reader is injected as on a fresh load.
 */
export function reinjectWhenEnabled(): void {
  settingsItem.watch((next, prev) => void reinject(next, prev));
}

async function reinject(next: unknown, prev: unknown): Promise<void> {
  const before = parseStoredSettings(prev);
  const after = parseStoredSettings(next);
  let tabs: { id?: number; url?: string }[];
  try {
    tabs = await browser.tabs.query({});
  } catch {
    return;
  }
  for (const tab of tabs) {
    if (tab.id == null || !tab.url || !/^(https?|file):/.test(tab.url)) continue;
    if (!siteTurnedOn(before, after, tab.url)) continue;
    browser.scripting
      .executeScript({ target: { tabId: tab.id, allFrames: true }, files: ['/detector.js'] })
      .catch(() => {}); // a page the extension may not script (the store, a closed tab)
  }
}
