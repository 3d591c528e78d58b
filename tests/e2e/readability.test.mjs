// Automatic article scope on real pages: every page of Mozilla Readability's
// test suite (../shared/eval/pages/readability/<name>/source.html), in one
// browser, one page after another. For each page: the overlay annotates with
// automatic scope and throws nothing, clear() leaves the HTML byte-identical,
// and the text of the detected scope is compared with the text of
// Readability's expected.html (token F1, printed per page and on average).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveAndLaunch, shared, artifact } from './browser.mjs';
import { tokenF1 } from './tokens.mjs';

const dir = path.join(shared, 'eval', 'pages', 'readability');
const pages = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'source.html'))).sort() : [];
const only = process.env.PRESSLENS_PAGES?.split(',');

// Offline, fast and static: the test server sends a Content-Security-Policy
// that lets the page load nothing from elsewhere (blocked before any request
// is made, so parser-blocking scripts of dead hosts cost nothing) and runs
// none of the saved page's own scripts, inline or remote. The pages are judged
// as the documents they were saved as, the way Readability's own suite parses
// them (no scripts), and a page's timers cannot change its HTML while undo is
// checked (aktualne's did, now and then). PressLens is a same-origin module
// and page.evaluate is not subject to the page's CSP, so the overlay still
// loads its wasm.
const CSP = "default-src 'self' data: blob: 'unsafe-inline' 'wasm-unsafe-eval'; script-src 'self' 'wasm-unsafe-eval'";

const env = serveAndLaunch({ csp: CSP });


test('automatic scope on every Readability test page: no exceptions, exact undo, token F1', { skip: pages.length === 0 && 'no readability pages in ../shared' }, async () => {
  const origin = new URL(env.base).origin;
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // A page with a CSP of its own that forbids wasm gets a second context
  // that bypasses page CSPs (and so loads slower).
  let lax = null;
  const ours = [];
  const open = async (ctx) => {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => { if (String(e.stack ?? e).includes('/www/')) ours.push(String(e.stack ?? e)); });
    return page;
  };
  const page = await open(context);
  const rows = [];
  const t0 = Date.now();
  const visit = async (p, name) => {
    const url = `${env.base}shared/eval/pages/readability/${encodeURIComponent(name)}/source.html`;
    await p.goto(url, { waitUntil: 'domcontentloaded', timeout: 30000 });
    return p.evaluate(async ([origin, expectedUrl]) => {
      const out = { error: null };
      try {
        const { presslens } = await import(`${origin}/www/presslens.js`);
        const before = document.documentElement.outerHTML;
        const t = performance.now();
        const report = await presslens.annotate();
        out.ms = performance.now() - t;
        const scope = presslens.scope();
        out.text = scope.text;
        out.root = scope.element.tagName.toLowerCase() + (scope.element.id ? `#${scope.element.id}` : '')
          + (typeof scope.element.className === 'string' && scope.element.className.trim() ? `.${scope.element.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '');
        out.quotes = report.quotes.length;
        presslens.clear();
        out.same = document.documentElement.outerHTML === before;
        out.left = CSS.highlights.size + document.querySelectorAll('[data-presslens-ui], mark.presslens').length;
      } catch (e) {
        out.error = String(e?.stack ?? e);
      }
      const html = await (await fetch(expectedUrl)).text();
      out.expected = new DOMParser().parseFromString(html, 'text/html').body?.textContent ?? '';
      return out;
    }, [origin, `${env.base}shared/eval/pages/readability/${encodeURIComponent(name)}/expected.html`]);
  };
  for (const name of pages.filter((n) => !only || only.includes(n))) {
    let res = await visit(page, name);
    if (res.error && /Content Security Policy|Content-Security-Policy/.test(res.error)) {
      lax ??= await open(await env.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true }));
      res = await visit(lax, name);
    }
    const f1 = res.error ? 0 : tokenF1(res.text, res.expected);
    rows.push({ name, f1, ...res });
  }
  const avg = rows.reduce((s, r) => s + r.f1, 0) / Math.max(rows.length, 1);
  const lines = rows.map((r) => `${r.name.padEnd(44)} F1 ${r.f1.toFixed(3)}  ${r.error ? 'ERROR' : r.same ? 'undo ok' : 'UNDO DIFFERS'}  ${String(Math.round(r.ms ?? 0)).padStart(5)} ms  ${r.root ?? ''}`);
  lines.push(`average token F1 over ${rows.length} pages: ${avg.toFixed(3)}   (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(lines.join('\n'));
  fs.writeFileSync(artifact('readability-scope.txt'), lines.join('\n') + '\n');
  await context.close();
  await lax?.context().close();

  assert.deepEqual(rows.filter((r) => r.error).map((r) => `${r.name}: ${r.error}`), [], 'no exceptions');
  assert.deepEqual(ours, [], 'no page errors from PressLens');
  assert.deepEqual(rows.filter((r) => !r.same).map((r) => r.name), [], 'undo is byte-identical on every page');
  assert.deepEqual(rows.filter((r) => r.left).map((r) => r.name), [], 'nothing of ours is left after clear()');
  if (!only) assert.ok(avg >= 0.9, `average scope token F1 ${avg.toFixed(3)} ≥ 0.90`);
});
