import { describe, expect, it, vi } from 'vitest';
import {
  unpackLookups,
  unpackViews,
  dispatch,
  isErrorResponse,
  isTrustedSender,
  parseDetection,
  parseMessage,
  parseSelectionContext,
  parseTabMessage,
  senderKind,
  type Handlers,
  type MessageSenderLike,
} from '../../lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const contentScript: MessageSenderLike = {
  id: ID,
  tab: { id: 3 },
  frameId: 0,
  url: 'https://www.people.com.cn/a',
};
const popup: MessageSenderLike = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const firefoxOptions: MessageSenderLike = {
  id: 'dubao@example.org',
  url: 'moz-extension://1b2c-uuid/options.html',
};

describe('parseMessage', () => {
  it('accepts each well-formed kind', () => {
    const good: unknown[] = [
      { type: 'cjkSeen' },
      { type: 'countTerms', text: '共同富裕是社会主义的本质要求' },
      { type: 'lookup', text: '共同富裕是' },
      { type: 'lookupMany', texts: ['共同富裕是', '银行'], readings: false },
      { type: 'setKnown', words: [{ simplified: '银行', traditional: '銀行' }], known: true },
      {
        type: 'saveWord',
        word: '银行',
        sentence: '他去银行。',
        offset: 2,
        title: '人民网',
        url: 'https://x.cn',
      },
      { type: 'getSettings', host: 'people.com.cn' },
      { type: 'setSettings', scope: 'global', patch: { pinyin: false } },
      { type: 'setSettings', scope: 'site', host: 'people.com.cn', patch: { script: 'tw' } },
      { type: 'pageStats', hanChars: 10, runs: 2, words: 5, terms: 1 },
      { type: 'getPageStats', tabId: 3 },
      { type: 'dictStatus' },
    ];
    for (const raw of good) expect(parseMessage(raw), JSON.stringify(raw)).toMatchObject({ ok: true });
  });

  it('drops fields the protocol does not know', () => {
    const r = parseMessage({ type: 'lookup', text: '银行', evil: '<script>' });
    expect(r).toEqual({ ok: true, msg: { type: 'lookup', text: '银行' } });
  });

  it.each([
    ['not an object', 'lookup'],
    ['null', null],
    ['unknown kind', { type: 'deleteEverything' }],
    ['missing field', { type: 'lookup' }],
    ['empty lookup text', { type: 'lookup', text: '' }],
    ['huge lookup text', { type: 'lookup', text: '字'.repeat(1000) }],
    ['site patch without host', { type: 'setSettings', scope: 'site', patch: {} }],
    ['fractional offset', { type: 'saveWord', word: 'a', sentence: '', offset: 1.5, title: '', url: '' }],
    ['list id zero', { type: 'saveWord', word: 'a', sentence: '', offset: 0, title: '', url: '', listId: 0 }],
    ['no words to mark', { type: 'setKnown', words: [], known: true }],
    ['a known word too long', { type: 'setKnown', words: [{ simplified: '字'.repeat(51) }], known: true }],
    ['too many lookups at once', { type: 'lookupMany', texts: Array(501).fill('字') }],
    ['too much text to count', { type: 'countTerms', text: '字'.repeat(1_000_001) }],
    [
      'an HSK level beyond 6',
      { type: 'views', texts: [], pinyin: true, pinyinStyle: 'marks', script: 'cn', hskHideLevel: 7 },
    ],
  ])('rejects a message with %s', (_, raw) => {
    const r = parseMessage(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/Invalid message/);
  });
});

describe("parseDetection (the full detector's answer from a frame)", () => {
  it('accepts a verdict and refuses anything else', () => {
    const yes = { chinese: true, script: 'simplified', hanChars: 1200, blocks: 14 };
    expect(parseDetection(yes)).toEqual(yes);
    expect(parseDetection({ chinese: false, script: null, hanChars: 0, blocks: 0 })).toMatchObject({
      chinese: false,
    });
    for (const bad of [
      null,
      undefined,
      { chinese: 'yes', script: null, hanChars: 1, blocks: 1 },
      { chinese: true, script: 'simplified', hanChars: -1, blocks: 1 },
      { chinese: true, script: 'klingon', hanChars: 1, blocks: 1 },
    ])
      expect(parseDetection(bad), JSON.stringify(bad)).toBeNull();
  });
});

describe('packed replies (lookupMany, views)', () => {
  it('carry the answers as one JSON string, read back in the order of the texts', () => {
    const answers = [
      { entries: [], terms: [], known: ['银行'] },
      { entries: [], terms: [], readings: ['gòng', 'tóng'] },
    ];
    expect(unpackLookups({ packed: JSON.stringify(answers) })).toEqual(answers);
  });

  it('refuse a reply that is not a list', () => {
    expect(() => unpackLookups({ packed: '{"entries":[]}' })).toThrow(/not a list/);
    expect(() => unpackLookups({ packed: '[' })).toThrow();
  });

  it('views travel as one string and come back as they were built', () => {
    const views = [
      {
        tokens: [{ start: 0, end: 2, display: '银行', word: true, ruby: ['yín', 'háng'], tones: [2, 2] }],
        termSpans: [],
        style: 'marks' as const,
      },
    ];
    expect(unpackViews({ packed: JSON.stringify(views) })).toEqual(views);
    expect(() => unpackViews({ packed: '{"tokens":[]}' })).toThrow(/not a list/);
  });
});

