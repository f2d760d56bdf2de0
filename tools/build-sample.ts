/**
 * Builds the sample newspaper pages from the printed-page text in tests/fixtures/pages/newspaper-page.zh.txt.
 *
 *   npx tsx tools/build-sample.ts                    writes newspaper.html and newspaper-print.html
 *   npx tsx tools/build-sample.ts --big-chinese N    prints a page with about N Han characters
 *   npx tsx tools/build-sample.ts --big-english N    prints a page with about N bytes of English, no Han
 *
 * The text is an OCR-like extraction: headlines follow the body they belong to, blank lines mark both paragraph
 * ends and column breaks, and every line is a printed line. The layout below says which run of lines is what;
 * the build fails if the text no longer matches it, so no line can be dropped silently.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'pages');
export const SOURCE_PATH = join(PAGES_DIR, 'newspaper-page.zh.txt');

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// ---------------------------------------------------------------------------------------------------------------
// The page as data

type HeadRole = 'kicker' | 'headline' | 'subtitle' | 'byline';

interface Paragraph {
  kind: 'p' | 'subhead' | 'lede' | 'note';
  /** The printed lines, trimmed, in order. */
  lines: string[];
}

interface Story {
  id: string;
  head: Partial<Record<HeadRole, string[]>>;
  paragraphs: Paragraph[];
}

interface Section {
  pinyin: string;
  title: string;
  stories: Story[];
}

export interface NewspaperPage {
  lead: Story;
  sections: Section[];
}

/** Contiguous runs of source lines, in source order, each found by the start of its first line. */
const PIECES: { id: string; start: string }[] = [
  { id: 'section-xiaoxi', start: 'Xiao xi lian xian' },
  { id: 'section-dangqi', start: 'Dang qi zai wo xin zhong' },
  { id: 'a1-body', start: '“要想富，先修路。”' },
  { id: 'a1-head', start: '修好先富带后富的' },
  { id: 'a2-body', start: '“马哥，' },
  { id: 'a2-head', start: '扎根黄土瓜更甜' },
  { id: 'a3-body', start: '■■“科技+党建”' },
  { id: 'a3-head', start: '让党旗在互联网企业高高飘扬' },
  { id: 'section-zhenxing', start: 'Zhen xing wei guang' },
  { id: 'a3-lede', start: '现如今，互联网行业' },
  { id: 'a4-body', start: '本报讯（朱陈' },
  { id: 'a4-head', start: '贵州遵义：' },
  { id: 'a5-body', start: '本报讯 （记者 刘艳）' },
  { id: 'a5-head', start: '《红色引擎：' },
  { id: 'a6-body', start: '本报讯 日前' },
  { id: 'a6-head', start: '贯彻落实习近平总书记在桂考察' },
];

interface StoryLayout {
  id: string;
  head: HeadRole[];
  lede?: string;
}

/** Where each piece goes: the commentary leads the page, then one section per printed section heading. */
const LAYOUT: { lead: StoryLayout; sections: { heading: string; stories: StoryLayout[] }[] } = {
  lead: { id: 'a1', head: ['headline', 'byline'] },
  sections: [
    {
      heading: 'section-dangqi',
      stories: [{ id: 'a3', head: ['headline', 'subtitle', 'byline'], lede: 'a3-lede' }],
    },
    {
      heading: 'section-zhenxing',
      stories: [
        { id: 'a2', head: ['headline', 'byline'] },
        { id: 'a4', head: ['headline'] },
      ],
    },
    {
      heading: 'section-xiaoxi',
      stories: [
        { id: 'a5', head: ['headline', 'headline'] },
        { id: 'a6', head: ['kicker', 'headline'] },
      ],
    },
  ],
};

function splitPieces(text: string): Map<string, string[]> {
  const lines = text.split(/\r?\n/);
  const starts: number[] = [];
  let from = 0;
  for (const piece of PIECES) {
    let i = from;
    while (i < lines.length && !lines[i].trim().startsWith(piece.start)) i++;
    if (i === lines.length) throw new Error(`newspaper text: no line starts with "${piece.start}"`);
    starts.push(i);
    from = i + 1;
  }
  if (lines.slice(0, starts[0]).some((l) => l.trim() !== '')) {
    throw new Error('newspaper text: lines before the first known piece');
  }
  const pieces = new Map<string, string[]>();
  PIECES.forEach((piece, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : lines.length;
    pieces.set(
      piece.id,
      lines.slice(starts[k], end).map((l) => l.trim()),
    );
  });
  return pieces;
}

/** Blank-line separated blocks of non-blank lines. */
function blocks(lines: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(line);
  }
  if (cur.length) out.push(cur);
  return out;
}

