/**
 * Random but reproducible pages for the round-trip test: nested inline tags with attributes, `<br>` inside words,
 * mixed scripts (Simplified, Traditional, English, Arabic, emoji, characters outside the BMP), huge text nodes,
 * comments, empty and whitespace-only text nodes, ruby the page already had, code and inputs. Built node by node
 * with DOM calls, because markup parsing can never produce empty or adjacent text nodes, and real pages (after
 * scripts ran) have both.
 */

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  const next = prng(seed);
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

const SIMPLIFIED = [
  '率先探索建立共同富裕体制机制',
  '银行行长表示，',
  '乡村振兴战略稳步推进。',
  '新质生产力',
  '他们重新发行了这本书，',
  '项目负责人说：“我们要长期坚持。”',
  '会计',
  '数字经济',
  '两个维护',
];
const TRADITIONAL = [
  '銀行業務',
  '臺灣的軟體產業',
  '體制機制',
  '這個項目',
  '香港特別行政區政府表示，',
  '發展',
];
const LATIN = ['WiFi', 'Hello world', ' GDP ', 'the People’s Daily', 'e-mail', '2026年', '3.5%'];
const ARABIC = ['مرحبا بالعالم', 'السلام عليكم', '‏عربي‏'];
const ODD = ['😀', '👨‍👩‍👧', '🇨🇳', '𠮷', '𠀋𡈽', '\u200b', '\u00a0', 'é', 'ｅ', '〇', '・'];
const SPACE = [' ', '\n', '\n   ', '\t', '  \n\t '];

function piece(r: Rng): string {
  const k = r.int(10);
  if (k < 4) return r.pick(SIMPLIFIED);
  if (k < 6) return r.pick(TRADITIONAL);
  if (k < 7) return r.pick(LATIN);
  if (k < 8) return r.pick(ARABIC);
  if (k < 9) return r.pick(ODD);
  return r.pick(SPACE);
}

function text(r: Rng): string {
  let s = '';
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) s += piece(r);
  return s;
}

/** About 20,000 characters of mixed prose in a single text node. */
export function hugeText(r: Rng): string {
  let s = '';
  while (s.length < 20_000) s += r.chance(0.9) ? r.pick(SIMPLIFIED) + r.pick(TRADITIONAL) : piece(r);
  return s;
}

const INLINE = ['b', 'i', 'a', 'span', 'em'] as const;
const BLOCKS = ['p', 'div', 'h2', 'li', 'td', 'blockquote'] as const;

function attributes(r: Rng, el: Element): void {
  if (el.tagName === 'A') el.setAttribute('href', r.pick(['#', 'https://example.com/?a=1&b=2', 'x.html']));
  if (r.chance(0.3)) el.setAttribute('class', r.pick(['hl', 'note red', 'x']));
  if (r.chance(0.2)) el.setAttribute('dir', r.pick(['rtl', 'ltr', 'auto']));
  if (r.chance(0.2)) el.setAttribute('data-k', r.pick(['1', '"quoted"', '<b>', '']));
  if (r.chance(0.1)) el.setAttribute('style', 'color: red');
  if (r.chance(0.1)) el.setAttribute('lang', r.pick(['zh-CN', 'zh-TW', 'ar', 'en']));
}

function inlineContent(doc: Document, r: Rng, parent: Node, depth: number, huge: { left: number }): void {
  const n = 1 + r.int(6);
  for (let i = 0; i < n; i++) {
    const k = r.int(100);
    if (k < 40) parent.appendChild(doc.createTextNode(text(r)));
    else if (k < 44) parent.appendChild(doc.createTextNode(''));
    else if (k < 48) parent.appendChild(doc.createTextNode(r.pick(SPACE)));
    else if (k < 50 && huge.left > 0) {
      huge.left--;
      parent.appendChild(doc.createTextNode(hugeText(r)));
    } else if (k < 58) {
      // A line break inside a word, as print layouts have them: 体制机<br>制.
      parent.appendChild(doc.createTextNode('体制机'));
      parent.appendChild(doc.createElement('br'));
      if (r.chance(0.5)) parent.appendChild(doc.createTextNode(r.pick(SPACE)));
      parent.appendChild(doc.createTextNode('制，'));
    } else if (k < 62) parent.appendChild(doc.createComment(r.pick([' note ', '共同富裕', '', '<b>x</b>'])));
    else if (k < 66) {
      const ruby = doc.createElement('ruby');
      ruby.append(doc.createTextNode('漢'), doc.createElement('rt'));
      ruby.lastChild!.appendChild(doc.createTextNode('hàn'));
      parent.appendChild(ruby);
    } else if (k < 69) {
      const code = doc.createElement('code');
      code.textContent = r.pick(['银行 = bank', 'const 中 = 1;', '']);
      parent.appendChild(code);
    } else if (k < 72) {
      const input = doc.createElement('input');
      input.setAttribute('value', '银行行长');
      parent.appendChild(input);
    } else if (depth < 4) {
      const el = doc.createElement(r.pick(INLINE));
      attributes(r, el);
      parent.appendChild(el);
      inlineContent(doc, r, el, depth + 1, huge);
    } else parent.appendChild(doc.createTextNode(text(r)));
  }
}

/** A page body: blocks of inline content, sometimes nested, sometimes with loose text between blocks. */
export function randomBody(doc: Document, seed: number, opts: { huge: boolean }): void {
  const r = rng(seed);
  const huge = { left: opts.huge ? 1 : 0 };
  const body = doc.body;
  const n = 1 + r.int(5);
  for (let i = 0; i < n; i++) {
    const tag = r.pick(BLOCKS);
    let el: Element;
    if (tag === 'li') {
      const ul = doc.createElement('ul');
      body.appendChild(ul);
      el = ul.appendChild(doc.createElement('li'));
    } else if (tag === 'td') {
      const table = doc.createElement('table');
      const tr = table.appendChild(doc.createElement('tbody')).appendChild(doc.createElement('tr'));
      body.appendChild(table);
      el = tr.appendChild(doc.createElement('td'));
    } else el = body.appendChild(doc.createElement(tag));
    attributes(r, el);
    inlineContent(doc, r, el, 0, huge);
    if (r.chance(0.2)) {
      const inner = el.appendChild(doc.createElement('p'));
      inlineContent(doc, r, inner, 1, huge);
      if (r.chance(0.5)) el.appendChild(doc.createTextNode(text(r)));
    }
    if (r.chance(0.2)) body.appendChild(doc.createTextNode(r.chance(0.5) ? text(r) : r.pick(SPACE)));
  }
  if (opts.huge && huge.left > 0) body.appendChild(doc.createElement('p')).append(hugeText(r));
}
