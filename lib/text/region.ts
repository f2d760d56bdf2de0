/** Where a page's Traditional text comes from. Tiny on purpose: the reader and the message schema import it. */

/**
 * Whose Traditional conventions a text follows, for conversion to Simplified: 'any' reads OpenCC standard and
 * Hong Kong forms (so does 'hk'); 'tw' reads Taiwan's (the particle 著 in 隨著, 跟著 becomes 着).
 */
export type TraditionalSource = 'any' | 'tw' | 'hk';
export const TRADITIONAL_SOURCES: readonly TraditionalSource[] = ['any', 'tw', 'hk'];

/**
 * The conventions a page's Traditional text follows, from its language tag and host: Taiwan pages (zh-TW,
 * zh-Hant-TW, .tw) as 'tw', Hong Kong and Macau (zh-HK, zh-MO, .hk, .mo) as 'hk', anything else as 'any'.
 */
export function traditionalSourceOf(lang: string | null | undefined, host: string): TraditionalSource {
  const tag = (lang ?? '').toLowerCase().replace(/_/g, '-');
  if (/^zh(-hant)?-tw\b/.test(tag)) return 'tw';
  if (/^zh(-hant)?-(hk|mo)\b/.test(tag)) return 'hk';
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h.endsWith('.tw')) return 'tw';
  if (h.endsWith('.hk') || h.endsWith('.mo')) return 'hk';
  return 'any';
}
