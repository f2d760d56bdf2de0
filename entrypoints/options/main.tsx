import { render } from 'preact';
import { App } from './App';
import type { OptionsEnv, SettingsPort } from '../../lib/options/env';
import { ANKI_CONNECT_URL } from '../../lib/vocab/anki-connect';
import { openDb } from '../../lib/db';
import { parseStoredSettings } from '../../lib/settings';
import {
  bumpKnownRevision,
  exclusiveSettingsWrite,
  loadSettings,
  patchSettings,
  readerSitesItem,
  settingsItem,
} from '../../lib/storage';
import { FIREFOX_SHORTCUTS, SHORTCUTS_URL } from '../../components/options/views/SettingsView';
import './style.css';

/**
 * Chrome has a page for extension shortcuts that an extension may open; Firefox keeps them in the add-ons
 * manager, which it opens itself from Firefox 137 (commands.openShortcutSettings) and otherwise only by hand.
 */
function shortcutsPlace(): OptionsEnv['shortcuts'] {
  if (import.meta.env.FIREFOX) {
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    return {
      where: FIREFOX_SHORTCUTS,
      open: commands.openShortcutSettings ? () => commands.openShortcutSettings!() : undefined,
    };
  }
  return { where: SHORTCUTS_URL, open: async () => void (await browser.tabs.create({ url: SHORTCUTS_URL })) };
}

// The page is part of the extension, so it opens the extension's own database directly, as the background does.
const settings: SettingsPort = {
  load: loadSettings,
  patch: async (patch) => void (await patchSettings('global', patch)),
  watch: (cb) => settingsItem.watch((value) => cb(parseStoredSettings(value))),
  raw: () => settingsItem.getValue(),
  replace: (raw) => exclusiveSettingsWrite(() => settingsItem.setValue(parseStoredSettings(raw))),
  // The sites where the reader starts early go too: the background stops starting it there.
  clear: async () => {
    await readerSitesItem.removeValue();
    await exclusiveSettingsWrite(() => settingsItem.removeValue());
  },
};

async function main() {
  const root = document.getElementById('app')!;
  try {
    const env: OptionsEnv = {
      db: await openDb(),
      settings,
      openTab: async (url) => void (await browser.tabs.create({ url })),
      requestAnkiPermission: () => browser.permissions.request({ origins: [`${ANKI_CONNECT_URL}/*`] }),
      estimateStorage: async () => (navigator.storage?.estimate ? navigator.storage.estimate() : {}),
      knownChanged: bumpKnownRevision,
      shortcuts: shortcutsPlace(),
    };
    render(<App env={env} />, root);
  } catch (err) {
    root.textContent = `Dubao could not open its database: ${err instanceof Error ? err.message : String(err)}`;
  }
}

void main();
