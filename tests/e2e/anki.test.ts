/**
 * "Send to Anki" end to end: the options page of the built extension in Chromium pushes the saved words to a fake
 * AnkiConnect listening where the real one does (127.0.0.1:8765). The port is fixed because the extension only
 * talks to that address; when it is busy the test fails with a message saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { startFakeAnki, type FakeAnki } from './fake-anki';
import { recordNetwork, type NetworkRecorder } from './network';

const ANKI = 'http://127.0.0.1:8765';
const DECK = 'Dubao::E2E 新闻';
const XSS = '<img src=x onerror=alert(1)>';

/** What the user saved, in order, and the card Anki should get for each (fields are HTML, page text escaped). */
const WORDS = [
  {
    save: {
      word: '银行',
      pinyin: 'yín háng',
      definition: 'bank',
      sentence: '他在银行工作。',
      offset: 2,
      title: 'Test page',
      url: 'https://news.example/a.html',
    },
    front: '银行<br>他在银行工作。',
    back: 'yín háng<br>bank<br>Test page — https://news.example/a.html',
  },
  {
    save: {
      word: '发展',
      pinyin: 'fā zhǎn',
      definition: 'to develop; growth & change',
      sentence: `Text that looks like a tag ${XSS} 发展经济。`,
      offset: -1,
      title: '<b>Bold</b> title',
      url: 'https://news.example/b.html?a=1&b=2',
    },
    front: '发展<br>Text that looks like a tag &lt;img src=x onerror=alert(1)&gt; 发展经济。',
    back:
      'fā zhǎn<br>to develop; growth &amp; change<br>' +
      '&lt;b&gt;Bold&lt;/b&gt; title — https://news.example/b.html?a=1&amp;b=2',
  },
  {
    save: {
      word: '共同富裕',
      pinyin: 'gòng tóng fù yù',
      definition: 'common prosperity',
      sentence: '要扎实推动共同富裕。',
      offset: 5,
      title: '人民日报',
      url: 'https://news.example/c.html',
    },
    front: '共同富裕<br>要扎实推动共同富裕。',
    back: 'gòng tóng fù yù<br>common prosperity<br>人民日报 — https://news.example/c.html',
  },
];
const LATER = {
  save: {
    word: '经济',
    pinyin: 'jīng jì',
    definition: 'economy',
    sentence: '经济稳中向好。',
    offset: 0,
    title: 'Test page',
    url: 'https://news.example/d.html',
  },
  front: '经济<br>经济稳中向好。',
  back: 'jīng jì<br>economy<br>Test page — https://news.example/d.html',
};
/** The words go to the default list, "My words"; every card is also tagged dubao. */
const TAGS = ['My_words', 'dubao'];

let browser: ExtensionBrowser;
let network: NetworkRecorder;
let options: Page;
let fake: FakeAnki | null = null;
const dialogs: string[] = [];

/** Saves a word through the real background, as the reader's card does. */
async function saveWord(save: object): Promise<void> {
  const r = await options.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), {
    type: 'saveWord',
    ...save,
  });
  expect(r).toMatchObject({ ok: true });
}

/** Types the deck name, clicks Send and waits for the line the user reads afterwards. */
async function sendToAnki(deck: string, expected: string | RegExp): Promise<string> {
  await options.fill('[data-testid=anki-deck]', deck);
  await options.click('[data-testid=anki-push]');
  const result = options.locator('[data-testid=anki-result]');
  if (typeof expected === 'string')
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toBe(expected);
  else await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(expected);
  await expect.poll(() => options.isEnabled('[data-testid=anki-push]')).toBe(true);
  return (await result.textContent())!;
}

const resultClass = async () => (await options.getAttribute('[data-testid=anki-result]', 'class')) ?? '';
const ankiErrors = () => options.locator('[data-testid=anki-errors] li').allTextContents();

/** The requests the browser made to AnkiConnect's address, from anywhere in the profile. */
const ankiRequests = () => network.requests.filter((r) => r.url.startsWith(ANKI));

