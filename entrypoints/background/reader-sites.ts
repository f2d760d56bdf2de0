import {
  enabledReaderSites,
  parseReaderSites,
  readerSitePatterns,
  withReaderSite,
} from '../../lib/reader-sites';
import { parseStoredSettings, siteKey } from '../../lib/settings';
import { readerSitesItem, settingsItem } from '../../lib/storage';

// The reader as a registered content script on the sites where it drew before (lib/reader-sites.ts). On a first
// visit the page waits for the detector's report, the full detector's injection and the reader's injection, one
// after the other (~100 ms on the sample page); on a return visit the browser runs the site's look
// (entrypoints/site-look.ts) from document_start, which starts the reader a task after DOMContentLoaded. Frames
// keep the injected path.

const SCRIPT_ID = 'dubao-reader-sites';

/** Changes to the registration, one at a time (a page load and a settings change can overlap). */
let queue: Promise<unknown> = Promise.resolve();
const serial = (task: () => Promise<void>) => {
  queue = queue.then(task).catch((err) => console.warn('Dubao: the reader sites were not updated', err));
  return queue;
};

async function register(list: readonly string[]): Promise<void> {
  const api = browser.scripting;
  if (!api?.registerContentScripts) return; // a browser without dynamic content scripts: first-visit path only
  const present = await api.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!list.length) {
    if (present.length) await api.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = {
    id: SCRIPT_ID,
    matches: readerSitePatterns(list),
    js: ['/site-look.js', '/content-scripts/reader.js'],
    runAt: 'document_start' as const,
    allFrames: false,
    persistAcrossSessions: true,
  };
  if (!present.length) await api.registerContentScripts([script]);
  // The worker starts for any navigation after 30 s idle, and syncs at each start: most syncs change nothing.
  else if (!sameRegistration(present[0], script)) await api.updateContentScripts([script]);
}

function sameRegistration(
  present: {
    matches?: string[];
    js?: string[];
    runAt?: string;
    allFrames?: boolean;
    persistAcrossSessions?: boolean;
  },
  want: {
    matches: string[];
    js: string[];
    runAt: string;
    allFrames: boolean;
    persistAcrossSessions: boolean;
  },
): boolean {
  const same = (a: readonly string[] | undefined, b: readonly string[]) =>
    !!a && a.length === b.length && a.every((x, i) => x === b[i]);
  return (
    same(present.matches, want.matches) &&
    // Chromium gives the files back without their leading slash.
    same(
      present.js?.map((f) => f.replace(/^\//, '')),
      want.js.map((f) => f.replace(/^\//, '')),
    ) &&
    present.runAt === want.runAt &&
    !!present.allFrames === want.allFrames &&
    present.persistAcrossSessions !== false
  );
}

/** The reader was injected on this page's site (Chinese prose, Dubao on there): register it for return visits. */
export function rememberReaderSite(url: string | undefined): Promise<unknown> {
  if (!url || !/^https?:/.test(url)) return Promise.resolve();
  const key = siteKey(url);
  return serial(async () => {
    const next = withReaderSite(parseReaderSites(await readerSitesItem.getValue()), key);
    if (!next) return;
    await register(next);
    await readerSitesItem.setValue(next);
  });
}

/** Keeps the registration equal to the stored list, minus the sites where Dubao was turned off. */
function syncReaderSites(rawSettings?: unknown): Promise<unknown> {
  return serial(async () => {
    const list = parseReaderSites(await readerSitesItem.getValue());
    const stored = parseStoredSettings(rawSettings ?? (await settingsItem.getValue()));
    const keep = enabledReaderSites(list, stored);
    await register(keep);
    if (keep.length !== list.length) await readerSitesItem.setValue(keep);
  });
}

/**
 * At every start of the worker (an update drops what an older version registered), on every settings change, and
 * when the list is changed or removed elsewhere (the options page's "Delete all my data").
 */
export function keepReaderSites(): void {
  void syncReaderSites();
  settingsItem.watch((next) => void syncReaderSites(next));
  readerSitesItem.watch(() => void syncReaderSites());
}
