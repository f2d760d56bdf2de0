import type { DocumentDetection } from '../../lib/dom/detect-document';
import { send } from '../../lib/send';
import { startReader, traceMark } from './start';

// Injected by the background into frames where the detector found Chinese prose; on the sites where it drew before,
// registered to run after the site's own look (entrypoints/site-look.ts), which found Chinese prose on this page.
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  main() {
    const g = globalThis as {
      __dubaoReader?: boolean;
      __dubaoSettings?: unknown;
      __dubaoSiteLook?: DocumentDetection & { chinese: true };
    };
    const look = g.__dubaoSiteLook;
    delete g.__dubaoSiteLook;
    if (g.__dubaoReader) {
      delete g.__dubaoSettings; // handed over for a second injection that does not start
      return; // injected twice into the same frame: the first one stays in charge
    }
    g.__dubaoReader = true;
    traceMark('dubao:reader');
    // Started by the browser on a return visit: the popup learns what the site's look found, as from the detector.
    if (look) void send({ type: 'readerDetected', ...look }).catch(() => {});
    startReader().catch((err) =>
      console.warn('Dubao: the reader could not start; the page is left as it was', err),
    );
  },
});
