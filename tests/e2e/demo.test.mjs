// The demo page in real headless Chromium: the seed article is annotated on
// load, its quotes are painted with the CSS Custom Highlight API, and
// clear() leaves the document exactly as it was.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveAndLaunch, readGold, openPage, artifact, root } from './browser.mjs';

before(() => {
  assert.ok(fs.existsSync(path.join(root, 'www', 'pkg', 'presslens_bg.wasm')), 'www/pkg is built (make wasm)');
});
const env = serveAndLaunch();

/** Reads the report and, for each highlight name, the text of its ranges. */
function painted(page) {
  return page.evaluate(() => {
    const texts = (name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString());
    return {
      report: window.presslens.report(),
      quote: texts('presslens-quote'),
      party: texts('presslens-party'),
      figure: texts('presslens-figure'),
    };
  });
}

test('the demo page annotates the seed article and highlights its quotes', async () => {
  const { page, errors } = await openPage(env.browser, `${env.base}index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.presslens === 'ready');
  const { report, quote, party, figure } = await painted(page);
  const gold = readGold();

  assert.ok(report, 'window.presslens.report() returns the report');
  assert.equal(quote.length, report.quotes.length, 'every reported quote is painted');
  for (const g of gold.quotes) {
    assert.ok(
      quote.some((t) => t.includes(g.text.slice(0, 60))),
      `gold quote is highlighted: ${g.text.slice(0, 60)}…`,
    );
  }
  // Painted ranges read exactly the report's texts, in the page's own text.
  const reported = new Set(report.quotes.map((q) => q.text));
  for (const t of quote) assert.ok(reported.has(t), `painted range matches a reported quote: ${t}`);
  assert.ok(party.length > 0, 'parties are painted');
  assert.ok(figure.length > 0, 'figures are painted');
  assert.ok(!quote.some((t) => t.includes('objective')), 'scare quotes in the comments are not painted');
  await page.screenshot({ path: artifact('demo.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await page.close();
});

test('clear() removes every highlight and leaves the DOM byte-identical', async () => {
  const { page, errors } = await openPage(env.browser, `${env.base}index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.presslens === 'ready');
  const result = await page.evaluate(async () => {
    window.presslens.clear();
    const before = document.documentElement.outerHTML;
    await window.presslens.annotate();
    const during = CSS.highlights.size;
    window.presslens.clear();
    return { same: document.documentElement.outerHTML === before, during, after: CSS.highlights.size };
  });
  assert.ok(result.during >= 1);
  assert.equal(result.after, 0);
  assert.ok(result.same, 'outerHTML identical after clear()');
  assert.deepEqual(errors, []);
  await page.close();
});

test('annotateText works on pasted text with UTF-16 offsets', async () => {
  const { page } = await openPage(env.browser, `${env.base}index.html`);
  await page.waitForFunction(() => window.presslens);
  const r = await page.evaluate(async () => {
    const text = '😀 “We will win this election by a mile,” said Jane Doe.';
    const rep = await window.presslens.annotateText(text);
    const q = rep.quotes[0];
    return { slice: text.slice(q.start, q.end), text: q.text };
  });
  assert.equal(r.slice, r.text);
  assert.ok(r.slice.startsWith('“We will win'));
  await page.close();
});
