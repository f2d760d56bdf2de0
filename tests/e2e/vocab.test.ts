import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { serveFolder, type StaticServer } from '../../tools/serve';
import { hoverWord } from './layout';
import { cardText, clickCardButton } from './shadow';

let browser: ExtensionBrowser;
let server: StaticServer;
let backupPath = '';

beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages');
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('from the page to the word list, review, backup and restore', () => {
  it('saves 共同富裕 from the sample page with its sentence, and the open options page shows it at once', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/lists`);
    await options.waitForSelector('[data-testid=view-lists]');
    expect(await options.locator('[data-testid=entry-row]').count()).toBe(0);

    const page = await browser.context.newPage();
    await page.goto(`${server.url}/newspaper.html`);
    await page.waitForSelector('dubao-t [data-py]', { timeout: 20_000 });
    await hoverWord(page, '共同富裕');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/common prosperity/i);
    await page.keyboard.press('Shift'); // freeze the card so the pointer can reach its buttons
    await clickCardButton(page, 'Save');
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/Saved/);

    const row = options.locator('[data-testid=entry-row]').first();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.locator('[data-testid=entry-word]').textContent()).toContain('共同富裕');
    expect(await row.locator('[data-testid=entry-pinyin]').textContent()).toContain('gòng tóng fù yù');
    const context = await row.locator('[data-testid=entry-context]').textContent();
    expect(context).toContain('共同富裕');
    expect(context!.length).toBeGreaterThan(8);
    expect(await row.locator('a[data-testid=entry-source]').getAttribute('href')).toBe(page.url());
    await page.close();
    await options.close();
  });

  it('reviews the saved word with the keyboard', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/review`);
    await expect
      .poll(() => options.textContent('[data-testid=review-front]'), { timeout: 10_000 })
      .toContain('共同富裕');
    await options.keyboard.press('Space');
    await expect.poll(() => options.textContent('[data-testid=review-back]')).toMatch(/gòng tóng fù yù/);
    await options.keyboard.press('4'); // Easy: done for today
    await options.waitForSelector('[data-testid=review-done]', { timeout: 10_000 });
    await options.close();
  });

  it('exports a JSON backup with the word, its sentence and its review state', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/import-export`);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.click('[data-testid=export-json]'),
    ]);
    backupPath = (await download.path())!;
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup.format).toBe('dubao-backup');
    expect(backup.entries.map((e: { word: string }) => e.word)).toEqual(['共同富裕']);
    expect(backup.entries[0].context.sentence).toContain('共同富裕');
    expect(backup.reviews).toHaveLength(1);
    await options.close();
  });

  it('restores the backup into a fresh profile and finds everything', async () => {
    const fresh = await launchWithExtension();
    try {
      const options = await fresh.context.newPage();
      await options.goto(`chrome-extension://${fresh.extensionId}/options.html#/import-export`);
      await options.setInputFiles('[data-testid=import-file]', backupPath);
      await options.waitForSelector('[data-testid=import-report]');
      await options.check('[data-testid=import-replace]');
      await options.click('[data-testid=import-confirm]');
      await options.goto(`chrome-extension://${fresh.extensionId}/options.html#/lists`);
      const row = options.locator('[data-testid=entry-row]');
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      expect(await row.locator('[data-testid=entry-context]').textContent()).toContain('共同富裕');
      // Export again from the fresh profile: the same data (the export time aside).
      await options.goto(`chrome-extension://${fresh.extensionId}/options.html#/import-export`);
      const [download] = await Promise.all([
        options.waitForEvent('download'),
        options.click('[data-testid=export-json]'),
      ]);
      const again = JSON.parse(readFileSync(await download.path(), 'utf8'));
      const before = JSON.parse(readFileSync(backupPath, 'utf8'));
      expect({ ...again, exported: '' }).toEqual({ ...before, exported: '' });
    } finally {
      await fresh.close();
    }
  });
});
