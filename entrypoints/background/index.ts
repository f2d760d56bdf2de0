import { dispatch } from '../../lib/messages';
import { startDictionary, handlers } from './handlers';
import { setupCommands } from './commands';
import { setupContextMenu } from './context-menu';
import { forgetTab } from './tab-stats';
import { reinjectWhenEnabled } from './reinject';
import { keepReaderSites } from './reader-sites';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    dispatch(handlers, raw, sender, browser.runtime.id).then(sendResponse, (err) =>
      sendResponse({ error: String(err) }),
    );
    return true; // answered asynchronously
  });
  browser.runtime.onInstalled.addListener(() => {
    setupContextMenu();
    void startDictionary('install');
  });
  // A worker restarted in the middle of an import resumes it.
  void startDictionary('startup');
  // The engine is not built here: Chromium starts this worker for any tab's navigation (tabs.onUpdated), and most
  // pages are not Chinese. Pages that are ask for it: the detector's report (cjkSeen), the site's look at
  // document_start on a return visit, and a reader while the user reads (`warm`, lib/reader/keep-warm.ts).
  setupCommands();
  reinjectWhenEnabled();
  keepReaderSites();
  browser.contextMenus.onClicked.addListener((info, tab) => void handlers.contextMenuClicked(info, tab));
  // A tab's stats name the document they describe, and the popup gets those of the document shown now
  // (tab-stats.ts): no listener on every navigation, which would start this worker for every page load. Firefox
  // gives no documentId: there a tab loading a new page forgets what it knew of the old one.
  if (import.meta.env.FIREFOX) {
    browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
    browser.tabs.onUpdated.addListener((tabId, info) => {
      if (info.status === 'loading' && info.url) forgetTab(tabId);
    });
  }
});
