import type { Browser } from 'wxt/browser';
import { CEDICT_ASSET_PATH } from '../../lib/dict/asset';
import {
  dictStatus,
  importCedictAsset,
  isQuotaError,
  markKnown,
  shownDictStatus,
  unmarkKnown,
} from '../../lib/db';
import { saveWord } from '../../lib/engine/save-word';
import {
  parseSelectionContext,
  type Handlers,
  type MessageOf,
  type MessageSenderLike,
} from '../../lib/messages';
import type { Settings } from '../../lib/settings';
import { sendToTab } from '../../lib/send';
import { db } from '../../lib/engine/db';
import { bumpKnownRevision, cachedSettingsFor, patchSettings, settingsView } from '../../lib/storage';
import { recordDetected, recordReader, tabStatsNow, whereOf, documentShown } from './tab-stats';
import { traditionalSourceOf } from '../../lib/text/region';
import { detectProse, handSettings, injectReader, readPage } from './read-page';
import { countTerms, packedViews, prebuildViews, warmEngine } from '../../lib/engine/engine';
import { answerLookup, clearLookupCache } from '../../lib/engine/lookups';
import { rememberReaderSite } from './reader-sites';

type Sender = MessageSenderLike & {
  tab?: { id?: number; title?: string; url?: string };
  documentId?: string;
};

let importing: Promise<unknown> | null = null;
/** Why the last import attempt failed, until one makes progress again; shown by the dictionary status. */
let importError: string | undefined;

/** Imports CC-CEDICT into IndexedDB when it is missing, outdated or was interrupted; progress goes to `meta`. */
export function startDictionary(reason: 'install' | 'startup'): Promise<unknown> {
  importing ??= (async () => {
    const d = await db();
    const state = await dictStatus(d);
    if (reason === 'startup' && state?.status === 'complete') return;
    const text = await (await fetch(browser.runtime.getURL(CEDICT_ASSET_PATH as '/'))).text();
    await importCedictAsset(d, text, { onProgress: ({ done }) => done > 0 && (importError = undefined) });
    importError = undefined;
    clearLookupCache();
  })()
    .catch((err) => {
      importError = isQuotaError(err)
        ? 'storage is full. Free some disk space'
        : err instanceof Error
          ? err.message
          : String(err);
      console.error('Dubao: dictionary import failed; it will be retried', err);
    })
    .finally(() => {
      importing = null;
    });
  return importing;
}

/** The host name of a frame's URL ('' when it has none), as the reader reads `location.hostname`. */
function hostnameOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').hostname;
  } catch {
    return '';
  }
}

/** The reader's first views request on a page, as it will send it: the texts on and near the screen. */
function firstViews(
  texts: string[],
  settings: Settings,
  lang: string | null | undefined,
  url: string | undefined,
): MessageOf<'views'> {
  return {
    type: 'views',
    texts,
    pinyin: settings.pinyin,
    pinyinStyle: settings.pinyinStyle,
    script: settings.script,
    source: traditionalSourceOf(lang ?? null, hostnameOf(url)),
    hideKnown: settings.hideKnown,
    hskHideLevel: settings.hskHideLevel,
  };
}

