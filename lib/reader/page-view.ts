import { blockAround, collectOwnRun, collectRuns, collectWithin, type Run } from '../dom/runs';
import { LOAD_MARGIN_PX, nearScreen, VIEWS_BATCH } from '../dom/first-screen';
import {
  dropStale,
  hasPinyin,
  liftPinyin,
  markTerms,
  oneLineRoom,
  originalText,
  renderRun,
  restoreRun,
  type RenderedRun,
} from '../dom/render';
import { CONTAIN_ATTR, contain, probeContainment, uncontain } from '../dom/contain';
import { warmDecorations } from '../dom/decoration';
import { inInlineControl, isProse, overflowsClip } from '../dom/scope';
import type { BuiltView, RunView } from '../dom/view';
import type { Settings } from '../settings';

/** Views of run texts for the given settings, built by the background's engine (null when it cannot). */
export type ViewSource = (texts: string[], settings: Settings) => Promise<BuiltView[] | null>;

interface Block {
  run: Run;
  rendered: RenderedRun | null;
  termSpans: { start: number; end: number; termId: string; category: string }[];
  visible: boolean;
  /** The settings key the block's current view was built for, if any. */
  viewed?: string;
  /** Was asked to be drawn once: it is drawn again when the page changes its text. */
  wanted?: boolean;
  /** Prose (gets pinyin by default), not a menu, a button or a heading that prints its own pinyin. */
  prose?: boolean;
  /** Its pinyin overflowed a box that clips: drawn without pinyin until the settings change. */
  tight?: boolean;
  /** The view last drawn, kept to draw the block again without pinyin, or with it again. */
  lastView?: BuiltView;
  /** Came near the screen and has not gone far since: drawn with pinyin (others with converted text only). */
  seen?: boolean;
  /** Its view came after it had left the screen's margin, never drawn before: drawn when it comes near again. */
  held?: boolean;
  /** Added while the page was flooding itself: not asked for before this time (performance.now()). */
  notBefore?: number;
  /** Added by the page after the reader started (a feed's new paragraph), not found in the first reading. */
  late?: boolean;
  /**
   * Where it was in the viewport (CSS px) when the visibility observer last reported it: what the prefetch orders
   * by, read without forcing a layout (a page that changes every frame would pay one per read).
   */
  top?: number;
  bottom?: number;
  /** The settings key its view is being asked for with (in a request on its way), if any. */
  asked?: string;
  /** Watched by the far observer: it has pinyin drawn that should go once it is far. */
  watchedFar?: boolean;
  /** Watched by the visibility observer (blocks a flood added are watched only once settled, see `settle`). */
  watched?: boolean;
  /** Settled and watched for one report: not near then, it is left unwatched (`dormant`). */
  probing?: boolean;
  /** Containment leaves it where it is (lib/dom/contain.ts): contained while drawn with pinyin. Decided once. */
  containOk?: boolean;
}

/** The view without its annotations: converted text alone. */
function withoutRuby(view: RunView): RunView {
  return { ...view, tokens: view.tokens.map((t) => ({ ...t, ruby: undefined, tones: undefined })) };
}

/** A batch of blocks whose views are on their way, and what they were asked for with. */
interface Asked {
  batch: Block[];
  runs: Run[];
  key: string;
  settings: Settings;
  viewKeyOf: string;
  /** The blocks on the screen after a settings change or at load, asked for alone. */
  first: boolean;
  /** Drawn in one commit: the screen after a settings change, so it never shows old and new settings together. */
  whole: boolean;
  views: Promise<BuiltView[] | null>;
}

/** Blocks this far above or below the screen are drawn too, so scrolling meets drawn text. */
const MARGIN_PX = 600;
/**
 * Blocks further than this from the screen lose their pinyin again (converted text stays: what the page says must
 * not depend on where it was scrolled), so the ruby the browser lays out stays about the same however long the
 * page grows. Coming back near the screen draws it again from the view kept, with no new request.
 */
const FAR_PX = 3000;
/** Script time one slice of drawing may take before the browser gets a frame to lay out and paint. */
const DRAW_SLICE_MS = 6;
/**
 * A page adding more blocks than this a second is flooding itself (a live ticker, a runaway feed): its new blocks
 * are drawn only once they have stayed near the screen for FLOOD_SETTLE_MS. Text that flies past is not worth its
 * layout, and the page keeps its frames and timers.
 */
const FLOOD_BLOCKS_PER_S = 60;
const FLOOD_SETTLE_MS = 300;
/** How often the settle timer looks at blocks settling, and at blocks asleep during a flood. */
const SETTLE_TICK_MS = FLOOD_SETTLE_MS / 3;
/** Blocks asleep during a flood are each looked at again this often, in case the page brought them near. */
const DORMANT_LOOK_MS = 1000;
/**
 * While the page floods, a slice draws at most this many characters: the layout a slice causes (its words' boxes,
 * laid out in the frame after it) is not in DRAW_SLICE_MS's script time, and on a page laying out its own new
 * paragraphs every frame the two together made frames of 50-100 ms. About 10 ms of layout and paint.
 */
