import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './data/script-chars';

export type Script = 'simplified' | 'traditional';

export interface ScriptCounts {
  simplified: number;
  traditional: number;
}

// Both tables hold BMP characters only, so a code-unit lookup table is exact. 1 = Simplified, 2 = Traditional.
let table: Uint8Array | null = null;
function scriptTable(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(0xa000);
  for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) table[SIMPLIFIED_ONLY.charCodeAt(i)] = 1;
  for (let i = 0; i < TRADITIONAL_ONLY.length; i++) table[TRADITIONAL_ONLY.charCodeAt(i)] = 2;
  return table;
}

/** Adds the script-specific characters of `text` to `into` (for summing over many text nodes). */
export function countScriptChars(
  text: string,
  into: ScriptCounts = { simplified: 0, traditional: 0 },
): ScriptCounts {
  const t = scriptTable();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c >= 0xa000) continue;
    const s = t[c];
    if (s === 1) into.simplified++;
    else if (s === 2) into.traditional++;
  }
  return into;
}

/** Fewer marked characters than this and the text could be either (a name, a headline of shared characters). */
export const MIN_SCRIPT_EVIDENCE = 3;

/**
 * Decides from counts: the script with clearly more marked characters. Quotations and names of the other
 * script happen, so a 3:1 majority is enough.
 */
export function judgeScript(counts: ScriptCounts): Script | null {
  const { simplified, traditional } = counts;
  if (simplified + traditional < MIN_SCRIPT_EVIDENCE) {
    // A short text with marks of one script only is still telling.
    if (simplified > 0 && traditional === 0) return 'simplified';
    if (traditional > 0 && simplified === 0) return 'traditional';
    return null;
  }
  if (simplified >= traditional * 3) return 'simplified';
  if (traditional >= simplified * 3) return 'traditional';
  return null;
}

/** 'simplified' | 'traditional' for Chinese text written in one script; null when it cannot tell. */
export function detectScript(text: string): Script | null {
  return judgeScript(countScriptChars(text));
}
