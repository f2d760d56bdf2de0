import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './chromium';

let browser: ExtensionBrowser;
let page: Page;

/** Sends a message to the real background from an extension page, as the popup and options page do. */
function send(msg: unknown): Promise<any> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), msg);
}

async function waitForDictionary(): Promise<any> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await send({ type: 'dictStatus' });
    if (state?.status === 'complete') return state;
    if (Date.now() > deadline) throw new Error(`dictionary import did not finish: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
});
afterAll(async () => {
  await browser?.close();
});

describe('the data layer in the real background', () => {
  it('imports CC-CEDICT into IndexedDB after install', async () => {
    const state = await waitForDictionary();
    expect(state.entries).toBeGreaterThan(100_000);
    expect(state.done).toBe(state.total);
  });

  it('looks up 共同富裕 as a glossary term that outranks the dictionary split', async () => {
    const r = await send({ type: 'lookup', text: '共同富裕示范区建设' });
    expect(r.terms.map((t: any) => t.simplified)).toContain('共同富裕');
    const term = r.terms.find((t: any) => t.simplified === '共同富裕');
    expect(term.english.toLowerCase()).toContain('common prosperity');
    expect(r.entries[0].matched.length).toBeLessThan(4); // CEDICT has 共同, not the term
  });

  it('looks up 银行 and 銀行 with the same reading and senses', async () => {
    const simp = await send({ type: 'lookup', text: '银行业务' });
    const trad = await send({ type: 'lookup', text: '銀行業務' });
    const bank = (r: any) => r.entries.find((e: any) => e.simplified === '银行');
    expect(bank(simp).pinyin).toBe('yín háng');
    expect(bank(simp).definitions.join(' ')).toMatch(/bank/);
    expect(bank(trad).traditional).toBe('銀行');
    expect(bank(trad).definitions).toEqual(bank(simp).definitions);
  });

  it('rejects a malformed message with a reason and keeps working', async () => {
    const bad = await send({ type: 'lookup', text: 42 });
    expect(bad.error).toMatch(/Invalid message/);
    const good = await send({ type: 'lookup', text: '银行' });
    expect(good.entries.length).toBeGreaterThan(0);
  });

  it('saves a word with its sentence and source into the default list', async () => {
    const r = await send({
      type: 'saveWord',
      word: '银行',
      sentence: '他在银行工作。',
      offset: 2,
      title: 'Test page',
      url: 'http://127.0.0.1/test',
    });
    expect(r.ok).toBe(true);
    expect(r.entryId).toBeGreaterThan(0);
  });
});
