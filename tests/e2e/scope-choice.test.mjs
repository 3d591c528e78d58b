// The reader's choice of article root, in headless Chromium through the page
// API (www/presslens.js): on a page built so that the automatic scope is not
// confident (tests/e2e/pages/scope-low.html: the only paragraph is a photo
// caption, the story a list of short lines), the panel says "Article not
// found with confidence" and offers "Annotate the whole page" and "Pick the
// article". Picking outlines the block under the pointer, Escape cancels, a
// click sets the root and re-annotates, and `onPick` receives a root that a
// later annotate() accepts. Scripted clicks do nothing. On a paywall stub
// (pages/scope-paywall.html) the panel says that only the visible part is
// annotated. Undo stays byte-identical throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch } from './browser.mjs';

const env = serveAndLaunch();

/** Opens a fixture page and annotates it with the panel; `window.picked` collects onPick calls. */
async function open(name, root) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.base}tests/e2e/pages/${name}`);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await page.evaluate(async ([origin, root]) => {
    const { presslens } = await import(`${origin}/www/presslens.js`);
    window.presslens = presslens;
    window.picked = [];
    await presslens.annotate(root, { panel: true, onPick: (choice) => window.picked.push(choice) });
  }, [new URL(env.base).origin, root]);
  return { page, errors, before };
}

/** The scope section of the panel: its lines and button labels. */
function scopeNote() {
  const sec = document.querySelector('[data-presslens-ui]')?.shadowRoot?.querySelector('.panel .scope');
  if (!sec) return null;
  return {
    lines: [...sec.querySelectorAll('p:not(:has(button))')].map((p) => p.textContent),
    buttons: [...sec.querySelectorAll('button')].map((b) => b.textContent),
  };
}

/** Waits until a pass after `n` has completed. */
async function passAfter(page, n) {
  await page.waitForFunction((n) => window.presslens.current().debugProbes().passes > n, n);
}

test('low confidence: the panel says so; "Pick the article" outlines, cancels with Escape, and sets the root on click', async () => {
  const { page, errors, before } = await open('scope-low.html');
  const info = await page.evaluate(() => window.presslens.scope());
  assert.equal(info.confidence.low, true, JSON.stringify(info.confidence));
  assert.deepEqual(await page.evaluate(scopeNote), {
    lines: ['Article not found with confidence'],
    buttons: ['Annotate the whole page', 'Pick the article'],
  });

  // A page script cannot press the panel's buttons.
  await page.evaluate(() => {
    const b = document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('[data-action="scope-pick"]');
    b.click();
  });
  assert.equal((await page.evaluate(scopeNote)).buttons.length, 2, 'a scripted click does not start pick mode');

  await page.locator('[data-action="scope-pick"]').click();
  assert.deepEqual(await page.evaluate(scopeNote), {
    lines: ['Click the block that holds the article, or choose it with the arrow keys (Up: wider, Down: narrower, Left and Right: the blocks beside) and Enter. Escape cancels.'],
    buttons: ['Cancel'],
  });
  // Hovering a line of the story outlines its container block.
  const li = page.locator('.briefs li').nth(2);
  await li.hover();
  const [outline, block] = await page.evaluate(() => {
    const o = document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.pick');
    const r = document.querySelector('.briefs').getBoundingClientRect();
    return [o.hidden ? null : o.getBoundingClientRect().toJSON(), r.toJSON()];
  });
  assert.ok(outline, 'the outline is shown');
  assert.ok(Math.abs(outline.top - block.top) <= 1 && Math.abs(outline.height - block.height) <= 1, `${JSON.stringify(outline)} vs ${JSON.stringify(block)}`);
  await page.keyboard.press('Escape');
  assert.equal((await page.evaluate(scopeNote)).buttons[0], 'Annotate the whole page', 'Escape cancels pick mode');

  await page.locator('[data-action="scope-pick"]').click();
  const passes = await page.evaluate(() => window.presslens.current().debugProbes().passes);
  await li.click();
  await passAfter(page, passes);
  const after = await page.evaluate(() => ({
    root: window.presslens.scope().element.className,
    confidence: window.presslens.scope().confidence,
    text: window.presslens.scope().text,
    picked: window.picked,
    note: (() => {
      const s = document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.panel .scope');
      return s ? s.textContent : null;
    })(),
    quotes: window.presslens.report().quotes.length,
    url: location.href,
  }));
  assert.equal(after.root, 'briefs');
  assert.equal(after.confidence, null, 'a root the reader chose has no detection confidence');
  assert.equal(after.note, null, 'the notice is gone');
  assert.match(after.text, /day 8/);
  assert.ok(after.quotes >= 8, `the story's quotes are annotated (${after.quotes})`);
  assert.ok(!after.url.includes('#'), 'the click on the page did not reach it');
  assert.equal(after.picked.length, 1);
  // The picked root, given back, finds the same block.
  const again = await page.evaluate(async (sel) => {
    await window.presslens.annotate(sel, { panel: true });
    return window.presslens.scope().element.className;
  }, after.picked[0]);
  assert.equal(again, 'briefs');

  await page.evaluate(() => window.presslens.clear());
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'exact undo');
  assert.deepEqual(errors, []);
  await page.close();
});

test('"Annotate the whole page" re-runs with the body as root and reports "page" to onPick', async () => {
  const { page, errors, before } = await open('scope-low.html');
  const passes = await page.evaluate(() => window.presslens.current().debugProbes().passes);
  await page.locator('[data-action="scope-page"]').click();
  await passAfter(page, passes);
  const res = await page.evaluate(() => ({
    root: window.presslens.scope().element.tagName,
    text: window.presslens.scope().text,
    picked: window.picked,
  }));
  assert.equal(res.root, 'BODY');
  assert.match(res.text, /harbour at dawn[\s\S]*day 8/);
  assert.match(res.text, /Back to the top/, 'everything in the body is read');
  assert.deepEqual(res.picked, ['page']);
  const page2 = await page.evaluate(async () => {
    await window.presslens.annotate('page');
    return window.presslens.scope().element.tagName;
  });
  assert.equal(page2, 'BODY', "'page' as root is the whole page");
  await page.evaluate(() => window.presslens.clear());
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'exact undo');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a paywall stub: "Only the visible part is annotated"', async () => {
  const { page, errors, before } = await open('scope-paywall.html');
  const info = await page.evaluate(() => window.presslens.scope());
  assert.equal(info.paywall, 'not-free');
  assert.equal(info.confidence.low, false);
  assert.deepEqual(await page.evaluate(scopeNote), { lines: ['Only the visible part is annotated'], buttons: [] });
  await page.evaluate(() => window.presslens.clear());
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'exact undo');
  assert.deepEqual(errors, []);
  await page.close();
});
