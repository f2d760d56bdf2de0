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
 */
export class PrebuiltViews {
  private readonly held = new Map<string, Promise<string>>();

  constructor(
    private readonly ttlMs = 10_000,
    private readonly max = 8,
  ) {}

  put(msg: ViewsRequest, packed: Promise<string>): void {
    if (this.held.size >= this.max) this.held.delete(this.held.keys().next().value!);
    const key = requestKey(msg);
    this.held.set(key, packed);
    packed.catch(() => {
      if (this.held.get(key) === packed) this.held.delete(key);
    });
    setTimeout(() => {
      if (this.held.get(key) === packed) this.held.delete(key);
    }, this.ttlMs);
  }

  /** The views built ahead for exactly this request, once; undefined when there are none. */
  take(msg: ViewsRequest): Promise<string> | undefined {
    if (!this.held.size) return undefined;
    const key = requestKey(msg);
    const ready = this.held.get(key);
    if (ready) this.held.delete(key);
    return ready;
  }
}
