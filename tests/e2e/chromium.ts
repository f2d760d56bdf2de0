import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A clear failure (never a skip) when the browser or the build is missing. */
export function assertBrowserAndBuild(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium fonts-wqy-microhei ` +
        `(or set CHROMIUM_PATH). End-to-end tests need a real browser and do not skip.`,
    );
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${EXTENSION_DIR}: run \`npm run build\` first (npm run test:e2e does).`,
    );
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profileDir: string;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile and the built extension loaded. */
export async function launchWithExtension(
  opts: { headless?: boolean; profileDir?: string } = {},
): Promise<ExtensionBrowser> {
  assertBrowserAndBuild();
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'dubao-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  // A worker stopped (stopWorker, or Chromium's idle timeout) is replaced by a new one at the next event.
  context.on('serviceworker', (w) => {
    if (w.url().startsWith(`chrome-extension://${extensionId}/`)) worker = w;
  });
  return {
    context,
    extensionId,
    get worker() {
      return worker!;
    },
    profileDir,
    async close() {
      await context.close();
      if (!opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the extension's service worker, as Chromium does after 30 s without an event (Manifest V3): the next event
 * starts a fresh worker, which evaluates background.js and builds its engine again. Returns once it has stopped.
 */
export async function stopWorker(b: ExtensionBrowser): Promise<void> {
  const page = await b.context.newPage();
  try {
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    await page.close();
  }
}

/** Sends a message to the background from an extension page, as the popup and options page do; its answer. */
export async function sendFromExtension(b: ExtensionBrowser, msg: unknown): Promise<any> {
  const ext = await b.context.newPage();
  await ext.goto(`chrome-extension://${b.extensionId}/popup.html`);
  try {
    return await ext.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), msg);
  } finally {
    await ext.close();
  }
}

/** The id of the tab showing `url`, as the background knows it (the popup is opened for a tab by this id). */
export async function tabIdOf(b: ExtensionBrowser, url: string): Promise<number> {
  const id = await b.worker.evaluate(
    async (u) =>
      ((await (globalThis as any).chrome.tabs.query({})) as { url?: string; id?: number }[]).find(
        (t) => t.url === u,
      )?.id,
    url,
  );
  if (typeof id !== 'number') throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * Waits until the fresh profile's CC-CEDICT import has finished: the card shows senses, and prose gets its pinyin
 * from the dictionary, only after it. Throws (never skips) when it takes longer than `timeoutMs`.
 */
export async function waitForDictionary(b: ExtensionBrowser, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await sendFromExtension(b, { type: 'dictStatus' }))?.status !== 'complete') {
    if (Date.now() > deadline) throw new Error('the dictionary import did not finish');
    await new Promise((r) => setTimeout(r, 300));
  }
}
