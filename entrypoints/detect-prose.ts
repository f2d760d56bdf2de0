import { detectDocument } from '../lib/dom/detect-document';
import { firstScreenTexts } from '../lib/dom/first-screen';

// The full detector: is this frame's text Chinese prose? Injected by the background (lib/engine's start-up path in
// entrypoints/background/read-page.ts) only into frames whose first look (entrypoints/detector.ts) saw CJK text, so
// its code (the walk, the script tables) is never compiled on the pages that make up most of the web. Its answer is
// the script's value, which executeScript hands back to the background.
// Where it finds Chinese prose, the answer also carries the texts the reader will ask views for first (the blocks
// on and near the screen) and the page's `lang`: the background builds those views while it injects the reader.
export default defineUnlistedScript(() => {
  // The reader already runs here (injected meanwhile, by hand or by an earlier look): nothing to decide.
  if ((globalThis as { __dubaoReader?: boolean }).__dubaoReader) return null;
  const { chinese, script, hanChars, blocks } = detectDocument(document, { seenCjk: true });
  if (!chinese) return { chinese, script, hanChars, blocks };
  const first = firstScreenTexts(document.body ?? document.documentElement);
  return { chinese, script, hanChars, blocks, first, lang: document.documentElement.getAttribute('lang') };
});
