// Keyboard and screen-reader access (issue 29), the same scenario in
// headless Chromium (playwright-core) and Firefox ESR (puppeteer-core over
// WebDriver BiDi), with trusted key presses only:
// - on the seed page, Alt+Shift+. steps through every annotation in reading
//   order and wraps; each step marks the annotation as current (the
//   `presslens-current` highlight, or `data-presslens-current` on its
//   <mark>s), shows its card, and says it through the one polite live
//   region in words ("Quote 3 of 9, by …, named source: …"); Alt+Shift+,
//   steps back; the <mark> fallback's marks carry the same words
//   (`aria-description`);
// - Alt+Shift+P moves focus into the panel (its title), Escape closes it
//   and gives focus back to what had it; Alt+Shift+H hides and shows the
//   marks; a shortcut typed in a text field is the reader's typing;
// - on a page whose article is not found with confidence, the scope is
//   said, "Pick the article" is reached and pressed by keyboard, the arrow
//   keys move the outline (each block read out), Enter picks it, and focus
//   lands in the panel again; Enter on a page link during pick mode follows
//   the link (it is not swallowed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import { launch, startServer } from './browser.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

let server;
let base;
const browsers = {};

before(async () => {
  ({ server, url: base } = await startServer());
  browsers.chromium = await launch();
  assert.ok(fs.existsSync(FIREFOX), `${FIREFOX} is installed (make setup installs Debian's firefox-esr)`);
  browsers.firefox = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
});

after(async () => {
  await browsers.chromium?.close();
  await browsers.firefox?.close();
  server?.close();
});

/** One page, whichever driver: `evaluate(fn, arg)`, `press(keys)` with keys like 'Alt+Shift+Period'. */
async function openPage(name, url) {
  if (name === 'chromium') {
    const page = await browsers.chromium.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    return {
      evaluate: (fn, arg) => page.evaluate(fn, arg),
      press: (keys) => page.keyboard.press(keys),
      waitFor: (fn, arg) => page.waitForFunction(fn, arg, { timeout: 20000 }),
      close: () => page.close(),
    };
  }
  const page = await browsers.firefox.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url);
  return {
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    press: async (keys) => {
      const parts = keys.split('+');
      const key = parts.pop();
      for (const m of parts) await page.keyboard.down(m);
      await page.keyboard.press(key);
      for (const m of parts.reverse()) await page.keyboard.up(m);
    },
    waitFor: (fn, arg) => page.waitForFunction(fn, { timeout: 20000 }, arg),
    close: () => page.close(),
  };
}

/** Loads PressLens into the page and annotates it (`options` for the Lens). */
async function annotate(page, root, options) {
  await page.evaluate(async ([origin, root, options]) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `${origin}/www/presslens.css`;
    document.head.append(link);
    const { presslens } = await import(`${origin}/www/presslens.js`);
    window.presslens = presslens;
    window.picked = [];
    await presslens.annotate(root ?? undefined, { ...options, onPick: (c) => window.picked.push(c) });
  }, [new URL(base).origin, root ?? null, options ?? {}]);
}

/** What the live region says, what is current, the card, and where focus is. */
function state() {
  const shadow = document.querySelector('[data-presslens-ui]').shadowRoot;
  const live = shadow.querySelectorAll('[aria-live]');
  const hl = CSS.highlights?.get('presslens-current');
  const marks = [...document.querySelectorAll('mark[data-presslens-current]')];
  const current = hl ? [...hl].map((r) => r.toString()).join('') : marks.map((m) => m.textContent).join('');
  const tip = shadow.querySelector('.tip');
  const f = shadow.activeElement;
  return {
    regions: live.length,
    said: live[0]?.textContent ?? '',
    current,
    tip: tip && !tip.hidden ? tip.querySelector('.t')?.textContent : null,
    focusInPanel: !!f && !!f.closest('.panel'),
    focusTag: f ? f.localName : document.activeElement?.localName,
    panelOpen: !!shadow.querySelector('.panel:not([hidden])'),
  };
}

async function said(page, previous) {
  await page.waitFor((prev) => {
    const live = document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('[aria-live]');
    return live && live.textContent && live.textContent !== prev;
  }, previous);
  return page.evaluate(state);
}

