import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  launchWithExtension,
  stopWorker,
  type ExtensionBrowser,
} from '../../tests/e2e/chromium';
import { bigChinesePage, bigEnglishPage } from '../build-sample';
import { serveFolder, type StaticServer } from '../serve';
import { READER_CSS } from '../../lib/dom/styles';

export const VIEWPORT = { width: 1280, height: 900 };

export interface BenchPages {
  server: StaticServer;
  /** bigChinesePage(100_000) */
  bigZh: string;
  /** The same page's <head> with an empty body and the reader's CSS, for building final markup from a string. */
  shellZh: string;
  /** bigEnglishPage(1_000_000) */
  bigEn: string;
  /** The same, served cross-origin isolated (fine-grained performance.now()). */
  bigEnIsolated: string;
  url(path: string): string;
}

/** The fixture pages plus the generated big pages, served from 127.0.0.1. */
export async function serveBenchPages(): Promise<BenchPages> {
  const zh = bigChinesePage(100_000);
  const shell = zh.replace(/<body>[\s\S]*<\/body>/, `<body></body>`).replace(
    '</head>',
    // The reader adopts this sheet; the string-built copy needs the same rules to lay out the same boxes.
    `<style>${READER_CSS}</style></head>`,
  );
  const en = bigEnglishPage(1_000_000);
  const isolated = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  };
  const server = await serveFolder('tests/fixtures/pages', {
    routes: {
      '/bench/big-zh.html': { body: zh },
      '/bench/shell-zh.html': { body: shell, headers: isolated },
      '/bench/big-en.html': { body: en },
      '/bench/big-en-isolated.html': { body: en, headers: isolated },
    },
  });
  return {
    server,
    bigZh: '/bench/big-zh.html',
    shellZh: '/bench/shell-zh.html',
    bigEn: '/bench/big-en.html',
    bigEnIsolated: '/bench/big-en-isolated.html',
    url: (path) => `${server.url}${path.startsWith('/') ? '' : '/'}${path}`,
  };
}

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with the same flags and viewport as the extension runs, but no extension: the baseline. */
export async function launchPlain(): Promise<PlainBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'dubao-bench-plain-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: CHROMIUM_ARGS,
  });
  await allowEvaluatedNames(context);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps functions declared inside `page.evaluate` bodies
 * in a `__name` helper that exists only in Node; pages get a no-op one.
 */
export async function allowEvaluatedNames(context: BrowserContext): Promise<void> {
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
}

/** The built extension in a fresh profile (see tests/e2e/chromium.ts), ready for page.evaluate bodies. */
export async function launchExtension(): Promise<ExtensionBrowser> {
  const b = await launchWithExtension();
  await allowEvaluatedNames(b.context);
  return b;
}

export { stopWorker };
export type { ExtensionBrowser };

// The extension API inside functions evaluated in the service worker.
declare const chrome: {
  scripting: { unregisterContentScripts(f?: { ids: string[] }): Promise<void> };
  storage: { local: { set(v: Record<string, unknown>): Promise<void> } };
};

/**
 * The browser forgets the sites where Dubao drew (lib/reader-sites.ts): the next load of a bench page is a first
 * visit, where the reader is injected after the page's load rather than started by the site's look at
 * DOMContentLoaded. The drawing benches (annotate) measure the reader's work on a loaded page this way, as before.
 */
export async function forgetReaderSites(b: ExtensionBrowser): Promise<void> {
  await b.worker.evaluate(async () => {
    await chrome.scripting.unregisterContentScripts().catch(() => {});
    await chrome.storage.local.set({ readerSites: [] });
  });
}

/** An extension page kept open to talk to the background as the popup and options pages do. */
export async function extensionPage(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
  return page;
}

export function sendFromExtension<T = unknown>(ext: Page, msg: Record<string, unknown>): Promise<T> {
  return ext.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(m),
    msg,
  ) as Promise<T>;
}

export async function waitForRuby(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('dubao-t [data-py]', { timeout, state: 'attached' });
}

/**
 * The page as the reader has drawn it, as a static page: its markup with the card taken out and our style sheet
 * inlined (the reader adopts it, so it is not in the markup). Loaded without the extension, it is what that drawing
 * costs the browser on its own.
 */
export async function drawnPageHtml(page: Page): Promise<string> {
  const html = await page.evaluate(() => {
    document.querySelector('dubao-card')?.remove();
    return '<!doctype html>' + document.documentElement.outerHTML;
  });
  return html.replace('</head>', `<style>${READER_CSS}</style></head>`);
}

/** Paragraph-like blocks of the big page that hold no rendering of ours yet. */
export function unrenderedBlocks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.body.querySelectorAll('h1, h2, p')].filter((el) => !el.querySelector('dubao-t')).length,
  );
}

/**
 * Brings every block of the page into the reader's view once. The reader renders lazily, blocks within 600px of
 * the viewport (its IntersectionObserver margin), and rendering adds ruby, which pushes later text down; so
 * rather than fixed steps this scrolls the first block still unrendered to the top of the viewport, waits two
 * frames for the observer to report it, and repeats until none is left.
 */
export async function renderWholePage(
  page: Page,
  { fraction = 1, timeoutMs = 120_000 }: { fraction?: number; timeoutMs?: number } = {},
): Promise<{ steps: number }> {
  return page.evaluate(
    async ({ fraction, timeoutMs }) => {
      // A frame, or 250 ms if frames stall, so that a page that stops painting cannot hang the bench.
      const frame = () =>
        new Promise((ok) => {
          const t = setTimeout(ok, 250);
          requestAnimationFrame(() => (clearTimeout(t), ok(null)));
        });
      const all = [...document.body.querySelectorAll('h1, h2, p')];
      const blocks = all.slice(0, Math.ceil(all.length * fraction));
      const deadline = performance.now() + timeoutMs;
      let steps = 0;
      let from = 0;
      let stuck = 0;
      for (;;) {
        while (from < blocks.length && blocks[from].querySelector('dubao-t')) from++;
        if (from === blocks.length) return { steps };
        if (performance.now() > deadline) throw new Error(`${blocks.length - from} blocks left unrendered`);
        blocks[from].scrollIntoView({ block: 'start' });
        await frame();
        await frame();
        steps++;
        // A block the reader will not render (none expected on the big page) must not stop the walk.
        if (!blocks[from].querySelector('dubao-t') && ++stuck > 50) {
          from++;
          stuck = 0;
        }
      }
    },
    { fraction, timeoutMs },
  );
}

/** Scrolls through the first `fraction` of the page in fixed steps, two frames each: scrolling alone, as baseline. */
export async function scrollInSteps(page: Page, fraction = 1, step = 1800): Promise<void> {
  await page.evaluate(
    async ({ fraction, step }) => {
      // A frame, or 250 ms if frames stall, so that a page that stops painting cannot hang the bench.
      const frame = () =>
        new Promise((ok) => {
          const t = setTimeout(ok, 250);
          requestAnimationFrame(() => (clearTimeout(t), ok(null)));
        });
      for (let y = 0; y < document.documentElement.scrollHeight * fraction; y += step) {
        window.scrollTo(0, y);
        await frame();
        await frame();
      }
    },
    { fraction, step },
  );
}
