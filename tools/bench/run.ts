/**
 * `npm run bench`: the budgets of docs/DESIGN.md measured in real Chromium with the built extension, plus lib
 * throughput in Node. Prints a table; with `--json`, exactly one line of JSON on stdout (logs go to stderr).
 * `--only a,b` runs some groups: lib, detector, first-pinyin, hover, convert, cedict, annotate (with memory),
 * load (the sample page against itself without the extension), annotate100k (the whole 100k page, minutes),
 * flood (a page's timer lag under a flood of paragraphs with and without the extension; late and rewritten text).
 *
 * Run `npm run bench` (it builds first); `npx tsx tools/bench/run.ts` reuses .output/chrome-mv3 as it is.
 */
import { launchPlain, serveBenchPages, type ExtensionBrowser, type PlainBrowser } from './browser';
import { measureLibThroughput } from './lib-throughput';
import { EMPTY_RESULTS, table, type Results } from './report';
import {
  drawnBlockMarkup,
  drawnMarkup,
  measureAnnotate,
  measureBrowserBuild,
  scrollBaselineMs,
} from './scenarios/annotate';
import { measureCedictImport, type CedictRun } from './scenarios/cedict';
import { measureConvert } from './scenarios/convert';
import { detectorFloorMs, detectorKB, detectorLibMs, detectorScriptMs } from './scenarios/detector';
import { measureFirstPinyin } from './scenarios/first-pinyin';
import { measureHover, measureHoverFloor } from './scenarios/hover';
import { jsHeapUsedMB } from './scenarios/memory';
import { measureAnnotateWhole, measureLoad } from './scenarios/load';
import { measureFloodLag, measureLatePinyin, measureRewriteStale, serveLivePages } from './scenarios/flood';
import { log, median, percentile, repeat, round } from './stats';

const GROUPS = [
  'lib',
  'detector',
  'first-pinyin',
  'load',
  'hover',
  'convert',
  'cedict',
  'annotate',
  'annotate100k',
  'flood',
] as const;
type Group = (typeof GROUPS)[number];

function parseArgs(argv: string[]): { json: boolean; groups: Set<Group> } {
  const json = argv.includes('--json');
  const i = argv.indexOf('--only');
  const only = i >= 0 ? (argv[i + 1] ?? '').split(',').filter(Boolean) : [...GROUPS];
  for (const g of only)
    if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`unknown group: ${g}`);
  return { json, groups: new Set(only as Group[]) };
}

