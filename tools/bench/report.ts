import { round } from './stats';

export interface Results {
  detectorMs: number | null;
  /** A content script that only reads the title, timed the same way: the machinery's own cost. */
  detectorFloorMs: number | null;
  detectorLibMs: number | null;
  detectorKB: number | null;
  /** detectorMs and its floor in the main thread's CPU time (steadier on a busy machine). */
  detectorCpuMs: number | null;
  detectorFloorCpuMs: number | null;
  /** The detector's callbacks after its evaluation (the sample of a long page's rest, the watch), wall. */
  detectorLaterMs: number | null;
  /** First pinyin on a return visit to the sample page (its site registered, lib/reader-sites.ts): the budget. */
  firstPinyinMs: number | null;
  firstPinyinAfterLoadMs: number | null;
  /** The same on a first visit (the site forgotten before each load): the detector's report and two injections. */
  firstPinyinFirstVisitMs: number | null;
  firstPinyinFirstVisitAfterLoadMs: number | null;
  /** A return visit whose background worker had stopped (Chromium stops it after 30 s idle). */
  firstPinyinColdWorkerMs: number | null;
  firstPinyinColdWorkerAfterLoadMs: number | null;
  /**
   * annotateMs over the browser building, at once, every block of the region as the reader drew it
   * (browserBuildDrawnMs): the budget.
   */
  annotateRatio: number | null;
  annotateMs: number | null;
  /** The browser building the region's final markup, where blocks far behind the walk's end have no pinyin left. */
  browserBuildMs: number | null;
  browserBuildDrawnMs: number | null;
  /** annotateMs over browserBuildMs: the ratio's definition before the reader took pinyin out far away (reported). */
  annotateFinalMarkupRatio: number | null;
  hoverP50Ms: number | null;
  hoverP95Ms: number | null;
  /** The same figure for the drawn page without the extension and a trivial card: what the browser alone costs. */
  hoverFloorP50Ms: number | null;
  hoverFloorP95Ms: number | null;
  convert100kMs: number | null;
  convert100kPaintedMs: number | null;
  convertColdMs: number | null;
  cedictImportMs: number | null;
  cedictImportOwnMs: number | null;
  tabMemoryMB: number | null;
  pinyinCharsPerMs: number | null;
  segmentCharsPerMs: number | null;
  convertCharsPerMs: number | null;
  /** Main thread from navigation to load + 3 s on newspaper.html, with the extension and without, same run. */
  loadMainThreadMs: number | null;
  loadMainThreadFloorMs: number | null;
  loadMainThreadRatio: number | null;
  /** The longest task from the reader's start to load + 3 s: drawing must not make the page drop frames. */
  longestDrawTaskMs: number | null;
  /** What the drawn sample page holds more than the plain one. */
  domNodesAdded: number | null;
  rendererMemoryAddedMB: number | null;
  /** loadMainThread… and longestDrawTask… in the main thread's CPU time (thread ticks): steadier on a busy machine. */
  loadMainThreadCpuMs: number | null;
  loadMainThreadCpuFloorMs: number | null;
  loadMainThreadCpuRatio: number | null;
  longestDrawTaskCpuMs: number | null;
  /**
   * The same page with the reader's drawn markup (at load + 3 s) saved into its HTML, loaded without the extension:
   * the main thread's time and its ratio to the plain page, wall and CPU. The floor of loadMainThread…: what the
   * markup alone costs the browser, with no script of ours.
   */
  loadDrawnMarkupMs: number | null;
  loadDrawnMarkupRatio: number | null;
  loadDrawnMarkupCpuRatio: number | null;
  /** Main-thread time to annotate the whole 100k page while scrolling through it. */
  annotate100kMainThreadMs: number | null;
  /** A page adding 1,000 paragraphs a second for 5 s: the lag of its own 10 ms timer, with the extension. */
  floodLagP50Ms: number | null;
  floodLagP99Ms: number | null;
  floodLagMaxMs: number | null;
  /** The same page without the extension, same run: what the flood costs the page alone. */
  floodFloorLagP50Ms: number | null;
  floodFloorLagP99Ms: number | null;
  floodFloorLagMaxMs: number | null;
  /** From a single-page app inserting its Chinese (none at load) to the first pinyin in it. */
  lateSpaPinyinMs: number | null;
  /** From a page that had Chinese at load adding a paragraph to the first pinyin in it. */
  lateAddedPinyinMs: number | null;
  /** Share of samples in which a paragraph rewritten every 100 ms shows anything but its latest text. */
  rewriteStaleShare: number | null;
}

export const EMPTY_RESULTS: Results = {
  detectorMs: null,
  detectorFloorMs: null,
  detectorLibMs: null,
  detectorKB: null,
  detectorCpuMs: null,
  detectorFloorCpuMs: null,
  detectorLaterMs: null,
  firstPinyinMs: null,
  firstPinyinAfterLoadMs: null,
  firstPinyinFirstVisitMs: null,
  firstPinyinFirstVisitAfterLoadMs: null,
  firstPinyinColdWorkerMs: null,
  firstPinyinColdWorkerAfterLoadMs: null,
  annotateRatio: null,
  annotateMs: null,
  browserBuildMs: null,
  browserBuildDrawnMs: null,
  annotateFinalMarkupRatio: null,
  hoverP50Ms: null,
  hoverP95Ms: null,
  hoverFloorP50Ms: null,
  hoverFloorP95Ms: null,
  convert100kMs: null,
  convert100kPaintedMs: null,
  convertColdMs: null,
  cedictImportMs: null,
  cedictImportOwnMs: null,
  tabMemoryMB: null,
  pinyinCharsPerMs: null,
  segmentCharsPerMs: null,
  convertCharsPerMs: null,
  loadMainThreadMs: null,
  loadMainThreadFloorMs: null,
  loadMainThreadRatio: null,
  longestDrawTaskMs: null,
  domNodesAdded: null,
  rendererMemoryAddedMB: null,
  loadMainThreadCpuMs: null,
  loadMainThreadCpuFloorMs: null,
  loadMainThreadCpuRatio: null,
  longestDrawTaskCpuMs: null,
  loadDrawnMarkupMs: null,
  loadDrawnMarkupRatio: null,
  loadDrawnMarkupCpuRatio: null,
  annotate100kMainThreadMs: null,
  floodLagP50Ms: null,
  floodLagP99Ms: null,
  floodLagMaxMs: null,
  floodFloorLagP50Ms: null,
  floodFloorLagP99Ms: null,
  floodFloorLagMaxMs: null,
  lateSpaPinyinMs: null,
  lateAddedPinyinMs: null,
  rewriteStaleShare: null,
};