async function seedScenario(name) {
  const page = await openPage(name, `${base}shared/seed/article.html`);
  await annotate(page, null, { panel: false });
  const report = await page.evaluate(() => window.presslens.report());
  let s = await page.evaluate(state);
  assert.equal(s.regions, 1, 'one live region');
  assert.match(s.said, /^PressLens: 9 quotes, \d+ parties, \d+ figures\.$/, 'the pass the reader asked for is summed up');

  // Step through everything: every quote is said in order, with its speaker.
  const steps = [];
  for (let i = 0; i < 400; i++) {
    await page.press('Alt+Shift+Period');
    s = await said(page, s.said);
    if (steps.length && s.said === steps[0].said) break;
    steps.push(s);
    // A repeat of the same words (two mentions said alike) still changes the region.
    await page.evaluate(() => { document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('[aria-live]').textContent = ''; });
    s = { said: '' };
  }
  const quotes = steps.filter((x) => x.said.startsWith('Quote '));
  assert.equal(quotes.length, report.quotes.length, 'every quote is reached once before the wrap');
  quotes.forEach((q, i) => {
    const r = report.quotes[i];
    const who = r.speaker ? `, by ${r.speaker.name}` : ', unattributed';
    assert.ok(q.said.startsWith(`Quote ${i + 1} of ${report.quotes.length}${who}`), q.said);
    assert.ok(q.current.length > 0 && r.text.startsWith(q.current.slice(0, 20)), `current is the quote: ${q.current}`);
    assert.equal(q.tip, r.speaker ? r.speaker.name : 'Unattributed quote', 'its card is shown');
  });
  const figures = steps.filter((x) => x.said.startsWith('Figure '));
  assert.equal(figures.length, report.figures.length, 'every figure is reached');
  const exchange = figures.find((f) => /in exchange for/.test(f.said));
  assert.ok(exchange, `a relation is said in words: ${figures.map((f) => f.said).join(' | ')}`);
  const parties = steps.filter((x) => x.said.startsWith('Party: '));
  const mentions = report.parties.reduce((n, p) => n + p.mentions.length, 0);
  assert.ok(parties.length >= mentions * 0.9, `party mentions reached: ${parties.length} of ${mentions}`);
  assert.ok(parties.some((p) => /^Party: Antony Blinken, person, Secretary of State, mention 1 of \d+/.test(p.said)), 'a party with its kind and role');
  for (const x of steps) assert.doesNotMatch(x.said, /[↔×·]/, 'words, not symbols');

  // The loop ended on the wrap, at the first: back from it is the last.
  await page.press('Alt+Shift+Comma');
  s = await said(page, s.said);
  assert.equal(s.said, steps[steps.length - 1].said, 'back from the first is the last');
  await page.press('Alt+Shift+Period');
  s = await said(page, s.said);
  assert.equal(s.said, steps[0].said, 'and forward again the first');

  // The panel by keyboard: focus goes in, Escape closes, focus comes back.
  await page.evaluate(() => { const a = document.querySelector('article a[href]') ?? document.querySelector('a[href]'); a.focus(); window.focusedBefore = a; });
  await page.press('Alt+Shift+KeyP');
  await page.waitFor(() => document.querySelector('[data-presslens-ui]').shadowRoot.activeElement?.localName === 'h2');
  s = await page.evaluate(state);
  assert.ok(s.panelOpen && s.focusInPanel, 'focus is in the open panel');
  await page.press('Tab');
  s = await page.evaluate(state);
  assert.ok(s.focusInPanel, `Tab stays in the panel's controls (${s.focusTag})`);
  await page.press('Escape');
  await page.waitFor(() => document.activeElement === window.focusedBefore);
  s = await page.evaluate(state);
  assert.ok(!s.panelOpen, 'Escape closed the panel');

  // Hide and show every mark.
  await page.press('Alt+Shift+KeyH');
  s = await said(page, s.said);
  assert.equal(s.said, 'PressLens marks hidden');
  assert.equal(await page.evaluate(() => CSS.highlights?.has('presslens-quote') ?? !!document.querySelector('mark.presslens')), false);
  await page.press('Alt+Shift+KeyH');
  s = await said(page, s.said);
  assert.equal(s.said, 'PressLens marks shown');

  // Typing in a field is typing.
  await page.evaluate(() => {
    const i = document.createElement('input');
    i.id = 'typing';
    document.body.prepend(i);
    i.focus();
  });
  await page.press('Alt+Shift+Period');
  await page.press('Alt+Shift+KeyP');
  s = await page.evaluate(state);
  assert.ok(!s.panelOpen, 'no shortcut from a text field');
  await page.evaluate(() => { document.getElementById('typing').remove(); window.presslens.clear(); });
  await page.close();
}

