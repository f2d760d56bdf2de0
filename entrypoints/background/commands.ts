import { SCRIPT_TARGETS, siteKey } from '../../lib/settings';
import { patchSettings, settingsView } from '../../lib/storage';
import { readPage } from './read-page';

/** Keyboard commands act on the active tab's site; readers pick the change up from storage. */
export function setupCommands(): void {
  browser.commands.onCommand.addListener((command) => void onCommand(command));
}

async function onCommand(command: string): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (command === 'read-page') {
    if (tab?.id != null) await readPage(tab.id).catch(() => {}); // a page the extension may not script
    return;
  }
  const host = siteKey(tab?.url ?? '');
  if (!host) return;
  const { settings } = await settingsView(host);
  if (command === 'toggle-pinyin') await patchSettings('site', { pinyin: !settings.pinyin }, host);
  else if (command === 'toggle-site') await patchSettings('site', { enabled: !settings.enabled }, host);
  else if (command === 'cycle-script') {
    const next = SCRIPT_TARGETS[(SCRIPT_TARGETS.indexOf(settings.script) + 1) % SCRIPT_TARGETS.length];
    await patchSettings('site', { script: next }, host);
  }
}
