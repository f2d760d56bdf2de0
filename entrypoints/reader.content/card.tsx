import { render } from 'preact';
import { HoverCard, HOVER_CARD_CSS, type CardData } from '../../components/HoverCard';

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
  data: CardData | null = null;
  frozen = false;
  private saved: string | null = null;
  private anchor: DOMRect | null = null;

  constructor(private actions: CardActions) {}

  private ensure(): void {
    if (this.host?.isConnected) return;
    this.host = document.createElement('dubao-card');
    this.host.setAttribute('data-dubao-ui', '');
    this.host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647;';
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = HOVER_CARD_CSS;
    this.mount = document.createElement('div');
    this.root.append(style, this.mount);
    document.documentElement.append(this.host);
  }

  get open(): boolean {
    return this.data != null;
  }

  show(data: CardData, anchor: DOMRect): void {
    this.ensure();
    this.data = data;
    this.anchor = anchor;
    this.saved = null;
    this.paint();
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

  hide(): void {
    this.data = null;
    this.frozen = false;
    if (this.mount) render(null, this.mount);
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = null;
  }

  /** Whether a pointer event happened over the card (so moving onto its buttons keeps it open). */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  private paint(): void {
    if (!this.mount || !this.data) return;
    render(
      <HoverCard data={this.data} frozen={this.frozen} saved={this.saved} {...this.actions} />,
      this.mount,
    );
    this.place();
  }

  /** Below the word when there is room, above it otherwise; never off screen. */
  private place(): void {
    const card = this.mount?.firstElementChild as HTMLElement | null;
    if (!card || !this.anchor) return;
    const a = this.anchor;
    const { width, height } = card.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    let top = a.bottom + 6;
    if (top + height > vh && a.top - height - 6 > 0) top = a.top - height - 6;
    const left = Math.max(4, Math.min(a.left, vw - width - 8));
    card.style.top = `${Math.max(4, top)}px`;
    card.style.left = `${left}px`;
  }
}
