/**
 * Live pages (issue 17, cases 7 and 8): the page's own timer lag while it floods itself with 1,000 paragraphs a
 * second, with the extension and without (the floor, same page, same run); the time until content added after
 * load gets pinyin (a single-page app with no Chinese at load, and a page that had some); the share of samples in
 * which a page rewriting its text every 100 ms shows old and new text together.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser, PlainBrowser } from '../browser';
import { serveFolder, type StaticServer } from '../../serve';
import { log, median, percentile, round } from '../stats';

const SENTENCES = [
  '今天上午，市政府召开新闻发布会，介绍今年城市交通建设的最新进展。',
  '记者从教育部门了解到，全市中小学将在九月一日正式开学。',
  '气象台预计，未来三天本地以多云天气为主，气温稳步回升。',
  '这家工厂引进了新的生产线，产品质量明显提高，订单也越来越多。',
  '农民们在田间忙着收割小麦，今年的收成比去年好了不少。',
  '图书馆延长了开放时间，方便市民在下班以后借书和学习。',
];

const page = (body: string, script: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>live</title></head>` +
  `<body>${body}<script>const s = ${JSON.stringify(SENTENCES)}; const w = window;\n${script}</script></body></html>`;

/** Notes when the first ruby appears inside `#target` (a page script: it runs before any extension script). */
const WATCH_RUBY = `w.__ruby = null; new MutationObserver((_, mo) => {
  if (document.querySelector('#target dubao-t [data-py]')) { w.__ruby = performance.now(); mo.disconnect(); }
}).observe(document, { childList: true, subtree: true });`;

const PAGES = {
  // 10 paragraphs every 10 ms at the top of a feed that keeps its newest 1,500; a 10 ms timer measures its lag.
  '/live/flood.html': page(
    '<div id="feed"></div>',
    `w.__lags = [];
     w.__run = (ms) => new Promise((done) => {
       const feed = document.getElementById('feed');
       let n = 0;
       const end = performance.now() + ms;
       const flood = setInterval(() => {
         for (let k = 0; k < 10; k++) { const p = document.createElement('p'); p.textContent = s[n % s.length] + n++; feed.prepend(p); }
         while (feed.childElementCount > 1500) feed.lastElementChild.remove();
       }, 10);
       let due = performance.now() + 10;
       const probe = () => {
         const now = performance.now();
         w.__lags.push(Math.max(0, now - due));
         if (now > end) { clearInterval(flood); done(w.__lags); return; }
         due = now + 10;
         setTimeout(probe, 10);
       };
       setTimeout(probe, 10);
     });`,
  ),
  // An empty shell at load; its Chinese 500 ms after load.
  '/live/spa.html': page(
    '<div id="target"><p>Loading…</p></div>',
    `${WATCH_RUBY}
     addEventListener('load', () => setTimeout(() => {
       const app = document.getElementById('target'); app.textContent = '';
       for (let i = 0; i < 12; i++) { const p = document.createElement('p'); p.textContent = s[i % s.length]; app.append(p); }
       w.__inserted = performance.now();
     }, 500));`,
  ),
  // Chinese at load; a paragraph added at the top 1.5 s after load.
  '/live/later.html': page(
    `<div id="news">${SENTENCES.map((x) => `<p>${x}</p>`).join('')}</div>`,
    `${WATCH_RUBY}
     addEventListener('load', () => setTimeout(() => {
       const p = document.createElement('p'); p.id = 'target'; p.textContent = s[4] + s[5];
       document.getElementById('news').prepend(p);
       w.__inserted = performance.now();
     }, 1500));`,
  ),
  // A paragraph whose text node is rewritten every 100 ms; what it shows is sampled every frame and every task.
  '/live/rewrite.html': page(
    `<p id="p">${SENTENCES[0]}</p>`,
    `let want = s[0]; w.__samples = 0; w.__stale = 0;
     const sample = () => { w.__samples++; if (document.getElementById('p').textContent !== want) w.__stale++; };
     const frame = () => { sample(); requestAnimationFrame(frame); }; requestAnimationFrame(frame);
     const task = () => { sample(); setTimeout(task, 7); }; task();
     w.__run = (times) => new Promise((done) => {
       let n = 1;
       const t = setInterval(() => {
         want = s[n % s.length] + n; document.getElementById('p').firstChild.data = want; n++;
         if (n > times) { clearInterval(t); done(w.__stale / w.__samples); }
       }, 100);
     });`,
  ),
};

