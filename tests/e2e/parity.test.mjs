// The JavaScript build (wasm2js, the fallback where a page's CSP forbids
// wasm) against the wasm build, in Chromium: on the seed page and on Mozilla
// Readability's test pages, each page is served twice, once with a CSP that
// allows wasm and once with `script-src 'self'`, which makes the page API
// fall back. For each page the report, the scope text and every painted
// range (container path and offset, per highlight) must be equal, the panel
// must be there with the same counts, and clear() must restore the page in
// both. On the seed page the panel must be on screen and a tooltip must say
// the same in both.
//
// PRESSLENS_PARITY_PAGES=name,name limits the Readability pages (all by
// default); PRESSLENS_PARITY_PAGES=none runs the seed page only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, startServer, shared, artifact } from './browser.mjs';
import { paintedRanges, panelState, partyPoint, tooltipText } from './page-checks.mjs';

const dir = path.join(shared, 'eval', 'pages', 'readability');
const all = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'source.html'))).sort() : [];
const only = process.env.PRESSLENS_PARITY_PAGES?.split(',');
const pages = only ? all.filter((n) => only.includes(n)) : all;

// Offline and static, as in readability.test.mjs: nothing loads from
// elsewhere; the pages' own (same-origin) scripts do not exist in the saved
// copies. The only difference between the two servers is 'wasm-unsafe-eval'.
const BASE_CSP = "default-src 'self' data: blob: 'unsafe-inline'";
const CSP = {
  wasm: `${BASE_CSP}; script-src 'self' 'wasm-unsafe-eval'`,
  js: `${BASE_CSP}; script-src 'self'`,
};

let browser;
const servers = {};

before(async () => {
  servers.wasm = await startServer({ csp: CSP.wasm });
  servers.js = await startServer({ csp: CSP.js });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) s.server.close();
});

/** Annotates `url` with automatic scope and the panel; everything to compare, then clear() and undo. */
async function observe(page, server, url, { tooltip = null } = {}) {
  await page.goto(`${server.url}${url}`, { waitUntil: 'domcontentloaded', timeout: 30000 });
  const origin = new URL(server.url).origin;
  const run = await page.evaluate(async (o) => {
    const { presslens } = await import(`${o}/www/presslens.js`);
    window.__presslensParity = presslens;
    window.__presslensBefore = document.documentElement.outerHTML;
    const t = performance.now();
    const report = await presslens.annotate(undefined, { panel: true });
    return { mode: presslens.mode(), ms: performance.now() - t, report, text: presslens.scope().text };
  }, origin);
  run.painted = await page.evaluate(paintedRanges, null);
  run.panel = await page.evaluate(panelState);
  if (tooltip) {
    const pt = await page.evaluate(partyPoint, tooltip);
    if (pt) {
      await page.mouse.move(pt.x, pt.y);
      await page.waitForFunction(tooltipText, null, { timeout: 5000 });
      run.tooltip = await page.evaluate(tooltipText);
      await page.mouse.move(0, 0);
    }
  }
  run.undo = await page.evaluate(() => {
    window.__presslensParity.clear();
    return document.documentElement.outerHTML === window.__presslensBefore
      && CSS.highlights.size === 0 && !document.querySelector('[data-presslens-ui], mark.presslens');
  });
  return run;
}

/** Both builds on one page; the differences found, as readable lines. */
async function compare(tabs, url, opts) {
  let w = await observe(tabs.wasm, servers.wasm, url, opts);
  // A page with a CSP of its own that forbids wasm (toc-missing) is seen on
  // the wasm side in a context that bypasses page CSPs.
  if (w.mode === 'js') w = await observe(await tabs.lax(), servers.wasm, url, opts);
  const j = await observe(tabs.js, servers.js, url, opts);
  const diffs = [];
  if (w.mode !== 'wasm') diffs.push(`the wasm side ran ${w.mode}`);
  if (j.mode !== 'js') diffs.push(`the strict side ran ${j.mode}`);
  const same = (what, a, b) => {
    try {
      assert.deepEqual(b, a);
    } catch {
      diffs.push(`${what} differs`);
    }
  };
  same('report', w.report, j.report);
  same('scope text', w.text, j.text);
  same('painted ranges', w.painted, j.painted);
  same('panel', w.panel, j.panel);
  same('tooltip', w.tooltip, j.tooltip);
  if (!w.panel || !j.panel) diffs.push('no panel');
  if (opts?.visible && (!w.panel?.visible || !j.panel?.visible)) diffs.push('panel not shown');
  if (!w.undo || !j.undo) diffs.push(`undo not exact (wasm ${w.undo}, js ${j.undo})`);
  const ranges = Object.values(w.painted).reduce((n, r) => n + r.length, 0);
  return { w, j, diffs, ranges };
}

async function tabs() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ctxs = [ctx];
  const errors = [];
  const open = async (c) => {
    const p = await c.newPage();
    p.on('pageerror', (e) => { if (String(e.stack ?? e).includes('/www/')) errors.push(String(e.stack ?? e)); });
    return p;
  };
  let lax = null;
  const laxTab = async () => {
    if (!lax) {
      const laxCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      ctxs.push(laxCtx);
      lax = await open(laxCtx);
    }
    return lax;
  };
  return { close: () => Promise.all(ctxs.map((c) => c.close())), errors, wasm: await open(ctx), js: await open(ctx), lax: laxTab };
}

test('seed page: the JavaScript build paints what the wasm build paints, tooltips and panel too', async () => {
  const t = await tabs();
  const res = await compare(t, 'shared/seed/article.html', { tooltip: 'Blinken', visible: true });
  await t.close();
  assert.deepEqual(res.diffs, []);
  assert.equal(res.w.report.quotes.length, 9);
  assert.match(res.j.tooltip ?? '', /Antony Blinken/, 'the tooltip of the JavaScript build');
  assert.deepEqual(t.errors, []);
  console.log(`seed: ${res.ranges} ranges, wasm ${Math.round(res.w.ms)} ms, js ${Math.round(res.j.ms)} ms`);
});

test('Readability pages: the JavaScript build equals the wasm build', { skip: pages.length === 0 && 'no Readability pages selected' }, async () => {
  const t = await tabs();
  const rows = [];
  const t0 = Date.now();
  for (const name of pages) {
    const url = `shared/eval/pages/readability/${encodeURIComponent(name)}/source.html`;
    let res;
    try {
      res = await compare(t, url);
    } catch (e) {
      res = { diffs: [`error: ${String(e?.message ?? e).split('\n')[0]}`], ranges: 0 };
    }
    rows.push({ name, ...res });
  }
  await t.close();
  const wasmMs = rows.reduce((n, r) => n + (r.w?.ms ?? 0), 0);
  const jsMs = rows.reduce((n, r) => n + (r.j?.ms ?? 0), 0);
  const lines = rows.map((r) => `${r.name.padEnd(44)} ${String(r.ranges).padStart(5)} ranges  ${r.diffs.length ? r.diffs.join('; ') : 'same'}`);
  lines.push(`${rows.filter((r) => !r.diffs.length).length}/${rows.length} pages identical; annotate() total wasm ${Math.round(wasmMs)} ms, js ${Math.round(jsMs)} ms (${(jsMs / Math.max(wasmMs, 1)).toFixed(1)}x); ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(lines.join('\n'));
  fs.writeFileSync(artifact('parity.txt'), lines.join('\n') + '\n');
  assert.deepEqual(rows.filter((r) => r.diffs.length).map((r) => `${r.name}: ${r.diffs.join('; ')}`), []);
  assert.deepEqual(t.errors, [], 'no page errors from PressLens');
});
