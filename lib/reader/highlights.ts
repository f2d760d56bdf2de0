import { rangeForRunSpan } from '../dom/pointer';
import type { PageView } from './page-view';

const CATEGORIES = ['slogan', 'policy', 'institution', 'campaign', 'ideology', 'title', 'event', 'place'];

/**
 * Glossary terms in text we leave as it is (no pinyin, original script) are underlined through the CSS Custom
 * Highlight API: ranges over the page's own text, so highlighting alone never changes the DOM. Drawn text is
 * marked on our own elements instead (markTerms).
 */
export class TermHighlights {
  constructor(private page: PageView) {}

  update(on: boolean): void {
    const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
    if (!registry) return;
    for (const c of CATEGORIES) registry.delete(`dubao-term-${c}`);
    if (!on) return;
    const byCategory = new Map<string, Range[]>();
    for (const b of this.page.allBlocks()) {
      // Drawn blocks carry their marks on our own elements (markTerms).
      if (!b.visible || b.rendered) continue;
      for (const span of b.termSpans) {
        const range = rangeForRunSpan(b.run, span.start, span.end);
        if (!range) continue;
        const list = byCategory.get(span.category) ?? [];
        list.push(range);
        byCategory.set(span.category, list);
      }
    }
    for (const [category, ranges] of byCategory)
      registry.set(`dubao-term-${category}`, new Highlight(...ranges));
  }
}