const FLOOD_SLICE_CHARS = 240;
/** How many blocks ahead a slice reads the page's decorations before drawing (more than a slice draws). */
const WARM_BLOCKS = 32;

/** The same text from the same nodes: nothing to draw again. */
function sameRun(a: Run, b: Run): boolean {
  if (a.text !== b.text || a.pieces.length !== b.pieces.length) return false;
  return a.pieces.every((p, i) => {
    const q = b.pieces[i];
    return p.node === q.node && p.start === q.start && p.end === q.end && p.nodeOffset === q.nodeOffset;
  });
}

const collectOptions = { textOf: originalText };

/** Whether the page's text nodes still hold the text the run was read from. */
function isCurrent(run: Run): boolean {
  return run.pieces.every(
    (p) =>
      p.node.isConnected &&
      originalText(p.node).slice(p.nodeOffset, p.nodeOffset + p.end - p.start) ===
        run.text.slice(p.start, p.end),
  );
}

/** After the next frame is painted (or 50 ms, in a tab that is not painting). */
function nextFrame(): Promise<void> {
  return new Promise((ok) => {
    const t = setTimeout(ok, 50);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(t), ok()), 0));
  });
}

/** What the view depends on; a change in any of these re-renders from the kept original. */
function viewKey(s: Settings): string {
  return [
    s.enabled,
    s.pinyin,
    s.pinyinStyle,
    s.script,
    s.hideKnown,
    s.hskHideLevel,
    s.highlights,
    s.pinyinEverywhere,
  ].join('|');
}

/**
 * Owns the page view: finds the runs, renders those on or near the screen, re-renders on settings changes and
 * restores the page exactly when turned off. Never owns data; everything it knows comes from its constructor.
 */
export class PageView {
  private blocks = new Map<Element, Block>();
  private io: IntersectionObserver;
  private farIo: IntersectionObserver;
  private key = '';
  /** Bumped by `redraw`, so views asked for before it are not drawn after it. */
  private revision = 0;
  /** Blocks waiting for their view; requested together in one message per frame. */
  private queue = new Set<Block>();
  private flushing = false;
  /**
   * Bumped when the settings change: a drain still waiting for the old settings' views stops when they come, and
   * the new settings' views are asked for at once rather than after that round trip.
   */
  private flushGen = 0;
  /**
   * The blocks on and near the screen are asked for in one request: when the reader starts (`'load'`: drawn in
   * slices a frame apart, like any batch) and after a settings change (`'change'`: drawn in one commit, so the
   * screen never shows old and new settings side by side).
   */
  private firstScreen: false | 'load' | 'change' = false;
  /** The reader (or the page) has scrolled since the reader started: the whole margin is drawn from then on. */
  private scrolled = false;
  /** Near by the observer's margin but not by LOAD_MARGIN_PX before the first scroll: drawn at the first scroll. */
  private deferred = new Set<Block>();
  private onFirstScroll = () => {
    if (this.scrolled) return;
    this.scrolled = true;
    removeEventListener('scroll', this.onFirstScroll, true);
    const back: Block[] = [];
    for (const b of this.deferred) {
      if (this.blocks.get(b.run.block) !== b) continue;
      b.visible = true;
      this.nearNow(b, back);
    }
    this.deferred.clear();
    this.drawBack(back);
    this.onVisible?.();
  };
  onRendered?: () => void;
  /** The blocks near the screen were drawn after a settings change (or at load). */
  onScreenDrawn?: () => void;
  /** Blocks came into or went out of view (drawn or not). */
  onVisible?: () => void;
  /** Wraps every DOM change we make, so the page's MutationObserver can tell ours from the page's. */
  mutate: (fn: () => void) => void = (fn) => fn();

  constructor(
    private settings: Settings,
    private views: ViewSource,
  ) {
    this.key = `${viewKey(settings)}|0`;
    this.io = new IntersectionObserver((entries) => this.onIntersect(entries), {
      rootMargin: `${MARGIN_PX}px 0px`,
    });
    this.farIo = new IntersectionObserver((entries) => this.onFar(entries), {
      rootMargin: `${FAR_PX}px 0px`,
    });
    addEventListener('scroll', this.onFirstScroll, { capture: true, passive: true });
  }

  get runs(): Run[] {
    return [...this.blocks.values()].map((b) => b.run);
  }

  blockOf(el: Element): Block | undefined {
    return this.blocks.get(el);
  }

  allBlocks(): Block[] {
    return [...this.blocks.values()];
  }

  /** Finds runs under `root` (the whole page at start) and watches their visibility. */
  add(root: Element | Document): number {
    const runs = collectRuns(root);
    for (const run of runs) {
      const old = this.blocks.get(run.block);
      if (old) this.drop(run.block, old);
      this.take(run);
    }
    return runs.length;
  }

