// The panel's export actions: the report as JSON and as W3C Web Annotations
// (JSON-LD), downloaded by the browser, with nothing added to the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveAndLaunch, openPage } from './browser.mjs';

const env = serveAndLaunch();

/** Clicks an export button as the reader would (trusted input). */
async function download(page, action) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-action="${action}"]`).locator('visible=true').first().click(),
  ]);
  return { name: dl.suggestedFilename(), body: JSON.parse(fs.readFileSync(await dl.path(), 'utf8')) };
}

/** The same click dispatched by page script: it must not start a download. */
async function scriptedClickDownloads(page, action) {
  let started = false;
  const seen = () => { started = true; };
  page.on('download', seen);
  await page.evaluate((a) => {
    for (const h of document.querySelectorAll('.presslens-ui')) h.shadowRoot?.querySelector(`[data-action="${a}"]`)?.click();
  }, action);
  await page.waitForTimeout(500);
  page.off('download', seen);
  return started;
}

test('the panel downloads the report as JSON and as Web Annotations', async () => {
  const page = await env.browser.newPage({ acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // A query and a fragment (a session id, a search) stay out of the export.
  await page.goto(`${env.base}index.html?session=s3cr3t#para-4`);
  await page.waitForFunction(() => document.documentElement.dataset.presslens === 'ready');
  await page.evaluate(() => window.presslens.current().showPanel(true));
  const { report, text, html } = await page.evaluate(() => ({
    report: window.presslens.report(), text: window.presslens.scope().text, html: document.body.outerHTML,
  }));

  assert.equal(await scriptedClickDownloads(page, 'download-report'), false, 'a page script cannot start a download');
  const json = await download(page, 'download-report');
  assert.equal(json.name, 'presslens-report.json');
  assert.deepEqual(json.body, report);

  const ld = await download(page, 'download-w3c');
  assert.equal(ld.name, 'presslens-annotations.jsonld');
  assert.equal(ld.body['@context'], 'http://www.w3.org/ns/anno.jsonld');
  const mentions = report.parties.reduce((n, p) => n + p.mentions.length, 0);
  assert.equal(ld.body.items.length, report.quotes.length + mentions + report.figures.length);
  const first = ld.body.items[0];
  assert.equal(first.target.source, `${env.base}index.html`);
  const [quoteSel, posSel] = first.target.selector;
  assert.equal(quoteSel.type, 'TextQuoteSelector');
  assert.equal(quoteSel.exact, report.quotes[0].text);
  // Positions count code points: the same slice of the annotated text.
  assert.equal([...text].slice(posSel.start, posSel.end).join(''), quoteSel.exact);

  assert.equal(await page.evaluate(() => document.body.outerHTML), html, 'exporting adds nothing to the page');
  assert.deepEqual(errors, []);
  await page.close();
});
