/**
 * Keeps the background's engine warm while someone reads.
 *
 * Chromium stops an extension's service worker after 30 s without an event (Manifest V3). The next page then waits
 * for a fresh worker: background.js evaluated again, the lexicon and the terms built again, and its code run cold.
 * On the sample page that put first pinyin ~650 ms later than with a warm worker (tools/bench/first-pinyin-marks.ts
 * `--cold`). Readers read an article for minutes and then open the next, so without this nearly every article
 * after the first waited for that cold start.
 *
 * A reader's top frame therefore sends the background a small message every `everyMs` while its page is visible and
 * the user has moved, scrolled or typed in the last `idleAfterMs`. A tab left open, hidden or idle sends nothing,
 * and the worker stops as Chromium intends. Coming back to a tab sends one at once.
 */
export const KEEP_WARM_EVERY_MS = 20_000;
export const KEEP_WARM_IDLE_AFTER_MS = 5 * 60_000;

const ACTIVITY = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'scroll', 'touchstart'] as const;

export interface KeepWarmOptions {
  everyMs?: number;
  idleAfterMs?: number;
  now?: () => number;
}

export function keepEngineWarm(
  doc: Document,
  ping: () => void,
  {
    everyMs = KEEP_WARM_EVERY_MS,
    idleAfterMs = KEEP_WARM_IDLE_AFTER_MS,
    now = () => Date.now(),
  }: KeepWarmOptions = {},
): { stop(): void } {
  let lastActive = now();
  const active = () => {
    lastActive = now();
  };
  const reading = () => doc.visibilityState === 'visible' && now() - lastActive < idleAfterMs;
  const tick = () => {
    if (reading()) ping();
  };
  const shown = () => {
    if (doc.visibilityState !== 'visible') return;
    active();
    ping();
  };
  const listen = { capture: true, passive: true };
  for (const type of ACTIVITY) doc.addEventListener(type, active, listen);
  doc.addEventListener('visibilitychange', shown);
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      for (const type of ACTIVITY) doc.removeEventListener(type, active, listen);
      doc.removeEventListener('visibilitychange', shown);
    },
  };
}
