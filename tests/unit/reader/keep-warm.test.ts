// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepEngineWarm } from '../../../lib/reader/keep-warm';

let visibility: DocumentVisibilityState = 'visible';
const setVisibility = (v: DocumentVisibilityState) => {
  visibility = v;
  document.dispatchEvent(new Event('visibilitychange'));
};

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('keeping the background warm while the user reads', () => {
  const start = (ping: () => void) =>
    keepEngineWarm(document, ping, { everyMs: 20_000, idleAfterMs: 60_000, now: () => Date.now() });

  it('pings while the page is visible and the user was active lately, and stops when they are idle', () => {
    const ping = vi.fn();
    const warm = start(ping);
    vi.advanceTimersByTime(20_000);
    expect(ping).toHaveBeenCalledTimes(1);
    // Reading: the user scrolls now and then.
    for (let i = 0; i < 4; i++) {
      document.dispatchEvent(new Event('scroll'));
      vi.advanceTimersByTime(20_000);
    }
    expect(ping).toHaveBeenCalledTimes(5);
    // Gone for coffee: nothing after a minute without input, so the worker can stop.
    vi.advanceTimersByTime(120_000);
    const afterIdle = ping.mock.calls.length;
    vi.advanceTimersByTime(600_000);
    expect(ping).toHaveBeenCalledTimes(afterIdle);
    expect(afterIdle).toBeLessThanOrEqual(7);
    // Back at the keyboard: pings again.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j' }));
    vi.advanceTimersByTime(20_000);
    expect(ping).toHaveBeenCalledTimes(afterIdle + 1);
    warm.stop();
  });

  it('sends nothing while the tab is hidden, and one ping as soon as it is shown again', () => {
    const ping = vi.fn();
    const warm = start(ping);
    setVisibility('hidden');
    document.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersByTime(100_000);
    expect(ping).not.toHaveBeenCalled();
    setVisibility('visible');
    expect(ping).toHaveBeenCalledTimes(1);
    warm.stop();
  });

  it('stops for good when the reader stops', () => {
    const ping = vi.fn();
    start(ping).stop();
    document.dispatchEvent(new Event('scroll'));
    setVisibility('visible');
    vi.advanceTimersByTime(100_000);
    expect(ping).not.toHaveBeenCalled();
  });
});
