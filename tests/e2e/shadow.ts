import type { Page } from 'playwright-core';

interface CdpNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/**
 * A closed card: the card keeps its elements between words, unseen (`visibility: hidden` under `data-closed`), so
 * what a user sees of it is nothing.
 */
function unseen(n: CdpNode): boolean {
  return n.attributes?.includes('data-closed') ?? false;
}

/**
 * The text the user sees in <dubao-card>'s closed shadow root, read through the DevTools protocol (the one way in from
 * outside: page scripts cannot reach a closed root, which is the point of it). Empty string when no card.
 */
export async function cardText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const texts: string[] = [];
    const collect = (n: CdpNode, inCard: boolean) => {
      const here = inCard || n.nodeName === 'DUBAO-CARD';
      if (here && unseen(n)) return;
      if (here && n.nodeType === 3 && n.nodeValue && !/^\s*$/.test(n.nodeValue)) texts.push(n.nodeValue);
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
        if (here && c.nodeName === 'STYLE') continue;
        collect(c, here);
      }
    };
    collect(root, false);
    return texts.join(' ');
  } finally {
    await cdp.detach();
  }
}

interface CdpNodeWithId extends CdpNode {
  nodeId: number;
  children?: CdpNodeWithId[];
  shadowRoots?: CdpNodeWithId[];
}

/** Clicks the card's button whose text is `label`, at its place on screen (found through the protocol). */
export async function clickCardButton(page: Page, label: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNodeWithId;
    };
    const textOf = (n: CdpNodeWithId): string =>
      n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(textOf).join('');
    let button: CdpNodeWithId | null = null;
    const find = (n: CdpNodeWithId, inCard: boolean) => {
      const here = inCard || n.nodeName === 'DUBAO-CARD';
      if (here && unseen(n)) return;
      if (here && n.nodeName === 'BUTTON' && textOf(n).trim() === label) button ??= n;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) find(c, here);
    };
    find(root, false);
    if (!button) throw new Error(`no "${label}" button in the hover card`);
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: (button as CdpNodeWithId).nodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** The boxes (CSS px, on screen) tinting the word under the pointer, drawn in the card's closed root. */
export async function cardMarks(
  page: Page,
): Promise<{ left: number; top: number; right: number; bottom: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNodeWithId & { attributes?: string[] };
    };
    const marks: number[] = [];
    const find = (n: CdpNodeWithId & { attributes?: string[] }, inCard: boolean) => {
      const here = inCard || n.nodeName === 'DUBAO-CARD';
      const cls = n.attributes?.[n.attributes.indexOf('class') + 1];
      if (here && unseen(n)) return;
      if (here && n.nodeName === 'DIV' && n.attributes?.includes('class') && cls === 'mark')
        marks.push(n.nodeId);
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) find(c, here);
    };
    find(root, false);
    const boxes = [];
    for (const nodeId of marks) {
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { border: number[] } };
      const [x1, y1, , , x3, y3] = model.border;
      boxes.push({ left: x1, top: y1, right: x3, bottom: y3 });
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}
