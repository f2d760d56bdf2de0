/**
 * Code-point classes for CJK text. Plain range checks on numbers: the detector calls these for every
 * character it samples on every page, so no tables, no regex compilation per call, no allocation.
 */

/** Han ideographs: URO, extensions A–I (astral planes 2 and 3), compatibility ideographs, and 〇. */
export function isHan(cp: number): boolean {
  if (cp < 0x3007) return false;
  if (cp <= 0x9fff) return cp >= 0x4e00 || (cp >= 0x3400 && cp <= 0x4dbf) || cp === 0x3007;
  if (cp >= 0xf900 && cp <= 0xfaff) return true;
  // Extensions B–F, I (0x20000–0x2EE5F), compatibility supplement, and G–H (0x30000–0x323AF).
  if (cp >= 0x20000 && cp <= 0x2ee5f) return true;
  if (cp >= 0x2f800 && cp <= 0x2fa1f) return true;
  return cp >= 0x30000 && cp <= 0x323af;
}

/** Hiragana and katakana (full- and half-width), but not the middle dot ・, which Chinese text uses too. */
export function isKana(cp: number): boolean {
  if (cp >= 0x3041 && cp <= 0x30ff) return cp !== 0x30fb && cp !== 0x30a0;
  return (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9d) || cp === 0x1b000 || cp === 0x1b001;
}

/** Hangul syllables and jamo. */
export function isHangul(cp: number): boolean {
  return (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f);
}

/** CJK and full-width punctuation, plus the Western marks Chinese typesetting uses (— … “ ” ‘ ’ ·). */
export function isCjkPunct(cp: number): boolean {
  if (cp >= 0x3000 && cp <= 0x303f) return cp !== 0x3000 && cp !== 0x3005 && cp !== 0x3007;
  if (cp >= 0xff01 && cp <= 0xff65) {
    // Full-width digits and letters are not punctuation.
    return !(
      (cp >= 0xff10 && cp <= 0xff19) ||
      (cp >= 0xff21 && cp <= 0xff3a) ||
      (cp >= 0xff41 && cp <= 0xff5a)
    );
  }
  if (cp >= 0xfe10 && cp <= 0xfe1f) return true; // vertical forms
  if (cp >= 0xfe30 && cp <= 0xfe4f) return true; // CJK compatibility forms
  return (
    cp === 0x00b7 ||
    cp === 0x2014 ||
    cp === 0x2015 ||
    cp === 0x2026 ||
    (cp >= 0x2018 && cp <= 0x201f) ||
    cp === 0x30fb
  );
}

/** Latin letters: ASCII, Latin-1 and Latin Extended-A/B, and full-width A–Z a–z. */
export function isLatin(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (cp >= 0xc0 && cp <= 0x24f) return cp !== 0xd7 && cp !== 0xf7;
  return (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** ASCII and full-width decimal digits. */
export function isDigit(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
}

/** White space, including the ideographic space U+3000 and no-break spaces. */
export function isSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0xa0 ||
    cp === 0x3000 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200b) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0xfeff
  );
}

/** True when the string holds at least one Han character. */
export function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3007) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i)!;
      if (isHan(cp)) return true;
      i++;
      continue;
    }
    if (isHan(c)) return true;
  }
  return false;
}
