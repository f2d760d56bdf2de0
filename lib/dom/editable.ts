/** What the user can edit: the reader never draws there (see lib/reader/editable.ts). */

/** The document is editable as a whole: every element of it is the user's to edit. */
export function inDesignMode(doc: Document): boolean {
  return doc.designMode === 'on';
}

function editableAttribute(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

/** `el` itself is editable (a walk from the top that skips editable elements needs to look no further up). */
export function editableHere(el: Element): boolean {
  return (el as HTMLElement).isContentEditable || editableAttribute(el);
}

/** Whether the user can edit `el`'s content (it is, or is inside, an editing host; or the document is). */
export function isEditable(el: Element): boolean {
  if (inDesignMode(el.ownerDocument) || (el as HTMLElement).isContentEditable) return true;
  // The nearest element that says, in case the browser's own answer has not caught up.
  const host = el.closest('[contenteditable]');
  return !!host && editableAttribute(host);
}

/** The outermost editable element around `el`: the whole region the user can type in. */
export function editingRegion(el: Element): Element {
  let region = el;
  while (region.parentElement && isEditable(region.parentElement)) region = region.parentElement;
  return region;
}
