import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrebuiltViews } from '../../../lib/engine/prebuilt';
import type { MessageOf } from '../../../lib/messages';

const request = (patch: Partial<MessageOf<'views'>> = {}): MessageOf<'views'> => ({
  type: 'views',
  texts: ['银行在路边。', '他行走在街上。'],
  pinyin: true,
  pinyinStyle: 'marks',
  script: 'original',
  source: 'any',
  hideKnown: false,
  hskHideLevel: 0,
  ...patch,
});

describe('views built ahead of the reader’s first request', () => {
  afterEach(() => vi.useRealTimers());

  it('answers the request they were built for, once', async () => {
    const cache = new PrebuiltViews();
    cache.put(request(), Promise.resolve('views of the first screen'));
    // The reader's own request: a new object with the same texts and settings.
    await expect(cache.take(request())).resolves.toBe('views of the first screen');
    expect(cache.take(request())).toBeUndefined();
  });

  it('never answers a request whose texts or settings differ', () => {
    const cache = new PrebuiltViews();
    cache.put(request(), Promise.resolve('views'));
    for (const other of [
      request({ texts: ['银行在路边。'] }),
      request({ pinyin: false }),
      request({ pinyinStyle: 'numbers' }),
      request({ script: 'tw' }),
      request({ source: 'tw' }),
      request({ hideKnown: true }),
      request({ hskHideLevel: 2 }),
    ])
      expect(cache.take(other)).toBeUndefined();
    expect(cache.take(request())).toBeDefined();
  });

  it('lets views nobody asked for go', () => {
    vi.useFakeTimers();
    const cache = new PrebuiltViews(1000, 2);
    cache.put(request(), Promise.resolve('a'));
    vi.advanceTimersByTime(1001);
    expect(cache.take(request())).toBeUndefined();
    // At most `max` are held: the oldest goes first.
    cache.put(request({ texts: ['一'] }), Promise.resolve('1'));
    cache.put(request({ texts: ['二'] }), Promise.resolve('2'));
    cache.put(request({ texts: ['三'] }), Promise.resolve('3'));
    expect(cache.take(request({ texts: ['一'] }))).toBeUndefined();
    expect(cache.take(request({ texts: ['三'] }))).toBeDefined();
  });
});
