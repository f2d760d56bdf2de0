import { storage } from '#imports';
import {
  applySettingsPatch,
  parseStoredSettings,
  settingsForHost,
  siteKey,
  type StoredSettings,
} from '../../lib/settings';
import type { SettingsView } from '../../lib/messages';

// Settings live in storage.local so that every reader sees changes at once through storage.onChanged.
export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: {} });

export async function loadSettings(): Promise<StoredSettings> {
  return parseStoredSettings(await settingsItem.getValue());
}

export async function settingsView(hostOrUrl: string): Promise<SettingsView> {
  const stored = await loadSettings();
  const host = siteKey(hostOrUrl);
  return {
    host,
    settings: settingsForHost(stored, host),
    global: stored.global,
    site: stored.sites[host] ?? {},
  };
}

let writing: Promise<unknown> = Promise.resolve();

/**
 * Applies a patch to the stored settings. Patches are applied one after another: two quick changes (script, then
 * pinyin, from the popup) would otherwise both read the old value and the second write would undo the first.
 */
export function patchSettings(
  scope: 'global' | 'site',
  patch: Record<string, unknown>,
  host?: string,
): Promise<SettingsView> {
  const run = writing.then(async () => {
    const next = applySettingsPatch(await loadSettings(), scope, patch, host);
    await settingsItem.setValue(next);
    return settingsView(host ?? '');
  });
  writing = run.catch(() => undefined);
  return run;
}
