import variants from './data/variants.json';

/**
 * Regional variants of a character folded to the one form the glossary writes (台 → 臺, 裏 → 裡, 衞 → 衛, 着 → 著,
 * 爲 → 為, 綫 → 線, 峯 → 峰 …; tools/gen-term-variants.ts) and CJK compatibility ideographs to their unified
 * character (裡 U+F9E8 → 裡) and full-width ASCII to ASCII (＋ → +), one UTF-16 code unit for one: a folded text keeps every offset of the original.
 * Both the forms indexed and the text searched are folded, so Taiwan and Hong Kong print matches as printed.
 */
let pairs: Map<number, number> | null = null;
let table: Uint16Array | null = null;

/** Folded code unit by code unit, for the characters that fold (a few hundred). */
function foldPairs(): Map<number, number> {
  if (pairs) return pairs;
  const m = new Map<number, number>();
  for (const [from, to] of Object.entries(variants as Record<string, string>))
    m.set(from.charCodeAt(0), to.charCodeAt(0));
  for (let c = 0xf900; c <= 0xfaff; c++) {
    const unified = String.fromCharCode(c).normalize('NFC');
    if (unified.length !== 1 || unified.charCodeAt(0) === c) continue;
    const u = unified.charCodeAt(0);
    m.set(c, m.get(u) ?? u); // 裡 → 裡, and 裏's compatibility twin on to 裡 too
  }
  // Full-width Latin letters, digits and signs as papers set them (人工智能＋, Ｇ２０) to their ASCII forms.
  for (let c = 0xff01; c <= 0xff5e; c++) m.set(c, c - 0xfee0);
  pairs = m;
  return m;
}

/** Code unit → folded code unit, 0 where the character stays itself: for the matcher's inner loop. */
export function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x10000);
  for (const [from, to] of foldPairs()) t[from] = to;
  table = t;
  return t;
}

/** `text` with every character folded: same length, same offsets. */
export function foldVariants(text: string): string {
  const m = foldPairs();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const f = m.get(text.charCodeAt(i));
    if (f !== undefined) {
      out += text.slice(from, i) + String.fromCharCode(f);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
