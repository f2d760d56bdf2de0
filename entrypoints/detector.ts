import { detectDocument } from '../lib/dom/detect-document';

// Runs on every page and frame, so it stays tiny: it imports only the detector and asks the background to inject
// the reader where Chinese prose was found. On other pages it touches no extension API at all.
// Declared as a plain script in wxt.config.ts's manifest (every page and frame, about:blank frames too, at
// document_end) rather than as a WXT content script: WXT's content-script context costs ~3 ms on every page
// (it reads the extension id, which builds the extension API, and posts to the page), and this runs everywhere.
/** Fewer elements than this at document_end: a shell a script will fill, worth a second look at load. */
const SPARSE_ELEMENTS = 300;

export default defineUnlistedScript(() => {
  if (document.documentElement.hasAttribute('data-dubao-reader')) return;
  const report = (): { chinese: boolean; hanChars: number } => {
    const started = performance.now();
    const d = detectDocument(document);
    // Pages without Chinese prose never hear from Dubao: no message, no mark in their timeline, and not even the
    // extension API is touched (its first use costs about a millisecond on every page).
    if (!d.chinese) return d;
    performance.mark('dubao:detector', { startTime: started });
    const g = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
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
    return d;
  };
  const first = report();
  // A page that writes its text with scripts may have little or none of it yet: look once more when it has
  // loaded. Only then: a full page of English is not read twice.
  const sparse = first.hanChars > 0 || document.getElementsByTagName('*').length < SPARSE_ELEMENTS;
  if (!first.chinese && sparse && document.readyState !== 'complete') {
    addEventListener('load', () => setTimeout(report, 0), { once: true });
  }
});