/** Records each chrome.permissions.request call the page makes and what it resolved to. */
async function spyOnPermissionRequests(): Promise<void> {
  await options.evaluate(() => {
    const g = globalThis as any;
    g.__permissionRequests = [];
    for (const api of new Set([g.chrome?.permissions, g.browser?.permissions].filter(Boolean))) {
      const original = api.request.bind(api);
      api.request = (p: any) => {
        const call: any = { origins: p.origins, result: 'pending' };
        g.__permissionRequests.push(call);
        return original(p).then(
          (r: boolean) => ((call.result = r), r),
          (e: unknown) => {
            call.result = `rejected: ${String(e)}`;
            throw e;
          },
        );
      };
    }
  });
}

const permissionRequests = () => options.evaluate(() => (globalThis as any).__permissionRequests);
const hasAnkiPermission = () =>
  options.evaluate(() =>
    (globalThis as any).chrome.permissions.contains({ origins: ['http://127.0.0.1:8765/*'] }),
  );

beforeAll(async () => {
  fake = await startFakeAnki(); // first, so a busy port fails the file before a browser starts
  browser = await launchWithExtension();
  network = recordNetwork(browser.context, [ANKI]);
  options = await browser.context.newPage();
  options.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#/import-export`);
  await options.waitForSelector('[data-testid=anki-push]');
  for (const w of WORDS) await saveWord(w.save);
});
afterAll(async () => {
  network?.stop();
  await browser?.close();
  await fake?.close();
});

