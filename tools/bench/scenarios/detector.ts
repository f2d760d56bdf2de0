import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR } from '../../../tests/e2e/chromium';
import { VIEWPORT, type BenchPages, type PlainBrowser } from '../browser';
import type { ExtensionBrowser } from '../browser';
import { scriptEvaluation, startTrace } from '../trace';
import { log, median, repeat, round } from '../stats';

/** lib/dom/first-look.ts (all the detector runs on a page without CJK) as a page script: `__dubaoDetect.firstLook`. */
async function detectorBundle(): Promise<string> {
  const out = await build({
    entryPoints: ['lib/dom/first-look.ts'],
    bundle: true,
    format: 'iife',
    globalName: '__dubaoDetect',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

export function detectorKB(): number {
  return round(statSync(join(EXTENSION_DIR, 'detector.js')).size / 1024, 2);
}

/** One load of the English page: the script's evaluation (wall and thread CPU), and its later tasks (wall). */
export interface ScriptTimes {
  wall: number[];
  cpu: number[];
  /** Timer and observer callbacks of the same script within the 700 ms after load (the detector's sample and watch). */
  later: number[];
}

/**
 * How long the content script whose URL ends with `suffix` takes on the 1 MB English page, read from a Chromium
 * trace: the duration of its evaluation, which runs its whole work synchronously (compile included), in wall time
 * and in the main thread's CPU time (steadier on a busy machine), and the callbacks it left for later. Each run is
 * a fresh page load, so the code is as cold as on a real visit.
 */
async function scriptMsOnEnglishPage(
  context: BrowserContext,
  pages: BenchPages,
  suffix: string,
  runs: number,
): Promise<ScriptTimes> {
  const out: ScriptTimes = { wall: [], cpu: [], later: [] };
  await repeat(runs, async () => {
    const page = await context.newPage();
    const trace = await startTrace(page);
    await page.goto(pages.url(pages.bigEn), { waitUntil: 'load' });
    await page.waitForTimeout(700); // document_idle comes at the latest shortly after load
    const events = await trace.stop();
    await page.close();
    const e = scriptEvaluation(events, suffix);
    if (!e?.dur) throw new Error(`no evaluation of ${suffix} in the trace of the English page`);
    out.wall.push(e.dur / 1000);
    out.cpu.push((e.tdur ?? e.dur) / 1000);
    const later = events.filter(
      (f) =>
        f.name === 'FunctionCall' && f.ts > e.ts && f.pid === e.pid && f.args?.data?.url?.endsWith(suffix),
    );
    out.later.push(later.reduce((n, f) => n + (f.dur ?? 0), 0) / 1000);
    return e.dur / 1000;
  });
  return out;
}

/** The detector's own time on the 1 MB English page (its first look; the full walk must not run there). */
export function detectorScriptMs(b: ExtensionBrowser, pages: BenchPages, runs = 9): Promise<ScriptTimes> {
  return scriptMsOnEnglishPage(b.context, pages, '/detector.js', runs);
}

/**
 * The floor under detectorMs: a content script that only reads the document's title (the least any detector
 * reads), injected like ours (every frame, document_end) by a throwaway extension, timed the same way on the
 * same page. What the content-script machinery and a first touch of the document cost before any detection.
 */
export async function detectorFloorMs(pages: BenchPages, runs = 9): Promise<ScriptTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'dubao-bench-floor-ext-'));
  const profile = mkdtempSync(join(tmpdir(), 'dubao-bench-floor-profile-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'detector floor',
      version: '1.0',
      content_scripts: [
        {
          matches: ['<all_urls>'],
          js: ['probe.js'],
          all_frames: true,
          match_about_blank: true,
          run_at: 'document_end',
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'probe.js'), 'void document.title;\n');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    return await scriptMsOnEnglishPage(context, pages, '/probe.js', runs);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The same lib function the detector calls, bundled and run in the page by itself: its first call on each fresh
 * load (cold, as the detector runs it once per page). The page is served cross-origin isolated so that
 * performance.now() has microsecond resolution instead of 100 µs.
 */
export async function detectorLibMs(
  plain: PlainBrowser,
  pages: BenchPages,
  runs = 5,
): Promise<{ cold: number[]; warm: number }> {
  const code = await detectorBundle();
  let warm: number[] = [];
  const cold = await repeat(runs, async () => {
    const page = await plain.context.newPage();
    await page.goto(pages.url(pages.bigEnIsolated), { waitUntil: 'load' });
    await page.addScriptTag({ content: code });
    const r = await page.evaluate(() => {
      const d = (globalThis as unknown as { __dubaoDetect: { firstLook(doc: Document): unknown } })
        .__dubaoDetect;
      const times: number[] = [];
      for (let i = 0; i < 11; i++) {
        const t0 = performance.now();
        d.firstLook(document);
        times.push(performance.now() - t0);
      }
      return { isolated: crossOriginIsolated, times };
    });
    await page.close();
    if (!r.isolated) log('detector: page not cross-origin isolated; timer resolution is 100 µs');
    warm = warm.concat(r.times.slice(1));
    return r.times[0];
  });
  return { cold, warm: median(warm) };
}
