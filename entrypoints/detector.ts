import { detectDocument } from '../lib/dom/detect-document';
import { headLook, sampleLook } from '../lib/dom/first-look';
import { watchLateText } from '../lib/dom/late-look';

// Runs on every page and frame. Its first look (any CJK text at all? the title and the first text nodes; a task
// later, a sample of the rest of a long page) touches no element and no extension API; only where it sees some does the full detector decide
// whether this is Chinese prose and ask the background to inject the reader. Pages without Chinese prose never
// hear from Dubao: no message, and not even the extension API is touched (its first use costs about 1 ms).
// A page that shows no Chinese prose yet is watched for a while (lib/dom/late-look.ts): a single-page app that
// renders its Chinese after load gets the reader as soon as it does.
// Declared as a plain script in wxt.config.ts's manifest (every page and frame, about:blank frames too, at
// document_end) rather than as a WXT content script: WXT's content-script context costs ~3 ms on every page.
export default defineUnlistedScript(() => {
  const g = globalThis as unknown as {
    browser?: typeof browser;
    chrome: typeof browser;
    __dubaoReader?: boolean;
  };
  // The reader shares this script's world; where it already runs there is nothing to detect.
  if (g.__dubaoReader) return;
  /** Whether Chinese prose was found (and reported): nothing more to look for. */
  const look = (seenCjk: boolean): boolean => {
    if (g.__dubaoReader) return true; // injected meanwhile (by hand, from the popup)
    const d = detectDocument(document, { seenCjk });
    if (!d.chinese) return false;
    const api = g.browser?.runtime ? g.browser : g.chrome;
    void Promise.resolve(
      api.runtime.sendMessage({
        type: 'detected',
        chinese: d.chinese,
        script: d.script,
        hanChars: d.hanChars,
        blocks: d.blocks,
      }),
    ).catch(() => {});
    return true;
  };
  const head = headLook(document);
  if (head === 'cjk' && look(true)) return;
  // The rest of a long page and the watch wait a task, off the page's DOMContentLoaded: pages with Chinese show
  // it in their title or at the top, and the rest is for the few whose Chinese starts further down or comes later.
  setTimeout(() => {
    if (head === 'more' && sampleLook(document) === 'cjk' && look(true)) return;
    // No Chinese prose yet (a shell that scripts fill, a feed that loads later): watch what the page adds.
    watchLateText(document, look);
  });
});
