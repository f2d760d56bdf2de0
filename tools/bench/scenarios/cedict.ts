import type { DictImportState } from '../../../lib/db/dict';
import { extensionPage, launchExtension, sendFromExtension, type ExtensionBrowser } from '../browser';
import { log } from '../stats';

export interface CedictRun {
  /** Extension service worker up (install) → dictStatus 'complete', as polled from an extension page (ms). */
  wallMs: number;
  /** The background's own record: `updated − started` of the import state. */
  ownMs: number;
  /** Distinct progress values seen while importing. */
  progressSteps: number;
}

/**
 * One fresh profile: launches Chromium with the extension (installing it) and polls dictStatus from an extension
 * page every 200 ms until the import is complete (each poll reads the database the import is writing, so faster
 * polling would slow the import). Returns the browser, still open, for further benchmarks.
 */
export async function measureCedictImport(): Promise<{ run: CedictRun; browser: ExtensionBrowser }> {
  const browser = await launchExtension();
  const installed = Date.now(); // the service worker is running: onInstalled has fired or is about to
  const ext = await extensionPage(browser);
  const seen = new Set<number>();
  const deadline = installed + 120_000;
  for (;;) {
    const s = await sendFromExtension<DictImportState | null>(ext, { type: 'dictStatus' });
    if (s) seen.add(s.done);
    if (s?.status === 'complete') {
      const run = { wallMs: Date.now() - installed, ownMs: s.updated - s.started, progressSteps: seen.size };
      await ext.close();
      return { run, browser };
    }
    if (s?.status === 'failed') log(`cedict: import failed: ${s.error}`);
    if (Date.now() > deadline)
      throw new Error(`dictionary import not complete after 120 s: ${JSON.stringify(s)}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}
