import { render } from 'preact';
import { HoverCard, HOVER_CARD_CSS, type CardData } from '../../components/HoverCard';
import { placeCard, type Box } from '../dom/card-place';

const MARK_CSS = `
.card { top: 0; left: 0; pointer-events: auto; }
.mark { position: fixed; top: 0; left: 0; width: 1px; height: 1px; transform-origin: 0 0; pointer-events: none;
  background: rgba(255, 209, 0, 0.4); }
.card[data-squeezed] { display: flex; flex-direction: column; overflow: hidden; box-sizing: border-box; }
.card[data-squeezed] > * { flex: none; }
.notice-text { margin: 0; max-width: 300px; }
[data-closed] { visibility: hidden; }
.card[data-squeezed] > :not(header):not(footer) { flex: 0 1 auto; min-height: 0; overflow: auto; }
`;

/**
 * The host's own style, every property `!important`: a style attribute's important declarations win over any
 * stylesheet's, so page CSS cannot hide, move, fade or shrink the card.
 */
/**
 * The page's dialogs, as a live collection: the browser keeps it and recounts only after the document changed, so
 * asking for the open modal dialog at each card costs nothing on a page that has none (a selector query walked the
 * whole document, ~30,000 elements on a drawn newspaper page, inside the frame that shows the card).
 */
let dialogs: HTMLCollectionOf<HTMLDialogElement> | null = null;

/** The page's open modal dialog (the last one, if several), outside which the document is inert. */
function topModal(): Element | null {
  dialogs ??= document.getElementsByTagName('dialog');
  for (let i = dialogs.length - 1; i >= 0; i--) {
    const d = dialogs[i];
    try {
      if (d.open && d.matches(':modal')) return d;
    } catch {
      return null; // a browser without :modal
    }
  }
  return null;
}

const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'top: 0',
  'left: 0',
  'right: 0',
  'bottom: 0',
  'width: auto',
  'height: auto',
  // The frame's size whatever the card holds, laid out on its own: a change in the card (its text at each open)
  // is laid out from the host, not from the page's root (a walk of the whole drawn page, ~1 ms inside the frame
  // that shows the card). Clicks go through it, except on the card (pointer-events: auto there).
  'contain: size layout style',
  'pointer-events: none',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'opacity: 1',
  'visibility: visible',
  'z-index: 2147483647',
]
  .map((d) => `${d} !important`)
  .join('; ');

/** Chromium's IntersectionObserver v2: `isVisible` says whether anything covers, fades or distorts the target. */
const TRACKS_VISIBILITY =
  typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

/** What the card says when it cannot work any more, with what the user can do about it. */
export interface CardNotice {
  message: string;
  action: { label: string; run(): void };
  onClose(): void;
}

function Notice({ notice }: { notice: CardNotice }) {
  return (
    <div class="card frozen notice" role="alertdialog" aria-label="Dubao">
      <p class="notice-text">{notice.message}</p>
      <footer>
        <button type="button" class="action" onClick={() => notice.action.run()}>
          {notice.action.label}
        </button>
        <button type="button" class="close" onClick={() => notice.onClose()}>
          Close
        </button>
      </footer>
    </div>
  );
}

/** The word the card is first built for, before any open (never shown). */
const STAND_IN: CardData = {
  word: '字',
  simplified: '字',
  traditional: '字',
  pinyin: 'zì',
  senses: [{ simplified: '字', traditional: '字', pinyin: 'zì', definitions: ['character'] }],
  inner: [],
};

export interface CardActions {
  onSave(): void;
  onKnown(): void;
  onSpeak(): void;
  onCopy(): void;
}

/**
 * The hover card's host: one element at the end of <html> with a closed shadow root, so the page's styles never
 * reach the card and ours never reach the page. Marked as our UI so that detection and runs skip it.
 */
