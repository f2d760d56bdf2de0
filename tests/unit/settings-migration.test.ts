import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, migrateStoredSettingsV2, parseStoredSettings } from '../../lib/settings';

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

describe('the settings storage item', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('migrates a version 1 store once: a size of 0.5 chosen afterwards stays', async () => {
    await fakeBrowser.storage.local.set({ settings: { global: { pinyinScale: 0.5, pinyin: false } } });
    const { settingsItem, loadSettings, patchSettings } = await import('../../lib/storage');
    expect((await loadSettings()).global).toMatchObject({ pinyinScale: 0.6, pinyin: false });
    expect(await settingsItem.getMeta()).toEqual({ v: 2 });

    await patchSettings('global', { pinyinScale: 0.5 });
    vi.resetModules();
    const again = await import('../../lib/storage');
    expect((await again.loadSettings()).global.pinyinScale).toBe(0.5);
  });

  it('a new install starts at the new default and is stored as version 2', async () => {
    const { settingsItem, loadSettings, patchSettings } = await import('../../lib/storage');
    expect((await loadSettings()).global.pinyinScale).toBe(0.6);
    await patchSettings('global', { pinyin: false });
    expect(await settingsItem.getMeta()).toEqual({ v: 2 });
  });
});