export async function serveLivePages(): Promise<StaticServer> {
  return serveFolder('tests/fixtures/pages', {
    routes: Object.fromEntries(Object.entries(PAGES).map(([k, body]) => [k, { body }])),
  });
}

export interface FloodLag {
  p50: number;
  p99: number;
  max: number;
}

/** The page's 10 ms timer lag over `ms` of the flood, runs pooled. */
export async function measureFloodLag(
  b: ExtensionBrowser | PlainBrowser,
  server: StaticServer,
  runs = 3,
  ms = 5000,
): Promise<FloodLag> {
  const lags: number[] = [];
  for (let i = 0; i < runs; i++) {
    const p = await b.context.newPage();
    await p.goto(`${server.url}/live/flood.html`, { waitUntil: 'load' });
    await p.waitForTimeout(500);
    const run = await p.evaluate(
      (d) => (window as unknown as { __run(ms: number): Promise<number[]> }).__run(d),
      ms,
    );
    log(
      `  run ${i + 1}: ${run.length} ticks, p50 ${percentile(run, 50).toFixed(1)}, p99 ` +
        `${percentile(run, 99).toFixed(1)}, max ${Math.max(...run).toFixed(1)} ms`,
    );
    lags.push(...run);
    await p.close();
  }
  return {
    p50: round(percentile(lags, 50), 1),
    p99: round(percentile(lags, 99), 1),
    max: round(Math.max(...lags), 1),
  };
}

async function sinceInserted(b: ExtensionBrowser, url: string): Promise<number> {
  const p: Page = await b.context.newPage();
  await p.goto(url, { waitUntil: 'load' });
  try {
    await p.waitForFunction(() => (window as unknown as { __ruby: number | null }).__ruby != null, null, {
      timeout: 20_000,
    });
    return await p.evaluate(() => {
      const w = window as unknown as { __ruby: number; __inserted: number };
      return w.__ruby - w.__inserted;
    });
  } finally {
    await p.close();
  }
}

/** Median ms from the page inserting its Chinese to the first ruby in it. */
export async function measureLatePinyin(
  b: ExtensionBrowser,
  server: StaticServer,
  runs = 5,
): Promise<{ spa: number; added: number }> {
  const spa: number[] = [];
  const added: number[] = [];
  for (let i = 0; i < runs; i++) {
    spa.push(await sinceInserted(b, `${server.url}/live/spa.html`));
    added.push(await sinceInserted(b, `${server.url}/live/later.html`));
  }
  log(`  single-page app: ${spa.map((x) => x.toFixed(0)).join(', ')} ms`);
  log(`  added to a page with Chinese: ${added.map((x) => x.toFixed(0)).join(', ')} ms`);
  return { spa: round(median(spa), 0), added: round(median(added), 0) };
}

/** Share of samples (frames and tasks) showing a rewritten paragraph other than as the page last wrote it. */
export async function measureRewriteStale(b: ExtensionBrowser, server: StaticServer): Promise<number> {
  const p = await b.context.newPage();
  await p.goto(`${server.url}/live/rewrite.html`, { waitUntil: 'load' });
  await p.waitForSelector('#p dubao-t [data-py]', { timeout: 20_000, state: 'attached' });
  const share = await p.evaluate(() =>
    (window as unknown as { __run(n: number): Promise<number> }).__run(30),
  );
  await p.close();
  return round(share, 3);
}