export class CardHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private marks: HTMLElement | null = null;
  data: CardData | null = null;
  frozen = false;
  private saved: string | null = null;
  private anchor: DOMRect | null = null;
  /** The word's line with its pinyin, and the boxes of the text being read (see placeCard). */
  private line: Box | null = null;
  private text: readonly Box[] = [];
  /** The card element watched for visibility, and whether it was last seen whole and uncovered. */
  private watched: Element | null = null;
  private visible = false;
  private visibility: IntersectionObserver | null = null;
  /**
   * Whether the page may have put something in the top layer since the card was last raised there: a popover it
   * opened (their toggle events are seen here, in the capture phase), or a dialog or fullscreen element (checked at
   * each open). Raising the card again takes it out of the top layer and back, which makes the browser lay out
   * the whole document once more (on a drawn page in columns, several milliseconds inside the frame that shows
   * the card), so it is done only when needed.
   */
  private topLayerChanged = true;
  private onToggle = (e: Event) => {
    if (e.target !== this.host) this.topLayerChanged = true;
  };

  constructor(private actions: CardActions) {}

  /**
   * Builds the card ahead of its first open, while the page is idle: the host, its shadow root and style sheet, and
   * the card's elements rendered once, closed, for a stand-in word; then the host is put where a closed card stays
   * (the end of <html>, in the top layer, as `hide` leaves it: unseen, not hit by the pointer, not in the
   * accessibility tree, not found by find-in-page, outside the body), with its tinting box and visibility watch
   * set up, and laid out once. The first open then only updates the text: building all this inside the frame that
   * shows the card cost the first hover of a page 20–29 ms of CPU; built off the page only, 12.6–14.3 (the style,
   * layout and top-layer work were left for that frame); attached too, ~10.
   */
  prepare(): void {
    if (this.host || this.data || this.frozen) return;
    this.build();
    if (!this.mount) return;
    this.mount.setAttribute('data-closed', '');
    render(<HoverCard data={STAND_IN} frozen={false} saved={null} {...this.actions} />, this.mount);
    this.ensure();
    this.raise(true);
    this.mark([new DOMRect(0, 0, 1, 1)]);
    this.mark([]);
    this.watchVisibility(true);
    void this.mount.firstElementChild?.getBoundingClientRect();
  }

  private ensure(): void {
    if (this.host?.isConnected) return;
    if (!this.host) this.build();
    document.documentElement.append(this.host!);
    this.watched = null;
    this.topLayerChanged = true;
    document.removeEventListener('toggle', this.onToggle, { capture: true });
    document.addEventListener('toggle', this.onToggle, { capture: true });
  }

  private build(): void {
    this.host = document.createElement('dubao-card');
    this.host.setAttribute('data-dubao-ui', '');
    this.host.style.cssText = HOST_STYLE;
    // In the top layer, above anything the page stacks, whatever its z-index (where the browser has popovers).
    if ('showPopover' in this.host) this.host.setAttribute('popover', 'manual');
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = HOVER_CARD_CSS + MARK_CSS;
    this.marks = document.createElement('div');
    this.mount = document.createElement('div');
    this.root.append(style, this.marks, this.mount);
    // Before the card's own handlers: a click acts only if the user really clicked the button they could see.
    this.root.addEventListener('click', this.guard, { capture: true });
  }

  /**
   * Puts the card where the user can reach it: inside the page's open modal dialog, if there is one (everything
   * outside a modal dialog is inert, the card would be shown but could not be clicked), else at the document's
   * end; and on top of the top layer again when it opens (`again`): a popover or dialog the page opened since
   * would otherwise cover it. Moving the host takes it out of the top layer, so it is raised again then too.
   */
  private raise(again: boolean): void {
    const host = this.host;
    if (!host) return;
    const modal = topModal();
    const parent = modal ?? document.documentElement;
    const moved = host.parentNode !== parent;
    if (moved) parent.append(host);
    if ((!again && !moved) || !('showPopover' in host)) return;
    // Already on top: nothing entered the top layer since it was raised (no popover toggled, no modal dialog or
    // fullscreen element, whose toggle events not every browser sends).
    const open = host.matches(':popover-open');
    if (open && !moved && !this.topLayerChanged && !modal && !document.fullscreenElement) return;
    try {
      if (open) host.hidePopover();
      host.showPopover();
      this.topLayerChanged = false;
    } catch {
      // Not in the document, or a browser whose popovers refuse: the z-index is all there is.
    }
  }

  /**
   * Why a click on one of the card's buttons must not act, or null when it may: it must come from the user (not a
   * script of the page), land on that button where the user sees it, and the card must be in full view (no page
   * element over it, even one that lets clicks through, and not faded or hidden). Otherwise a page could turn a
   * click on its own decoy into Save or Known.
   */
  private refusal(e: MouseEvent, button: Element): string | null {
    if (!e.isTrusted) return 'Ignored a click the page made';
    // A pointer click (a keyboard's has no detail): the topmost element there must be this button.
    if (e.detail > 0 && this.root) {
      const hit = this.root.elementFromPoint(e.clientX, e.clientY);
      if (!hit || !button.contains(hit)) return 'Not done: the page covers the card';
    }
    if (TRACKS_VISIBILITY ? !this.visible : !this.hostShown()) return 'Not done: the page covers the card';
    return null;
  }

  /** Without visibility tracking: at least the host is shown as we styled it. */
  private hostShown(): boolean {
    if (!this.host) return false;
    const cs = getComputedStyle(this.host);
    return cs.display !== 'none' && cs.visibility === 'visible' && cs.opacity === '1' && cs.filter === 'none';
  }

  private guard = (e: Event) => {
    const button = (e.composedPath()[0] as Element | undefined)?.closest?.('button');
    if (!button || !(e instanceof MouseEvent)) return;
    const why = this.refusal(e, button);
    if (!why) return;
    e.stopImmediatePropagation();
    e.preventDefault();
    this.setSaved(why);
  };

  /**
   * Watches the card element shown now for being covered or faded. `fresh`: the card has just opened, so it must
   * earn its clicks again (the same element is kept between opens: it is watched afresh, as if new).
   */
  private watchVisibility(fresh = false): void {
    if (!TRACKS_VISIBILITY) return;
    const card = this.mount?.firstElementChild ?? null;
    if (card === this.watched && !fresh) return;
    this.visibility ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries)
          if (e.target === this.watched) this.visible = (e as { isVisible?: boolean }).isVisible === true;
      },
      // trackVisibility needs a delay of 100 ms or more: a card is clickable once it has been seen that long.
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    if (this.watched) this.visibility.unobserve(this.watched);
    this.watched = card;
    this.visible = false;
    if (card) this.visibility.observe(card);
  }

  get open(): boolean {
    return this.data != null;
  }

  /** A notice instead of a word: shown frozen at `anchor`, until the user closes it or acts on it. */
  notice(notice: CardNotice, at?: DOMRect): void {
    const anchor = at ?? this.anchor ?? new DOMRect(innerWidth / 2, innerHeight / 2, 0, 0);
    this.ensure();
    const wasOpen = this.data != null || this.frozen;
    this.data = null;
    this.frozen = true;
    this.mark([]);
    this.anchor = anchor;
    this.line = anchor;
    this.text = [];
    this.raise(!wasOpen);
    if (this.mount) render(<Notice notice={notice} />, this.mount);
    this.mount?.removeAttribute('data-closed');
    this.place();
    this.watchVisibility(!wasOpen);
    this.host!.setAttribute('data-open', '');
  }

  show(
    data: CardData,
    anchor: DOMRect,
    word: DOMRect[] = [],
    around: { line?: Box; text?: readonly Box[] } = {},
  ): void {
    this.ensure();
    const wasOpen = this.data != null;
    this.mark(word);
    this.data = data;
    this.anchor = anchor;
    this.line = around.line ?? anchor;
    this.text = around.text ?? [];
    this.saved = null;
    this.raise(!wasOpen);
    this.paint(!wasOpen);
    // Open or not is visible to the page (the card itself is in a closed root): benchmarks watch for it.
    this.host!.setAttribute('data-open', '');
  }

  setSaved(message: string): void {
    this.saved = message;
    this.paint();
  }

  setKnown(known: boolean, message: string): void {
    if (!this.data) return;
    this.data = { ...this.data, known };
    this.setSaved(message);
  }

  setFrozen(frozen: boolean): void {
    this.frozen = frozen;
    if (this.data) this.paint();
  }

  /**
   * Closes the card. Its elements are kept, unseen (`visibility: hidden`: not drawn, not hit by the pointer, not
   * in the accessibility tree, not found by find-in-page), so that the next open only updates the text that
   * changed: building its ~40 elements from nothing at each open cost the frame that shows it about a millisecond
   * of style and layout.
   */
  hide(): void {
    this.data = null;
    this.frozen = false;
    this.mount?.setAttribute('data-closed', '');
    this.host?.removeAttribute('data-open');
    this.mark([]);
    // Closed, the card leaves the page's dialog: nothing of ours stays among the page's own elements.
    if (this.host && this.host.parentNode !== document.documentElement && this.host.isConnected)
      document.documentElement.append(this.host);
  }

  /**
   * Tints the word under the pointer: boxes over its line boxes, drawn in our own root. Marking the page's text
   * itself (a CSS highlight, or a background on our words) makes Chromium lay out or repaint the whole page, about
   * 10–15 ms a frame on a newspaper page with pinyin; these boxes change nothing outside the card's host.
   */
  mark(rects: readonly DOMRect[]): void {
    if (!this.marks) return;
    const boxes = rects.filter((r) => r.width > 0 && r.height > 0);
    // Boxes are kept, unseen, when not needed: adding or removing one makes the browser lay out the page again.
    for (let i = boxes.length; i < this.marks.childElementCount; i++)
      this.marks.children[i].setAttribute('data-closed', '');
    boxes.forEach((r, i) => {
      let box = this.marks!.children[i] as HTMLElement | undefined;
      if (!box) {
        box = document.createElement('div');
        box.className = 'mark';
        this.marks!.append(box);
      }
      box.removeAttribute('data-closed');
      // A 1 px box stretched over the word: changing a transform needs no layout.
      box.style.transform = `matrix(${r.width}, 0, 0, ${r.height}, ${r.left}, ${r.top})`;
    });
  }

  destroy(): void {
    this.hide();
    if (this.mount) render(null, this.mount);
    this.visibility?.disconnect();
    this.visibility = null;
    this.watched = null;
    document.removeEventListener('toggle', this.onToggle, { capture: true });
    this.host?.remove();
    this.host = null;
  }

  /** Whether a pointer event happened over the card (so moving onto its buttons keeps it open). */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  /** Draws the card for `data`: Preact updates the kept elements. `opening`: it was closed until now. */
  private paint(opening = false): void {
    if (!this.mount || !this.data) return;
    render(
      <HoverCard data={this.data} frozen={this.frozen} saved={this.saved} {...this.actions} />,
      this.mount,
    );
    this.mount.removeAttribute('data-closed');
    this.place();
    this.watchVisibility(opening);
  }

  /** Where it covers the least of the text being read, never the line being read, inside the frame. */
  private place(): void {
    const card = this.mount?.firstElementChild as HTMLElement | null;
    if (!card || !this.anchor) return;
    card.removeAttribute('data-squeezed');
    card.style.maxHeight = '';
    const { width, height } = card.getBoundingClientRect();
    const view = {
      width: document.documentElement.clientWidth || innerWidth,
      height: document.documentElement.clientHeight || innerHeight,
    };
    const p = placeCard({ width, height }, this.line ?? this.anchor, this.text, view);
    if (p.maxHeight != null) {
      // Taller than the frame's room: its middle scrolls, its word and buttons stay in view.
      card.setAttribute('data-squeezed', '');
      card.style.maxHeight = `${Math.floor(p.maxHeight)}px`;
    }
    card.setAttribute('data-side', p.side);
    // Moved by a transform, not top/left: a transform needs no layout, so the card is laid out once per show.
    card.style.transform = `translate(${Math.round(p.left)}px, ${Math.round(p.top)}px)`;
  }
}
