import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DubaoDb } from '../db';
import type { Settings, StoredSettings } from '../settings';

/** Where settings are kept; the options entrypoint binds it to WXT storage, tests to memory. */
export interface SettingsPort {
  load(): Promise<StoredSettings>;
  /** Changes global settings; invalid values are dropped by the store. */
  patch(patch: Partial<Settings>): Promise<void>;
  /** Calls back on every stored change, from this page or another; returns the unsubscribe. */
  watch(cb: (settings: StoredSettings) => void): () => void;
  /** The raw stored value, for backups. */
  raw(): Promise<unknown>;
  /** Stores a whole settings value (from a backup), validated first. */
  replace(raw: unknown): Promise<void>;
  clear(): Promise<void>;
}

/** Everything the options app needs from outside: the database and the few extension APIs it touches. */
export interface OptionsEnv {
  db: DubaoDb;
  settings: SettingsPort;
  openTab(url: string): Promise<void>;
  /** Must be called straight from a click: browsers only grant permissions during a user gesture. */
  requestAnkiPermission(): Promise<boolean>;
  estimateStorage(): Promise<{ usage?: number; quota?: number }>;
  /** Tells readers in open tabs that the known words changed, so they redraw their pinyin. */
  knownChanged(): Promise<void>;
  /** Where the browser lets the user change keyboard shortcuts, as a user would find it. */
  shortcuts: { where: string; open?: () => Promise<void> };
}

export const EnvContext = createContext<OptionsEnv | null>(null);

export function useEnv(): OptionsEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('OptionsEnv missing: wrap the app in <EnvContext.Provider>');
  return env;
}
