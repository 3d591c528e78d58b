// The built extension (dist/extension) in Debian's Firefox ESR, installed as
// a temporary add-on over WebDriver BiDi (puppeteer-core's
// installExtension, i.e. BiDi `webExtension.install`; nothing downloads a
// browser). On the seed page, plain and under `script-src 'self'`: nothing
// of PressLens is visible to the page before the toggle; the toggle (the
// message the toolbar button and the shortcut send, sent from the
// extension's own options page) paints the 9 quotes with the wasm build
// (Firefox lets a content script compile wasm whatever the page's CSP),
// nothing outside the article, tooltips and panel; toggling again restores
// the page exactly. The "always on" list, set on the options page, turns it
// on at load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { root, startServer, readGold } from './browser.mjs';
import { OUTSIDE, paintedRanges, fingerprint, seedPanelAndTooltip } from './page-checks.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const ext = path.join(root, 'dist', 'extension');
const ADDON_ID = JSON.parse(fs.readFileSync(path.join(root, 'www', 'extension', 'manifest.json'), 'utf8'))
  .browser_specific_settings.gecko.id;
// The add-on's internal UUID, fixed by a pref so the test knows its pages' URLs.
const UUID = '3f9c2a1e-7d4b-4e8a-9c61-5b2f0d8e4a17';
const extensionBase = `moz-extension://${UUID}/`;

let browser;
let options; // the extension's options page: where toggles are sent from
const servers = {};

before(async () => {
  assert.ok(fs.existsSync(FIREFOX), `${FIREFOX} is installed (make setup installs Debian's firefox-esr)`);
  assert.ok(fs.existsSync(path.join(ext, 'manifest.json')), 'dist/extension is built (make extension)');
  servers.plain = await startServer();
  servers.strict = await startServer({ csp: "script-src 'self'; object-src 'none'" });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Firefox 153+ lets WebDriver open extension pages only with this flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }) },
  });
  assert.equal(await browser.installExtension(ext), ADDON_ID);
  options = await browser.newPage();
  // The navigation to an extension page does not report its end over BiDi;
  // wait for the page's extension API instead.
  await options.goto(`${extensionBase}options.html`, { timeout: 3000 }).catch(() => {});
  await options.waitForFunction(() => typeof browser === 'object' && !!document.getElementById('options'), { timeout: 15000 });
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) s.server.close();
});

/** Sends the toolbar button's toggle to the tab showing `url`; the content script's answer. */
async function toggle(url) {
  let res;
  for (let i = 0; i < 20; i++) {
    res = await options.evaluate(async (u) => {
      const tab = (await browser.tabs.query({})).find((t) => t.url === u);
      if (!tab) return { ok: false, error: `no tab ${u}` };
      try {
        return await browser.tabs.sendMessage(tab.id, { type: 'presslens:toggle' });
      } catch (e) {
        return { ok: false, error: String(e) };
      }
    }, url);
    if (res?.ok) break;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  return res;
}

async function open(url) {
  const page = await browser.newPage();
  const errors = [];
  // Not ours: the saved page's inline scripts refused by the strict CSP, and
  // the probe's fetches of extension files refused by Firefox.
  page.on('pageerror', (e) => { if (!/Content-Security-Policy|Security Error: Content at .* may not load or link to moz-extension:/.test(String(e))) errors.push(String(e)); });
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(url);
  await page.waitForFunction(() => document.readyState === 'complete');
  return { page, errors };
}

/** The checks of an annotated seed page: 9 quotes as gold has them, nothing outside, panel, tooltip. */
async function checkPainted(page, report) {
  const painted = await page.evaluate(paintedRanges, OUTSIDE);
  const quotes = painted['presslens-quote'] ?? [];
  assert.equal(quotes.length, 9);
  assert.equal(report.quotes.length, 9);
  for (const g of readGold().quotes) {
    assert.equal(quotes.filter((q) => q.text.includes(g.text)).length, 1, `painted once: ${g.text.slice(0, 50)}`);
  }
  for (const [kind, ranges] of Object.entries(painted)) {
    assert.deepEqual(ranges.filter((r) => r.outside).map((r) => r.text), [], `no ${kind} in nav, sidebar or comments`);
  }
  assert.equal((painted['presslens-party'] ?? []).length, report.parties.reduce((n, p) => n + p.mentions.length, 0));
  await seedPanelAndTooltip(page);
}

const NOTHING = { vars: [], fetched: [], attrs: [], ui: 0, highlights: 0 };

for (const name of ['plain', 'strict']) {
  test(`Firefox: the extension on the seed page (${name} CSP): wasm, 9 quotes, tooltips, panel, exact undo`, async () => {
    const url = `${servers[name].url}shared/seed/article.html`;
    const { page, errors } = await open(url);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    assert.deepEqual(await page.evaluate(fingerprint, extensionBase), NOTHING, 'nothing of PressLens is visible to the page before the toggle');

    const res = await toggle(url);
    assert.ok(res?.ok, `toggle answered: ${JSON.stringify(res)?.slice(0, 300)}`);
    assert.equal(res.on, true);
    assert.equal(res.mode, 'wasm', 'Firefox compiles wasm in a content script whatever the page CSP');
    await checkPainted(page, res.report);

    const off = await toggle(url);
    assert.equal(off.on, false);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'exact undo');
    assert.deepEqual(await page.evaluate(fingerprint, null), NOTHING, 'nothing left after the toggle off');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('Firefox: a site on the "always on" list is annotated at load', async () => {
  const origin = new URL(servers.strict.url).origin;
  const saved = async (list) => {
    await options.evaluate(async (l) => {
      const form = document.getElementById('options');
      form.elements.alwaysOn.value = l;
      form.requestSubmit();
      await new Promise((ok) => setTimeout(ok, 200));
    }, list);
    return options.evaluate(() => browser.storage.sync.get('alwaysOn'));
  };
  assert.deepEqual((await saved(`${origin}/news`)).alwaysOn, [origin], 'the options page saves the origin');
  const url = `${servers.strict.url}shared/seed/article.html`;
  const { page, errors } = await open(url);
  await page.waitForFunction(() => (CSS.highlights.get('presslens-quote')?.size ?? 0) > 0, { timeout: 20000 });
  const off = await toggle(url);
  assert.equal(off.on, false, `it was on: ${JSON.stringify(off).slice(0, 200)}`);
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
  assert.deepEqual((await saved('')).alwaysOn, []);
  assert.deepEqual(errors, []);
  await page.close();
});
