/**
 * Faults from an attack run (issue 17), in real Chromium with the built extension: each case checks what the
 * user keeps (their words, their settings, their glossary edits) when things go wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, sendFromExtension, type ExtensionBrowser } from './chromium';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

const send = (msg: unknown) => sendFromExtension(browser, msg);

async function optionsAt(route: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html#/${route}`);
  return page;
}

async function exportBackupFile(): Promise<string> {
  const options = await optionsAt('import-export');
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.click('[data-testid=export-json]'),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  await options.close();
  return text;
}

/** Restores a backup file through the options page in the given mode; the status line it ends with. */
async function restore(text: string, mode: 'merge' | 'replace', page?: Page): Promise<string> {
  const file = join(tmpdir(), `dubao-restore-${Date.now()}.json`);
  writeFileSync(file, text);
  const options = page ?? (await optionsAt('import-export'));
  await options.setInputFiles('[data-testid=import-file]', file);
  await options.waitForSelector('[data-testid=import-report]');
  if (mode === 'replace') await options.check('[data-testid=import-replace]');
  await options.click('[data-testid=import-confirm]');
  const status = options.locator('[data-testid=io-status]');
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Replaced|Merged|failed/);
  const out = (await status.textContent()) ?? '';
  if (!page) await options.close();
  return out;
}

const wordsOf = (backup: string) =>
  (JSON.parse(backup).entries as { word: string; source: { url: string } | null }[]).map((e) => [
    e.word,
    e.source?.url ?? null,
  ]);

describe('a backup of words saved in any kind of frame', () => {
  it('restores words whose frames were about:blank, about:srcdoc, blob: and data:', async () => {
    const sources = [
      'about:blank',
      'about:srcdoc',
      'blob:http://127.0.0.1:9/0b9f3a52-7d0e-4c55-9d43-0a4a9e1f1a10',
      'data:text/html;charset=utf-8,<p>银行</p>',
    ];
    for (const url of sources) {
      const r = await send({
        type: 'saveWord',
        word: '银行',
        sentence: '银行',
        offset: 0,
        title: 'frame',
        url,
      });
      expect(r.ok).toBe(true);
    }
    const first = await exportBackupFile();
    expect(wordsOf(first).map(([, url]) => url)).toEqual(sources);
    expect(await restore(first, 'replace')).toMatch(/^Replaced your data with .*4 words/);
    const again = await exportBackupFile();
    expect({ ...JSON.parse(again), exported: '' }).toEqual({ ...JSON.parse(first), exported: '' });
  });
});

describe('settings changed from the options page and the background at once', () => {
  it('keeps both changes, every time', async () => {
    const options = await optionsAt('settings');
    await options.waitForSelector('[data-testid=settings-speech-rate]');
    // Each round, in the same moment: the options page writes a setting itself and the background applies
    // another one sent as the popup sends it.
    const results = await options.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      const input = document.querySelector<HTMLInputElement>('[data-testid=settings-speech-rate]')!;
      const read = async () => (await chrome.storage.local.get('settings')).settings?.global ?? {};
      const out: [number, number, number, number][] = [];
      for (let round = 0; round < 12; round++) {
        const rate = (0.6 + (round % 10) * 0.1).toFixed(1);
        const level = (round % 6) + 1;
        input.value = rate;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await chrome.runtime.sendMessage({
          type: 'setSettings',
          scope: 'global',
          patch: { hskHideLevel: level },
        });
        await new Promise((r) => setTimeout(r, 150)); // both writes done
        const s = await read();
        out.push([Number(rate), level, s.speechRate, s.hskHideLevel]);
      }
      return out;
    });
    for (const [rate, level, storedRate, storedLevel] of results) {
      expect([storedRate, storedLevel]).toEqual([rate, level]);
    }
    await options.close();
    await send({ type: 'setSettings', scope: 'global', patch: { hskHideLevel: 0, speechRate: 1 } });
  });
});

describe('a glossary term added in the options page', () => {
  it('reaches the views the background draws within two seconds', async () => {
    const termsOf = async (text: string) => {
      const r = await send({
        type: 'views',
        texts: [text],
        pinyin: true,
        pinyinStyle: 'marks',
        script: 'original',
      });
      return (JSON.parse(r.packed)[0]?.termSpans ?? []).length as number;
    };
    expect(await termsOf('我们要躺平了')).toBe(0);
    const options = await optionsAt('glossary');
    await options.click('[data-testid=term-add]');
    await options.fill('[data-testid=term-simplified]', '躺平');
    await options.fill('[data-testid=term-english]', 'lying flat');
    await options.click('[data-testid=term-save]');
    const start = Date.now();
    await expect.poll(() => termsOf('我们要躺平了'), { timeout: 2_000, interval: 100 }).toBe(1);
    console.log(`hardening: a new term reached the background's views after ${Date.now() - start} ms`);
    await options.close();
  });
});
