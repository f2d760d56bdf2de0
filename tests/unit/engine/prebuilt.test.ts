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
    cache.put(request(), () => Promise.resolve('views of the first screen'));
    const own = () => Promise.resolve('built for the request');
    // The reader's own request: a new object with the same texts and settings.
    await expect(cache.answer(request(), own)).resolves.toBe('views of the first screen');
    await expect(cache.answer(request(), own)).resolves.toBe('built for the request');
  });

  it('does not build ahead what a request is already building (a woken worker gets both at once)', async () => {
    const cache = new PrebuiltViews();
    let finish!: (v: string) => void;
    const answered = cache.answer(request(), () => new Promise((r) => (finish = r)));
    const ahead = vi.fn(() => Promise.resolve('built ahead'));
    cache.put(request(), ahead);
    expect(ahead).not.toHaveBeenCalled();
    finish('built for the request');
    await expect(answered).resolves.toBe('built for the request');
    // Once answered, the same texts shown again (another tab) are built ahead as usual.
    cache.put(request(), ahead);
    expect(ahead).toHaveBeenCalledTimes(1);
    await expect(cache.answer(request(), () => Promise.resolve('own'))).resolves.toBe('built ahead');
  });

  it('never answers a request whose texts or settings differ', async () => {
    const cache = new PrebuiltViews();
    cache.put(request(), () => Promise.resolve('views'));
    const own = () => Promise.resolve('own');
    for (const other of [
      request({ texts: ['银行在路边。'] }),
      request({ pinyin: false }),
      request({ pinyinStyle: 'numbers' }),
      request({ script: 'tw' }),
      request({ source: 'tw' }),
      request({ hideKnown: true }),
      request({ hskHideLevel: 2 }),
    ])
      await expect(cache.answer(other, own)).resolves.toBe('own');
    await expect(cache.answer(request(), own)).resolves.toBe('views');
  });

  it('lets views nobody asked for go', async () => {
    vi.useFakeTimers();
    const cache = new PrebuiltViews(1000, 2);
    const own = () => Promise.resolve('own');
    cache.put(request(), () => Promise.resolve('a'));
    vi.advanceTimersByTime(1001);
    await expect(cache.answer(request(), own)).resolves.toBe('own');
    // At most `max` are held: the oldest goes first.
    cache.put(request({ texts: ['一'] }), () => Promise.resolve('1'));
    cache.put(request({ texts: ['二'] }), () => Promise.resolve('2'));
    cache.put(request({ texts: ['三'] }), () => Promise.resolve('3'));
    await expect(cache.answer(request({ texts: ['一'] }), own)).resolves.toBe('own');
    await expect(cache.answer(request({ texts: ['三'] }), own)).resolves.toBe('3');
  });
});
