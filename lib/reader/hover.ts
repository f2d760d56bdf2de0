import { isErrorResponse, unpackLookups, type ResponseOf } from '../messages';
import { runOffsetAt, rangeForRunSpan, textBoxes } from '../dom/pointer';
import { isHan } from '../text/han';
import type { Settings } from '../settings';
import { extensionAlive, send } from '../send';
import { CardHost } from './card-host';
import { wordFromLookup } from './lookup';
import { LookupCache } from './lookup-cache';
import { LOOKUP_SPAN, prefetchOrder } from './prefetch';
import { sentenceAround } from './selection';
import type { PageView } from './page-view';

type LookupResult = ResponseOf<'lookup'>;

/**
 * Lookups kept in the page: enough for the screens around the reader (what is drawn within 600 px of the viewport
 * holds about 1,500–2,500 characters of newspaper text). Each answer holds definitions and glosses, ~1 KB, so the
 * cap keeps the tab's memory within its budget on a long page.
 */
const MAX_CACHED = 3000;
const MAX_PREFETCH = 2000;
const PREFETCH_BATCH = 50;
const PREFETCH_DELAY_MS = 60;
type Block = NonNullable<ReturnType<PageView['blockOf']>>;

/**
 * The hover card: the word under the pointer (longest dictionary word or glossary term from that character),
 * highlighted in the page and explained in a card. Shift freezes it, Esc closes it, arrows walk the words.
 */
export class Hover {
  private card: CardHost;
  private cache = new LookupCache<LookupResult | null>(MAX_CACHED);
  private current: { block: Block; start: number; end: number; word: string } | null = null;
  private attached = false;
  /** Number of the latest lookup; answers to earlier ones are dropped. */
  private request = 0;
  /** Called once when the extension turns out to be gone under the page (reloaded or updated): the reader stops. */
  onOrphaned?: () => void;
  private orphaned = false;

  constructor(
    private page: PageView,
    private settings: () => Settings,
  ) {
    this.card = new CardHost({
      onSave: () => void this.save(),
      onKnown: () => void this.toggleKnown(),
      onSpeak: () => this.speak(),
      onCopy: () => void navigator.clipboard?.writeText(this.current?.word ?? '').catch(() => {}),
    });
  }

  attach(): void {
    if (this.attached) return;
    this.attached = true;
    document.addEventListener('mousemove', this.onMove, { passive: true, capture: true });
    document.addEventListener('keydown', this.onKey, { capture: true });
    window.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    // The card is built, closed and unseen, when the page is idle (CardHost.prepare), so the first hover only fills
    // it in (building it cost the first hover of each page 20–30 ms of CPU, inside the frame that shows the card).
    // Not where the user turned the card off: nothing of ours goes in the page for it.
    if (typeof requestIdleCallback === 'function')
      this.idle = requestIdleCallback(
        () => this.attached && this.settings().hoverCard && this.card.prepare(),
        { timeout: 3000 },
      );
  }

  private idle = 0;

  detach(): void {
    this.attached = false;
    if (this.idle && typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idle);
    this.idle = 0;
    document.removeEventListener('mousemove', this.onMove, { capture: true });
    document.removeEventListener('keydown', this.onKey, { capture: true });
    window.removeEventListener('scroll', this.onScroll, { capture: true });
    this.close();
    this.card.destroy();
  }

  /** Until then, scrolling does not close the card: the page moves under it when its pinyin is redrawn. */
  private steadyUntil = 0;

  private onScroll = () => {
    if (!this.card.frozen && performance.now() > this.steadyUntil) return this.close();
    // The card stays; the mark over the word follows it.
    const c = this.current;
    const range = c && rangeForRunSpan(c.block.run, c.start, c.end, c.block.rendered);
    if (range) this.card.mark(textBoxes(range));
  };

  // Only the user's own input moves, freezes or closes the card: events a page script makes are not trusted.
  private onMove = (e: MouseEvent) => {
    if (!e.isTrusted || this.card.frozen) return;
    if (!extensionAlive()) return this.orphan(new DOMRect(e.clientX, e.clientY, 0, 0));
    if (!this.settings().hoverCard) return;
    if (this.card.contains(e.target)) return;
    // At once rather than on the next frame: the card is drawn in the frame this move belongs to. Moves within
    // the current word return early in pointAt; a lookup overtaken by a later one is dropped in showAt.
    void this.pointAt(e.clientX, e.clientY);
  };

