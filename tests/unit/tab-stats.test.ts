import { describe, expect, it } from 'vitest';
import { forgetTab, recordDetected, recordReader, tabStatsNow, whereOf } from '../../lib/tab-stats';

const zh = { chinese: true, script: 'simplified' as const, hanChars: 900, blocks: 12 };
const frameZh = { chinese: true, script: 'traditional' as const, hanChars: 300, blocks: 4 };
const reader = { runs: 10, words: 200, terms: 3 } as unknown as Parameters<typeof recordReader>[1];

describe('tab stats name the document they describe', () => {
  it('gives the popup the stats of the document the tab still shows, and nothing once it shows another', () => {
    recordDetected(1, 0, zh, { doc: 'A', url: 'https://paper.example/a' });
    recordReader(1, reader, { doc: 'A', url: 'https://paper.example/a' });
    expect(tabStatsNow(1, { doc: 'A', url: 'https://paper.example/a' })).toEqual({ detected: zh, reader });
    // The tab went on to an English page, which sent no report: the old page's stats are not shown for it.
    expect(tabStatsNow(1, { doc: 'B', url: 'https://news.example/en' })).toEqual({
      detected: null,
      reader: null,
    });
    // And they are gone, not only hidden.
    expect(tabStatsNow(1, { doc: 'A', url: 'https://paper.example/a' }).detected).toBeNull();
  });

  it('keeps them for a single-page app that changed its URL in the same document, and for an anchor', () => {
    recordDetected(2, 0, zh, { doc: 'S', url: 'https://app.example/#/home' });
    expect(tabStatsNow(2, { doc: 'S', url: 'https://app.example/#/story/7' }).detected).toEqual(zh);
    recordDetected(3, 1, frameZh, { url: 'https://blog.example/post' });
    expect(tabStatsNow(3, { url: 'https://blog.example/post#comments' }).detected).toEqual(frameZh);
  });

  it('drops them when the tab shows a page that cannot be looked at', () => {
    recordDetected(4, 0, zh, { doc: 'A', url: 'https://paper.example/a' });
    expect(tabStatsNow(4, null).detected).toBeNull();
  });

  it('starts afresh when a frame reports from a page the stats do not describe', () => {
    recordDetected(5, 0, zh, { doc: 'A', url: 'https://paper.example/a' });
    recordDetected(5, 3, frameZh, { url: 'https://other.example/' });
    expect(tabStatsNow(5, { url: 'https://other.example/' }).detected).toEqual(frameZh);
    forgetTab(5);
    expect(tabStatsNow(5, { url: 'https://other.example/' }).detected).toBeNull();
  });

  it('names a top frame by its document and a frame by the top frame’s URL', () => {
    expect(whereOf({ frameId: 0, documentId: 'D', url: 'https://a.example/' })).toEqual({
      doc: 'D',
      url: 'https://a.example/',
    });
    expect(
      whereOf({
        frameId: 2,
        documentId: 'F',
        url: 'https://ads.example/',
        tab: { url: 'https://a.example/' },
      }),
    ).toEqual({
      url: 'https://a.example/',
    });
    // No documentId (Firefox): nothing to compare; the background's tabs.onUpdated listener forgets there.
    expect(whereOf({ frameId: 0, url: 'https://a.example/' })).toEqual({});
  });
});
