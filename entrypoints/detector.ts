import { firstLook } from '../lib/dom/first-look';
import { watchLateText, type LateLook } from '../lib/dom/late-look';

// Runs on every page and frame. At document_end it only queues its first look for the next task; that look (any CJK
// text at all? the title, else the page's text nodes, all of them or a sample of a long page) touches no element
// and no extension API. Only where it sees CJK does
// it tell the background (`cjkSeen`), which runs the full detector in the frame (entrypoints/detect-prose.ts: is it
// Chinese prose?) and injects the reader where it is. Pages without CJK text never hear from Dubao: no message, not
// even the extension API is touched (its first use costs about 1 ms), and the full detector's code is not even
// compiled there (it is most of the detector's size, and compiling it cost every page ~0.5 ms).
// A page that shows no Chinese prose yet is watched for a while (lib/dom/late-look.ts): a single-page app that
// renders its Chinese after load gets the reader as soon as it does.
// Declared as a plain script in wxt.config.ts's manifest (every page and frame, about:blank frames too, at
// document_end) rather than as a WXT content script: WXT's content-script context costs ~3 ms on every page.
// At document_end the page's DOMContentLoaded waits for this script: the build (wxt.config.ts, detectorNextTask) sets
// the whole bundle a task later, so there it only calls setTimeout. Everything below runs in that next task.
export default defineUnlistedScript(() => {
  const g = globalThis as unknown as {
    browser?: typeof browser;
    chrome: typeof browser;
    __dubaoReader?: boolean;
    __dubaoSiteLooking?: boolean;
    __dubaoSiteWaiters?: (() => void)[];
  };
  // On a site where the reader is registered, the site's own look (entrypoints/site-look.ts) decides, a task after
  // DOMContentLoaded, whether the reader runs here: this look waits for it.
  if (g.__dubaoSiteLooking) (g.__dubaoSiteWaiters ??= []).push(detect);
  else detect();

  function detect() {
    // The reader shares this script's world; where it already runs there is nothing to detect.
    if (g.__dubaoReader) return;
    let watch: LateLook | null = null;
    /** Chinese prose was found here (whether or not the site wants the reader): nothing more to look for. */
    let found = false;
    /** A question to the background is on its way: the watch's checks meanwhile do not ask again. */
    let asking = false;
    /** The first look is over (title, then the page's text): the watch begins, once no question is pending. */
    let looked = false;
    const startWatch = () => {
      // No Chinese prose yet (a shell that scripts fill, a feed that loads later), or CJK that was not Chinese
      // prose (Japanese, a language menu): watch what the page adds.
      if (looked && !asking && !found && !watch && !g.__dubaoReader) watch = watchLateText(document, look);
    };
    /** Asks the background to run the full detector here; whether the looking is over. */
    const look = (seenCjk: boolean): boolean => {
      if (found || g.__dubaoReader) return true; // found, or injected meanwhile (by hand, from the popup)
      if (asking || (!seenCjk && firstLook(document) !== 'cjk')) return false;
      asking = true;
      const api = g.browser?.runtime ? g.browser : g.chrome;
      void Promise.resolve(api.runtime.sendMessage({ type: 'cjkSeen' }))
        .then((answer?: { chinese?: boolean }) => {
          if (!answer?.chinese) return;
          found = true;
          watch?.stop();
        })
        .catch(() => {})
        .finally(() => {
          asking = false;
          startWatch();
        });
      return false;
    };
    // The title (a Chinese page's title is Chinese), else the page's text nodes; the watch begins after.
    look(false);
    looked = true;
    startWatch();
  }
});