  private onKey = (e: KeyboardEvent) => {
    if (!e.isTrusted || !this.card.open) return;
    if (e.key === 'Escape') {
      this.close();
    } else if (e.key === 'Shift') {
      this.card.setFrozen(!this.card.frozen);
    } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && this.card.frozen && this.current) {
      e.preventDefault();
      const { block, start, end } = this.current;
      const text = block.run.text;
      let at = e.key === 'ArrowRight' ? end : start - 1;
      const step = e.key === 'ArrowRight' ? 1 : -1;
      while (at >= 0 && at < text.length && !isHan(text.codePointAt(at) ?? 0)) at += step;
      if (at >= 0 && at < text.length) void this.showAt(block, at);
    }
  };

  /** Looks up the word at a point of the screen; exposed for benchmarks and tests through the pointer. */
  async pointAt(x: number, y: number): Promise<void> {
    const hit = runOffsetAt(x, y, document, this.page.runs);
    const block = hit ? this.page.blockOf(hit.run.block) : undefined;
    if (!hit || !block || !isHan(block.run.text.codePointAt(hit.offset) ?? 0)) {
      this.request++; // a lookup still on its way is no longer wanted
      this.close();
      return;
    }
    const c = this.current;
    if (c && c.block === block && hit.offset >= c.start && hit.offset < c.end && this.card.open) return;
    await this.showAt(block, hit.offset);
  }

  private lookup(text: string): Promise<LookupResult | null> {
    const cached = this.cache.get(text);
    if (cached?.arrived) {
      this.cache.touch(text);
      return cached.promise;
    }
    // Not asked yet, or still on its way in a prefetch batch: ask alone as well, and take whichever comes first.
    const own = send({ type: 'lookup', text }).then((r) => (isErrorResponse(r) ? null : r));
    const p = cached ? Promise.race([own, cached.promise]) : own;
    this.cache.remember(text, p);
    return p;
  }

  private prefetchTimer: ReturnType<typeof setTimeout> | null = null;
  private prefetching = false;

  /**
   * Asks, in a few large messages, for the lookups of every character on and near the screen, so that a card
   * opens in the frame the pointer moved in rather than after a round trip to the background. Runs a little
   * after drawing settles, one message at a time, so it never holds up the pinyin of other blocks.
   */
  prefetch(): void {
    if (!this.attached || !this.settings().hoverCard) return;
    if (this.prefetchTimer) return; // already planned: it will see these blocks too
    this.prefetchTimer = setTimeout(() => {
      this.prefetchTimer = null;
      // A page flooding itself with new text: what is on screen now is gone in a moment. Asked once it calms.
      if (this.page.flooded) return this.prefetch();
      void this.runPrefetch();
    }, PREFETCH_DELAY_MS);
  }

  /** The drawn ruby holds tone-marked pinyin in context, so lookups need not read it again. */
  private rubyHasMarks(): boolean {
    const s = this.settings();
    return s.pinyin && (s.pinyinStyle === 'marks' || s.pinyinStyle === 'colors');
  }

  /** The pinyin the page shows over `count` UTF-16 units from `offset`, read off the drawn ruby; '' where none. */
  private rubyAt(block: Block, offset: number, count: number): string {
    const rendered = block.rendered;
    if (!rendered || !this.rubyHasMarks()) return '';
    const out: string[] = [];
    let covered = 0;
    for (const part of rendered.parts) {
      if (part.end <= offset || part.start >= offset + count) continue;
      if (!part.aligned) return '';
      let pos = part.start;
      for (const t of part.texts) {
        if (pos >= offset && pos < offset + count) {
          // A word's pinyin is on its box (lib/dom/render.ts): the word's element, or a character's <dubao-c>.
          const py = t.parentElement?.getAttribute('data-py');
          if (!py) return '';
          out.push(py);
          covered += t.data.length;
        }
        pos += t.data.length;
      }
    }
    return covered === count ? out.join(' ') : '';
  }

  /** A prefetch was asked for while one ran: the view changed under it, so it starts over when done. */
  private prefetchAgain = false;

  private async runPrefetch(): Promise<void> {
    if (this.prefetching) {
      this.prefetchAgain = true;
      return;
    }
    this.prefetching = true;
    try {
      do {
        this.prefetchAgain = false;
        await this.prefetchOnce();
      } while (this.prefetchAgain && this.attached);
    } finally {
      this.prefetching = false;
    }
  }

  private async prefetchOnce(): Promise<void> {
    // Only what is on and near the screen (a long page fetched as a whole would cost the tab megabytes), and
    // what the reader sees first: blocks on the screen, then the nearest above and below it. Where each block is
    // now comes from a one-shot intersection observer (its first report, after the next frame's layout), not from
    // reading layout (which a page that changes every frame would pay for each time), nor from the visibility
    // observer's last report: that one comes only when a block crosses the margin, so after a scroll a block that
    // stayed near kept the place where it entered, and the prefetch spent its 2,000 keys on the blocks that had been
    // on the screen before (a card then waited for a round trip, a frame or two later, for most words after a
    // scroll on the sample page).
    const near = this.page.allBlocks().filter((b) => b.viewed && b.visible);
    const rects = await whereNow(near.map((b) => b.run.block));
    if (!this.attached) return;
    const blocks = near.map((b) => {
      const r = rects.get(b.run.block);
      return { text: b.run.text, top: r?.top ?? b.top ?? 0, bottom: r?.bottom ?? b.bottom ?? 0 };
    });
    const all = prefetchOrder(blocks, innerHeight, MAX_PREFETCH);
    // Answers already kept for this window become the newest, nearest last, so that the answers evicted to make
    // room are those of windows the reader has left (they used to be evicted first, being the oldest).
    for (let i = all.length - 1; i >= 0; i--) this.cache.touch(all[i]);
    const keys = all.filter((k) => !this.cache.has(k));
    for (let at = 0; at < keys.length && this.attached && !this.prefetchAgain; at += PREFETCH_BATCH) {
      const batch = keys.slice(at, at + PREFETCH_BATCH).filter((k) => !this.cache.has(k));
      if (batch.length === 0) continue;
      const answer = send({ type: 'lookupMany', texts: batch, readings: !this.rubyHasMarks() }).then((r) =>
        isErrorResponse(r) ? null : unpackLookups(r),
      );
      batch.forEach((k, i) =>
        this.cache.remember(
          k,
          answer.then((results) => results?.[i] ?? null),
        ),
      );
      await answer.catch(() => null);
    }
  }

  private async showAt(block: Block, offset: number): Promise<void> {
    const text = block.run.text.slice(offset, offset + LOOKUP_SPAN);
    const request = ++this.request;
    const result = await this.lookup(text);
    // The pointer moved on while this lookup was answered: a later one owns the card.
    if (request !== this.request) return;
    if (!result) return this.close();
    const readingOf = (n: number) =>
      result.readings
        ? result.readings
            .slice(0, Array.from(text.slice(0, n)).length)
            .filter(Boolean)
            .join(' ')
        : this.rubyAt(block, offset, n);
    let found = wordFromLookup(text, result.entries, result.terms, readingOf);
    if (!found) return this.close();
    // "Inside this word" lists the words starting at each of its characters (prefetched with the page, mostly).
    if (found.word.length > 1) {
      const rest = await Promise.all(
        Array.from({ length: found.word.length - 1 }, (_, i) =>
          this.lookup(block.run.text.slice(offset + i + 1, offset + i + 17)),
        ),
      );
      if (request !== this.request) return;
      found =
        wordFromLookup(text, result.entries, result.terms, readingOf, (k) => rest[k - 1]?.entries ?? []) ??
        found;
    }
    found.card.known = !!result.known?.includes(found.word);
    const end = offset + found.word.length;
    this.current = { block, start: offset, end, word: found.word };
    const range = rangeForRunSpan(block.run, offset, end, block.rendered);
    const rect = range?.getBoundingClientRect() ?? new DOMRect(0, 0, 0, 0);
    this.card.show(found.card, rect, range ? textBoxes(range) : [], {
      line: lineWithPinyin(rect, range),
      text: [...block.run.block.getClientRects()],
    });
  }

  close(): void {
    this.current = null;
    this.card.hide();
  }

  /**
   * The extension was reloaded or updated under this page: nothing sent will be answered again. The reader stops
   * (onOrphaned), and the card says so plainly, with a reload, in place of a card that does nothing.
   */
  private orphan(at?: DOMRect): void {
    if (!this.orphaned) {
      this.orphaned = true;
      this.request++;
      this.onOrphaned?.();
    }
    this.current = null;
    this.card.notice(
      {
        message: 'Dubao was updated or reloaded. Reload this page to keep using it.',
        action: { label: 'Reload page', run: () => location.reload() },
        onClose: () => this.detach(),
      },
      at,
    );
  }

  /** Sends from a card action; null when it failed, after saying why (the extension gone: see orphan). */
  private async act<R>(message: () => Promise<R>): Promise<R | null> {
    try {
      if (extensionAlive()) return await message();
    } catch (err) {
      if (extensionAlive()) {
        this.card.setSaved(`Not done: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      }
    }
    this.orphan();
    return null;
  }

  private async save(): Promise<void> {
    const c = this.current;
    if (!c) return;
    const { sentence, offset } = sentenceAround(c.block.run.text, c.start, c.word.length);
    const data = this.card.data;
    const r = await this.act(() =>
      send({
        type: 'saveWord',
        word: c.word,
        pinyin: data?.pinyin,
        definition: data?.senses[0]?.definitions.join('; ') || data?.term?.english,
        sentence,
        offset,
        title: document.title.slice(0, 500),
        url: location.href.slice(0, 4096),
      }),
    );
    if (!r) return;
    if ('ok' in r && r.ok) this.card.setSaved('Saved to your list');
    else if ('quota' in r && r.quota) this.card.setSaved('Not saved: storage is full');
    else this.card.setSaved(`Not saved: ${r.error}`);
  }

  /** Marks the word known, or not any more; pages redraw their pinyin through the known-words revision. */
  private async toggleKnown(): Promise<void> {
    const c = this.current;
    const data = this.card.data;
    if (!c || !data) return;
    const known = !data.known;
    this.steadyUntil = performance.now() + 2_000;
    const r = await this.act(() =>
      send({
        type: 'setKnown',
        words: [{ simplified: data.simplified, traditional: data.traditional }],
        known,
      }),
    );
    if (!r) return;
    this.cache.clear(); // cached lookups carry the old known state
    this.prefetch();
    if (this.current !== c) return;
    if ('ok' in r && r.ok) {
      const hides = this.settings().hideKnown;
      this.card.setKnown(
        known,
        known ? (hides ? 'Known: no pinyin over it' : 'Marked known') : 'Not known: pinyin shown',
      );
    } else if ('quota' in r && r.quota) this.card.setSaved('Not marked: storage is full');
    else this.card.setSaved(`Not marked: ${'error' in r ? r.error : 'unknown error'}`);
  }

  private speak(): void {
    const c = this.current;
    if (!c || !('speechSynthesis' in globalThis)) return;
    const u = new SpeechSynthesisUtterance(c.word);
    const traditional =
      this.card.data && c.word === this.card.data.traditional && c.word !== this.card.data.simplified;
    u.lang = traditional ? 'zh-TW' : 'zh-CN';
    u.rate = this.settings().speechRate;
    speechSynthesis.cancel();
    speechSynthesis.speak(u);
  }
}

/**
 * Where elements are in the viewport now, without forcing a layout: an intersection observer's first report gives
 * every observed element's box as laid out for the next frame. Resolves empty where no report comes in time (a
 * hidden tab reports nothing until it is shown).
 */
function whereNow(elements: readonly Element[]): Promise<Map<Element, DOMRectReadOnly>> {
  const out = new Map<Element, DOMRectReadOnly>();
  if (elements.length === 0 || typeof IntersectionObserver === 'undefined') return Promise.resolve(out);
  return new Promise((done) => {
    const finish = () => {
      clearTimeout(timer);
      io.disconnect();
      done(out);
    };
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) out.set(e.target, e.boundingClientRect);
      finish();
    });
    const timer = setTimeout(finish, 1000);
    for (const el of new Set(elements)) io.observe(el);
  });
}

/**
 * The word's box with the pinyin drawn over it: the reader's eyes are on both, so the card covers neither. The
 * word's own annotations give the top; without any, the word's box.
 */
function lineWithPinyin(rect: DOMRect, range: Range | null): DOMRect {
  let top = rect.top;
  const start = range?.startContainer;
  const el = start ? (start.nodeType === 1 ? (start as Element) : start.parentElement) : null;
  // The drawn words the range spans, from the first on (a word cut by an inline tag is in two hosts: the first
  // one's pinyin is enough to know how high the line's pinyin reaches).
  for (let w = el?.closest('dubao-w') ?? null; w && range?.intersectsNode(w); w = w.nextElementSibling) {
    // A word's box holds its pinyin on top (lib/dom/styles.ts); a term's underline may reach a little below.
    for (const box of w.hasAttribute('data-py') ? [w] : w.querySelectorAll('dubao-c')) {
      const r = box.getBoundingClientRect();
      if (r.height > 0 && r.bottom <= rect.bottom + 3) top = Math.min(top, r.top);
    }
  }
  return new DOMRect(rect.left, top, rect.width, rect.bottom - top);
}
