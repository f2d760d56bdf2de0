// Runs on every page and frame; must stay tiny. The real work is in the reader, injected on demand.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    browser.runtime.sendMessage({ type: 'detected', chinese: false }).catch(() => {});
  },
});