async function main(): Promise<number> {
  const started = Date.now();
  const { json, groups } = parseArgs(process.argv.slice(2));
  // Keep stdout for the results alone, whatever a library prints.
  console.log = console.info = (...a: unknown[]) => log(...a);
  const r: Results = { ...EMPTY_RESULTS };
  let failures = 0;
  const step = async (name: string, fn: () => Promise<void>) => {
    const t0 = Date.now();
    log(`— ${name}`);
    try {
      await fn();
    } catch (err) {
      failures++;
      log(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };

  if (groups.has('lib')) {
    await step('lib throughput', async () => {
      Object.assign(r, measureLibThroughput());
    });
  }

  if (![...groups].some((g) => g !== 'lib')) return finish(r, json, failures, started);

  const pages = await serveBenchPages();
  let plain: PlainBrowser | null = null;
  let ext: ExtensionBrowser | null = null;
  try {
    plain = await launchPlain();
    const p = plain;

    if (groups.has('detector')) {
      await step('detector: the lib function in the page', async () => {
        r.detectorKB = detectorKB();
        const { cold, warm } = await detectorLibMs(p, pages);
        log(`  cold ${cold.map((x) => x.toFixed(3)).join(', ')} ms; warm median ${warm.toFixed(3)} ms`);
        r.detectorLibMs = round(median(cold), 3);
      });
    }

    // The dictionary must be in place before anything looks words up, so the import comes first; its last
    // fresh profile serves the other benchmarks.
    await step(
      groups.has('cedict') ? 'CC-CEDICT import (3 fresh profiles)' : 'extension install',
      async () => {
        const runs: CedictRun[] = [];
        for (let i = 0; i < (groups.has('cedict') ? 3 : 1); i++) {
          await ext?.close();
          ext = null;
          const m = await measureCedictImport();
          ext = m.browser;
          runs.push(m.run);
          log(`  run ${i + 1}: ${JSON.stringify(m.run)}`);
        }
        if (groups.has('cedict')) {
          r.cedictImportMs = round(median(runs.map((x) => x.wallMs)), 0);
          r.cedictImportOwnMs = round(median(runs.map((x) => x.ownMs)), 0);
        }
      },
    );
    if (!ext) throw new Error('the extension did not start');
    const b: ExtensionBrowser = ext;

    if (groups.has('detector')) {
      await step('detector: content script on the 1 MB English page', async () => {
        const t = await detectorScriptMs(b, pages);
        log(
          `  ${t.wall.map((x) => x.toFixed(3)).join(', ')} ms; CPU ${t.cpu.map((x) => x.toFixed(3)).join(', ')} ms`,
        );
        log(`  later callbacks (sample, watch) ${t.later.map((x) => x.toFixed(3)).join(', ')} ms`);
        r.detectorMs = round(median(t.wall), 3);
        r.detectorCpuMs = round(median(t.cpu), 3);
        r.detectorLaterMs = round(median(t.later), 3);
      });
      await step('detector floor: a content script that only reads the title, same page', async () => {
        const t = await detectorFloorMs(pages);
        log(
          `  ${t.wall.map((x) => x.toFixed(3)).join(', ')} ms; CPU ${t.cpu.map((x) => x.toFixed(3)).join(', ')} ms`,
        );
        r.detectorFloorMs = round(median(t.wall), 3);
        r.detectorFloorCpuMs = round(median(t.cpu), 3);
      });
    }

    if (groups.has('first-pinyin')) {
      await step(
        'first pinyin on newspaper.html: first visits, return visits, return visits to a stopped worker',
        async () => {
          const m = await measureFirstPinyin(b, pages);
          const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
          log(
            `  return visits: since navigation ${list(m.sinceNavigation)} ms; after load ${list(m.afterLoad)} ms`,
          );
          log(
            `  first visits: since navigation ${list(m.firstVisitSinceNavigation)} ms; ` +
              `after load ${list(m.firstVisitAfterLoad)} ms`,
          );
          r.firstPinyinMs = round(median(m.sinceNavigation), 1);
          r.firstPinyinAfterLoadMs = round(median(m.afterLoad), 1);
          r.firstPinyinFirstVisitMs = round(median(m.firstVisitSinceNavigation), 1);
          log(
            `  return visits, worker stopped: since navigation ${list(m.coldWorkerSinceNavigation)} ms; ` +
              `after load ${list(m.coldWorkerAfterLoad)} ms`,
          );
          r.firstPinyinFirstVisitAfterLoadMs = round(median(m.firstVisitAfterLoad), 1);
          r.firstPinyinColdWorkerMs = round(median(m.coldWorkerSinceNavigation), 1);
          r.firstPinyinColdWorkerAfterLoadMs = round(median(m.coldWorkerAfterLoad), 1);
        },
      );
    }

    if (groups.has('load')) {
      await step('newspaper.html to load + 3 s, with and without the extension (5 each)', async () => {
        Object.assign(r, await measureLoad(b, p, pages));
      });
    }

    if (groups.has('hover')) {
      await step('hover card, 200 points', async () => {
        const { painted: lat, frameStart } = await measureHover(b, pages);
        log(
          `  ${lat.length} samples, min ${Math.min(...lat).toFixed(1)}, max ${Math.max(...lat).toFixed(1)} ms; ` +
            `move → the start of that frame (its animation frame callback) p50 ` +
            `${percentile(frameStart, 50).toFixed(1)}, p95 ${percentile(frameStart, 95).toFixed(1)} ms`,
        );
        r.hoverP50Ms = round(percentile(lat, 50), 1);
        r.hoverP95Ms = round(percentile(lat, 95), 1);
      });
      await step('hover floor: the drawn page as a static page, no extension, a trivial card', async () => {
        const { painted: floor, frameStart } = await measureHoverFloor(b, pages);
        log(
          `  ${floor.length} samples; move → the start of that frame p50 ${percentile(frameStart, 50).toFixed(1)}, ` +
            `p95 ${percentile(frameStart, 95).toFixed(1)} ms`,
        );
        r.hoverFloorP50Ms = round(percentile(floor, 50), 1);
        r.hoverFloorP95Ms = round(percentile(floor, 95), 1);
      });
    }

    if (groups.has('convert')) {
      await step('script conversion of the 100k page', async () => {
        const m = await measureConvert(b, pages);
        log(`  cold ${m.cold.toFixed(1)} ms; warm ${m.warm.map((x) => x.toFixed(1)).join(', ')} ms`);
        r.convertColdMs = round(m.cold, 1);
        log(`  warm, to the frame painted: ${m.warmPainted.map((x) => x.toFixed(1)).join(', ')} ms`);
        r.convert100kMs = round(median(m.warm), 1);
        r.convert100kPaintedMs = round(median(m.warmPainted), 1);
      });
    }

    if (groups.has('annotate')) {
      await step('annotating the 100k page, and its memory', async () => {
        const { runs, heapMB } = await measureAnnotate(b, pages);
        for (const x of runs)
          log(
            `  annotate ${x.annotateMs.toFixed(0)} ms (reader.js evaluation ${x.evaluateMs.toFixed(0)} ms)`,
          );
        log(`  heap with the whole page annotated ${heapMB.toFixed(1)} MB`);
        const baseline = await scrollBaselineMs(p, pages);
        log(`  scrolling alone, without the extension: ${baseline.toFixed(1)} ms`);
        const annotate = Math.max(0, median(runs.map((x) => x.annotateMs)) - baseline);
        const markup = runs[runs.length - 1].markup;
        log(`  final markup of the region ${(markup.length / 2 ** 20).toFixed(2)} M characters`);
        const build = await measureBrowserBuild(p, pages, markup);
        log(`  browser builds it in ${build.map((x) => x.toFixed(1)).join(', ')} ms`);
        r.annotateMs = round(annotate, 1);
        r.browserBuildMs = round(median(build), 1);
        r.annotateFinalMarkupRatio = round(annotate / median(build), 2);
        log(
          `  over the region's final markup: ${r.annotateFinalMarkupRatio} (${annotate.toFixed(0)} ms over the browser's ${median(build).toFixed(0)} ms)`,
        );
        const drawn = drawnMarkup(runs[runs.length - 1], await drawnBlockMarkup(b, pages));
        log(
          `  everything drawn in the region, each block as drawn: ${(drawn.length / 2 ** 20).toFixed(2)} M characters`,
        );
        const buildDrawn = await measureBrowserBuild(p, pages, drawn);
        log(`  browser builds it in ${buildDrawn.map((x) => x.toFixed(1)).join(', ')} ms`);
        r.browserBuildDrawnMs = round(median(buildDrawn), 1);
        r.annotateRatio = round(annotate / median(buildDrawn), 2);
        log(
          `  annotate ratio ${r.annotateRatio} (${annotate.toFixed(0)} ms over the browser's ${median(buildDrawn).toFixed(0)} ms)`,
        );

        const before = await repeat(3, async () => {
          const page = await p.context.newPage();
          await page.goto(pages.url(pages.bigZh), { waitUntil: 'load' });
          await page.waitForTimeout(1000);
          const mb = await jsHeapUsedMB(page);
          await page.close();
          return mb;
        });
        log(`  heap without the extension ${before.map((x) => x.toFixed(1)).join(', ')} MB`);
        r.tabMemoryMB = round(heapMB - median(before), 1);
      });
    }
    if (groups.has('annotate100k')) {
      await step('annotating the whole 100k page while scrolling through it', async () => {
        r.annotate100kMainThreadMs = await measureAnnotateWhole(b, pages);
        log(
          `  main thread from the reader's start to the last block drawn: ${r.annotate100kMainThreadMs} ms`,
        );
      });
    }
    if (groups.has('flood')) {
      const live = await serveLivePages();
      try {
        await step(
          'flood: 1,000 paragraphs a second for 5 s, the page timer lag without the extension',
          async () => {
            const lag = await measureFloodLag(p, live);
            r.floodFloorLagP50Ms = lag.p50;
            r.floodFloorLagP99Ms = lag.p99;
            r.floodFloorLagMaxMs = lag.max;
          },
        );
        await step('flood: the same with the extension', async () => {
          const lag = await measureFloodLag(b, live);
          r.floodLagP50Ms = lag.p50;
          r.floodLagP99Ms = lag.p99;
          r.floodLagMaxMs = lag.max;
        });
        await step('late content: from the page inserting Chinese to its first pinyin', async () => {
          const late = await measureLatePinyin(b, live);
          r.lateSpaPinyinMs = late.spa;
          r.lateAddedPinyinMs = late.added;
        });
        await step('a paragraph rewritten every 100 ms: samples showing old and new text', async () => {
          r.rewriteStaleShare = await measureRewriteStale(b, live);
        });
      } finally {
        await live.close();
      }
    }
  } finally {
    await (ext as ExtensionBrowser | null)?.close();
    await plain?.close();
    await pages.server.close();
  }

  return finish(r, json, failures, started);
}

function finish(r: Results, json: boolean, failures: number, started: number): number {
  log(`bench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (json) process.stdout.write(JSON.stringify(r) + '\n');
  else process.stdout.write(table(r) + '\n');
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