describe('senders', () => {
  it('trusts our content scripts and our extension pages', () => {
    expect(senderKind(contentScript, ID)).toBe('content');
    expect(senderKind(popup, ID)).toBe('page');
    expect(senderKind({ ...popup, tab: { id: 9 } }, ID)).toBe('page');
    expect(senderKind(firefoxOptions, 'dubao@example.org')).toBe('page');
  });

  it('rejects another extension, a missing id, and a sender that is neither a tab nor our page', () => {
    expect(isTrustedSender({ ...contentScript, id: 'someone-else' }, ID)).toBe(false);
    expect(isTrustedSender({ tab: { id: 1 }, url: 'https://x.cn' }, ID)).toBe(false);
    expect(isTrustedSender({ id: ID, url: 'https://evil.example/' }, ID)).toBe(false);
    expect(isTrustedSender({ id: ID, url: `chrome-extension://otherid/popup.html` }, ID)).toBe(false);
    expect(isTrustedSender(undefined, ID)).toBe(false);
    expect(isTrustedSender(contentScript, '')).toBe(false);
  });
});

describe('dispatch', () => {
  function handlers(): Handlers {
    return {
      cjkSeen: vi.fn(() => ({ chinese: true, inject: true })),
      lookup: vi.fn(async (m) => ({ entries: [], terms: [], echo: m.text })),
      lookupMany: vi.fn(async () => ({ packed: '[]' })),
      saveWord: vi.fn(() => ({ ok: true as const, entryId: 1, listId: 1 })),
      getSettings: vi.fn(() => {
        throw new Error('storage unavailable');
      }),
      setSettings: vi.fn(() => ({ host: '', settings: {} as never, global: {} as never, site: {} })),
      pageStats: vi.fn(() => ({ ok: true as const })),
      readerDetected: vi.fn(() => ({ ok: true as const })),
      prebuildViews: vi.fn(() => ({ ok: true as const })),
      warm: vi.fn(() => ({ ok: true as const })),
      countTerms: vi.fn(() => ({ terms: 0 })),
      getPageStats: vi.fn(() => ({ detected: null, reader: null })),
      dictStatus: vi.fn(() => null),
      readPage: vi.fn(() => ({ hanChars: 0, frames: 0 })),
      setKnown: vi.fn(() => ({ ok: true as const, changed: 1 })),
      views: vi.fn(() => ({ packed: '[]' })),
    };
  }

  it('routes a valid message from a trusted sender to its handler', async () => {
    const h = handlers();
    const r = await dispatch(h, { type: 'lookup', text: '银行' }, contentScript, ID);
    expect(r).toMatchObject({ entries: [], echo: '银行' });
    expect(h.lookup).toHaveBeenCalledOnce();
  });

  it('answers foreign senders and malformed messages with an error, without calling a handler', async () => {
    const h = handlers();
    const foreign = await dispatch(h, { type: 'lookup', text: '银行' }, { ...contentScript, id: 'x' }, ID);
    const bad = await dispatch(h, { type: 'lookup', text: 42 }, contentScript, ID);
    expect(isErrorResponse(foreign) && foreign.error).toBe('Untrusted sender');
    expect(isErrorResponse(bad)).toBe(true);
    expect(h.lookup).not.toHaveBeenCalled();
  });

  it('keeps page-only requests and other sites’ settings away from content scripts', async () => {
    const h = handlers();
    expect(isErrorResponse(await dispatch(h, { type: 'dictStatus' }, contentScript, ID))).toBe(true);
    expect(await dispatch(h, { type: 'dictStatus' }, popup, ID)).toBeNull();
    // A page cannot have the reader pushed into another tab.
    expect(isErrorResponse(await dispatch(h, { type: 'readPage', tabId: 1 }, contentScript, ID))).toBe(true);
    expect(h.readPage).not.toHaveBeenCalled();
    const otherSite = { type: 'setSettings', scope: 'site', host: 'evil.com', patch: {} };
    const ownSite = { type: 'setSettings', scope: 'site', host: 'people.com.cn', patch: {} };
    const global = { type: 'setSettings', scope: 'global', patch: {} };
    expect(isErrorResponse(await dispatch(h, otherSite, contentScript, ID))).toBe(true);
    expect(isErrorResponse(await dispatch(h, global, contentScript, ID))).toBe(true);
    expect(isErrorResponse(await dispatch(h, ownSite, contentScript, ID))).toBe(false);
    expect(isErrorResponse(await dispatch(h, global, popup, ID))).toBe(false);
  });

  it('turns a handler failure into an error answer', async () => {
    const r = await dispatch(handlers(), { type: 'getSettings', host: 'x.cn' }, contentScript, ID);
    expect(r).toEqual({ error: 'storage unavailable' });
  });
});

describe('background → reader messages', () => {
  it('recognises its own request and leaves anything else to other listeners', () => {
    expect(parseTabMessage({ type: 'selectionContext' })).toEqual({ type: 'selectionContext' });
    expect(parseTabMessage({ type: 'dubao:selectionContext' })).toBeNull();
    expect(parseTabMessage('selectionContext')).toBeNull();
  });

  it('keeps a well-formed selection context and drops a tampered one', () => {
    expect(parseSelectionContext({ sentence: '他去银行。', offset: 2 })).toEqual({
      sentence: '他去银行。',
      offset: 2,
    });
    expect(parseSelectionContext(null)).toBeNull();
    expect(parseSelectionContext({ sentence: 3, offset: 0 })).toBeNull();
    expect(parseSelectionContext({ sentence: 'x', offset: -1 })).toBeNull();
  });
});
