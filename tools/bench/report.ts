import { round } from './stats';

export interface Results {
  detectorMs: number | null;
  /** A content script that only reads the title, timed the same way: the machinery's own cost. */
  detectorFloorMs: number | null;
  detectorLibMs: number | null;
  detectorKB: number | null;
  firstPinyinMs: number | null;
  firstPinyinAfterLoadMs: number | null;
  annotateRatio: number | null;
  annotateMs: number | null;
  browserBuildMs: number | null;
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
}

export const EMPTY_RESULTS: Results = {
  detectorMs: null,
  detectorFloorMs: null,
  detectorLibMs: null,
  detectorKB: null,
  firstPinyinMs: null,
  firstPinyinAfterLoadMs: null,
  annotateRatio: null,
  annotateMs: null,
  browserBuildMs: null,
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
};

/** The budgets of docs/DESIGN.md: the result must be at most (≤) or below (<) the limit. */
export const BUDGETS: Partial<Record<keyof Results, { limit: number; strict: boolean; unit: string }>> = {
  detectorMs: { limit: 1, strict: true, unit: 'ms' },
  detectorKB: { limit: 10, strict: true, unit: 'KB' },
  firstPinyinAfterLoadMs: { limit: 100, strict: true, unit: 'ms' },
  annotateRatio: { limit: 1.5, strict: false, unit: '×' },
  hoverP95Ms: { limit: 16, strict: true, unit: 'ms' },
  convert100kMs: { limit: 150, strict: true, unit: 'ms' },
  cedictImportMs: { limit: 5000, strict: true, unit: 'ms' },
  tabMemoryMB: { limit: 30, strict: true, unit: 'MB' },
};

const UNITS: Partial<Record<keyof Results, string>> = {
  detectorLibMs: 'ms',
  detectorFloorMs: 'ms',
  firstPinyinMs: 'ms',
  annotateMs: 'ms',
  browserBuildMs: 'ms',
  hoverP50Ms: 'ms',
  hoverFloorP50Ms: 'ms',
  hoverFloorP95Ms: 'ms',
  convert100kPaintedMs: 'ms',
  convertColdMs: 'ms',
  cedictImportOwnMs: 'ms',
  pinyinCharsPerMs: 'chars/ms',
  segmentCharsPerMs: 'chars/ms',
  convertCharsPerMs: 'chars/ms',
};

export type Verdict = 'ok' | 'over' | 'not measured' | '';

export function verdict(key: keyof Results, value: number | null): Verdict {
  const b = BUDGETS[key];
  if (value == null) return 'not measured';
  if (!b) return '';
  return (b.strict ? value < b.limit : value <= b.limit) ? 'ok' : 'over';
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
      b ? `${b.strict ? '<' : '≤'} ${b.limit} ${unit}`.trim() : '',
      verdict(key, v),
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
