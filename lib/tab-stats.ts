import type { DetectedStats, PageStats, TabStats } from './messages';

// Per-tab page statistics for the popup, kept by the background (entrypoints/background/tab-stats.ts adds how it
// learns which document a tab shows). Kept in memory: they describe pages that are open now, and a restarted
// worker learns them again from the next detection.
//
// Each tab's stats name the document they describe: the top frame's documentId where the browser gives one
// (Chromium), and its URL. The popup asks for the stats of the document the tab shows now, and stats of an earlier
// document are dropped then. So nothing has to listen to every navigation: a tabs.onUpdated listener starts this
// worker (4.9 MB of script) for every page load in every tab, Chinese or not.

/** The document a report came from, or the one a tab shows now. */
export interface DocumentRef {
  /** The top frame's documentId (Chromium; undefined where the browser gives none). */
  doc?: string;
  /** The top frame's URL. */
  url?: string;
}

interface Entry extends TabStats, DocumentRef {}

const tabs = new Map<number, Entry>();
const EMPTY: TabStats = { detected: null, reader: null };

/** Two URLs of one page (a jump to an anchor stays on it). */
const samePage = (a: string, b: string) => a.split('#')[0] === b.split('#')[0];

/** A report from a frame (not the top one) of a page the entry no longer describes starts the entry afresh. */
function entryFor(tabId: number, where: DocumentRef): Entry {
  const s = tabs.get(tabId);
  if (s && !(s.url && where.url && !samePage(s.url, where.url))) return s;
  return { ...EMPTY, url: where.url };
}

/**
 * The document a message came from, as the stats name it: the top frame's own document and URL; for a frame, the
 * top frame's URL (the frame's documentId is not the page's). Firefox gives no documentId, and a single-page app
 * changes its URL without a new document, so there the top frame's reports name nothing and the background's
 * tabs.onUpdated listener forgets a tab's stats when it loads a new page (entrypoints/background/index.ts).
 */
export function whereOf(sender: {
  frameId?: number;
  url?: string;
  documentId?: string;
  tab?: { url?: string };
}): DocumentRef {
  if ((sender.frameId ?? 0) !== 0) return { url: sender.tab?.url };
  return sender.documentId ? { doc: sender.documentId, url: sender.url } : {};
}

/** `where`: for the top frame its own document; for a frame, the top frame's URL (its document is the frame's). */
export function recordDetected(
  tabId: number,
  frameId: number,
  d: DetectedStats,
  where: DocumentRef = {},
): void {
  if (frameId === 0) {
    tabs.set(tabId, { detected: d, reader: null, doc: where.doc, url: where.url });
    return;
  }
  const s = entryFor(tabId, where);
  // Chinese only in a frame: the popup still describes it.
  tabs.set(tabId, d.chinese && !s.detected?.chinese ? { ...s, detected: d } : s);
}

export function recordReader(tabId: number, stats: PageStats, where: DocumentRef = {}): void {
  const s = entryFor(tabId, where);
  const prev = s.reader;
  // Frames add up; a top-frame re-render replaces.
  tabs.set(tabId, { ...s, reader: prev && prev.runs > stats.runs ? prev : stats });
}

/**
 * The stats of the document `now` describes (what the tab shows when the popup asks): stats recorded for another
 * document are dropped. Where both have a documentId it decides (a single-page app that changed its URL is the same
 * document); otherwise the URL does. `now` null: the tab's page cannot be looked at (a browser page), so stats of a
 * page it showed before are dropped.
 */
export function tabStatsNow(tabId: number, now: DocumentRef | null): TabStats {
  const s = tabs.get(tabId);
  if (!s) return EMPTY;
  const stale = !now
    ? true
    : s.doc && now.doc
      ? s.doc !== now.doc
      : !!(s.url && now.url && !samePage(s.url, now.url));
  if (stale) {
    tabs.delete(tabId);
    return EMPTY;
  }
  return { detected: s.detected, reader: s.reader };
}

export function forgetTab(tabId: number): void {
  tabs.delete(tabId);
}
