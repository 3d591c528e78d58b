// The one-tag widget: a news page that adds the script tag gets a launcher
// that annotates its article; a page whose CSP forbids wasm gets the same
// marks from the JavaScript build, a console note saying so, and nothing
// uncaught.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, root, startServer, readGold } from './browser.mjs';

const TAG = '<script src="/dist/widget/presslens-widget.js" data-root="article" data-kinds="quotes,parties,figures" defer></script>';
let browser;
const servers = {};

before(async () => {
  assert.ok(fs.existsSync(path.join(root, 'dist', 'widget', 'pkg', 'presslens_bg.wasm')), 'dist/widget is built (make widget)');
  servers.plain = await startServer();
  servers.strict = await startServer({ csp: "script-src 'self'; object-src 'none'" });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) s.server.close();
});

/** Opens the seed news page with the widget's tag added, as a site would. */
async function openWithWidget(base) {
  const page = await browser.newPage();
  const errors = [];
  const consoleErrors = [];
  const warnings = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.route('**/shared/seed/article.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('</body>', `${TAG}\n</body>`);
    await route.fulfill({ response, body });
  });
  await page.goto(`${base}shared/seed/article.html`);
  await page.waitForFunction(() => window.presslens && document.querySelector('presslens-launcher'));
  return { page, errors, consoleErrors, warnings };
}

test('a page with the widget tag is annotated from its launcher', async () => {
  const { page, errors } = await openWithWidget(servers.plain.url);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await page.locator('presslens-launcher').locator('button').click();
  await page.waitForFunction(() => document.documentElement.dataset.presslens === 'ready');
  const painted = await page.evaluate(() => [...(CSS.highlights.get('presslens-quote') ?? [])].map((r) => r.toString()));
  for (const g of readGold().quotes) {
    assert.ok(painted.some((t) => t.includes(g.text.slice(0, 50))), `painted: ${g.text.slice(0, 50)}`);
  }
  const pressed = await page.locator('presslens-launcher').locator('button').getAttribute('aria-pressed');
  assert.equal(pressed, 'true');
  // The only global the widget adds is window.presslens.
  assert.equal(await page.evaluate(() => typeof window.presslens.toggle), 'function');
  await page.locator('presslens-launcher').locator('button').click();
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
  const after = await page.evaluate(() => document.documentElement.outerHTML.replace(' data-presslens="ready"', ''));
  assert.equal(after, before.replace(' data-presslens="ready"', ''), 'the page is as it was after the launcher clears');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page whose CSP forbids wasm runs the JavaScript build, says so, and paints the same', async () => {
  const marks = async (base) => {
    const { page, errors, consoleErrors, warnings } = await openWithWidget(base);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await page.locator('presslens-launcher').locator('button').click();
    await page.waitForFunction(() => document.documentElement.dataset.presslens === 'ready');
    const painted = await page.evaluate(() => Object.fromEntries([...CSS.highlights].map(([k, h]) => [k, [...h].map((r) => r.toString())])));
    const report = await page.evaluate(() => window.presslens.report());
    await page.locator('presslens-launcher').locator('button').click();
    const after = await page.evaluate(() => document.documentElement.outerHTML.replace(' data-presslens="ready"', ''));
    assert.equal(after, before, 'the page is as it was after the launcher clears');
    await page.close();
    return { painted, report, errors, consoleErrors, warnings };
  };
  const strict = await marks(servers.strict.url);
  assert.ok(
    strict.warnings.some((m) => m.includes('runs its JavaScript build') && m.includes("add 'wasm-unsafe-eval' to the script-src directive")),
    `slower mode and what to add logged; got: ${strict.warnings.join(' | ')}`,
  );
  assert.deepEqual(strict.errors, [], 'nothing uncaught');
  assert.deepEqual(strict.consoleErrors.filter((m) => /PressLens/.test(m)), [], 'no PressLens error in the console');
  assert.equal((strict.painted['presslens-quote'] ?? []).length, 9);
  const plain = await marks(servers.plain.url);
  assert.deepEqual(plain.warnings.filter((m) => /PressLens/.test(m)), [], 'no slower-mode note where wasm runs');
  assert.deepEqual(strict.report, plain.report, 'same report');
  assert.deepEqual(strict.painted, plain.painted, 'same marks');
});
