import type { MessageOf } from '../messages';

type ViewsRequest = MessageOf<'views'>;

/** Everything a view depends on: the texts and every setting the request carries. */
function requestKey(msg: ViewsRequest): string {
  const { texts, pinyin, pinyinStyle, script, source, hideKnown, hskHideLevel } = msg;
  return JSON.stringify([pinyin, pinyinStyle, script, source, hideKnown, hskHideLevel, texts]);
}

/**
 * Views built ahead of a request (the first screen's, sent with the full detector's verdict), held for the request
 * they answer: the same texts under the same settings. Each is taken once; one no reader asks for (the page changed
 * in between, the tab closed) goes after `ttlMs`; at most `max` are held.
 *
 * The request can also come first: a worker woken by the page receives both messages at once, and the one that
 * carries the texts ahead waits for the site's settings. Then the request builds its own views, and the build
 * ahead for the same request is not started (it used to run in full beside it, 40-100 ms on a cold worker).
 */
export class PrebuiltViews {
  private readonly held = new Map<string, Promise<string>>();
  /** Requests being answered by a build of their own. */
  private readonly answering = new Map<string, Promise<string>>();

  constructor(
    private readonly ttlMs = 10_000,
    private readonly max = 8,
  ) {}

  /** Builds the views of `msg` ahead and holds them, unless the same request is held or being answered already. */
  put(msg: ViewsRequest, build: () => Promise<string>): void {
    const key = requestKey(msg);
    if (this.held.has(key) || this.answering.has(key)) return;
    if (this.held.size >= this.max) this.held.delete(this.held.keys().next().value!);
    const packed = build();
    this.held.set(key, packed);
    packed.catch(() => {
      if (this.held.get(key) === packed) this.held.delete(key);
    });
    setTimeout(() => {
      if (this.held.get(key) === packed) this.held.delete(key);
    }, this.ttlMs);
  }

  /** The views built ahead for exactly this request (taken once), else `build()`'s. */
  answer(msg: ViewsRequest, build: () => Promise<string>): Promise<string> {
    const key = requestKey(msg);
    const ready = this.held.get(key);
    if (ready) {
      this.held.delete(key);
      return ready;
    }
    const own = build();
    this.answering.set(key, own);
    const done = () => {
      if (this.answering.get(key) === own) this.answering.delete(key);
    };
    own.then(done, done);
    return own;
  }
}