const SENTENCE_END = /[。！？…][”’」』）)]*$/;

/**
 * Paragraphs of a body. A blank line after a line that stops mid-sentence is a column break, not a paragraph
 * end; a line that ends a sentence followed by one that opens a quotation starts a new paragraph (dialogue).
 */
function paragraphs(lines: string[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of blocks(lines)) {
    if (block[0].startsWith('■■')) {
      out.push({ kind: 'subhead', lines: [block[0].replace(/^■+/, ''), ...block.slice(1)] });
      continue;
    }
    const parts: string[][] = [[]];
    block.forEach((line, i) => {
      if (i > 0 && SENTENCE_END.test(block[i - 1]) && line.startsWith('“')) parts.push([]);
      parts[parts.length - 1].push(line);
    });
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'p' && !SENTENCE_END.test(prev.lines[prev.lines.length - 1])) {
      prev.lines.push(...parts.shift()!);
    }
    for (const part of parts) out.push({ kind: 'p', lines: part });
  }
  for (const p of out) if (p.lines[0].startsWith('（作者系')) p.kind = 'note';
  return out;
}

function nonBlank(lines: string[]): string[] {
  return lines.filter((l) => l !== '');
}

export function parseNewspaper(text: string): NewspaperPage {
  const pieces = splitPieces(text);
  const used = new Set<string>();
  const take = (id: string): string[] => {
    const lines = pieces.get(id);
    if (!lines) throw new Error(`layout names unknown piece ${id}`);
    if (used.has(id)) throw new Error(`layout uses piece ${id} twice`);
    used.add(id);
    return lines;
  };
  const story = (layout: StoryLayout): Story => {
    const headLines = nonBlank(take(`${layout.id}-head`));
    if (headLines.length !== layout.head.length) {
      throw new Error(`${layout.id}: expected ${layout.head.length} head lines, found ${headLines.length}`);
    }
    const head: Story['head'] = {};
    layout.head.forEach((role, i) => (head[role] ??= []).push(headLines[i]));
    const lede: Paragraph[] = layout.lede
      ? paragraphs(take(layout.lede)).map((p) => ({ ...p, kind: 'lede' }))
      : [];
    return { id: layout.id, head, paragraphs: [...lede, ...paragraphs(take(`${layout.id}-body`))] };
  };
  const page: NewspaperPage = {
    lead: story(LAYOUT.lead),
    sections: LAYOUT.sections.map((s) => {
      const [pinyin, title, ...rest] = nonBlank(take(s.heading));
      if (!pinyin || !title || rest.length)
        throw new Error(`${s.heading}: expected a pinyin line and a title`);
      // Print spaces out the first, larger character of a section title ("消 息连线").
      return { pinyin, title: title.replace(/\s+/g, ''), stories: s.stories.map(story) };
    }),
  };
  const unused = PIECES.filter((p) => !used.has(p.id)).map((p) => p.id);
  if (unused.length) throw new Error(`layout leaves out ${unused.join(', ')}`);
  return page;
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

const STYLE = `
  :root { --ink: #1d1b18; --paper: #f6f1e4; --rule: #8c8475; --red: #b3121b; }
  * { box-sizing: border-box; }
  html { background: #d9d3c3; }
  body {
    margin: 0 auto; max-width: 1240px; padding: 28px 36px 48px; background: var(--paper); color: var(--ink);
    font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun", "WenQuanYi Micro Hei",
      "Noto Sans CJK SC", serif;
    font-size: 15px; line-height: 1.75; box-shadow: 0 0 18px rgba(0, 0, 0, 0.25);
  }
  .masthead { text-align: center; border-bottom: 4px double var(--ink); padding-bottom: 6px; }
  .masthead .ears { display: flex; justify-content: space-between; font-size: 12px; color: #4d473d; }
  .masthead h1 {
    margin: 0; font-size: 76px; line-height: 1.1; letter-spacing: 0.3em; color: var(--red); font-weight: 900;
  }
  .masthead .motto { margin: 2px 0 0; font-size: 13px; letter-spacing: 0.2em; }
  .dateline {
    display: flex; justify-content: space-between; font-size: 13px; padding: 4px 2px;
    border-bottom: 1px solid var(--ink); margin-bottom: 18px;
  }
  .section { border-top: 3px solid var(--ink); margin-top: 26px; padding-top: 8px; }
  .section-head { display: flex; align-items: baseline; gap: 14px; margin-bottom: 4px; }
  .section-head .py {
    margin: 0; font: italic 12px/1 Georgia, "DejaVu Serif", serif; color: var(--red);
    letter-spacing: 0.08em;
  }
  .section-head h2 {
    margin: 0; font-size: 22px; padding: 0 10px; background: var(--ink); color: var(--paper);
    letter-spacing: 0.15em;
  }
  .section-head .py-block { display: flex; flex-direction: column; }
  .story { padding: 10px 0 14px; }
  .story + .story { border-top: 1px solid var(--rule); }
  .story header { margin-bottom: 8px; }
  .kicker { margin: 0; font-size: 15px; color: #4d473d; }
  .headline { margin: 2px 0; font-size: 30px; line-height: 1.3; font-weight: 900; }
  .lead .headline { font-size: 40px; text-align: center; }
  .subtitle { margin: 0; font-size: 18px; }
  .byline { margin: 4px 0 0; font-size: 13px; color: #4d473d; }
  .lead header { text-align: center; border-bottom: 1px solid var(--rule); padding-bottom: 6px; }
  .body {
    columns: 4 15em; column-gap: 26px; column-rule: 1px solid #c5bca8; text-align: justify;
  }
  .lead .body { columns: 5 14em; }
  .body p { margin: 0 0 0.2em; text-indent: 2em; }
  .body p.lede { font-weight: bold; font-size: 16px; text-indent: 2em; }
  .body p.note { font-size: 13px; color: #4d473d; text-indent: 0; }
  .body h4 {
    margin: 0.6em 0 0.4em; font-size: 17px; line-height: 1.4; padding: 4px 6px; border-top: 2px solid var(--ink);
    border-bottom: 1px solid var(--ink); break-after: avoid;
  }
  .body h4::before { content: "■"; color: var(--red); margin-right: 0.3em; }
  .stories-2 { display: grid; grid-template-columns: 3fr 2fr; gap: 0 28px; }
  .stories-2 .story { border-top: none; }
  .stories-2 .story + .story { border-left: 1px solid var(--rule); padding-left: 24px; }
  .stories-2 .story + .story .body { columns: 2 14em; }
  footer.imprint { margin-top: 24px; border-top: 1px solid var(--ink); font-size: 12px; color: #4d473d; }
`;

const PRINT_STYLE = `
  .body { columns: 4 16em; }
  .lead .body { columns: 4 16em; }
  .body p, .body p.lede { text-indent: 0; text-align: left; }
  .ln { white-space: nowrap; }
`;

/** Lines joined (the clean page) or one `.ln` span per printed line, each followed by a break (the print page). */
function lineHtml(lines: string[], print: boolean): string {
  if (!print) return escapeHtml(lines.join(''));
  return lines.map((l) => `<span class="ln">${escapeHtml(l)}</span><br>`).join('');
}

function storyHtml(story: Story, print: boolean, cls = 'story'): string {
  const { kicker, headline, subtitle, byline } = story.head;
  const head = [
    kicker && `<p class="kicker">${lineHtml(kicker, print)}</p>`,
    headline && `<h3 class="headline">${lineHtml(headline, print)}</h3>`,
    subtitle && `<p class="subtitle">${lineHtml(subtitle, print)}</p>`,
    byline && `<p class="byline">${lineHtml(byline, print)}</p>`,
  ].filter(Boolean);
  const body = story.paragraphs.map((p) =>
    p.kind === 'subhead'
      ? `<h4>${lineHtml(p.lines, print)}</h4>`
      : `<p${p.kind === 'p' ? '' : ` class="${p.kind}"`}>${lineHtml(p.lines, print)}</p>`,
  );
  return [
    `<article class="${cls}" id="${story.id}">`,
    `<header>`,
    ...head,
    `</header>`,
    `<div class="body">`,
    ...body,
    `</div>`,
    `</article>`,
  ].join('\n');
}

export interface NewspaperOptions {
  /** Keep every printed line as its own element, the way PDF text layers and OCR output look. */
  print?: boolean;
}

export function newspaperHtml(text: string, { print = false }: NewspaperOptions = {}): string {
  const page = parseNewspaper(text);
  const sections = page.sections.map((s) => {
    const stories = s.stories.map((st) => storyHtml(st, print)).join('\n');
    return [
      `<section class="section">`,
      `<header class="section-head"><div class="py-block"><p class="py" lang="zh-Latn-pinyin">${escapeHtml(s.pinyin)}</p><h2>${escapeHtml(s.title)}</h2></div></header>`,
      s.stories.length === 2 ? `<div class="stories-2">\n${stories}\n</div>` : stories,
      `</section>`,
    ].join('\n');
  });
  const title = print ? '浙商周刊 · 第7版 民营经济（版面文字）' : '浙商周刊 · 第7版 民营经济';
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}${print ? PRINT_STYLE : ''}</style>`,
    '</head>',
    `<body class="${print ? 'print' : 'clean'}">`,
    '<header class="masthead">',
    '<div class="ears"><span>第 7 版 · 民营经济</span><span>国内统一连续出版物号 CN 33-0000</span></div>',
    '<h1>浙商周刊</h1>',
    '<p class="motto">商道酬信　实业报国</p>',
    '</header>',
    '<div class="dateline"><span>2021年6月25日　星期五</span><span>辛丑年五月十六</span><span>责任编辑：林晓</span></div>',
    '<main>',
    storyHtml(page.lead, print, 'story lead'),
    ...sections,
    '</main>',
    '<footer class="imprint"><p>本版文字取自一张2021年印刷的商业报纸版面，报头与版式为示例。</p></footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Big pages for benches

const HAN = /\p{Script=Han}/gu;

function countHan(s: string): number {
  return s.match(HAN)?.length ?? 0;
}

function pageShell(lang: string, title: string, body: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body { max-width: 46em; margin: 2em auto; font: 16px/1.7 serif; }</style>',
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A page of the newspaper's paragraphs, repeated until it holds at least `chars` Han characters. */
export function bigChinesePage(chars: number, text = readFileSync(SOURCE_PATH, 'utf8')): string {
  const page = parseNewspaper(text);
  const paras = [page.lead, ...page.sections.flatMap((s) => s.stories)].flatMap((st) =>
    st.paragraphs.filter((p) => p.kind !== 'subhead').map((p) => p.lines.join('')),
  );
  const body: string[] = ['<h1>浙商周刊（长页）</h1>'];
  let han = 0;
  for (let i = 0; han < chars; i++) {
    const p = paras[i % paras.length];
    if (i % paras.length === 0) body.push(`<h2>第${i / paras.length + 1}部分</h2>`);
    body.push(`<p>${escapeHtml(p)}</p>`);
    han += countHan(p);
  }
  return pageShell('zh-CN', '浙商周刊（长页）', body);
}

const WORDS = (
  'the of and to in a is that for on with as by at from it was this be are have has an which not but or they ' +
  'market bank council city river school budget report minister growth trade harbour village railway energy ' +
  'price water farmers workers company board season league museum library weather forecast election court ' +
  'hospital bridge road project plan policy rate loan credit export import industry factory rural coastal ' +
  'morning evening weekly annual local national regional public private small large new old early late ' +
  'said announced reported expected agreed opened closed raised lowered approved rejected visited built ' +
  'will would could should may might must can quickly slowly nearly almost again still already only also'
).split(' ');

/** A deterministic pseudo-random source (mulberry32), so the big English page is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An English page of generated paragraphs, at least `bytes` long in UTF-8, with no Han characters. */
export function bigEnglishPage(bytes: number): string {
  const rnd = random(20210625);
  const pick = () => WORDS[Math.floor(rnd() * WORDS.length)];
  const sentence = () => {
    const n = 8 + Math.floor(rnd() * 13);
    const words = Array.from({ length: n }, pick);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(' ')}.`;
  };
  const body: string[] = ['<h1>The Harbour Gazette</h1>'];
  const shell = pageShell('en', 'The Harbour Gazette', []).length;
  let size = shell + body[0].length + 1;
  for (let i = 0; size < bytes; i++) {
    const line =
      i % 12 === 0
        ? `<h2>${sentence().slice(0, -1)}</h2>`
        : `<p>${Array.from({ length: 4 + Math.floor(rnd() * 5) }, sentence).join(' ')}</p>`;
    body.push(line);
    size += line.length + 1;
  }
  return pageShell('en', 'The Harbour Gazette', body);
}

// ---------------------------------------------------------------------------------------------------------------
// Command line

function main(args: string[]): void {
  const size = (flag: string): number | undefined => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const n = Number(args[i + 1]);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number`);
    return n;
  };
  const chinese = size('--big-chinese');
  const english = size('--big-english');
  if (chinese !== undefined) process.stdout.write(bigChinesePage(chinese));
  else if (english !== undefined) process.stdout.write(bigEnglishPage(english));
  else {
    const text = readFileSync(SOURCE_PATH, 'utf8');
    for (const [name, print] of [
      ['newspaper.html', false],
      ['newspaper-print.html', true],
    ] as const) {
      writeFileSync(join(PAGES_DIR, name), newspaperHtml(text, { print }));
      console.error(`wrote ${join('tests/fixtures/pages', name)}`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
