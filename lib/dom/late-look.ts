/**
 * The detector's later looks: a page that showed no Chinese prose when the detector first ran (a single-page app's
 * empty shell, a feed that fills in after load) is watched for a while for CJK text it adds. Part of the detector,
 * so it stays tiny and cheap: the observer's callback only tests the text that came in, and the full detector runs
 * a few times at most, further apart each time it finds no prose.
 */
import { CJK } from './first-look';

/** How long after the detector's first look (or the page's last same-document navigation) added text is watched. */
export const WATCH_MS = 30_000;
/** Delay before the second check; each check that finds no prose doubles it (CJK that is not Chinese prose). */
export const FIRST_RECHECK_MS = 250;
/** Added nodes read in one observer callback; past this, the next check reads the page itself. */
const MAX_NODES_READ = 200;
const CODE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** Whether a node the page added (or whose text it changed) holds CJK text a reader could see. */
function showsCjk(node: Node): boolean {
  if (node.nodeType === 3) {
    if (!CJK.test((node as Text).data)) return false;
    const parent = node.parentNode;
    return !(parent && CODE.has(parent.nodeName.toUpperCase()));
  }
  if (node.nodeType !== 1 || CODE.has(node.nodeName.toUpperCase())) return false;
  return CJK.test(node.textContent ?? '');
}

export interface LateLook {
  /** Stops watching (Chinese was found and reported, or the page needs no more looks). */
  stop(): void;
}

/**
 * Watches `doc` for CJK text added after the first look and calls `check(seenCjk)` when some may have come:
 * `seenCjk` true when added text held CJK, false when too much came at once to read it (the check then takes its
 * own first look). `check` answers whether the watch is over (Chinese prose found). Checks run a task after the
 * mutation that prompted them, then no sooner than FIRST_RECHECK_MS later, doubling after each that finds nothing.
 * The watch ends WATCH_MS after it began; a same-document navigation (a single-page app changing route) begins it
 * again.
 */
export function watchLateText(
  doc: Document,
  check: (seenCjk: boolean) => boolean,
  win: EventTarget & { navigation?: EventTarget } = window,
): LateLook {
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ends: ReturnType<typeof setTimeout> | null = null;
  let done = false;
  let nextAt = 0;
  let gap = FIRST_RECHECK_MS;
  /** What the planned check will be told: CJK seen (true), too much to read (false), or nothing planned (null). */
  let seen: boolean | null = null;

  const run = () => {
    timer = null;
    const s = seen;
    seen = null;
    if (s === null || done) return;
    if (check(s)) return stop();
    nextAt = performance.now() + gap;
    gap *= 2;
  };

  const plan = (s: boolean) => {
    seen = seen === false ? false : s;
    timer ??= setTimeout(run, Math.max(0, nextAt - performance.now()));
  };

  const onRecords = (records: MutationRecord[]) => {
    if (seen !== null) return; // a check is already planned; it reads the page as it is then
    let read = 0;
    for (const r of records) {
      if (r.type === 'characterData') {
        if (showsCjk(r.target)) return plan(true);
        continue;
      }
      const added = r.addedNodes;
      for (let i = 0; i < added.length; i++) {
        if (++read > MAX_NODES_READ) return plan(false);
        if (showsCjk(added[i])) return plan(true);
      }
    }
  };

  const begin = () => {
    if (done) return;
    if (!observer) {
      observer = new MutationObserver(onRecords);
      observer.observe(doc, { childList: true, subtree: true, characterData: true });
    }
    if (ends) clearTimeout(ends);
    ends = setTimeout(pause, WATCH_MS);
  };

  /** The watch is over for now; a navigation may begin it again. */
  const pause = () => {
    observer?.disconnect();
    observer = null;
    if (timer) clearTimeout(timer);
    if (ends) clearTimeout(ends);
    timer = ends = null;
    seen = null;
  };

  const onNavigate = () => {
    gap = FIRST_RECHECK_MS;
    nextAt = 0;
    begin();
  };

  function stop(): void {
    done = true;
    pause();
    win.removeEventListener('popstate', onNavigate);
    nav?.removeEventListener('navigatesuccess', onNavigate);
  }

  // The Navigation API (Chromium) reports routes changed with pushState too; popstate is the fallback.
  const nav = win.navigation;
  win.addEventListener('popstate', onNavigate);
  nav?.addEventListener('navigatesuccess', onNavigate);
  begin();
  return { stop };
}
