// make bench-dom, nesting: whether headless Chromium itself survives a page
// nested DEPTH elements deep, without PressLens and with a pass in each
// mode. The nesting is built with appendChild (the HTML parser caps depth
// at 512) around one paragraph of the seed article. Printed, not asserted:
// the renderer's crash is the browser's, not ours (see the README).
//
//   node bench/deep-page.mjs [depth ...]
import { launch, startServer } from '../tests/e2e/browser.mjs';

const depths = process.argv.slice(2).map(Number);
const shapes = [
  { name: 'div', tags: ['div'] },
  { name: 'span', tags: ['span'] },
  { name: 'div/span', tags: ['div', 'span'] },
];

const { server, url: base } = await startServer();
const browser = await launch();

/** One page: the nesting, then (unless `mode` is 'none') a pass; 'ok' or 'renderer crashed'. */
async function run(depth, tags, mode) {
  const page = await browser.newPage();
  let crashed = false;
  page.on('crash', () => { crashed = true; });
  try {
    await page.goto(`${base}shared/seed/article.html`);
    await page.addScriptTag({ type: 'module', content: "import * as pl from '/www/presslens.js'; await pl.load(); window.presslens = pl.presslens;" });
    await page.waitForFunction(() => window.presslens);
    const quotes = await page.evaluate(async ({ depth, tags, mode }) => {
      const body = document.querySelector('.entry-content');
      let cur = body;
      for (let i = 0; i < depth; i++) { const d = document.createElement(tags[i % tags.length]); cur.append(d); cur = d; }
      const p = document.createElement('p');
      p.textContent = '“The deepest paragraph is still read,” said Ann Lee, the mayor of Springfield.';
      cur.append(p);
      // One frame: style and layout of the nested page.
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50)));
      if (mode === 'none') return null;
      const report = await window.presslens.annotate(undefined, { fallback: mode === 'mark', observe: false });
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50)));
      return report.quotes.length;
    }, { depth, tags, mode });
    return quotes === null ? 'ok' : `ok (${quotes} quotes)`;
  } catch (e) {
    return crashed ? 'renderer crashed' : `error: ${String(e).split('\n')[0]}`;
  } finally {
    await page.close().catch(() => {});
  }
}

try {
  for (const depth of depths.length ? depths : [500, 1000, 5000]) {
    for (const { name, tags } of shapes) {
      const out = [];
      for (const mode of ['none', 'highlight', 'mark']) out.push(`${mode === 'none' ? 'without PressLens' : mode}: ${await run(depth, tags, mode)}`);
      console.log(`${depth} nested ${name}: ${out.join('; ')}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