export const handlers: Handlers<Sender> & {
  contextMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void>;
} = {
  async cjkSeen(_msg, sender) {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId ?? 0;
    if (tabId == null) return { chinese: false, inject: false };
    // The settings are read and handed to the frame while the full detector runs there.
    const settingsRead = cachedSettingsFor(sender.url ?? '');
    const handed = settingsRead
      .then((s) => (s.enabled ? handSettings(tabId, frameId, s) : undefined))
      .catch(() => {});
    const d = await detectProse(tabId, frameId).catch(() => null);
    // No verdict: the frame is gone, or a reader runs there already; either way nothing more to look for.
    if (!d) return { chinese: true, inject: false };
    const { first, lang, ...stats } = d;
    recordDetected(tabId, frameId, stats, whereOf(sender));
    if (!d.chinese) return { chinese: false, inject: false };
    const settings = await settingsRead;
    if (!settings.enabled) {
      warmEngine();
      return { chinese: true, inject: false };
    }
    const injecting = injectReader(tabId, frameId, settings, handed);
    // The first screen's views (the reader asks for exactly these) are built here while the reader is injected and
    // evaluated in the page: a task later, so the injection is on its way first (a build holds this worker's thread
    // for tens of ms).
    if (first?.length) {
      const request = firstViews(first, settings, lang, sender.url);
      setTimeout(() => prebuildViews(request), 0);
    } else warmEngine();
    await injecting;
    // Return visits to this site start the reader as the page loads (entrypoints/background/reader-sites.ts).
    if (frameId === 0) void rememberReaderSite(sender.url);
    return { chinese: true, inject: true };
  },
  async lookup(msg) {
    return answerLookup(msg.text);
  },
  async lookupMany(msg) {
    return { packed: JSON.stringify(await Promise.all(msg.texts.map((t) => answerLookup(t, msg.readings)))) };
  },
  async prebuildViews(msg, sender) {
    const settings = await cachedSettingsFor(sender.url ?? '');
    if (settings.enabled) prebuildViews(firstViews(msg.texts, settings, msg.lang, sender.url));
    return { ok: true };
  },
  warm() {
    warmEngine();
    return { ok: true };
  },
  async views(msg) {
    return { packed: await packedViews(msg) };
  },
  async setKnown(msg) {
    try {
      const d = await db();
      const changed = msg.known
        ? await markKnown(d, msg.words)
        : await unmarkKnown(
            d,
            msg.words.flatMap((w) => [w.simplified, w.traditional ?? '']),
          );
      await bumpKnownRevision();
      return { ok: true, changed };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err), quota: isQuotaError(err) };
    }
  },
  async saveWord(msg) {
    return saveWord(await db(), msg);
  },
  async getSettings(msg) {
    return settingsView(msg.host);
  },
  async setSettings(msg) {
    return patchSettings(msg.scope, msg.patch, msg.host);
  },
  readerDetected(msg, sender) {
    const { type: _type, ...stats } = msg;
    if (sender.tab?.id != null) recordDetected(sender.tab.id, sender.frameId ?? 0, stats, whereOf(sender));
    return { ok: true };
  },
  pageStats(msg, sender) {
    const { type: _type, ...stats } = msg;
    if (sender.tab?.id != null) recordReader(sender.tab.id, stats, whereOf(sender));
    return { ok: true };
  },
  async countTerms(msg) {
    return { terms: await countTerms(msg.text) };
  },
  async getPageStats(msg) {
    return tabStatsNow(msg.tabId, await documentShown(msg.tabId));
  },
  async readPage(msg) {
    return readPage(msg.tabId);
  },
  async dictStatus() {
    const state = await dictStatus(await db());
    if (!importing && state?.status !== 'complete') void startDictionary('startup'); // retry a failed import on demand
    return shownDictStatus(state, Date.now(), importError);
  },

  async contextMenuClicked(info, tab) {
    if (info.menuItemId !== 'dubao-save' || !info.selectionText || tab?.id == null) return;
    const word = info.selectionText.trim().slice(0, 50);
    if (!word) return;
    // The reader knows the sentence around the selection; without it, the selection is its own context.
    let context: { sentence: string; offset: number } | null = null;
    try {
      context = parseSelectionContext(
        await sendToTab(tab.id, info.frameId ?? 0, { type: 'selectionContext' }),
      );
    } catch {
      // No reader in that frame (or it was reloaded): the selection is its own context.
    }
    await saveWord(await db(), {
      type: 'saveWord',
      word,
      sentence: context?.sentence ?? word,
      offset: context?.offset ?? 0,
      title: tab.title ?? '',
      url: info.frameUrl ?? tab.url ?? '',
    });
  },
};
