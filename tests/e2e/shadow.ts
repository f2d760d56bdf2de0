import type { Page } from 'playwright-core';

interface CdpNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/**
 * The text inside <dubao-card>'s closed shadow root, read through the DevTools protocol (the one way in from
 * outside: page scripts cannot reach a closed root, which is the point of it). Empty string when no card.
 */
export async function cardText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const texts: string[] = [];
    const collect = (n: CdpNode, inCard: boolean) => {
      const here = inCard || n.nodeName === 'DUBAO-CARD';
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
