import type { PageView } from './page-view';

const OURS = 'dubao-t, dubao-card, [data-dubao-ui]';

function isOurs(node: Node | null): boolean {
  const el = node instanceof Element ? node : node?.parentElement;
  return !!el?.closest(OURS);
}

/**
 * Script time one pass over the page's changes may take; the rest waits a frame. A page adding a thousand
 * paragraphs a second keeps its own timers and frames: the reader's share of each frame stays small.
 */
export const CHANGES_SLICE_MS = 4;

/** After the next frame (or 50 ms, in a tab that is not painting). */
function afterFrame(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(t);
    fn();
  };
  const t = setTimeout(once, 50);
  requestAnimationFrame(() => setTimeout(once, 0));
}

/**
 * Follows the page when it changes its own text (single-page apps, feeds, live tickers, React or Vue updates).
 * In the observer's callback, before the page is painted, only what cannot wait is done: drawings of text nodes
 * the page rewrote or took out are taken away (never old and new text together). The rest is read once a frame,
 * a slice of CHANGES_SLICE_MS at a time: new blocks are found and drawn when near the screen, changed blocks are
 * drawn again from their new text, blocks the page did not touch keep their drawing and their nodes.
 */
export function watchMutations(page: PageView): { quiet(fn: () => void): void; stop(): void } {
  let planned = false;
  let stopped = false;

  const pass = () => {
    planned = false;
    if (stopped) return;
    let more = false;
    quiet(() => (more = page.applyChanges(CHANGES_SLICE_MS)));
    if (more) plan();
  };

  const plan = () => {
    if (planned || stopped) return;
    planned = true;
    afterFrame(pass);
  };

  const take = (records: MutationRecord[]) => {
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (r.type === 'characterData') {
        page.textChanged(r.target as Text, false, null);
        continue;
      }
      for (const n of r.removedNodes) if (!isOurs(n)) page.nodeRemoved(n, r.target);
      for (const n of r.addedNodes) if (!isOurs(n)) page.nodeAdded(n, r.target);
    }
    if (records.length) plan();
  };

  const observer = new MutationObserver(take);
  const start = () =>
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });

  /** Runs our own DOM changes unobserved; the page's changes still waiting are taken first. */
  function quiet(fn: () => void): void {
    const before = observer.takeRecords();
    observer.disconnect();
    try {
      fn();
    } finally {
      if (!stopped) start();
    }
    if (before.length) take(before);
  }

  start();
  return {
    quiet,
    stop() {
      stopped = true;
      observer.disconnect();
    },
  };
}
