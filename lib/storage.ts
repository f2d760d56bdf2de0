import { storage } from '#imports';
import {
  applySettingsPatch,
  migrateStoredSettingsV2,
  migrateStoredSettingsV3,
  parseStoredSettings,
  settingsForHost,
  siteKey,
  type Settings,
  type StoredSettings,
} from './settings';
import type { SettingsView } from './messages';

/**
 * The extension's storage items, declared once here and imported by every context (background, reader, options):
 * no entrypoint reaches into another's folder for them. Settings writes go through `exclusiveSettingsWrite` (a
 * queue within a context, a Web Lock across contexts).
 */

// Settings live in storage.local so that every reader sees changes at once through storage.onChanged.
// Version 2 moved saved pinyin sizes of 0.5, the old default, to the new default once (migrateStoredSettingsV2).
// Version 3 turned hiding pinyin over known words and HSK levels off once, since pages can read it
// (migrateStoredSettingsV3).
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: {},
  version: 3,
  migrations: { 2: migrateStoredSettingsV2, 3: migrateStoredSettingsV3 },
});

export async function loadSettings(): Promise<StoredSettings> {
  return parseStoredSettings(await settingsItem.getValue());
}

let cachedStored: Promise<StoredSettings> | null = null;
let watchingStored = false;

/**
 * A site's settings from a copy read once per context and kept current by the item's watch: the background asks
 * this for every Chinese page before injecting its reader, which used to wait for a storage read (two, with the
 * item's version) each time. A failed read is tried again next time. The reader still reads the settings itself
 * once it runs, so a change in between is not lost.
 */
export function cachedSettingsFor(hostOrUrl: string): Promise<Settings> {
  if (!watchingStored) {
    watchingStored = true;
    settingsItem.watch((raw) => {
      cachedStored = Promise.resolve(parseStoredSettings(raw));
    });
  }
  if (!cachedStored) {
    cachedStored = loadSettings();
    cachedStored.catch(() => {
      cachedStored = null;
    });
  }
  return cachedStored.then((s) => settingsForHost(s, siteKey(hostOrUrl)));
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
 * Runs a read-modify-write of the stored settings alone. Within one context a queue orders them; across
 * contexts (the options page patches settings itself while the background applies the popup's and the keyboard
 * commands' patches) a Web Lock does: each context's own queue let both read the old value, and the later
 * write undid the other's change.
 */
export function exclusiveSettingsWrite<T>(write: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run: Promise<T> = writing.then(() =>
    locks ? (locks.request('dubao-settings', write) as Promise<T>) : write(),
  );
  writing = run.catch(() => undefined);
  return run;
}

/**
 * Applies a patch to the stored settings. Patches are applied one after another: two quick changes (script, then
 * pinyin, from the popup) would otherwise both read the old value and the second write would undo the first.
 */
export function patchSettings(
  scope: 'global' | 'site',
  patch: Record<string, unknown>,
  host?: string,
): Promise<SettingsView> {
  return exclusiveSettingsWrite(async () => {
    const next = applySettingsPatch(await loadSettings(), scope, patch, host);
    await settingsItem.setValue(next);
    return settingsView(host ?? '');
  });
}

/**
 * Sites where the reader is registered as a content script (lib/reader-sites.ts): written by the background; removed
 * by the options page with the rest of the user data.
 */
export const readerSitesItem = storage.defineItem<unknown>('local:readerSites', { fallback: [] });

/**
 * Bumped whenever the known words change (hover card, options page, backup restore, delete all). Readers watch it
 * to redraw pinyin, and the engine to reload the words; the words themselves live in IndexedDB.
 */
export const knownRevisionItem = storage.defineItem<number>('local:knownRevision', { fallback: 0 });

export async function bumpKnownRevision(): Promise<void> {
  await knownRevisionItem.setValue(((await knownRevisionItem.getValue()) ?? 0) + 1);
}
