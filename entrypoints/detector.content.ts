import { detectDocument } from '../lib/dom/detect-document';

// Runs on every page and frame, so it stays tiny: it imports only the detector and asks the background to inject
// the reader where Chinese prose was found.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // As soon as the document is parsed, not when its images are in: pinyin shows before the page has loaded.
  runAt: 'document_end',
  main() {
    if (document.documentElement.hasAttribute('data-dubao-reader')) return;
    const report = () => {
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
      return d.chinese;
    };
    // A page that writes its text with scripts may have none yet: look once more when it has loaded.
    if (!report() && document.readyState !== 'complete') {
      addEventListener('load', () => setTimeout(report, 0), { once: true });
    }
  },
});
