import { settingsForHost, type StoredSettings } from './settings';

/**
 * Sites where Dubao has drawn pinyin before ("reader sites"): on them the reader is registered with the browser as
 * a content script, so a return visit starts it as the page loads, without the detector's report and the two
 * script injections that a first visit waits for (entrypoints/background/reader-sites.ts registers it;
 * entrypoints/site-look.ts decides, in the page, whether this page of the site has Chinese prose).
 *
 * The list holds site keys (lib/settings.ts `siteKey`: the host name without `www.`), oldest first, and is kept on
 * this computer only. A site leaves it when Dubao is turned off there (or everywhere); past `MAX_READER_SITES`
 * the oldest goes.
 */
export const MAX_READER_SITES = 50;

/** A site key a match pattern can name: a DNS name or an IPv4 address, nothing else (no IPv6, no `*`). */
const MATCHABLE = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** The list with `key` added at its end, or null when it is there already or cannot be matched. */
export function withReaderSite(list: readonly string[], key: string): string[] | null {
  if (!MATCHABLE.test(key) || list.includes(key)) return null;
  return [...list, key].slice(-MAX_READER_SITES);
}

/** The sites of `list` where Dubao is still turned on, in the same order. */
export function enabledReaderSites(list: readonly string[], stored: StoredSettings): string[] {
  return list.filter((key) => MATCHABLE.test(key) && settingsForHost(stored, key).enabled);
}

/** A stored list as read back: site keys only, without repeats, at most `MAX_READER_SITES`. */
export function parseReaderSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const keys = raw.filter((k): k is string => typeof k === 'string' && MATCHABLE.test(k));
  return [...new Set(keys)].slice(-MAX_READER_SITES);
}

/** Match patterns for the sites: http and https, any port, with and without `www.` for a name with a dot. */
export function readerSitePatterns(list: readonly string[]): string[] {
  return list.flatMap((key) => {
    const ip = /^[\d.]+$/.test(key);
    return ip || !key.includes('.') ? [`*://${key}/*`] : [`*://${key}/*`, `*://www.${key}/*`];
  });
}
