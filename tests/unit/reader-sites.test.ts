import { describe, expect, it } from 'vitest';
import {
  enabledReaderSites,
  MAX_READER_SITES,
  parseReaderSites,
  readerSitePatterns,
  withReaderSite,
} from '../../lib/reader-sites';
import { DEFAULT_SETTINGS, type StoredSettings } from '../../lib/settings';

describe('reader sites', () => {
  it('adds a site once, at the end', () => {
    expect(withReaderSite([], 'people.com.cn')).toEqual(['people.com.cn']);
    expect(withReaderSite(['people.com.cn'], 'udn.com')).toEqual(['people.com.cn', 'udn.com']);
    expect(withReaderSite(['people.com.cn', 'udn.com'], 'people.com.cn')).toBeNull();
  });

  it('keeps the newest sites when the list is full', () => {
    const full = Array.from({ length: MAX_READER_SITES }, (_, i) => `site${i}.cn`);
    const next = withReaderSite(full, 'xinhuanet.com')!;
    expect(next).toHaveLength(MAX_READER_SITES);
    expect(next[0]).toBe('site1.cn');
    expect(next.at(-1)).toBe('xinhuanet.com');
  });

  it('refuses what a match pattern cannot name', () => {
    expect(withReaderSite([], '')).toBeNull();
    expect(withReaderSite([], '[::1]')).toBeNull();
    expect(withReaderSite([], '*.people.com.cn')).toBeNull();
    expect(withReaderSite([], 'a b.cn')).toBeNull();
  });

  it('turns sites into http and https patterns, with and without www, on any port', () => {
    expect(readerSitePatterns(['people.com.cn', '127.0.0.1', 'localhost'])).toEqual([
      '*://people.com.cn/*',
      '*://www.people.com.cn/*',
      '*://127.0.0.1/*',
      '*://localhost/*',
    ]);
  });

  it('drops the sites where Dubao was turned off, and all of them when it is off everywhere', () => {
    const stored: StoredSettings = {
      global: DEFAULT_SETTINGS,
      sites: { 'udn.com': { enabled: false } },
    };
    expect(enabledReaderSites(['people.com.cn', 'udn.com'], stored)).toEqual(['people.com.cn']);
    const off: StoredSettings = { global: { ...DEFAULT_SETTINGS, enabled: false }, sites: {} };
    expect(enabledReaderSites(['people.com.cn', 'udn.com'], off)).toEqual([]);
    const onlyOne: StoredSettings = { ...off, sites: { 'udn.com': { enabled: true } } };
    expect(enabledReaderSites(['people.com.cn', 'udn.com'], onlyOne)).toEqual(['udn.com']);
  });

  it('reads back only valid keys, without repeats', () => {
    expect(parseReaderSites(['people.com.cn', 3, 'people.com.cn', '*.x', 'udn.com'])).toEqual([
      'people.com.cn',
      'udn.com',
    ]);
    expect(parseReaderSites({ sites: [] })).toEqual([]);
    expect(parseReaderSites(undefined)).toEqual([]);
  });
});
