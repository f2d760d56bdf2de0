import { detectDocument } from '../lib/dom/detect-document';
import { firstLook } from '../lib/dom/first-look';

// Runs on every page and frame. Its first look (any CJK text at all? the title, the first text nodes, a sample
// of the rest) touches no element and no extension API; only where it sees some does the full detector decide
// whether this is Chinese prose and ask the background to inject the reader. Pages without Chinese prose never
// hear from Dubao: no message, and not even the extension API is touched (its first use costs about 1 ms).
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
  const look = (): void => {
    const seen = firstLook(document);
    if (seen === 'cjk') {
      const d = detectDocument(document, { seenCjk: true });
      if (d.chinese) {
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
        return;
      }
      // Some CJK text but no Chinese prose yet: maybe a page that writes its text with scripts.
      if (d.hanChars === 0) return;
    } else if (seen === 'sampled') return; // a long page without CJK is not read twice
    // Little text yet, or Han text but no prose: look once more when the page has loaded.
    if (document.readyState !== 'complete')
      addEventListener('load', () => setTimeout(look, 0), { once: true });
  };
  look();
});
