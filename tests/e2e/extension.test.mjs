// The unpacked extension in Debian's Chromium: the toolbar toggle (through
// the same function the button calls) paints the seed article's quotes, on a
// plain page and on a page whose CSP forbids wasm ('script-src' without
// 'wasm-unsafe-eval'), where the engine runs in the extension's own worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, root, startServer, readGold } from './browser.mjs';

const ext = path.join(root, 'dist', 'extension');
let ctx;
let worker;
const servers = {};

before(async () => {
  assert.ok(fs.existsSync(path.join(ext, 'pkg', 'presslens_bg.wasm')), 'dist/extension is built (make extension)');
  servers.plain = await startServer();
  servers.strict = await startServer({ csp: "script-src 'self'; object-src 'none'" });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-profile-'));
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  [worker] = ctx.serviceWorkers();
  worker ??= await ctx.waitForEvent('serviceworker', { timeout: 15000 });
});

after(async () => {
  await ctx?.close();
  for (const s of Object.values(servers)) s.server.close();
});

async function toggleOn(page) {
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

for (const [name, expectedMode] of [['plain', 'wasm'], ['strict', 'split']]) {
  test(`toggling the extension paints the seed's quotes (${name} CSP)`, async () => {
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${servers[name].url}shared/seed/article.html`);
    const res = await toggleOn(page);
    assert.ok(res?.ok, `toggle answered: ${JSON.stringify(res)?.slice(0, 300)}`);
    assert.equal(res.on, true);
    assert.equal(res.mode, expectedMode, 'wasm in the page where allowed, the split mode under a strict CSP');
    const painted = await page.evaluate(() => [...(CSS.highlights.get('presslens-quote') ?? [])].map((r) => r.toString()));
    assert.equal(painted.length, res.report.quotes.length);
    for (const g of readGold().quotes) {
      assert.ok(painted.some((t) => t.includes(g.text.slice(0, 50))), `painted: ${g.text.slice(0, 50)}`);
    }
    // Toggling again clears everything.
    const off = await worker.evaluate(() => globalThis.presslensToggleActive());
    assert.equal(off.on, false);
    assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
