// Runs on every page and frame; must stay tiny. The real work is in the reader, injected on demand.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    const text = document.body?.innerText ?? '';
    const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
    browser.runtime.sendMessage({ type: 'detected', chinese: han > 50 }).catch(() => {});
  },
});
