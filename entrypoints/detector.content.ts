import { detectDocument } from '../lib/dom/detect-document';

// Runs on every page and frame, so it stays tiny: it imports only the detector and asks the background to inject
// the reader where Chinese prose was found.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main() {
    if (document.documentElement.hasAttribute('data-dubao-reader')) return;
    performance.mark('dubao:detector');
    const d = detectDocument(document);
    browser.runtime
      .sendMessage({
        type: 'detected',
        chinese: d.chinese,
        script: d.script,
        hanChars: d.hanChars,
        blocks: d.blocks,
      })
      .catch(() => {});
  },
});