  /** A run found in the page: a new block, or a block whose text changed, drawn again from its new text. */
  private take(run: Run, fresh = false): void {
    const old = this.blocks.get(run.block);
    if (old) {
      if (sameRun(old.run, run)) return; // moved, or read again with nothing changed: it keeps its drawing
      // What is drawn of it stays until the new text's view is drawn over it (the nodes the page changed have
      // lost their drawing already, see `textChanged`), so the rest of the block does not flicker.
      old.run = run;
      old.viewed = undefined;
      old.asked = undefined; // a view on its way is of the old text
      old.termSpans = [];
      old.prose = undefined;
      old.tight = undefined;
      old.lastView = undefined;
      old.held = undefined;
      if (old.visible || old.wanted || this.settings.script !== 'original') this.render(old);
      return;
    }
    const b: Block = { run, rendered: null, termSpans: [], visible: false };
    this.blocks.set(run.block, b);
    if (fresh) {
      b.late = true;
      if (this.flooded) {
        // Not watched yet: a flood's paragraphs mostly fly past, and every element observed costs the browser work
        // each frame the page changes. Once settled, it is watched for one report (`settle`).
        b.notBefore = performance.now() + FLOOD_SETTLE_MS;
        this.settle(b);
      } else this.watch(b);
    } else this.watch(b);
    // Converted text goes on the whole page, near the screen or not: what the page says (and what find-in-page
    // and copy see) must not depend on where it was scrolled. Pinyin only goes near the screen.
    if (this.settings.script !== 'original') this.render(b);
  }

  /**
   * Came near the screen: it gets pinyin, and the far observer watches it until it goes far again. Only such blocks
   * are watched for going far (each observed element costs the browser work every frame the page changes, and a
   * page flooding itself with paragraphs that fly past would have them all watched twice).
   */
  private markSeen(b: Block): void {
    b.seen = true;
    if (!b.watchedFar) {
      b.watchedFar = true;
      this.farIo.observe(b.run.block);
    }
  }

  private watch(b: Block): void {
    if (b.watched) return;
    b.watched = true;
    this.io.observe(b.run.block);
  }

  /** Whether the page is adding blocks faster than FLOOD_BLOCKS_PER_S now. */
  get flooded(): boolean {
    return performance.now() - this.floodSeen < 1000;
  }

  /**
   * Flooded, or on its way to it: blocks added this second, for 20 ms or more, at a rate above FLOOD_BLOCKS_PER_S
   * (a page rendering its paragraphs in one go is not on its way). What decides whether the first screen is drawn
   * in one commit, since a flood that began with the reader is not counted past FLOOD_BLOCKS_PER_S yet when the
   * first screen's view comes.
   */
  private get busy(): boolean {
    if (this.flooded) return true;
    const ms = performance.now() - this.addedSince;
    return ms >= 20 && ms < 1000 && (this.addedCount * 1000) / ms > FLOOD_BLOCKS_PER_S;
  }

  /** Forgets a block whose text changed under us; its rendering is undone first. */
  private drop(el: Element, b: Block): void {
    const r = b.rendered;
    this.mutate(() => {
      if (r) restoreRun(r);
      uncontain(el);
    });
    if (b.watched) this.io.unobserve(el);
    if (b.watchedFar) this.farIo.unobserve(el);
    this.settling.delete(b);
    this.dormant.delete(b);
    this.deferred.delete(b);
    this.blocks.delete(el);
  }

  // ---- the page's own changes (lib/reader/mutations.ts reports them) --------------------------------------------

  /** Blocks whose own text the page changed, read again on the next pass. */
  private dirty = new Set<Element>();
  /** Elements the page added, whose blocks are read on the next pass. */
  private added = new Set<Element>();
  /** Block elements the page added in the current second, and when that second began. */
  private addedCount = 0;
  private addedSince = -Infinity;
  /** Blocks the page added in the second before the current one. */
  private lastCount = 0;
  /** When the page last added a block beyond FLOOD_BLOCKS_PER_S in a second (performance.now()). */
  private floodSeen = -Infinity;
  /** Blocks waiting for their settle time (`notBefore`), and the timer that asks for those still near then. */
  private settling = new Set<Block>();
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Blocks a flood added that were not near the screen once settled: left unwatched while the page floods (but for
   * a look now and then, `probeDormant`), watched again once it calms down or the reader scrolls (and drawn when
   * they come near).
   */
  private dormant = new Set<Block>();
  private onScroll = () => this.wake();

