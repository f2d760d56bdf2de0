import type { PageView } from './page-view';

const OURS = 'dubao-t, dubao-card, [data-dubao-ui]';

function isOurs(node: Node | null): boolean {
  const el = node instanceof Element ? node : node?.parentElement;
  return !!el?.closest(OURS);
}

/**
 * Follows the page when it changes its own text (single-page apps, infinite scroll, React or Vue updates):
 * changed blocks are restored and annotated again, at most a few times a second.
 */
export function watchMutations(page: PageView): { quiet(fn: () => void): void; stop(): void } {
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    const roots = [...pending].filter((el) => el.isConnected);
    pending.clear();
    // Only the outermost changed elements: their subtrees cover the rest.
    const outer = roots.filter((el) => !roots.some((o) => o !== el && o.contains(el)));
    if (outer.length) quiet(() => page.refresh(outer));
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => isOurs(n))) continue;
      const el = r.target instanceof Element ? r.target : r.target.parentElement;
      if (el) pending.add(el);
    }
    if (pending.size && !timer) timer = setTimeout(flush, 200);
  });
  const start = () =>
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });

  function quiet(fn: () => void): void {
    const before = observer.takeRecords();
    observer.disconnect();
    try {
      fn();
    } finally {
      start();
      if (before.length) {
        for (const r of before) {
          const el = r.target instanceof Element ? r.target : r.target.parentElement;
          if (el && !isOurs(el)) pending.add(el);
        }
        if (!timer) timer = setTimeout(flush, 200);
      }
    }
  }

  start();
  return {
    quiet,
    stop() {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    },
  };
}
