/**
 * Editable content is the user's, and what they edit the page may save: reader markup must never be in it. Runs
 * skip what is editable when they are collected; this module catches content that becomes editable after it was
 * drawn (a `contenteditable` set on an ancestor, `document.designMode` turned on) and takes the drawing out of it
 * before the user can type there.
 */
import { editingRegion, inDesignMode, isEditable } from '../dom/editable';

export interface EditableWatch {
  stop(): void;
}

/** While the document is in design mode, how often it is checked for having left it (there is no event). */
const DESIGN_OFF_POLL_MS = 500;

/**
 * Calls `release(el)` for an element that became editable, `designMode()` when the whole document did, and
 * `designModeOff()` when it is no longer in design mode (the page's editing is over: its text can be drawn again).
 * `contenteditable` is watched as an attribute (its change is reported before the user's next input); design
 * mode has no event, so it is checked on the user's first move towards editing: pointer down, focus, a key, a
 * selection change, and the input itself; while it is on, a timer checks for its end.
 */
export function watchEditable(
  doc: Document,
  on: { release(el: Element): void; designMode(): void; designModeOff(): void },
): EditableWatch {
  let design = false;
  let poll: ReturnType<typeof setInterval> | null = null;
  const checkOff = () => {
    if (inDesignMode(doc)) return;
    design = false;
    if (poll) clearInterval(poll);
    poll = null;
    on.designModeOff();
  };
  const checkDesign = (): boolean => {
    if (design || !inDesignMode(doc)) return design;
    design = true;
    on.designMode();
    poll = setInterval(checkOff, DESIGN_OFF_POLL_MS);
    return true;
  };
  const attributes = new MutationObserver((records) => {
    if (checkDesign()) return;
    for (const r of records) {
      const el = r.target as Element;
      if (el.isConnected && isEditable(el)) on.release(editingRegion(el));
    }
  });
  attributes.observe(doc.documentElement, {
    attributes: true,
    attributeFilter: ['contenteditable'],
    subtree: true,
  });
  const onInput = (e: Event) => {
    if (checkDesign()) return;
    const t = e.type === 'selectionchange' ? doc.getSelection()?.anchorNode : (e.target as Node | null);
    const el = t instanceof Element ? t : (t?.parentElement ?? null);
    if (el && isEditable(el)) on.release(editingRegion(el));
  };
  const events = ['pointerdown', 'mousedown', 'focusin', 'keydown', 'beforeinput', 'selectionchange'];
  for (const type of events) doc.addEventListener(type, onInput, { capture: true, passive: true });
  return {
    stop() {
      if (poll) clearInterval(poll);
      poll = null;
      attributes.disconnect();
      for (const type of events) doc.removeEventListener(type, onInput, { capture: true });
    },
  };
}
