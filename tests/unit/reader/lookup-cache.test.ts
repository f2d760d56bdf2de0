import { describe, expect, it } from 'vitest';
import { LookupCache } from '../../../lib/reader/lookup-cache';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the page’s lookup cache', () => {
  it('evicts the oldest answer once full', () => {
    const cache = new LookupCache<string>(3);
    for (const t of ['一', '二', '三', '四']) cache.remember(t, Promise.resolve(t));
    expect(cache.keys()).toEqual(['二', '三', '四']);
  });

  it('keeps an answer that was used again and evicts the one left behind', () => {
    const cache = new LookupCache<string>(3);
    for (const t of ['一', '二', '三']) cache.remember(t, Promise.resolve(t));
    cache.touch('一');
    cache.remember('四', Promise.resolve('四'));
    expect(cache.keys()).toEqual(['三', '一', '四']);
  });

  it('tells an answer on its way from one that has arrived', async () => {
    const cache = new LookupCache<string>(10);
    let answer!: (v: string) => void;
    cache.remember('银行', new Promise((r) => (answer = r)));
    expect(cache.get('银行')?.arrived).toBe(false);
    answer('bank');
    await tick();
    expect(cache.get('银行')?.arrived).toBe(true);
    expect(await cache.get('银行')?.promise).toBe('bank');
  });

  it('forgets a failed lookup so the next hover asks again', async () => {
    const cache = new LookupCache<string>(10);
    const failed = Promise.reject(new Error('worker restarted'));
    failed.catch(() => {});
    cache.remember('银行', failed);
    await tick();
    expect(cache.has('银行')).toBe(false);
  });

  it('does not let a late failure remove a newer answer for the same text', async () => {
    const cache = new LookupCache<string>(10);
    let fail!: (e: Error) => void;
    const first = new Promise<string>((_, reject) => (fail = reject));
    first.catch(() => {});
    cache.remember('银行', first);
    cache.remember('银行', Promise.resolve('bank'));
    fail(new Error('late'));
    await tick();
    expect(cache.get('银行')?.arrived).toBe(true);
  });
});
