import type { DetectedStats, PageStats, TabStats } from '../../lib/messages';

// Per-tab page statistics for the popup. Kept in memory: they describe pages that are open now, and a restarted
// worker learns them again from the next detection.
const tabs = new Map<number, TabStats>();

export function recordDetected(tabId: number, frameId: number, d: DetectedStats): void {
  const s = tabs.get(tabId) ?? { detected: null, reader: null };
  if (frameId === 0) {
    tabs.set(tabId, { detected: d, reader: null });
  } else if (d.chinese && !s.detected?.chinese) {
    // Chinese only in a frame: the popup still describes it.
    tabs.set(tabId, { ...s, detected: d });
  }
}

export function recordReader(tabId: number, stats: PageStats): void {
  const s = tabs.get(tabId) ?? { detected: null, reader: null };
  const prev = s.reader;
  // Frames add up; a top-frame re-render replaces.
  tabs.set(tabId, { ...s, reader: prev && prev.runs > stats.runs ? prev : stats });
}

export function tabStats(tabId: number): TabStats {
  return tabs.get(tabId) ?? { detected: null, reader: null };
}

export function forgetTab(tabId: number): void {
  tabs.delete(tabId);
}
