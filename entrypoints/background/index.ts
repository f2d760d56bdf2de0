import { dispatch } from '../../lib/messages';
import { startDictionary, handlers } from './handlers';
import { setupCommands } from './commands';
import { setupContextMenu } from './context-menu';
import { forgetTab } from './tab-stats';
import { warmEngine } from '../../lib/engine/engine';
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
  // Pages ask for views as soon as the reader is in: have the segmenter and terms ready before that.
  warmEngine();
  setupCommands();
  reinjectWhenEnabled();
  keepReaderSites();
  browser.contextMenus.onClicked.addListener((info, tab) => void handlers.contextMenuClicked(info, tab));
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
  // A tab loading a new page forgets what it knew of the old one (pages without Chinese send no report).
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url) forgetTab(tabId);
  });
});
