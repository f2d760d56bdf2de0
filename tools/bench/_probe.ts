import { launchWithExtension } from '../../tests/e2e/chromium';
import { serveFolder } from '../serve';
const server = await serveFolder('/work/wt/h17c/tests/fixtures/pages');
const b = await launchWithExtension();
for (let i = 0; i < 2; i++) {
  const p = await b.context.newPage();
  await p.setViewportSize({ width: 1280, height: 900 });
  await p.goto(`${server.url}/newspaper.html`);
  await p.waitForSelector('dubao-t ruby', { timeout: 60000, state: 'attached' });
  const t = Date.now();
  const samples: string[] = [];
  for (let k = 0; k < 6; k++) {
    await p.waitForTimeout(500);
    samples.push(String(await p.evaluate(() => document.querySelectorAll('ruby').length)));
  }
  const r = await p.evaluate(() => {
    const blocks = [...document.querySelectorAll('p,h1,h2,h3,h4')].filter((el) => /\p{Script=Han}/u.test(el.textContent!));
    const drawn = blocks.filter((el) => el.querySelector('ruby'));
    return { blocks: blocks.length, drawn: drawn.length, far: drawn.filter((el) => el.getBoundingClientRect().top > 1500).map((el) => Math.round(el.getBoundingClientRect().top)).slice(0, 20), nodes: document.getElementsByTagName('*').length };
  });
  console.log(Date.now() - t, 'ruby over time', samples.join(','), JSON.stringify(r));
  await p.close();
}
await b.close();
await server.close();
