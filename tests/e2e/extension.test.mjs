// The unpacked extension in Debian's Chromium, on the seed page, plain and
// under a CSP that forbids wasm ('script-src' without 'wasm-unsafe-eval'):
// before the toggle the page can learn nothing of PressLens (no CSS
// variables, no attribute, no fetchable extension file); the toolbar toggle
// (through the same function the button calls) runs the Rust DOM layer in
// the content script, as wasm where allowed and as its JavaScript build
// under the strict CSP, with the same report, the seed's 9 quotes, nothing in
// nav, sidebar or comments, tooltips and the panel; toggling again restores
// the page exactly. A root the reader picks in the panel (on a page where
// the scope is not confident) is stored per hostname and used on the next
// visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, root, startServer, readGold } from './browser.mjs';
import { OUTSIDE, paintedRanges, fingerprint, seedPanelAndTooltip } from './page-checks.mjs';

const ext = path.join(root, 'dist', 'extension');
let ctx;
let worker;
let extensionBase;
const servers = {};
const reports = {};

before(async () => {
  assert.ok(fs.existsSync(path.join(ext, 'pkg', 'presslens-js.js')), 'dist/extension is built (make extension)');
  servers.plain = await startServer();
  servers.strict = await startServer({ csp: "script-src 'self'; object-src 'none'" });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-profile-'));
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  [worker] = ctx.serviceWorkers();
  worker ??= await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  extensionBase = new URL('.', worker.url()).href;
});

after(async () => {
  await ctx?.close();
  for (const s of Object.values(servers)) s.server.close();
});

async function toggle(page) {
  await page.bringToFront();
  // The content script is injected at document_idle.
  await page.waitForFunction(() => document.readyState === 'complete');
  let res;
  for (let i = 0; i < 20; i++) {
    res = await worker.evaluate(() => globalThis.presslensToggleActive());
    if (res?.ok) break;
    await page.waitForTimeout(250);
  }
  return res;
}

for (const [name, expectedMode] of [['plain', 'wasm'], ['strict', 'js']]) {
  test(`the extension on the seed page (${name} CSP): ${expectedMode} build, 9 quotes, tooltips, panel, exact undo`, async () => {
    const page = await ctx.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${servers[name].url}shared/seed/article.html`);
    await page.waitForFunction(() => document.readyState === 'complete');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const probe = await page.evaluate(fingerprint, extensionBase);
    assert.deepEqual(probe, { vars: [], fetched: [], attrs: [], ui: 0, highlights: 0 }, 'nothing of PressLens is visible to the page before the toggle');

    const res = await toggle(page);
    assert.ok(res?.ok, `toggle answered: ${JSON.stringify(res)?.slice(0, 300)}`);
    assert.equal(res.on, true);
    assert.equal(res.mode, expectedMode, 'wasm where the page allows it, the JavaScript build under a strict CSP');
    reports[name] = res.report;
    const painted = await page.evaluate(paintedRanges, OUTSIDE);
    const quotes = painted['presslens-quote'] ?? [];
    assert.equal(quotes.length, 9);
    assert.equal(quotes.length, res.report.quotes.length);
    for (const g of readGold().quotes) {
      assert.equal(quotes.filter((q) => q.text.includes(g.text)).length, 1, `painted once: ${g.text.slice(0, 50)}`);
    }
    for (const [kind, ranges] of Object.entries(painted)) {
      assert.deepEqual(ranges.filter((r) => r.outside).map((r) => r.text), [], `no ${kind} in nav, sidebar or comments`);
    }
    assert.equal((painted['presslens-party'] ?? []).length, res.report.parties.reduce((n, p) => n + p.mentions.length, 0));
    assert.equal((painted['presslens-figure'] ?? []).length, res.report.figures.length);

    // The panel and a tooltip, from the same DOM layer.
    await seedPanelAndTooltip(page);

    // Toggling again restores the page exactly, styles included.
    const off = await toggle(page);
    assert.equal(off.on, false);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'exact undo');
    const gone = await page.evaluate(fingerprint, null);
    assert.deepEqual(gone, { vars: [], fetched: [], attrs: [], ui: 0, highlights: 0 }, 'nothing left after the toggle off');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the strict-CSP page gets the same report as the plain one', { skip: !reports && 'runs after the two above' }, () => {
  assert.ok(reports.plain && reports.strict, 'both pages were annotated');
  assert.deepEqual(reports.strict, reports.plain);
});

test('the extension remembers the article the reader picked on a site and applies it on the next visit', async () => {
  const page = await ctx.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = `${servers.plain.url}tests/e2e/pages/scope-low.html`;
  await page.goto(url);
  const note = () => document.querySelector('[data-presslens-ui]')?.shadowRoot?.querySelector('.panel .scope')?.textContent ?? null;
  const quotes = () => [...(CSS.highlights.get('presslens-quote') ?? [])].map((r) => r.toString());
  assert.ok((await toggle(page))?.ok);
  assert.match(await page.evaluate(note), /Article not found with confidence/);
  await page.locator('[data-action="scope-pick"]').click();
  await page.locator('.briefs li').nth(1).click();
  await page.waitForFunction(() => (CSS.highlights.get('presslens-quote')?.size ?? 0) >= 8);
  // The choice travels to the background and into storage on its own.
  let roots;
  for (let i = 0; i < 40 && !roots; i++) {
    ({ roots } = await worker.evaluate(() => chrome.storage.local.get('roots')));
    if (!roots) await page.waitForTimeout(50);
  }
  const host = new URL(url).hostname;
  assert.deepEqual(Object.keys(roots), [host]);
  assert.equal(await page.evaluate((sel) => document.querySelector(sel)?.className, roots[host]), 'briefs');
  assert.equal((await toggle(page)).on, false);

  // Next visit: the remembered root, no notice.
  await page.goto(url);
  assert.ok((await toggle(page))?.ok);
  assert.equal(await page.evaluate(note), null);
  assert.ok((await page.evaluate(quotes)).some((q) => q.includes('day 8')));
  assert.equal((await toggle(page)).on, false);
  await worker.evaluate(() => chrome.storage.local.remove('roots'));
  assert.deepEqual(errors, []);
  await page.close();
});
