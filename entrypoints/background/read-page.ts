import { parseDetection, type DetectedStats } from '../../lib/messages';
import type { Settings } from '../../lib/settings';
import { patchSettings, settingsView } from '../../lib/storage';
import { recordDetected, tabStatsNow, type DocumentRef } from './tab-stats';

/**
 * Hands the reader the settings just read for the page, ahead of its injection: reading them again from storage as
 * its first step cost the reader 3–30 ms before it could ask for its first views. On a page with CJK this goes in
 * while the full detector runs there (a few bytes in the content scripts' world, left unread where no reader
 * comes), so the reader's injection waits for nothing once the verdict is in.
 */
export async function handSettings(tabId: number, frameId: number, settings: Settings): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: (given: Settings) => {
      (globalThis as { __dubaoSettings?: Settings }).__dubaoSettings = given;
    },
    args: [settings],
    injectImmediately: true,
  });
}

/**
 * Injects the reader, after its settings (`handed`: their hand-over already under way). Both go in at once, not at
 * document_idle (the default, which waited for the page's load event: ~100 ms on the sample page): the detector
 * reports at document_end, when the DOM the reader reads is complete.
 */
export async function injectReader(
  tabId: number,
  frameId: number,
  settings: Settings,
  handed: Promise<unknown> = handSettings(tabId, frameId, settings),
): Promise<void> {
  await handed;
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: ['/content-scripts/reader.js'],
    injectImmediately: true,
  });
}

/**
 * The full detector (entrypoints/detect-prose.ts) run in one frame, where the detector's first look saw CJK text:
 * its verdict, or null when the frame is gone or a reader already runs there.
 */
export async function detectProse(tabId: number, frameId: number): Promise<DetectedStats | null> {
  const [found] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: ['/detect-prose.js'],
    injectImmediately: true,
  });
  return parseDetection(found?.result);
}

/** Han characters a reader could see in this frame (run in the page, so it brings everything it needs). */
function hanShown(): number {
  const text = document.body?.innerText ?? '';
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/**
 * "Read this page" (the popup's button, the keyboard shortcut): the reader in every frame of the tab that shows
 * Han text, whatever the detector decided (prose it did not recognise, content it came too late for). Frames
 * without Han text are left alone; with none anywhere, nothing happens and the answer says so. Asking for the
 * reader on a site turned off turns it on for that site: the reader follows the site's settings.
 */
export async function readPage(tabId: number): Promise<{ hanChars: number; frames: number }> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  if (!/^(https?|file):/.test(url)) return { hanChars: 0, frames: 0 };
  const found = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: hanShown });
  const frames = found.filter((f) => typeof f.result === 'number' && f.result > 0);
  const hanChars = frames.reduce((n, f) => n + (f.result as number), 0);
  if (!frames.length) return { hanChars: 0, frames: 0 };
  const view = await settingsView(url);
  const host = view.host;
  let settings = view.settings;
  if (!settings.enabled && host) settings = (await patchSettings('site', { enabled: true }, host)).settings;
  if (!settings.enabled) return { hanChars, frames: 0 };
  // The page shown now, as the stats name it (tab-stats.ts): its top frame's document where the browser gives one.
  const topDoc = (found.find((f) => f.frameId === 0) as { documentId?: string } | undefined)?.documentId;
  const shown: DocumentRef = topDoc ? { doc: topDoc, url } : {};
  for (const f of frames) {
    const han = f.result as number;
    // The popup describes the page from the detector's report; a page it said no to is described as read.
    if (!tabStatsNow(tabId, topDoc ? shown : { url }).detected?.chinese)
      recordDetected(
        tabId,
        f.frameId,
        { chinese: true, script: null, hanChars: han, blocks: 0 },
        f.frameId === 0 ? shown : { url },
      );
    await injectReader(tabId, f.frameId, settings).catch(() => {}); // a frame gone meanwhile
  }
  return { hanChars, frames: frames.length };
}
