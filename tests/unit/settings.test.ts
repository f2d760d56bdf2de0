import { describe, expect, it } from 'vitest';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  parseSettings,
  parseSiteOverride,
  parseStoredSettings,
  resolveSettings,
  settingsForHost,
  siteKey,
  type StoredSettings,
} from '../../lib/settings';

describe('resolveSettings', () => {
  it('uses the global settings where the site says nothing', () => {
    expect(resolveSettings(DEFAULT_SETTINGS, {})).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings(DEFAULT_SETTINGS, null)).toEqual(DEFAULT_SETTINGS);
  });

  it('lets a site override single settings', () => {
    const global = { ...DEFAULT_SETTINGS, pinyin: true, script: 'original' as const };
    const r = resolveSettings(global, { pinyin: false, script: 'cn' });
    expect(r).toMatchObject({ pinyin: false, script: 'cn', highlights: global.highlights });
  });

  it('does not modify its inputs', () => {
    const global = { ...DEFAULT_SETTINGS };
    resolveSettings(global, { enabled: false });
    expect(global.enabled).toBe(true);
  });
});

describe('parseSettings', () => {
  it('gives the defaults for nothing or garbage', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('pinyin=on')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps good values, replaces bad ones by defaults and drops unknown keys', () => {
    const s = parseSettings({
      pinyin: false,
      pinyinStyle: 'zhuyin',
      script: 'mars',
      hskHideLevel: 9,
      speechRate: '1.5',
      hoverCard: false,
      theme: 'dark',
    });
    expect(s).toEqual({
      ...DEFAULT_SETTINGS,
      pinyin: false,
      pinyinStyle: 'zhuyin',
      hoverCard: false,
    });
    expect(s).not.toHaveProperty('theme');
  });

  it('accepts every HSK level 0–6 and rejects fractions', () => {
    for (let level = 0; level <= 6; level++)
      expect(parseSettings({ hskHideLevel: level }).hskHideLevel).toBe(level);
    expect(parseSettings({ hskHideLevel: 2.5 }).hskHideLevel).toBe(DEFAULT_SETTINGS.hskHideLevel);
  });

  it('keeps only valid known keys in a site override', () => {
    expect(parseSiteOverride({ pinyin: false, script: 'x', colour: 'red' })).toEqual({ pinyin: false });
    expect(parseSiteOverride(42)).toEqual({});
  });
});

describe('stored settings and patches', () => {
  const stored: StoredSettings = { global: { ...DEFAULT_SETTINGS }, sites: {} };

  it('normalises hosts so www and ports do not split a site', () => {
    expect(siteKey('https://WWW.People.com.cn:443/n1/2026/index.html')).toBe('people.com.cn');
    expect(siteKey('www.zaobao.com.sg')).toBe('zaobao.com.sg');
    expect(siteKey('not a url://')).toBe('');
  });

  it('applies a site patch only to that site', () => {
    const next = applySettingsPatch(stored, 'site', { pinyin: false }, 'www.people.com.cn');
    expect(settingsForHost(next, 'people.com.cn').pinyin).toBe(false);
    expect(settingsForHost(next, 'zaobao.com.sg').pinyin).toBe(true);
  });

  it('removes an override set back to the global value, or set to null, so the site follows global again', () => {
    let next = applySettingsPatch(stored, 'site', { pinyin: false, script: 'tw' }, 'people.com.cn');
    next = applySettingsPatch(next, 'site', { pinyin: true, script: null }, 'people.com.cn');
    expect(next.sites).toEqual({});
    next = applySettingsPatch(next, 'global', { pinyin: false });
    expect(settingsForHost(next, 'people.com.cn').pinyin).toBe(false);
  });

  it('ignores invalid values in a patch', () => {
    const next = applySettingsPatch(stored, 'global', { speechRate: 99, enabled: 'no', hideKnown: true });
    expect(next.global).toEqual({ ...DEFAULT_SETTINGS, hideKnown: true });
  });

  it('repairs a damaged store', () => {
    const repaired = parseStoredSettings({
      global: { pinyin: 'maybe' },
      sites: { 'WWW.X.CN': { script: 'hk', junk: 1 }, 'y.cn': { script: 'junk' }, '': { pinyin: false } },
    });
    expect(repaired).toEqual({ global: DEFAULT_SETTINGS, sites: { 'x.cn': { script: 'hk' } } });
  });
});
