import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import type { ComponentChildren } from 'preact';
import { openDb, type DubaoDb } from '../../../lib/db';
import { applySettingsPatch, parseStoredSettings, type StoredSettings } from '../../../lib/settings';
import { EnvContext, type OptionsEnv, type SettingsPort } from '../../../lib/options/env';

export function freshDb(): Promise<DubaoDb> {
  const indexedDB = new IDBFactory();
  // liveQuery does nothing unless Dexie sees a global IndexedDB, which Node lacks; each test still gets its own.
  Dexie.dependencies.indexedDB ??= indexedDB;
  Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;
  return openDb({ name: 'dubao-options-test', indexedDB, IDBKeyRange });
}

/** Settings kept in memory, with the same validation as the real store. */
export function memorySettings(initial: unknown = {}): SettingsPort & { value: unknown } {
  const watchers = new Set<(s: StoredSettings) => void>();
  const port = {
    value: initial,
    async load() {
      return parseStoredSettings(port.value);
    },
    async patch(patch: Record<string, unknown>) {
      port.value = applySettingsPatch(parseStoredSettings(port.value), 'global', patch);
      for (const w of watchers) w(parseStoredSettings(port.value));
    },
    watch(cb: (s: StoredSettings) => void) {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
    async raw() {
      return port.value;
    },
    async replace(raw: unknown) {
      port.value = parseStoredSettings(raw);
      for (const w of watchers) w(parseStoredSettings(port.value));
    },
    async clear() {
      port.value = {};
      for (const w of watchers) w(parseStoredSettings(port.value));
    },
  };
  return port;
}

export function testEnv(db: DubaoDb, over: Partial<OptionsEnv> = {}): OptionsEnv {
  return {
    db,
    settings: memorySettings(),
    openTab: async () => undefined,
    requestAnkiPermission: async () => true,
    estimateStorage: async () => ({ usage: 2048, quota: 1024 * 1024 }),
    knownChanged: async () => undefined,
    shortcuts: { where: 'chrome://extensions/shortcuts', open: async () => undefined },
    ...over,
  };
}

export function WithEnv({ env, children }: { env: OptionsEnv; children: ComponentChildren }) {
  return <EnvContext.Provider value={env}>{children}</EnvContext.Provider>;
}
