import { isErrorResponse, MAX_COUNTED_TEXT, parseTabMessage, unpackViews } from '../../lib/messages';
import { parseStoredSettings, settingsForHost, siteKey, type Settings } from '../../lib/settings';
import { traditionalSourceOf } from '../../lib/text/region';
import { pinyinSizeCss, READER_CSS } from '../../lib/dom/styles';
import { extensionAlive, send } from '../../lib/send';
import { knownRevisionItem, settingsItem } from '../../lib/storage';
import { PageView, type ViewSource } from '../../lib/reader/page-view';
import { Hover } from '../../lib/reader/hover';
import { TermHighlights } from '../../lib/reader/highlights';
import { watchMutations } from '../../lib/reader/mutations';
import { selectionContext } from '../../lib/reader/selection';
import { watchEditable } from '../../lib/reader/editable';
import { keepEngineWarm } from '../../lib/reader/keep-warm';

const SCRIPT_LANG: Partial<Record<Settings['script'], string>> = {
  cn: 'zh-CN',
  tw: 'zh-TW',
  twp: 'zh-TW',
  hk: 'zh-HK',
};

/** The reader's sheet, adopted by the document; `size` re-sizes the pinyin when its setting changes. */
function installStyles(scale: number): { remove(): void; size(scale: number): void } {
  const sheet = new CSSStyleSheet();
  let current = NaN;
  const size = (s: number) => {
    if (s === current) return;
    current = s;
    sheet.replaceSync(`${READER_CSS}\n${pinyinSizeCss(s)}`);
  };
  size(scale);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return {
    size,
    remove() {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

/**
 * A mark in a Chromium trace (the bench's trace tools read them there), left out of the page's own performance
 * timeline: the page's scripts and analytics share that buffer, and one entry per request would pile up in it.
 */
export function traceMark(name: string): void {
  performance.mark(name);
  performance.clearMarks(name);
}

export async function startReader(): Promise<void> {
  const host = siteKey(location.href);
  // As the background read them just before injecting this script; else straight from storage.
  // Started by the site's look on a return visit (entrypoints/site-look.ts): as it read them while the page loaded.
  const g = globalThis as { __dubaoSettings?: Settings; __dubaoSettingsRead?: Promise<unknown> };
  const given = g.__dubaoSettings;
  const read = g.__dubaoSettingsRead;
  delete g.__dubaoSettings; // a later injection into this frame reads its own
  delete g.__dubaoSettingsRead;
  let settings: Settings =
    given ?? settingsForHost(parseStoredSettings(await (read ?? settingsItem.getValue())), host);

  // Words, pinyin, conversion and terms come from the background's engine: this script stays small.
  const source = traditionalSourceOf(document.documentElement.getAttribute('lang'), location.hostname);
  const views: ViewSource = async (texts, s) => {
    if (!extensionAlive()) return null; // orphaned: the card says so at the user's next move
    traceMark('dubao:views-asked');
    const r = await send({
      type: 'views',
      texts,
      pinyin: s.pinyin,
      pinyinStyle: s.pinyinStyle,
      script: s.script,
      source,
      hideKnown: s.hideKnown,
      hskHideLevel: s.hskHideLevel,
    });
    return isErrorResponse(r) ? null : unpackViews(r);
  };

  // The page's language follows the script shown, so the browser picks fonts and voices for it; restored exactly.
  const root = document.documentElement;
  const pageLang = root.getAttribute('lang');
  const applyLang = (s: Settings) => {
    const want = (s.enabled ? SCRIPT_LANG[s.script] : undefined) ?? pageLang;
    if (root.getAttribute('lang') === want) return;
    if (want === null) root.removeAttribute('lang');
    else root.setAttribute('lang', want);
  };
  applyLang(settings);
  // A new `lang` on the root restyles and lays out the whole page again (~100 ms on a 100k-character page): after a
  // script change it waits until the screen's converted text is painted, so the reader sees it without that wait.
  let langTimer: ReturnType<typeof setTimeout> | undefined;
  const langNow = (s: Settings) => {
    clearTimeout(langTimer);
    page.onScreenDrawn = undefined;
    applyLang(s);
  };
  const applyLangSoon = () => {
    clearTimeout(langTimer);
    const apply = () => langNow(settings);
    langTimer = setTimeout(apply, 1000); // nothing on screen to draw: no reason to wait longer
    page.onScreenDrawn = () => requestAnimationFrame(() => setTimeout(apply, 0));
  };

  let styles: ReturnType<typeof installStyles> | null = settings.enabled
    ? installStyles(settings.pinyinScale)
    : null;
  const page = new PageView(settings, views);
  const highlights = new TermHighlights(page);
  const hover = new Hover(page, () => settings);
  const mutations = watchMutations(page);
  page.mutate = mutations.quiet;
  // Content made editable after it was drawn gets its own text back before the user can type in it.
  const editable = watchEditable(document, {
    release: (el) => page.release(el),
    designMode: () => {
      page.release(document.documentElement);
      hover.detach(); // the card's host would be part of the document the user edits
      langNow({ ...settings, enabled: false });
    },
    // Editing is over: the page's text is drawn again, as at the start.
    designModeOff: () => {
      if (settings.enabled) drawPage();
    },
  });
  // The extension reloaded or updated under the page: the reader gives the page back as it was and stops; the
  // card tells the user to reload.
  let warm: { stop(): void } | null = null;
  hover.onOrphaned = () => {
    warm?.stop();
    mutations.stop();
    editable.stop();
    highlights.update(false);
    page.restoreAll();
    styles?.remove();
    styles = null;
    langNow({ ...settings, enabled: false });
  };

  let statsSent = false;
  page.onVisible = () => hover.prefetch();
  page.onRendered = () => {
    highlights.update(settings.enabled && settings.highlights);
    hover.prefetch();
    if (!statsSent) {
      statsSent = true;
      traceMark('dubao:first-render');
      const runs = page.runs;
      const hanChars = runs.reduce((n, r) => n + (r.text.match(/\p{Script=Han}/gu)?.length ?? 0), 0);
      // Terms are counted over the whole page, not only the blocks drawn so far.
      const text = runs
        .map((r) => r.text)
        .join('\n')
        .slice(0, MAX_COUNTED_TEXT);
      void send({ type: 'countTerms', text })
        .then((r) => {
          const terms = isErrorResponse(r)
            ? page.allBlocks().reduce((n, b) => n + b.termSpans.length, 0)
            : r.terms;
          return send({ type: 'pageStats', hanChars, runs: runs.length, words: 0, terms });
        })
        .catch(() => {}); // the extension was reloaded under the page: no popup to tell
    }
  };

  function drawPage() {
    applyLang(settings);
    page.add(document.body ?? document.documentElement);
    // What is on screen now is asked for at once, not a frame later when the visibility observer reports it.
    page.renderOnScreen();
    hover.attach();
  }
  if (settings.enabled) drawPage();

  const onSettings = (raw: unknown) => {
    const next = settingsForHost(parseStoredSettings(raw), host);
    const wasEnabled = settings.enabled;
    settings = next;
    if (next.enabled && wasEnabled) applyLangSoon();
    else langNow(next);
    if (!next.enabled) {
      hover.detach();
      highlights.update(false);
      page.restoreAll();
      styles?.remove();
      styles = null;
      return;
    }
    if (!wasEnabled) {
      styles ??= installStyles(next.pinyinScale);
      page.update(next);
      page.add(document.body ?? document.documentElement);
      hover.attach();
      return;
    }
    styles?.size(next.pinyinScale);
    page.update(next);
    highlights.update(next.highlights);
  };
  // The watches and listeners go in a task later: the first views request (sent from a microtask of drawPage's)
  // leaves first. Each first use of a storage or runtime API here costs ~1-3 ms of the page's main thread.
  setTimeout(() => {
    settingsItem.watch(onSettings);
    // Settings handed over by the background may have changed before the watch began: read them once to be sure.
    if (given || read) void settingsItem.getValue().then(onSettings);

    // Marking a word known (here, in another tab or in the options page) redraws the pinyin it affects.
    knownRevisionItem.watch(() => {
      if (settings.enabled && settings.pinyin && settings.hideKnown) page.redraw();
    });

    // While the user reads here, the background's worker is kept from stopping (lib/reader/keep-warm.ts).
    if (window === window.top)
      warm = keepEngineWarm(document, () => {
        if (settings.enabled && extensionAlive()) void send({ type: 'warm' }).catch(() => {});
      });

    // A listener answers by returning a promise (WXT's browser is the promise-based API), or undefined to pass.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    browser.runtime.onMessage.addListener((raw: unknown) => {
      const msg = parseTabMessage(raw);
      if (msg?.type === 'selectionContext') return Promise.resolve(selectionContext());
      return undefined;
    });
  }, 0);
}
