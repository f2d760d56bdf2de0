import { beforeAll, describe, expect, it } from 'vitest';
import { ANKI_CONNECT_URL, pushToAnki } from '../../../lib/vocab/anki-connect';
import { loadExportItems } from '../../../lib/vocab/export-items';
import type { ExportItem } from '../../../lib/vocab/formats';
import { freshDb } from '../db/helpers';
import { fillSample } from './sample';

let items: ExportItem[];

beforeAll(async () => {
  const db = await freshDb();
  await fillSample(db);
  items = await loadExportItems(db);
  db.close();
});

interface Call {
  url: string;
  action: string;
  version: number;
  params: any;
  key?: string;
}

/** A stand-in for AnkiConnect: records each request and answers from `handlers`. */
function fakeAnki(handlers: Record<string, (params: any) => unknown>) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    calls.push({ url, ...body });
    const handler = handlers[body.action];
    const answer = handler
      ? { result: handler(body.params), error: null }
      : { result: null, error: 'unsupported action' };
    return new Response(JSON.stringify(answer), { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

const granted = () => ({ permission: 'granted', requireApiKey: false, version: 6 });

describe('pushing to Anki', () => {
  it('creates the deck and adds Basic notes, counting duplicates', async () => {
    const anki = fakeAnki({
      requestPermission: granted,
      createDeck: () => 1,
      canAddNotesWithErrorDetail: (p) =>
        p.notes.map((_: unknown, i: number) =>
          i === 1
            ? { canAdd: false, error: 'cannot create note because it is a duplicate' }
            : { canAdd: true },
        ),
      addNotes: (p) => p.notes.map((_: unknown, i: number) => 1000 + i),
    });
    const result = await pushToAnki(items, { deck: 'Dubao::News', fetch: anki.fetch });
    expect(result).toEqual({ added: 2, duplicates: 1, errors: [] });
    expect(anki.calls.map((c) => c.action)).toEqual([
      'requestPermission',
      'createDeck',
      'canAddNotesWithErrorDetail',
      'addNotes',
    ]);
    for (const c of anki.calls) {
      expect(c.url).toBe(ANKI_CONNECT_URL);
      expect(c.version).toBe(6);
    }
    expect(anki.calls[1].params).toEqual({ deck: 'Dubao::News' });
    const added = anki.calls[3].params.notes;
    expect(added.map((n: any) => n.fields.Front)).toEqual([
      '共同富裕<br>要扎实推动共同富裕。',
      '綠色<br>&lt;b&gt;綠色&lt;/b&gt;發展',
    ]);
    expect(added[0]).toEqual({
      deckName: 'Dubao::News',
      modelName: 'Basic',
      fields: {
        Front: '共同富裕<br>要扎实推动共同富裕。',
        Back: 'gòng tóng fù yù<br>common prosperity<br>人民日报 — https://paper.people.com.cn/rmrb/2026-02-01/a.html',
      },
      tags: ['Politics', 'slogan', 'dubao'],
      options: { allowDuplicate: false, duplicateScope: 'deck' },
    });
  });

  it('escapes HTML-like page text so Anki shows it as text', async () => {
    const anki = fakeAnki({
      requestPermission: granted,
      createDeck: () => 1,
      canAddNotesWithErrorDetail: (p) => p.notes.map(() => ({ canAdd: true })),
      addNotes: (p) => p.notes.map((_: unknown, i: number) => i + 1),
    });
    await pushToAnki(items, { deck: 'D', fetch: anki.fetch });
    const [, bank, green] = anki.calls[3].params.notes;
    expect(green.fields.Back).toBe(
      'lǜ sè<br>&lt;img src=x onerror=alert(1)&gt;<br>&lt;script&gt;alert(1)&lt;/script&gt; — https://example.com/?a=1&amp;b=2',
    );
    expect(green.fields.Back).not.toContain('<img');
    expect(green.tags).toEqual(['News_words', 'eco_friendly', 'dubao']);
    expect(bank.fields.Back).toBe('yín háng<br>bank, "financial"\tinstitution<br>see also 金融');
    expect(bank.fields.Front).toBe('银行<br>他去"银行"了,\t然后<br>回家。');
  });

  it('says clearly when Anki is not running', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    const result = await pushToAnki(items, { deck: 'D', fetch });
    expect(result).toEqual({
      added: 0,
      duplicates: 0,
      errors: [],
      failed: expect.stringMatching(/^Could not reach Anki\. Start Anki with the AnkiConnect add-on/),
    });
  });

  it('reports a refused permission and stops', async () => {
    const anki = fakeAnki({ requestPermission: () => ({ permission: 'denied' }) });
    const result = await pushToAnki(items, { deck: 'D', fetch: anki.fetch });
    expect(result).toEqual({ added: 0, duplicates: 0, errors: [], failed: expect.stringMatching(/refused/) });
    expect(anki.calls).toHaveLength(1);
  });

  it('passes on AnkiConnect errors and per-note problems', async () => {
    const failing = fakeAnki({
      requestPermission: granted,
      createDeck: () => {
        throw new Error('not reached');
      },
    });
    failing.fetch = (async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      failing.calls.push({ url, ...body });
      if (body.action === 'requestPermission')
        return new Response(JSON.stringify({ result: granted(), error: null }));
      return new Response(JSON.stringify({ result: null, error: 'deck name is invalid' }));
    }) as unknown as typeof globalThis.fetch;
    expect((await pushToAnki(items, { deck: '', fetch: failing.fetch })).failed).toBe(
      'AnkiConnect createDeck: deck name is invalid',
    );

    const partial = fakeAnki({
      requestPermission: granted,
      createDeck: () => 1,
      canAddNotesWithErrorDetail: (p) =>
        p.notes.map((_: unknown, i: number) =>
          i === 0 ? { canAdd: false, error: 'cannot create note because it is empty' } : { canAdd: true },
        ),
      addNotes: (p) => p.notes.map((_: unknown, i: number) => (i === 0 ? null : 7)),
    });
    expect(await pushToAnki(items, { deck: 'D', fetch: partial.fetch })).toEqual({
      added: 1,
      duplicates: 0,
      errors: ['共同富裕: cannot create note because it is empty', '银行: Anki did not add this note'],
    });
  });

  it('falls back to the plain check on an older AnkiConnect, and uses the given address and key', async () => {
    const anki = fakeAnki({
      requestPermission: granted,
      createDeck: () => 1,
      canAddNotes: (p) => p.notes.map((_: unknown, i: number) => i !== 2),
      addNotes: (p) => p.notes.map(() => 5),
    });
    const result = await pushToAnki(items, {
      deck: 'D',
      fetch: anki.fetch,
      url: 'http://localhost:9999',
      key: 's3cret',
    });
    expect(result).toEqual({ added: 2, duplicates: 1, errors: [] });
    expect(anki.calls.map((c) => c.action)).toEqual([
      'requestPermission',
      'createDeck',
      'canAddNotesWithErrorDetail',
      'canAddNotes',
      'addNotes',
    ]);
    expect(anki.calls.every((c) => c.url === 'http://localhost:9999' && c.key === 's3cret')).toBe(true);
  });

  it('reports a server that is not AnkiConnect', async () => {
    const fetch = (async () => new Response('<html>hello</html>')) as unknown as typeof globalThis.fetch;
    expect((await pushToAnki(items, { deck: 'D', fetch })).failed).toMatch(/not AnkiConnect/);
  });
});
