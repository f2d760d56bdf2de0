import { it } from 'vitest';
import { launchWithExtension } from './chromium';
import { serveFolder } from '../../tools/serve';
it('probe', async () => {
  const server = await serveFolder('tests/fixtures/pages');
  const b = await launchWithExtension();
  const page = await b.context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => { if (m.text().startsWith('PROBE')) logs.push(m.text()); });
  await page.goto(`${server.url}/newspaper.html`);
  await page.waitForSelector('dubao-t ruby');
  await page.waitForTimeout(5000);
  const spots = await page.evaluate(() => [...document.querySelectorAll('dubao-t ruby')].slice(0, 120).filter((_, i) => i % 6 === 0).map((r) => { const rg = document.createRange(); rg.setStart(r.firstChild!, 0); rg.setEnd(r.firstChild!, 1); const b = rg.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; }));
  for (const s of spots) { await page.mouse.move(3, 400); await page.waitForTimeout(100); await page.mouse.move(s.x, s.y); await page.waitForTimeout(200); }
  console.log(logs.join('\n'));
  await b.close(); await server.close();
}, 120000);
