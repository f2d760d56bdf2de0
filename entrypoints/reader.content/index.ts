import { startReader, traceMark } from './start';

// Injected by the background only into frames where the detector found Chinese prose.
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  main() {
    const g = globalThis as { __dubaoReader?: boolean; __dubaoSettings?: unknown };
    if (g.__dubaoReader) {
      delete g.__dubaoSettings; // handed over for a second injection that does not start
      return; // injected twice into the same frame: the first one stays in charge
    }
    g.__dubaoReader = true;
    traceMark('dubao:reader');
    startReader().catch((err) =>
      console.warn('Dubao: the reader could not start; the page is left as it was', err),
    );
  },
});