describe('sending saved words to Anki through AnkiConnect', () => {
  it('adds a card for each word to the deck the user typed, after the user clicks Send', async () => {
    // Nothing talks to Anki before the user asks: not the background, not the options page.
    expect(fake!.requests).toEqual([]);
    expect(ankiRequests()).toEqual([]);
    // <all_urls> already covers AnkiConnect's address, so Chromium grants the request without a prompt.
    expect(await hasAnkiPermission()).toBe(true);
    await spyOnPermissionRequests();

    const text = await sendToAnki(DECK, `Added 3 cards to “${DECK}”; 0 duplicates skipped.`);
    expect(await resultClass()).not.toContain('error');
    expect(await ankiErrors()).toEqual([]);
    expect(text).toContain(DECK);
    expect(await permissionRequests()).toEqual([{ origins: [`${ANKI}/*`], result: true }]);

    expect(fake!.actions()).toEqual([
      'requestPermission',
      'createDeck',
      'canAddNotesWithErrorDetail',
      'addNotes',
    ]);
    expect(fake!.paramsOf('createDeck')).toEqual([{ deck: DECK }]);
    expect(fake!.decks.has(DECK)).toBe(true);
    expect(fake!.notes).toEqual(
      WORDS.map((w) => ({
        deckName: DECK,
        modelName: 'Basic',
        fields: { Front: w.front, Back: w.back },
        tags: TAGS,
        options: { allowDuplicate: false, duplicateScope: 'deck' },
        id: expect.any(Number),
      })),
    );
    // The page text that looks like a tag reached Anki as text, never as markup.
    for (const n of fake!.received) expect(JSON.stringify(n.fields)).not.toMatch(/<(img|b)\b/);
    expect(dialogs).toEqual([]);

    // Every request came from the extension's options page, and the user allowed that origin in "Anki".
    const origin = `chrome-extension://${browser.extensionId}`;
    expect(new Set(fake!.requests.map((r) => r.origin))).toEqual(new Set([origin]));
    expect(fake!.allowedOrigins.has(origin)).toBe(true);
    expect(fake!.requests.every((r) => r.status === 200)).toBe(true);
    const fromPage = ankiRequests().filter((r) => r.method === 'POST');
    expect(fromPage).toHaveLength(4);
    expect(fromPage.every((r) => r.initiator.startsWith(`${origin}/options.html`))).toBe(true);
    expect(network.leaving()).toEqual([]);
  });

  it('reports duplicates, not new cards, when the words are sent again, and adds only a new word', async () => {
    const before = fake!.requests.length;
    await sendToAnki(DECK, `Added 0 cards to “${DECK}”; 3 duplicates skipped.`);
    expect(await ankiErrors()).toEqual([]);
    expect(fake!.requests.slice(before).map((r) => r.body?.action ?? r.method)).toEqual([
      'requestPermission',
      'createDeck',
      'canAddNotesWithErrorDetail',
    ]);
    expect(fake!.notes).toHaveLength(3);

    await saveWord(LATER.save);
    await sendToAnki(DECK, `Added 1 card to “${DECK}”; 3 duplicates skipped.`);
    expect(fake!.notes).toHaveLength(4);
    expect(fake!.notes[3]).toMatchObject({
      deckName: DECK,
      fields: { Front: LATER.front, Back: LATER.back },
    });
    expect(network.leaving()).toEqual([]);
  });

  it('says clearly that Anki could not be reached when it is not running, and works again once it is', async () => {
    await fake!.close();
    fake = null;
    const text = await sendToAnki('Another deck', /Could not reach Anki/);
    expect(text).toBe(
      'Could not reach Anki. Start Anki with the AnkiConnect add-on installed (code 2055492159) and try again.',
    );
    expect(text).not.toMatch(/Added|duplicate/);
    expect(await resultClass()).toContain('error');
    expect(await ankiErrors()).toEqual([]);

    // The page still works: an export runs, and the same button sends once Anki is back.
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.click('[data-testid=export-csv]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await expect
      .poll(() => options.textContent('[data-testid=io-status]'))
      .toMatch(/^Exported 4 words to dubao-.*\.csv\.$/);

    fake = await startFakeAnki();
    await sendToAnki('Another deck', 'Added 4 cards to “Another deck”; 0 duplicates skipped.');
    expect(fake.notes.map((n) => n.fields.Front)).toEqual([...WORDS, LATER].map((w) => w.front));
    expect(dialogs).toEqual([]);
    expect(network.leaving()).toEqual([]);
  });

  it('tells the user when Anki refuses the connection, and sends nothing', async () => {
    await fake?.close();
    fake = await startFakeAnki({ permission: 'denied' });
    const text = await sendToAnki(DECK, /refused/);
    expect(text).toBe(
      'Anki refused the connection. Allow Dubao in the AnkiConnect prompt in Anki and try again.',
    );
    expect(await resultClass()).toContain('error');
    expect(fake.actions()).toEqual(['requestPermission']);
    expect(fake.received).toEqual([]);
    expect(fake.decks.has(DECK)).toBe(false);
    expect(network.leaving()).toEqual([]);
  });
});

describe('a hostile or broken program on AnkiConnect’s port', () => {
  const cases: [string, NonNullable<Parameters<typeof startFakeAnki>[0]>['hostile'], RegExp][] = [
    [
      'an endless answer',
      { action: 'createDeck', answer: 'huge' },
      /larger than 4 MB; it is not AnkiConnect/,
    ],
    [
      'an answer that is not JSON',
      { action: 'requestPermission', answer: { body: '<html>hi' } },
      /not AnkiConnect/,
    ],
    [
      'JSON of the wrong shape',
      { action: 'addNotes', answer: { body: '{"result": {"0": 1}, "error": null}' } },
      /cannot read/,
    ],
    [
      'null for the whole answer',
      { action: 'canAddNotesWithErrorDetail', answer: { body: 'null' } },
      /not AnkiConnect/,
    ],
    [
      'fewer results than notes',
      {
        action: 'canAddNotesWithErrorDetail',
        answer: { body: '{"result": [{"canAdd": true}], "error": null}' },
      },
      /for 1 notes, not the 4 sent/,
    ],
    [
      'a 1 MB error message',
      {
        action: 'createDeck',
        answer: { body: JSON.stringify({ result: null, error: 'e'.repeat(1 << 20) }) },
      },
      /^AnkiConnect createDeck: e{100,}…$/,
    ],
    ['no answer at all', { action: 'createDeck', answer: 'silent' }, /did not answer createDeck within 20 s/],
  ];
  for (const [what, hostile, message] of cases) {
    it(`${what}: the push stops with a short message, adds nothing, and the page keeps working`, async () => {
      await fake?.close();
      fake = await startFakeAnki({ hostile });
      const started = Date.now();
      const text = await sendToAnki('Hostile', message);
      expect(text.length).toBeLessThan(400);
      expect(await resultClass()).toContain('error');
      expect(fake.notes).toEqual([]);
      expect(Date.now() - started).toBeLessThan(35_000);
      // The options page still answers at once.
      expect(await options.evaluate(() => document.querySelectorAll('[data-testid=anki-push]').length)).toBe(
        1,
      );
      expect(dialogs).toEqual([]);
    });
  }

  it('works again with the real thing afterwards', async () => {
    await fake?.close();
    fake = await startFakeAnki();
    await sendToAnki('After', 'Added 4 cards to “After”; 0 duplicates skipped.');
  });
});
