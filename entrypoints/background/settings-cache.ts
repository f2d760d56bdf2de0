import {
  parseStoredSettings,
  settingsForHost,
  siteKey,
  type Settings,
  type StoredSettings,
} from '../../lib/settings';
import { settingsItem } from '../../lib/storage';

let stored: Promise<StoredSettings> | null = null;
let watching = false;

/**
 * The settings a page's reader starts with, read from storage once per worker and then kept current by the
 * storage item's watch: every Chinese page used to wait for a storage read (two, with the item's version) before
 * its reader was injected. The reader still reads them itself once it runs, so a change in between is not lost.
 */
export function startSettings(url: string): Promise<Settings> {
  if (!watching) {
    watching = true;
    settingsItem.watch((raw) => {
      stored = Promise.resolve(parseStoredSettings(raw));
    });
  }
  if (!stored) {
    stored = settingsItem.getValue().then(parseStoredSettings);
    stored.catch(() => {
      stored = null; // read again next time
    });
  }
  return stored.then((s) => settingsForHost(s, siteKey(url)));
}