/**
 * The budgets of docs/DESIGN.md: the result must be at most (≤) or below (<) the limit. A budget with a `floor`
 * holds the result less that floor, measured in the same run (machine noise cancels).
 */
export const BUDGETS: Partial<
  Record<keyof Results, { limit: number; strict: boolean; unit: string; floor?: keyof Results }>
> = {
  detectorMs: { limit: 0.5, strict: false, unit: 'ms', floor: 'detectorFloorMs' },
  detectorKB: { limit: 10, strict: true, unit: 'KB' },
  firstPinyinAfterLoadMs: { limit: 100, strict: true, unit: 'ms' },
  annotateRatio: { limit: 1.5, strict: false, unit: '×' },
  hoverP95Ms: { limit: 3, strict: false, unit: 'ms', floor: 'hoverFloorP95Ms' },
  convert100kPaintedMs: { limit: 250, strict: true, unit: 'ms' },
  cedictImportMs: { limit: 5000, strict: true, unit: 'ms' },
  tabMemoryMB: { limit: 30, strict: true, unit: 'MB' },
  loadMainThreadRatio: { limit: 2, strict: false, unit: '×' },
  longestDrawTaskMs: { limit: 50, strict: false, unit: 'ms' },
  annotate100kMainThreadMs: { limit: 8000, strict: true, unit: 'ms' },
  floodLagP99Ms: { limit: 50, strict: false, unit: 'ms', floor: 'floodFloorLagP99Ms' },
  lateSpaPinyinMs: { limit: 1000, strict: true, unit: 'ms' },
  lateAddedPinyinMs: { limit: 1000, strict: true, unit: 'ms' },
  rewriteStaleShare: { limit: 0, strict: false, unit: '' },
};

const UNITS: Partial<Record<keyof Results, string>> = {
  detectorLibMs: 'ms',
  detectorFloorMs: 'ms',
  detectorCpuMs: 'ms',
  detectorFloorCpuMs: 'ms',
  detectorLaterMs: 'ms',
  firstPinyinMs: 'ms',
  firstPinyinFirstVisitMs: 'ms',
  firstPinyinFirstVisitAfterLoadMs: 'ms',
  firstPinyinColdWorkerMs: 'ms',
  firstPinyinColdWorkerAfterLoadMs: 'ms',
  annotateMs: 'ms',
  browserBuildMs: 'ms',
  browserBuildDrawnMs: 'ms',
  annotateFinalMarkupRatio: '×',
  hoverP50Ms: 'ms',
  hoverFloorP50Ms: 'ms',
  hoverFloorP95Ms: 'ms',
  convert100kPaintedMs: 'ms',
  convertColdMs: 'ms',
  cedictImportOwnMs: 'ms',
  pinyinCharsPerMs: 'chars/ms',
  segmentCharsPerMs: 'chars/ms',
  convertCharsPerMs: 'chars/ms',
  convert100kMs: 'ms',
  loadMainThreadMs: 'ms',
  loadMainThreadFloorMs: 'ms',
  domNodesAdded: 'nodes',
  rendererMemoryAddedMB: 'MB',
  loadMainThreadCpuMs: 'ms',
  loadMainThreadCpuFloorMs: 'ms',
  loadMainThreadCpuRatio: '×',
  longestDrawTaskCpuMs: 'ms',
  loadDrawnMarkupMs: 'ms',
  loadDrawnMarkupRatio: '×',
  loadDrawnMarkupCpuRatio: '×',
  floodLagP50Ms: 'ms',
  floodLagMaxMs: 'ms',
  floodFloorLagP50Ms: 'ms',
  floodFloorLagP99Ms: 'ms',
  floodFloorLagMaxMs: 'ms',
};

export type Verdict = 'ok' | 'over' | 'not measured' | '';

export function verdict(key: keyof Results, value: number | null, all?: Results): Verdict {
  const b = BUDGETS[key];
  if (value == null) return 'not measured';
  if (!b) return '';
  let v = value;
  if (b.floor) {
    const floor = all?.[b.floor];
    if (floor == null) return 'not measured';
    v = value - floor;
  }
  return (b.strict ? v < b.limit : v <= b.limit) ? 'ok' : 'over';
}

/** The results as a plain-text table: name, median, budget, ok/over. */
export function table(r: Results): string {
  const rows = (Object.keys(r) as (keyof Results)[]).map((key) => {
    const v = r[key];
    const b = BUDGETS[key];
    const unit = b?.unit ?? UNITS[key] ?? '';
    return [
      key,
      v == null ? '—' : `${round(v, v < 10 ? 3 : 1)} ${unit}`.trim(),
      b ? `${b.strict ? '<' : '≤'} ${b.floor ? `${b.floor} + ` : ''}${b.limit} ${unit}`.trim() : '',
      verdict(key, v, r),
    ];
  });
  const head = ['name', 'median', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
