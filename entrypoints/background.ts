export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: any, sender) => {
    if (raw?.type === 'detected' && raw.chinese && sender.tab?.id != null) {
      browser.scripting
        .executeScript({
          target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
          files: ['/content-scripts/reader.js'],
        })
        .catch((e) => console.warn('Dubao: could not start the reader', e));
    }
    return undefined;
  });
});