async function pickScenario(name) {
  const page = await openPage(name, `${base}tests/e2e/pages/scope-low.html`);
  await annotate(page, null, { panel: true });
  let s = await page.evaluate(state);
  assert.match(s.said, /Article not found with confidence/, `the scope is said: ${s.said}`);
  const passes = await page.evaluate(() => window.presslens.current().debugProbes().passes);

  // Reach "Pick the article" from the keyboard and press it.
  await page.press('Alt+Shift+KeyP');
  await page.waitFor(() => document.querySelector('[data-presslens-ui]').shadowRoot.activeElement?.localName === 'h2');
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.press('Tab');
    found = await page.evaluate(() => document.querySelector('[data-presslens-ui]').shadowRoot.activeElement?.dataset.action === 'scope-pick');
  }
  assert.ok(found, '"Pick the article" is reached with Tab');
  await page.press('Enter');
  await page.waitFor(() => document.querySelector('[data-presslens-ui]').shadowRoot.activeElement?.classList.contains('picking'));
  s = await page.evaluate(state);
  assert.match(s.said, /^Picking the article\. Outlined: block /, s.said);

  // Enter on a page link follows it, even in pick mode.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = '#followed';
    a.id = 'link';
    a.textContent = 'a link';
    document.body.prepend(a);
    a.focus();
  });
  await page.press('Enter');
  await page.waitFor(() => location.hash === '#followed');
  await page.evaluate(() => { document.getElementById('link').remove(); history.replaceState(null, '', location.pathname); document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.picking').focus(); });

  // The arrows move the outline and say each block; Enter picks it.
  const outline = () => {
    const o = document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.pick');
    return o.hidden ? null : o.getAttribute('style');
  };
  const o0 = await page.evaluate(outline);
  await page.press('ArrowDown');
  s = await said(page, s.said);
  assert.match(s.said, /^block \w+, \d+ words?, starting: /, s.said);
  // Walk to the story's block: from the root, narrower and beside until the outline is `.briefs`.
  const isBriefs = () => {
    const o = document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.pick').getBoundingClientRect();
    const b = document.querySelector('.briefs').getBoundingClientRect();
    return Math.abs(o.top - b.top) <= 1 && Math.abs(o.height - b.height) <= 1 && Math.abs(o.width - b.width) <= 1;
  };
  const keys = ['ArrowUp', 'ArrowUp', 'ArrowUp'];
  for (const k of keys) await page.press(k);
  for (let i = 0; i < 6 && !(await page.evaluate(isBriefs)); i++) {
    await page.press('ArrowDown');
    for (let j = 0; j < 8 && !(await page.evaluate(isBriefs)); j++) await page.press('ArrowRight');
    if (await page.evaluate(isBriefs)) break;
  }
  assert.ok(await page.evaluate(isBriefs), `the arrows reach the story's block (outline moved from ${o0})`);
  await page.press('Enter');
  await page.waitFor((n) => window.presslens.current().debugProbes().passes > n, passes);
  assert.equal(await page.evaluate(() => window.presslens.scope().element.className), 'briefs');
  await page.waitFor(() => /^PressLens: \d+ quotes/.test(document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('[aria-live]').textContent));
  s = await page.evaluate(state);
  assert.ok(s.focusInPanel, `focus is in the panel after the pick (${s.focusTag})`);
  assert.equal((await page.evaluate(() => window.picked)).length, 1);
  await page.evaluate(() => window.presslens.clear());
  await page.close();
}

for (const name of ['chromium', 'firefox']) {
  test(`${name}: the keyboard steps through every annotation, each said in words; panel focus and Escape`, { timeout: 180_000 }, () => seedScenario(name));
  test(`${name}: pick the article by keyboard; Enter on a page link is not swallowed`, { timeout: 120_000 }, () => pickScenario(name));
}

test('chromium, <mark> fallback: each annotation\'s first mark carries its words; the current one is marked', { timeout: 120_000 }, async () => {
  const page = await openPage('chromium', `${base}shared/seed/article.html`);
  await annotate(page, null, { fallback: true });
  const described = await page.evaluate(() => [...document.querySelectorAll('mark.presslens[aria-description]')].map((m) => m.getAttribute('aria-description')));
  const report = await page.evaluate(() => window.presslens.report());
  const quotes = described.filter((d) => /(^|; )Quote, by /.test(d) || /(^|; )Quote, unattributed/.test(d));
  assert.equal(quotes.length, report.quotes.length, `every quote's first mark says it: ${described.slice(0, 5).join(' | ')}`);
  assert.ok(described.some((d) => /Party: Antony Blinken, person, Secretary of State, \d+ mentions/.test(d)), 'parties with kind and role');
  assert.ok(described.some((d) => /Figure: .*in exchange for/.test(d)), 'figures with their relations');
  await page.press('Alt+Shift+Period');
  await page.waitFor(() => document.querySelector('mark[data-presslens-current]'));
  await page.press('Alt+Shift+KeyH');
  await page.waitFor(() => !document.querySelector('mark.presslens'));
  await page.press('Alt+Shift+KeyH');
  await page.waitFor(() => document.querySelectorAll('mark.presslens[aria-description]').length > 10);
  const before = await page.evaluate(() => { window.presslens.clear(); return document.querySelectorAll('mark, [data-presslens-current], [aria-description]').length; });
  assert.equal(before, 0, 'clear leaves nothing');
  await page.close();
});

test('chromium: cards can be hovered, stay while hovered, go with Escape; panel items are named in words', { timeout: 120_000 }, async () => {
  const browser = browsers.chromium;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}shared/seed/article.html`);
  const p = { evaluate: (fn, arg) => page.evaluate(fn, arg) };
  await annotate(p, null, { panel: true });
  const box = await page.evaluate(async () => {
    const r = [...CSS.highlights.get('presslens-party')].find((x) => x.toString() === 'Blinken');
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 100)));
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  const tip = () => page.evaluate(() => {
    const t = document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.tip');
    return t.hidden ? null : t.getBoundingClientRect().toJSON();
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => !document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.tip').hidden);
  const t = await tip();
  // Off the span, across the gap, onto the card, in steps (as a hand moves), then rest there.
  await page.mouse.move(t.left + 20, t.top + 10, { steps: 8 });
  await page.waitForTimeout(700);
  await page.mouse.move(t.left + 30, t.top + 12, { steps: 3 });
  await page.waitForTimeout(100);
  assert.ok(await tip(), 'the card stays while the pointer is on it (WCAG 1.4.13)');
  await page.keyboard.press('Escape');
  assert.equal(await tip(), null, 'Escape dismisses it');
  // Away from both: the card goes once the pointer has been off a moment.
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => !document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.tip').hidden);
  await page.mouse.move(5, 5, { steps: 4 });
  await page.waitForTimeout(500);
  await page.mouse.move(8, 8);
  await page.waitForFunction(() => document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.tip').hidden);

  const names = await page.evaluate(() => [...document.querySelector('[data-presslens-ui]').shadowRoot.querySelectorAll('.panel button.item, .panel h4')].map((b) => b.textContent));
  assert.ok(names.length > 30, `${names.length} panel items`);
  for (const n of names) assert.doesNotMatch(n, /[↔·×]/, `in words: ${n}`);
  assert.ok(names.some((n) => /^Quote 1 of 9, by .+, (named|anonymous) source: /.test(n)), 'quote items say who speaks');
  assert.ok(names.some((n) => /^Party: Antony Blinken.*Secretary of State, \d+ mentions/.test(n)), names.filter((n) => /Blinken/.test(n)).join(' | '));
  await page.evaluate(() => window.presslens.clear());
  await page.close();
});

test('chromium: side by side, the page makes room for the panel; the panel over the page again; clear restores <html>', { timeout: 120_000 }, async () => {
  const page = await browsers.chromium.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}shared/seed/article.html`);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await annotate({ evaluate: (fn, arg) => page.evaluate(fn, arg) }, null, { panel: true });
  const right = () => page.evaluate(() => Math.max(...[...document.querySelectorAll('article p')].map((p) => p.getBoundingClientRect().right)));
  const side = page.locator('[data-presslens-ui] [data-action="side-by-side"]');
  assert.equal(await side.getAttribute('aria-pressed'), 'false');
  const under = await right();
  await side.click();
  assert.equal(await side.getAttribute('aria-pressed'), 'true');
  const beside = await right();
  assert.ok(beside <= 1400 - 340, `the article ends left of the panel (${under} → ${beside})`);
  // Closing the panel gives the page its width back; opening it makes room again.
  await page.locator('[data-presslens-ui] [data-action="close"]').click();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-presslens-panel')), false);
  await page.evaluate(() => window.presslens.current().showPanel(true));
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-presslens-panel')), 'side');
  await side.click();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-presslens-panel')), false);
  await side.click();
  await page.evaluate(() => window.presslens.clear());
  // The page's own outerHTML minus what annotate() added to <head> (the stylesheet link).
  const after = await page.evaluate(() => { document.querySelector('link[href$="/www/presslens.css"]')?.remove(); return document.documentElement.outerHTML; });
  assert.equal(after, before, 'exact undo, <html> attributes included');
  await page.close();
});
