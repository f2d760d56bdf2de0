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

export async function patchSettings(
  scope: 'global' | 'site',
  patch: Record<string, unknown>,
  host?: string,
): Promise<SettingsView> {
  const next = applySettingsPatch(await loadSettings(), scope, patch, host);
  await settingsItem.setValue(next);
  return settingsView(host ?? '');
}