  /**
   * Counts a block element the page added, in the observer's callback (so a flood is known before the pass that
   * reads its blocks, and before a view asked for earlier is drawn): the page floods while it adds more than
   * FLOOD_BLOCKS_PER_S in a second. A second that follows a flooded second is flooded from its first block:
   * otherwise the first FLOOD_BLOCKS_PER_S blocks of every second of a flood were taken as calm, watched and drawn
   * at once, a burst of ruby laid out once a second.
   */
  private countAdded(): void {
    const now = performance.now();
    if (now - this.addedSince > 1000) {
      this.lastCount = now - this.addedSince > 2000 ? 0 : this.addedCount;
      this.addedSince = now;
      this.addedCount = 0;
    }
    if (++this.addedCount > FLOOD_BLOCKS_PER_S || this.lastCount > FLOOD_BLOCKS_PER_S) this.floodSeen = now;
  }

  /**
   * Waits for a block's settle time (`notBefore`); then it is watched, and drawn if near then. The timer keeps
   * running while blocks settle or sleep (`dormant`), and wakes the sleepers once the page stops flooding.
   */
  private settle(b?: Block): void {
    if (b) this.settling.add(b);
    if (this.settleTimer) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      const now = performance.now();
      for (const w of this.settling) {
        if ((w.notBefore ?? 0) > now) continue;
        this.settling.delete(w);
        w.notBefore = undefined;
        if (this.blocks.get(w.run.block) !== w) continue;
        if (!w.watched) {
          // Its first report says whether it is near (drawn then) or not (left to sleep).
          w.probing = true;
          this.watch(w);
        } else if (w.visible && w.viewed !== this.key) this.render(w);
      }
      if (this.dormant.size && !this.flooded) this.wake();
      else this.probeDormant();
      if (this.settling.size || this.dormant.size) this.settle();
    }, SETTLE_TICK_MS);
  }

  /**
   * While the flood goes on, the sleepers are looked at again a few at a time (each about once a second), each for
   * one report: the page can bring one near without any scrolling (taking out what was above it, a feed that
   * drops its oldest items), and it is drawn then even if the page never calms down. Never all at once: every
   * watched element costs the browser work each frame the page changes.
   */
  private probeDormant(): void {
    let n = Math.ceil((this.dormant.size * SETTLE_TICK_MS) / DORMANT_LOOK_MS);
    for (const b of this.dormant) {
      if (n-- <= 0) break;
      this.dormant.delete(b);
      if (this.blocks.get(b.run.block) !== b) continue;
      b.probing = true;
      this.watch(b); // not near: back to sleep, at the end of the line (`onIntersect`)
    }
  }

  /** The blocks left to sleep during a flood are watched again: it calmed down, or the reader scrolls. */
  private wake(): void {
    if (!this.dormant.size) return;
    for (const b of this.dormant) if (this.blocks.get(b.run.block) === b) this.watch(b);
    this.dormant.clear();
    removeEventListener('scroll', this.onScroll, true);
  }

  /**
   * The page took elements out: blocks no longer in the document are forgotten on the next pass. A block taken out
   * with nothing but text in it is looked at alone (`removed`: a feed dropping its oldest paragraphs, a thousand a
   * second in a flood); anything else has every block looked at (`sweep`).
   */
  private sweep = false;
  private removed = new Set<Element>();

  /**
   * The page wrote into a text node (or took it out, `removed`). A node we drew loses its drawing at once, in the
   * observer's callback, before the browser paints: old and new text are never shown together.
   */
  textChanged(node: Text, removed: boolean, around: Node | null): void {
    this.mutate(() => dropStale(node, removed));
    const block = blockAround(around ?? node);
    if (block) this.dirty.add(block);
  }

  /** The page put a node into `parent`. */
  nodeAdded(node: Node, parent: Node): void {
    if (node.nodeType === 3) {
      // White space between the elements a page adds changes no run worth drawing again.
      if ((node as Text).data.trim()) this.textChanged(node as Text, false, parent);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    this.letGo(parent);
    this.added.add(el);
    // An inline element changes the text of the block it went into; a block is a run of its own.
    if (blockAround(el) !== el) {
      const block = blockAround(parent);
      if (block) this.dirty.add(block);
    } else this.countAdded();
  }

  /**
   * The page put an element into a contained block (a tooltip, a footnote popup): containment goes at once, before
   * the element is laid out, and is not set on the block again (what it holds may be positioned or counted now).
   */
  private letGo(parent: Node): void {
    const el = parent instanceof Element ? parent : parent.parentElement;
    const block = el?.closest(`[${CONTAIN_ATTR}]`);
    if (!block) return;
    uncontain(block);
    const b = this.blocks.get(block);
    if (b) b.containOk = false;
  }

  /** The page took a node out of `parent`. */
  nodeRemoved(node: Node, parent: Node): void {
    if (node.nodeType === 3) return this.textChanged(node as Text, true, parent);
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (this.blocks.has(el) && !el.firstElementChild) this.removed.add(el);
    else this.sweep = true;
    if (blockAround(node) !== node) {
      const block = blockAround(parent);
      if (block) this.dirty.add(block);
    }
  }

  /**
   * Reads what the page changed since the last pass, for at most `budgetMs` (the rest waits for the next pass, a
   * frame later): a flood of new paragraphs costs the page a few ms a frame, never a long task. Only the blocks
   * changed are read again and drawn; the others keep their drawing and their nodes. Answers whether work is left.
   */
  applyChanges(budgetMs: number): boolean {
    if (!this.settings.enabled) {
      // Off: nothing is drawn, and turning it on again reads the whole page (`add`).
      this.dirty.clear();
      this.added.clear();
      this.removed.clear();
      return false;
    }
    const t0 = performance.now();
    const over = () => performance.now() - t0 >= budgetMs;
    for (const el of this.dirty) {
      this.dirty.delete(el);
      if (el.isConnected) {
        const run = collectOwnRun(el, collectOptions);
        const old = this.blocks.get(el);
        if (run) this.take(run);
        else if (old) this.drop(el, old);
      }
      if (over()) return true;
    }
    for (const el of this.added) {
      this.added.delete(el);
      if (el.isConnected) for (const run of collectWithin(el, collectOptions)) this.take(run, true);
      if (over()) return true;
    }
    if (this.sweep) {
      this.sweep = false;
      for (const [el, b] of this.blocks) if (!el.isConnected) this.drop(el, b);
    } else
      for (const el of this.removed) {
        const b = this.blocks.get(el);
        if (b && !el.isConnected) this.drop(el, b);
      }
    this.removed.clear();
    return false;
  }

  /**
   * Takes the drawing out of `region` (it became editable: what the user edits there, the page may save) and
   * forgets its blocks, and any block around it. Runs skip editable content, so nothing is drawn there again.
   */
  release(region: Element): void {
    for (const [el, b] of this.blocks) if (region.contains(el) || el.contains(region)) this.drop(el, b);
  }

  /**
   * Queues the blocks on or near the screen now (one layout read), ahead of the first observer report, to be asked
   * for together (and drawn in slices, see `drain`). The rest is drawn as the reader scrolls near it, never on idle.
   */
  renderOnScreen(): void {
    this.firstScreen = 'load';
    const margin = this.scrolled ? MARGIN_PX : LOAD_MARGIN_PX;
    for (const b of this.blocks.values()) {
      const r = b.run.block.getBoundingClientRect();
      b.top = r.top;
      b.bottom = r.bottom;
      // The same test as firstScreenTexts (lib/dom/first-screen.ts), whose texts the background built views for.
      if (nearScreen(r, margin)) {
        b.visible = true;
        this.markSeen(b);
        if (b.viewed !== this.key) this.render(b);
      }
    }
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    const back: Block[] = [];
    for (const e of entries) {
      const b = this.blocks.get(e.target);
      if (!b) continue;
      b.visible = e.isIntersecting;
      b.top = e.boundingClientRect.top;
      b.bottom = e.boundingClientRect.bottom;
      if (b.probing) {
        b.probing = undefined;
        if (!b.visible && this.flooded) {
          // Settled far from the screen while the page still floods: asleep until it calms or the reader scrolls.
          b.watched = false;
          this.io.unobserve(e.target);
          if (!this.dormant.size) addEventListener('scroll', this.onScroll, { capture: true, passive: true });
          this.dormant.add(b);
          this.settle();
          continue;
        }
      }
      if (!b.visible) {
        this.deferred.delete(b);
        continue;
      }
      if (!this.scrolled && !this.nearAtLoad(e)) {
        // In the margin before the reader has scrolled: drawn at the first scroll.
        b.visible = false;
        this.deferred.add(b);
        continue;
      }
      this.nearNow(b, back);
    }
    this.drawBack(back);
    this.onVisible?.();
  }

  /** Within LOAD_MARGIN_PX of the screen, by the observer's own figures (no layout read). */
  private nearAtLoad(e: IntersectionObserverEntry): boolean {
    const root = e.rootBounds;
    const top = root ? root.top + MARGIN_PX : 0;
    const bottom = root ? root.bottom - MARGIN_PX : innerHeight;
    const r = e.boundingClientRect;
    return r.bottom >= top - LOAD_MARGIN_PX && r.top <= bottom + LOAD_MARGIN_PX;
  }

  /** A block came near: drawn, or drawn again from its kept view (collected in `back`). */
  private nearNow(b: Block, back: Block[]): void {
    const wasSeen = b.seen;
    this.markSeen(b);
    if (b.viewed !== this.key) this.render(b);
    // Drawn while far (converted text only), or its pinyin taken out far away, or its view came when it had gone
    // past: drawn from the kept view.
    else if ((!wasSeen || b.held) && b.lastView) back.push(b);
  }

  private drawBack(back: Block[]): void {
    if (!back.length) return;
    if (this.settings.pinyin) this.probe(back);
    this.mutate(() => {
      for (const b of back) this.draw(b, b.lastView!, this.settings);
    });
    this.checkFit(back);
    this.onRendered?.();
  }

  /** Blocks gone far from the screen give their pinyin back to the page (see FAR_PX). */
  private onFar(entries: IntersectionObserverEntry[]): void {
    const gone: Block[] = [];
    for (const e of entries) {
      const b = this.blocks.get(e.target);
      if (!b || e.isIntersecting) continue;
      // Far: no longer watched until it comes near again.
      b.watchedFar = false;
      this.farIo.unobserve(e.target);
      if (!b.seen) continue;
      b.seen = false;
      if (b.lastView && !!b.rendered && hasPinyin(b.rendered)) gone.push(b);
    }
    if (!gone.length) return;
    this.mutate(() => {
      for (const b of gone) this.draw(b, b.lastView!, this.settings);
    });
    this.onRendered?.();
  }

  private render(b: Block): void {
    if (!this.settings.enabled) return;
    b.wanted = true;
    // Its view for these settings is on its way (without pinyin is enough while it is not near).
    if (b.asked === this.key || (b.asked === `${this.key}|bare` && !b.seen)) return;
    this.queue.add(b);
    if (!this.flushing) {
      this.flushing = true;
      const gen = this.flushGen;
      queueMicrotask(() => void this.flush(gen));
    }
  }

  /** Asks for the views of every queued block at once and draws those still current when they arrive. */
  private async flush(gen: number): Promise<void> {
    try {
      await this.drain(gen);
    } finally {
      if (gen === this.flushGen) this.flushing = false; // even after an error, later blocks still get drawn
    }
  }

  /**
   * A new drain for new settings: the one waiting for the old settings' views ends when they come, and what was
   * still queued for the old settings is dropped (the caller queues again every block the new settings draw).
   */
  private restartDrain(): void {
    this.flushGen++;
    this.flushing = false;
    this.queue.clear();
  }

  /**
   * Takes the next batch from the queue and asks for its views. Blocks near the screen go first, in a request of
   * their own (drawn in one commit after a settings change): what the reader sees is converted, or gets
   * pinyin, after one small round trip whatever the page's length. Then the other blocks that keep pinyin, then the
   * rest, a batch at a time, at once (conversion never waits for scrolling). The rest is not near the screen: its
   * views come without pinyin (cheaper to build and to send), and a block asks for its view with pinyin when it
   * comes near (`viewed` is not the key). Null when nothing queued is to be asked for now.
   */
  private ask(): Asked | null {
    const queued = [...this.queue];
    let pick = queued.filter((b) => b.visible && b.seen);
    const first = !!this.firstScreen && pick.length > 0;
    const whole = first && this.firstScreen === 'change';
    this.firstScreen = false;
    if (!pick.length) pick = queued.filter((b) => b.seen);
    const bare = !pick.length && this.settings.pinyin;
    if (!pick.length) pick = queued;
    const batch = pick.slice(0, VIEWS_BATCH).filter((b) => {
      this.queue.delete(b);
      // Gone past before it was asked for (a feed flooding the top of the screen pushes each new paragraph out
      // of view within a frame or two): asked for again if it comes near.
      if (b.notBefore !== undefined && b.notBefore > performance.now()) {
        this.settle(b);
        return false;
      }
      return !this.passedBy(b);
    });
    if (!batch.length) return null;
    const key = this.key;
    const settings = this.settings;
    // What a view without pinyin is kept as: not the key, so coming near asks for the view with pinyin.
    const viewKeyOf = bare ? `${key}|bare` : key;
    const runs = batch.map((b) => b.run);
    for (const b of batch) b.asked = viewKeyOf;
    const views = this.views(
      runs.map((r) => r.text),
      bare ? { ...settings, pinyin: false } : settings,
    )
      .catch(() => null)
      .then((v) => {
        for (const b of batch) if (b.asked === viewKeyOf) b.asked = undefined;
        return v;
      });
    return { batch, runs, key, settings, viewKeyOf, first, whole, views };
  }

  private async drain(gen: number): Promise<void> {
    let next: Asked | null = null;
    while ((next || this.queue.size > 0) && gen === this.flushGen) {
      // Blocks that came near while the batch before was drawn go before the far batch already asked for.
      let asked: Asked | null;
      if (next && ![...this.queue].some((b) => b.seen)) {
        asked = next;
        next = null;
      } else asked = this.ask();
      if (!asked) continue;
      const { batch, runs, key, settings, viewKeyOf, first, whole: oneCommit } = asked;
      const views = await asked.views;
      if (!views || key !== this.key) continue;
      const ready = views;
      if (settings.pinyin) this.probe(batch);
      // The next batch is asked for now, so the background builds its views while this one is drawn (a batch far
      // from the screen takes about as long to build as to draw). Not after the screen's own batch: the blocks near
      // it that keep pinyin, if any, are asked for next, and drawn in a commit at once.
      if (!first && !next && this.queue.size > 0) next = this.ask();
      // Drawn a slice at a time, a frame apart: ruby for a whole batch in one task kept the page from painting for
      // hundreds of ms; slices keep every task short and the browser lays out a little each frame.
      // The first screen at load too: drawn in one commit, it was one task of 70–95 ms CPU on the sample page, sliced
      // the longest is ~40 (the layout each slice's frame does costs more than the slice's script, not the whole
      // page's layout again). After a settings change the screen is drawn in one commit, so it never shows old and
      // new settings side by side. While the page floods, nothing is one commit and each slice is small
      // (FLOOD_SLICE_CHARS).
      let i = 0;
      while (i < batch.length && key === this.key) {
        const t0 = performance.now();
        const busy = this.busy;
        const whole = oneCommit && !busy;
        const drawn: Block[] = [];
        let chars = 0;
        // The page's decorations of the next blocks' text, read before this slice writes anything: read between
        // two blocks' writes, each made the browser restyle what the block before had just drawn. Only blocks that
        // get pinyin (near the screen) read them; converted text alone does not.
        if (settings.pinyin)
          warmDecorations(
            batch
              .slice(i, i + WARM_BLOCKS)
              .filter((b) => b.seen)
              .flatMap((b) => b.run.pieces.map((p) => p.node.parentElement)),
          );
        this.mutate(() => {
          while (
            i < batch.length &&
            (whole ||
              drawn.length === 0 ||
              (performance.now() - t0 < DRAW_SLICE_MS && (!busy || chars < FLOOD_SLICE_CHARS)))
          ) {
            const b = batch[i];
            const run = runs[i];
            const view = ready[i++];
            // Dropped or read again meanwhile (the page changed it: its new text is on its way), or already drawn:
            // leave it. A block scrolled past while its view was on the way is drawn all the same: the work is done,
            // and it is near.
            if (this.blocks.get(b.run.block) !== b || b.run !== run || b.viewed === key) continue;
            b.viewed = viewKeyOf;
            b.termSpans = view.termSpans;
            if (this.passedBy(b)) {
              // Pushed out of view while its view was on the way, never drawn: kept, drawn when it comes near.
              b.lastView = view;
              b.held = true;
              continue;
            }
            this.draw(b, view, settings);
            drawn.push(b);
            chars += run.text.length;
          }
        });
        this.checkFit(drawn);
        this.onRendered?.();
        if (first) this.onScreenDrawn?.();
        if (i < batch.length) await nextFrame();
      }
    }
  }

  /**
   * Decides, before they are drawn, which blocks near the screen are contained while drawn with pinyin: a block
   * that moves (drawing above it, far blocks taken out) then keeps its recorded paint, where it repainted every word
   * each frame of a scroll. Reads layout once for them all (lib/dom/contain.ts); those that pass stay contained
   * (their plain text is laid out contained at once, the drawing then only once), until `draw` takes them out of
   * pinyin or the block is dropped or restored.
   */
  private probe(blocks: Block[]): void {
    const open = blocks.filter(
      (b) =>
        b.containOk === undefined &&
        b.seen &&
        !(b.rendered && hasPinyin(b.rendered)) &&
        this.blocks.get(b.run.block) === b,
    );
    if (!open.length) return;
    this.mutate(() => {
      const ok = probeContainment(open.map((b) => b.run.block));
      open.forEach((b, i) => (b.containOk = ok[i]));
    });
  }

  /**
   * A block the page added late, never drawn, that is no longer near the screen, on a page shown in its own script
   * (pinyin is all there is to draw, and it goes only near the screen): its drawing can wait until it comes near
   * again. The page's first blocks, and blocks drawn before, are drawn wherever they are when their view comes, so
   * what the page first shows and what a settings change leaves never depend on layout or scrolling; unless the page
   * is flooding itself, when its first blocks fly past like the rest.
   */
  private passedBy(b: Block): boolean {
    return (
      (!!b.late || this.flooded) &&
      this.settings.script === 'original' &&
      !b.visible &&
      !b.rendered &&
      (!b.lastView || !!b.held)
    );
  }

  /** Draws a block's view: with pinyin where it belongs (prose, or everywhere if asked), else converted text only. */
  private draw(b: Block, view: BuiltView, settings: Settings): void {
    // The page changed the block's text since its run was read (its view was on the way): the view no longer fits
    // the page's text. The change is read on the next pass and drawn from the new text.
    if (!isCurrent(b.run)) {
      this.dirty.add(b.run.block);
      return;
    }
    // Kept even when nothing is drawn now (the block went far while its view was on the way): it is drawn from it
    // when it comes near.
    b.lastView = view;
    b.held = undefined;
    if (b.rendered) restoreRun(b.rendered);
    b.rendered = null;
    b.prose ??= isProse(b.run.block, b.run.text);
    const ruby = settings.pinyin && !!b.seen && (settings.pinyinEverywhere || (b.prose && !b.tight));
    const block = b.run.block;
    if (!ruby && settings.script === 'original') {
      uncontain(block);
      return;
    }
    // A button or tag set in the prose keeps its label as it is, unless pinyin is asked for everywhere.
    const plain = settings.pinyinEverywhere
      ? undefined
      : (node: Text) => !!node.parentElement && inInlineControl(node.parentElement, block);
    b.rendered = renderRun(b.run, ruby ? view : withoutRuby(view), { plain });
    // Contained with the drawing (already, since `probe`), so the drawn words are laid out once.
    if (ruby && b.containOk && hasPinyin(b.rendered)) contain(block);
    else uncontain(block);
    // Drawn terms are underlined through an attribute on our words; text left as it is gets a CSS highlight.
    if (settings.highlights) markTerms(b.rendered, view.termSpans);
  }

  /**
   * Once a batch is drawn, before it is painted: blocks whose pinyin overflows a box that clips (a fixed-size tag, a
   * menu bar with a hidden overflow) are drawn again without it, so nothing the page lays out is pushed out of view.
   * One layout for the whole batch, in the frame's own animation callback.
   */
  private checkFit(batch: Block[]): void {
    if (!this.settings.pinyin) return;
    const drawn = batch.filter((b) => b.rendered && !b.tight);
    if (!drawn.length) return;
    const key = this.key;
    requestAnimationFrame(() => {
      if (key !== this.key) return;
      // Only blocks drawn with pinyin: converted text alone (a block far from the screen) has nothing to take out
      // or lift (its ancestors' styles and boxes were read each slice of a conversion, for nothing).
      const live = drawn.filter(
        (b) => this.blocks.get(b.run.block) === b && !!b.rendered && hasPinyin(b.rendered),
      );
      const tight = this.settings.pinyinEverywhere
        ? []
        : live.filter(
            (b) =>
              b.lastView &&
              overflowsClip(
                b.run.block,
                b.run.pieces.map((p) => p.node),
              ),
          );
      // Blocks on one line (a heading) let their pinyin rise into the room the page leaves over them rather than
      // grow: read for the whole batch in this same layout, before anything changes.
      const lifts = live
        .filter((b) => !tight.includes(b))
        .map((b) => [b.rendered!, oneLineRoom(b.rendered!)] as const)
        .filter(([, room]) => room > 0);
      if (!tight.length && !lifts.length) return;
      this.mutate(() => {
        for (const b of tight) {
          b.tight = true;
          this.draw(b, b.lastView!, this.settings);
        }
        for (const [r, room] of lifts) liftPinyin(r, room);
      });
      this.onRendered?.();
    });
  }

  /** Applies new settings: only what depends on them is redone, always from the original text. */
  update(settings: Settings): void {
    const key = `${viewKey(settings)}|${this.revision}`;
    this.settings = settings;
    if (key === this.key) return;
    this.key = key;
    this.rerender();
  }

  /** Redraws every block with the current settings (what they depend on changed elsewhere: known words). */
  redraw(): void {
    this.revision++;
    this.key = `${viewKey(this.settings)}|${this.revision}`;
    this.restartDrain();
    // What is drawn stays until its new view arrives, so the text does not flicker.
    for (const b of this.blocks.values()) if (this.drawnAgain(b)) this.render(b);
  }

  private rerender(): void {
    // The blocks near the screen are asked for first and drawn in one commit (see `drain`).
    this.firstScreen = 'change';
    this.restartDrain();
    this.mutate(() => {
      for (const b of this.blocks.values()) {
        const again = this.drawnAgain(b);
        if (b.rendered) restoreRun(b.rendered);
        // Kept where pinyin is drawn again (its words are then laid out contained once).
        if (!again || !this.settings.pinyin) uncontain(b.run.block);
        b.rendered = null;
        b.termSpans = [];
        b.viewed = undefined;
        b.tight = undefined;
        b.lastView = undefined;
        if (again) this.render(b);
      }
    });
    this.onRendered?.();
  }

  /**
   * Whether a settings change draws the block again. Every block is, near the screen or not, when the page is shown
   * in another script, so what the page says never depends on where it was scrolled when a setting changed (and
   * turning a setting back restores it exactly). In the page's own script only pinyin is drawn, and only on blocks
   * seen near the screen (`draw`): the others are left as published, with no view asked for (a block that had been
   * converted far away has nothing to draw; it asks for its view when it comes near).
   */
  private drawnAgain(b: Block): boolean {
    return b.visible || !!b.seen || this.settings.script !== 'original';
  }

  /** Puts the page back exactly as it was. */
  restoreAll(): void {
    this.mutate(() => {
      for (const b of this.blocks.values()) {
        if (b.rendered) restoreRun(b.rendered);
        uncontain(b.run.block);
      }
    });
    this.io.disconnect();
    this.farIo.disconnect();
    for (const b of this.blocks.values()) b.watchedFar = b.watched = false;
    removeEventListener('scroll', this.onScroll, true);
    removeEventListener('scroll', this.onFirstScroll, true);
    this.blocks.clear();
    this.dormant.clear();
    this.deferred.clear();
    this.queue.clear();
    this.dirty.clear();
    this.added.clear();
    this.removed.clear();
    this.settling.clear();
  }
}
