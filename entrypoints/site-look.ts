import { detectDocument } from '../lib/dom/detect-document';
import { firstScreenTexts } from '../lib/dom/first-screen';

// Registered with the reader (entrypoints/background/reader-sites.ts) on the sites where Dubao drew pinyin before,
// top frames only, at document_start: the reader's start on a return visit. Here, before the page is parsed, it
// only starts reading the settings and waits for DOMContentLoaded (document_end scripts run up to ~100 ms later
// on the sample page). A task after it, it asks the question the detector asks: does this page hold Chinese prose?
// Where it does, it sends the background the texts on and near the screen (the reader's first views, built while
// the reader is evaluated) and starts the reader, whose bundle the build (wxt.config.ts) has left waiting
// (`__dubaoSiteRun`). Where it does not, the reader is never evaluated, and the detector, which waited for this
// answer (`__dubaoSiteWaiters`), takes over as on any page.
export default defineUnlistedScript(() => {
  type Api = {
    runtime: { sendMessage(m: unknown): Promise<unknown> };
    storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
  };
  const g = globalThis as unknown as {
    browser?: Api & { runtime?: unknown };
    chrome: Api;
    __dubaoReader?: boolean;
    __dubaoSiteLooking?: boolean;
    __dubaoSiteLook?: unknown;
    __dubaoSiteRun?: () => void;
    __dubaoSiteWaiters?: (() => void)[];
    __dubaoSettingsRead?: Promise<unknown>;
  };
  if (g.__dubaoReader || g.__dubaoSiteLooking) return;
  const api = g.browser?.runtime ? g.browser : g.chrome;
  g.__dubaoSiteLooking = true;
  // The background builds its engine while the page is parsed, ready for the first screen's texts (its worker is
  // started by the navigation itself, but no longer builds the engine for every page).
  void api.runtime.sendMessage({ type: 'warm' }).catch(() => {});
  // The stored settings, read while the page loads (the reader would wait ~30-50 ms for them at its start).
  g.__dubaoSettingsRead = api.storage.local.get('settings').then(
    (got) => got.settings,
    () => undefined,
  );

  const decide = () => {
    const { chinese, script, hanChars, blocks } = detectDocument(document);
    const run = g.__dubaoSiteRun;
    delete g.__dubaoSiteRun;
    delete g.__dubaoSiteLooking;
    if (chinese && !g.__dubaoReader) {
      const first = firstScreenTexts(document.body ?? document.documentElement);
      const lang = document.documentElement.getAttribute('lang');
      if (first.length)
        void api.runtime.sendMessage({ type: 'prebuildViews', texts: first, lang }).catch(() => {});
      g.__dubaoSiteLook = { chinese, script, hanChars, blocks };
      run?.();
    } else delete g.__dubaoSettingsRead;
    const waiters = g.__dubaoSiteWaiters ?? [];
    delete g.__dubaoSiteWaiters;
    for (const w of waiters) w();
  };
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => setTimeout(decide), { once: true });
  else setTimeout(decide);
});
