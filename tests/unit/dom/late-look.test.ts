// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_RECHECK_MS, WATCH_MS, watchLateText } from '../../../lib/dom/late-look';

const flush = () => new Promise((ok) => setTimeout(ok, 0));

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the detector watching a page that had no Chinese yet', () => {
  it('checks once Chinese text is added, and stops when the check finds prose', async () => {
    const check = vi.fn(() => true);
    watchLateText(document, check, new EventTarget());
    const p = document.createElement('p');
    p.textContent = 'Loading';
    document.body.append(p);
    await flush();
    await flush();
    expect(check).not.toHaveBeenCalled();
    p.textContent = '今天上午，市政府召开新闻发布会。';
    await flush();
    await new Promise((ok) => setTimeout(ok, 10));
    expect(check).toHaveBeenCalledWith(true);
    document.body.append(Object.assign(document.createElement('p'), { textContent: '更多的中文内容' }));
    await new Promise((ok) => setTimeout(ok, FIRST_RECHECK_MS + 50));
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('ignores Chinese inside scripts and styles', async () => {
    const check = vi.fn(() => false);
    watchLateText(document, check, new EventTarget());
    const s = document.createElement('script');
    s.type = 'application/json';
    s.textContent = '{"title": "新闻"}';
    document.body.append(s);
    await new Promise((ok) => setTimeout(ok, 20));
    expect(check).not.toHaveBeenCalled();
  });

  it('checks less often while what comes is not prose, and stops after a while', async () => {
    vi.useFakeTimers();
    const check = vi.fn(() => false);
    const w = watchLateText(document, check, new EventTarget());
    const add = async () => {
      document.body.append(Object.assign(document.createElement('span'), { textContent: '菜单' }));
      await vi.advanceTimersByTimeAsync(0);
    };
    await add();
    expect(check).toHaveBeenCalledTimes(1);
    await add();
    await vi.advanceTimersByTimeAsync(FIRST_RECHECK_MS - 10);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(check).toHaveBeenCalledTimes(2);
    await add();
    await vi.advanceTimersByTimeAsync(FIRST_RECHECK_MS * 2 + 10);
    expect(check).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(WATCH_MS);
    await add();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(3);
    w.stop();
  });

  it('watches again after a same-document navigation', async () => {
    vi.useFakeTimers();
    const check = vi.fn(() => false);
    const nav = new EventTarget();
    watchLateText(document, check, nav);
    await vi.advanceTimersByTimeAsync(WATCH_MS + 1);
    nav.dispatchEvent(new Event('popstate'));
    document.body.append(Object.assign(document.createElement('p'), { textContent: '新的页面内容' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);
  });
});
