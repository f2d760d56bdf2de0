/**
 * Firefox ESR with the built Firefox extension (`npm run build:firefox`, .output/firefox-mv2), driven over
 * WebDriver BiDi by puppeteer-core. The extension is installed as a temporary add-on; its internal UUID is fixed
 * by a preference so the test can open its pages.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
const ADDON_ID = 'dubao@dubao.example';
const UUID = '6f1c2a9e-4b7d-4e21-9a0c-5d8e3f7b1c24';

/** A clear failure (never a skip) when Firefox or the Firefox build is missing. */
export function assertFirefoxAndBuild(): void {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `Firefox not found at ${FIREFOX}. Install it with: sudo apt-get install -y firefox-esr ` +
        `(or set FIREFOX_PATH). The Firefox end-to-end test needs a real browser and does not skip.`,
    );
  }
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first (npm run test:e2e does).`,
    );
  }
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://UUID */
  origin: string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  assertFirefoxAndBuild();
  const profile = mkdtempSync(join(tmpdir(), 'dubao-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 900 },
    // Lets the protocol open the add-on's own pages (moz-extension:), as the user does from the toolbar.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      // Nothing of the browser's own leaves the machine either.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    origin: `moz-extension://${UUID}`,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface BidiNode {
  type: string;
  sharedId?: string;
  value?: {
    nodeType: number;
    nodeValue?: string;
    localName?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

type BidiSend = (method: string, params: object) => Promise<{ result: any }>;

function bidi(browser: Browser): BidiSend {
  const connection = (browser as unknown as { connection: { send: BidiSend } }).connection;
  return (method, params) => connection.send(method, params);
}

/** The BiDi browsing context id of the page's top frame. */
async function contextOf(browser: Browser, page: Page): Promise<string> {
  const { result } = await bidi(browser)('browsingContext.getTree', {});
  const url = page.url();
  const found = (result.contexts as { context: string; url: string }[]).find((c) => c.url === url);
  if (!found) throw new Error(`no browsing context for ${url}`);
  return found.context;
}

/**
 * The card's host with its closed shadow root, serialised by the protocol (WebDriver BiDi can include closed
 * shadow trees; page scripts cannot reach them, which is the point of a closed root).
 */
async function cardTree(browser: Browser, page: Page): Promise<BidiNode | null> {
  const { result } = await bidi(browser)('script.evaluate', {
    expression: "document.querySelector('dubao-card')",
    target: { context: await contextOf(browser, page) },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: null },
  });
  return result.result?.type === 'node' ? (result.result as BidiNode) : null;
}

/** The text inside the hover card, '' when there is none. */
export async function firefoxCardText(browser: Browser, page: Page): Promise<string> {
  const host = await cardTree(browser, page);
  const texts: string[] = [];
  const walk = (n: BidiNode | null | undefined, skip = false) => {
    if (!n?.value) return;
    if (n.value.localName === 'style') skip = true;
    if (n.value.attributes && 'data-closed' in n.value.attributes) return; // a closed card, kept unseen
    if (!skip && n.value.nodeType === 3 && n.value.nodeValue?.trim()) texts.push(n.value.nodeValue);
    walk(n.value.shadowRoot, skip);
    for (const c of n.value.children ?? []) walk(c, skip);
  };
  walk(host);
  return texts.join(' ');
}

/** Clicks the card's button labelled `label` where it is on screen, as a user would. */
export async function firefoxClickCardButton(browser: Browser, page: Page, label: string): Promise<void> {
  const host = await cardTree(browser, page);
  const root = host?.value?.shadowRoot;
  if (!root?.sharedId) throw new Error('no hover card');
  const { result } = await bidi(browser)('script.callFunction', {
    functionDeclaration: String((root: ShadowRoot, text: string) => {
      const b = [...root.querySelectorAll('button')].find(
        (x) => x.textContent?.trim() === text && !x.closest('[data-closed]'),
      );
      if (!b) return null;
      const r = b.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    }),
    target: { context: await contextOf(browser, page) },
    arguments: [{ sharedId: root.sharedId }, { type: 'string', value: label }],
    awaitPromise: false,
  });
  if (result.result?.type !== 'array') throw new Error(`no "${label}" button in the hover card`);
  const [x, y] = (result.result.value as { value: number }[]).map((v) => v.value);
  await page.mouse.click(x, y);
}

/**
 * One of the add-on's own pages (options, popup) in a new tab, driven through the protocol directly: Firefox
 * moves moz-extension: pages to the extension process, where puppeteer's page object does not follow them.
 */
export interface ExtensionTab {
  /** Runs `fn(arg)` in the page and returns its JSON-serialisable result (awaiting a promise). */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Polls `fn` until it returns a truthy value. */
  until<A, R>(fn: (arg: A) => R | Promise<R>, arg: A, timeoutMs: number, what: string): Promise<R>;
  close(): Promise<void>;
}

export async function openExtensionTab(ff: FirefoxWithExtension, path: string): Promise<ExtensionTab> {
  const send = bidi(ff.browser);
  const { result: created } = await send('browsingContext.create', { type: 'tab' });
  const context = created.context as string;
  await send('browsingContext.navigate', { context, url: `${ff.origin}/${path}`, wait: 'complete' });
  const run = async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    const { result } = await send('script.callFunction', {
      // The function goes in as the declaration itself: the page's CSP forbids eval, the protocol's code is not
      // bound by it.
      functionDeclaration: `async (arg) => JSON.stringify((await (${String(fn)})(JSON.parse(arg))) ?? null)`,
      target: { context },
      arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(`in ${path}: ${result.exceptionDetails?.text}`);
    return JSON.parse(result.result.value) as R;
  };
  return {
    run,
    async until(fn, arg, timeoutMs, what) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const v = await run(fn, arg).catch(() => null);
        if (v) return v as never;
        if (Date.now() > end) throw new Error(`${what}: not there after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    close: async () => void (await send('browsingContext.close', { context })),
  };
}
