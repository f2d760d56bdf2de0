import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  migrateStoredSettingsV2,
  migrateStoredSettingsV3,
  parseStoredSettings,
} from '../../lib/settings';

describe('stored settings, version 1 → 2', () => {
  it('gives a saved pinyin size of 0.5, the old default, the new default', () => {
    const old = { global: { ...DEFAULT_SETTINGS, pinyinScale: 0.5, script: 'tw' }, sites: {} };
    const next = parseStoredSettings(migrateStoredSettingsV2(old));
    expect(next.global.pinyinScale).toBe(DEFAULT_SETTINGS.pinyinScale);
    expect(DEFAULT_SETTINGS.pinyinScale).toBe(0.6);
    // Everything else the user saved stays.
    expect(next.global.script).toBe('tw');
  });

  it('leaves any other size, a site’s own size and settings never saved as they are', () => {
    const chosen = { global: { pinyinScale: 0.8 }, sites: { 'people.com.cn': { pinyinScale: 0.5 } } };
    expect(migrateStoredSettingsV2(chosen)).toEqual(chosen);
    expect(migrateStoredSettingsV2({})).toEqual({});
    expect(migrateStoredSettingsV2(null)).toBe(null);
    expect(migrateStoredSettingsV2({ global: 'nonsense' })).toEqual({ global: 'nonsense' });
  });
});

describe('stored settings, version 2 → 3: what a page could read is turned off once', () => {
  it('turns off hiding pinyin over known words and HSK levels, globally and on every site; the rest stays', () => {
    const old = {
      global: { ...DEFAULT_SETTINGS, hideKnown: true, hskHideLevel: 3, script: 'tw', pinyinScale: 0.8 },
      sites: {
        'people.com.cn': { hideKnown: false, pinyin: false },
        'udn.com': { hideKnown: true },
        'qq.com': { hskHideLevel: 2, script: 'cn' },
      },
    };
    const next = parseStoredSettings(migrateStoredSettingsV3(old));
    expect(next.global).toEqual({ ...DEFAULT_SETTINGS, script: 'tw', pinyinScale: 0.8 });
    expect(next.global.hideKnown).toBe(false);
    expect(next.global.hskHideLevel).toBe(0);
    expect(next.sites).toEqual({ 'people.com.cn': { pinyin: false }, 'qq.com': { script: 'cn' } });
  });

  it('is off for a new install, and leaves what is not a stored object alone', () => {
    expect(DEFAULT_SETTINGS.hideKnown).toBe(false);
    expect(DEFAULT_SETTINGS.hskHideLevel).toBe(0);
    expect(parseStoredSettings(migrateStoredSettingsV3({})).global).toEqual(DEFAULT_SETTINGS);
    expect(migrateStoredSettingsV3(null)).toBe(null);
    expect(migrateStoredSettingsV3({ global: 'nonsense' })).toEqual({ global: 'nonsense' });
  });
});

describe('the settings storage item', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('migrates a version 1 store once: a size of 0.5 chosen afterwards stays', async () => {
    await fakeBrowser.storage.local.set({ settings: { global: { pinyinScale: 0.5, pinyin: false } } });
    const { settingsItem, loadSettings, patchSettings } = await import('../../lib/storage');
    expect((await loadSettings()).global).toMatchObject({ pinyinScale: 0.6, pinyin: false });
    expect(await settingsItem.getMeta()).toEqual({ v: 3 });

    await patchSettings('global', { pinyinScale: 0.5 });
    vi.resetModules();
    const again = await import('../../lib/storage');
    expect((await again.loadSettings()).global.pinyinScale).toBe(0.5);
  });

  it('a version 2 store with known words hidden gets them shown once; turned on again, they stay hidden', async () => {
    await fakeBrowser.storage.local.set({
      settings: { global: { ...DEFAULT_SETTINGS, hideKnown: true, hskHideLevel: 4 }, sites: {} },
      settings$: { v: 2 },
    });
    const { settingsItem, loadSettings, patchSettings } = await import('../../lib/storage');
    expect((await loadSettings()).global).toMatchObject({ hideKnown: false, hskHideLevel: 0 });
    expect(await settingsItem.getMeta()).toEqual({ v: 3 });

    await patchSettings('global', { hideKnown: true, hskHideLevel: 2 });
    vi.resetModules();
    const again = await import('../../lib/storage');
    expect((await again.loadSettings()).global).toMatchObject({ hideKnown: true, hskHideLevel: 2 });
  });

  it('a new install starts at the new defaults and is stored as version 3', async () => {
    const { settingsItem, loadSettings, patchSettings } = await import('../../lib/storage');
    expect((await loadSettings()).global).toMatchObject({
      pinyinScale: 0.6,
      hideKnown: false,
      hskHideLevel: 0,
    });
    await patchSettings('global', { pinyin: false });
    expect(await settingsItem.getMeta()).toEqual({ v: 3 });
  });
});
