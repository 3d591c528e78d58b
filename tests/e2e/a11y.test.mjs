// Accessibility of what PressLens paints and shows (issue 29), in headless
// Chromium: forced colours (the kinds stay apart, nothing vanishes), the
// "current" annotation's style, text contrast of the marks and of the panel
// and tooltip in light and dark schemes, reflow at 320 px, the widget's
// launcher following the panel, and axe-core's WCAG 2.1 A/AA rules (open
// shadow roots included) on every PressLens surface. Violations on the
// page's own nodes are printed, not failed: only PressLens's are ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveAndLaunch, root, artifact } from './browser.mjs';

const env = serveAndLaunch();
const AXE = path.join(root, 'node_modules', 'axe-core', 'axe.min.js');
const WCAG21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDGET_TAG = '<script src="/dist/widget/presslens-widget.js" data-root="article" defer></script>';

/** Opens a page with `media` emulated (forced colours, colour scheme); page errors are collected. */
async function open(url, { viewport = { width: 1280, height: 900 }, media = null } = {}) {
  const page = await env.browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (media) await page.emulateMedia(media);
  await page.goto(url);
  return { page, errors };
}

/** The demo page, annotated with the panel open (it does so on load); `fallback` re-annotates in <mark> mode. */
async function demo({ fallback = false, ...opts } = {}) {
  const r = await open(`${env.base}index.html`, opts);
  await r.page.waitForFunction(() => document.documentElement.dataset.presslens === 'ready');
  if (fallback) await r.page.evaluate(() => window.presslens.annotate(undefined, { fallback: true, observe: false }));
  return r;
}

/** The seed article with the widget's tag, as a site adds it; `dark` gives the host page a dark background. */
async function widgetPage({ dark = false } = {}) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  await page.route('**/shared/seed/article.html', async (route) => {
    const response = await route.fetch();
    const style = dark ? '<style>html,body{background:#121212;color:#ddd} a{color:#8ab4f8}</style>' : '';
    const body = (await response.text()).replace('</body>', `${style}${WIDGET_TAG}\n</body>`);
    await route.fulfill({ response, body });
  });
  await page.goto(`${env.base}shared/seed/article.html`);
  await page.waitForFunction(() => window.presslens && document.querySelector('presslens-launcher'));
  return { page, errors };
}

const launcher = (page) => page.locator('presslens-launcher button');
const pressed = (page) => page.evaluate(() => document.querySelector('presslens-launcher').shadowRoot.querySelector('button').getAttribute('aria-pressed'));
const panelHidden = (page) => page.evaluate(() => document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.panel').hidden);

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on the whole document (open shadow
 * roots included) and fails on any violation whose node is PressLens's: in
 * our shadow host, the widget's launcher, a <mark class="presslens">, or
 * anywhere when `allOurs` (a page of our own). The page's own are printed.
 */
async function axe(page, label, { allOurs = false } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async ({ tags, allOurs }) => {
    const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], elementRef: true });
    const ours = (el) => {
      for (let n = el; n;) {
        if (n.nodeType === 1 && n.matches('.presslens-ui, [data-presslens-ui], presslens-launcher, mark.presslens')) return true;
        n = n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode;
      }
      return false;
    };
    return res.violations.flatMap((v) => v.nodes.map((n) => ({
      ours: allOurs || ours(n.element), rule: v.id, impact: v.impact, target: JSON.stringify(n.target), why: n.failureSummary,
    })));
  }, { tags: WCAG21, allOurs });
  const others = found.filter((v) => !v.ours);
  if (others.length) {
    const shown = others.slice(0, 4).map((v) => `${v.rule} ${v.target}`).join('; ');
    console.log(`${label}: ${others.length} violations on the page's own nodes (not PressLens's): ${shown}${others.length > 4 ? '; …' : ''}`);
  }
  assert.deepEqual(found.filter((v) => v.ours).map(({ rule, target, why }) => `${rule} ${target}: ${why}`), [], `${label}: PressLens's nodes pass axe`);
}

// --- Forced colours ---------------------------------------------------------

/** The pixels of `clip` in a screenshot, decoded by the page (no PNG library needed). */
async function pixels(page, clip) {
  const png = await page.screenshot({ clip });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d');
    ctx.drawImage(bmp, 0, 0);
    return [...ctx.getImageData(0, 0, bmp.width, bmp.height).data];
  }, png.toString('base64'));
}

/** Share of pixels that differ clearly (sum of channel differences over 96) between two captures of one clip. */
function differ(a, b) {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 96) n += 1;
  }
  return n / (a.length / 4);
}

/**
 * One run of unmarked article text, painted in turn as each kind (and as a
 * current quote) with the page's real styles, so that the captures differ by
 * the style alone, not by the glyphs: in highlight mode the run is added to
 * the Lens's own highlights; in <mark> mode a real party mark of the same
 * text takes each kind's class in turn. Returns the captures by name.
 */
async function kindsOnOneRun(page, fallback) {
  const clip = await page.evaluate((fallback) => {
    let node;
    let start = 0;
    let len = 0;
    if (fallback) {
      // A party mark outside quotes whose clip no quote's background
      // reaches (the next line's would paint over its underline).
      const quotes = [...document.querySelectorAll('mark.presslens-quote')].flatMap((q) => [...q.getClientRects()]);
      const m = [...document.querySelectorAll('.entry-content p > mark.presslens-party')].find((x) => {
        if (x.classList.length !== 2 || x.textContent.length < 5) return false;
        const b = x.getBoundingClientRect();
        return !quotes.some((q) => q.left < b.right + 2 && q.right > b.left - 2 && q.top < b.bottom + 8 && q.bottom > b.top - 3);
      });
      m.id = 'a11y-probe';
      node = m.firstChild;
      len = node.data.length;
    } else {
      const w = document.createTreeWalker(document.querySelector('.entry-content'), NodeFilter.SHOW_TEXT);
      while ((node = w.nextNode())) {
        start = node.data.indexOf('remarked before boarding');
        if (start >= 0) break;
      }
      len = 'remarked before boarding'.length;
    }
    const r = new Range();
    r.setStart(node, start);
    r.setEnd(node, start + len);
    window.a11yProbe = r;
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const b = r.getBoundingClientRect();
    return { x: Math.floor(b.left) - 2, y: Math.floor(b.top) - 3, width: Math.ceil(b.width) + 4, height: Math.ceil(b.height) + 10 };
  }, fallback);
  const paint = (as) => page.evaluate(({ as, fallback }) => {
    const r = window.a11yProbe;
    if (fallback) {
      const m = document.getElementById('a11y-probe');
      m.className = as.kind ? `presslens presslens-${as.kind}` : 'presslens'; // 'presslens' alone: no kind, as plain as the page's text
      if (as.current) m.setAttribute('data-presslens-current', ''); else m.removeAttribute('data-presslens-current');
      return;
    }
    for (const k of ['quote', 'party', 'figure']) CSS.highlights.get(`presslens-${k}`).delete(r);
    CSS.highlights.get('presslens-current')?.delete(r);
    if (as.kind) CSS.highlights.get(`presslens-${as.kind}`).add(r);
    if (as.current) {
      // The Lens registers this highlight when the reader moves by keyboard; drawn over the kinds.
      if (!CSS.highlights.has('presslens-current')) {
        const h = new Highlight();
        h.priority = 100;
        CSS.highlights.set('presslens-current', h);
      }
      CSS.highlights.get('presslens-current').add(r);
    }
  }, { as, fallback });
  const shots = {};
  const looks = { plain: {}, quote: { kind: 'quote' }, party: { kind: 'party' }, figure: { kind: 'figure' }, current: { kind: 'quote', current: true } };
  for (const [name, as] of Object.entries(looks)) {
    await paint(as);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    shots[name] = await pixels(page, clip);
  }
  await paint(fallback ? { kind: 'party' } : {});
  return shots;
}

for (const fallback of [false, true]) {
  test(`forced colours, ${fallback ? '<mark> fallback' : 'CSS highlights'}: quotes, parties, figures and the current one render differently from each other and from plain text`, async () => {
    const { page, errors } = await demo({ fallback, media: { forcedColors: 'active' } });
    assert.ok(await page.evaluate(() => matchMedia('(forced-colors: active)').matches));
    const shots = await kindsOnOneRun(page, fallback);
    const names = Object.keys(shots);
    const pairs = [];
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const d = differ(shots[names[i]], shots[names[j]]);
        pairs.push(`${names[i]}/${names[j]} ${(d * 100).toFixed(1)}%`);
        // A dotted against a solid underline under one word is a few percent of the clip.
        assert.ok(d >= 0.01, `${names[i]} and ${names[j]} look alike under forced colours (${(d * 100).toFixed(2)}% of pixels differ)`);
      }
    }
    console.log(`forced colours, ${fallback ? 'marks' : 'highlights'}: pixels that differ: ${pairs.join(', ')}`);
    await page.screenshot({ path: artifact(`a11y-forced-colours${fallback ? '-marks' : ''}.png`) });

    // The panel: share bars keep a visible box, the swatches their kinds' styles.
    const panel = await page.evaluate(() => {
      const ui = document.querySelector('[data-presslens-ui]').shadowRoot;
      const bar = getComputedStyle(ui.querySelector('.panel .bar'));
      const s = (c) => { const x = getComputedStyle(ui.querySelector(`.panel .${c}`)); return `${x.backgroundColor} ${x.textDecorationLine} ${x.textDecorationStyle}`; };
      return {
        canvas: getComputedStyle(ui.querySelector('.panel')).backgroundColor,
        bar: [bar.backgroundColor, bar.borderTopStyle, bar.borderTopColor],
        swatches: [s('sw-q'), s('sw-p'), s('sw-f')],
      };
    });
    assert.notEqual(panel.bar[0], panel.canvas, 'share bars are not Canvas on Canvas');
    assert.equal(panel.bar[1], 'solid', 'share bars keep a border');
    assert.notEqual(panel.bar[2], panel.canvas);
    assert.equal(new Set(panel.swatches).size, 3, `swatches differ: ${panel.swatches.join(' | ')}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the current annotation stands out from its kind in both modes, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const fallback of [false, true]) {
      const { page, errors } = await demo({ fallback, media: { colorScheme } });
      if (colorScheme === 'dark') {
        await page.evaluate(async (fallback) => {
          document.body.style.cssText = 'background:#1e1e1e;color:#c8c8c8';
          await window.presslens.annotate(undefined, { fallback, observe: false });
        }, fallback);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.presslensTheme), 'dark');
      }
      const shots = await kindsOnOneRun(page, fallback);
      const d = differ(shots.quote, shots.current);
      assert.ok(d >= 0.05, `${colorScheme}, ${fallback ? 'marks' : 'highlights'}: the current quote differs from a quote (${(d * 100).toFixed(1)}% of pixels)`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});

// --- Contrast ---------------------------------------------------------------

const rgba = (s) => {
  const m = s.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
  return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
};
const over = ([r, g, b, a], [R, G, B]) => [R + a * (r - R), G + a * (g - G), B + a * (b - B)];
const lum = (c) => {
  const [r, g, b] = c.map((v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

/**
 * Every text in our shadow root that is on screen: its colour against the
 * backgrounds under it (stacked up to the first opaque one), as WCAG
 * computes contrast.
 */
function shadowTexts() {
  const ui = document.querySelector('[data-presslens-ui]').shadowRoot;
  const out = [];
  for (const el of ui.querySelectorAll('*')) {
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('').trim();
    if (!text || el.getClientRects().length === 0 || el.closest('[hidden]')) continue;
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      layers.push(bg);
      if (/^rgb\(/.test(bg)) break;
    }
    out.push({ text: text.slice(0, 30), cls: el.className, color: getComputedStyle(el).color, layers });
  }
  return out;
}

function lowest(texts) {
  return texts.map((t) => {
    const stack = t.layers.map(rgba).filter((c) => c && c[3] > 0).reverse();
    const bg = stack.reduce((under, c) => over(c, under), [255, 255, 255]);
    return { ...t, ratio: ratio(rgba(t.color), bg) };
  }).sort((a, b) => a.ratio - b.ratio);
}

test('contrast: panel, tooltip and scope note texts are at least 4.5:1 in light and dark schemes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, errors } = await demo({ media: { colorScheme } });
    // A tooltip, pinned by a click on a party.
    await page.evaluate(async () => {
      const r = [...CSS.highlights.get('presslens-party')].find((x) => x.toString() === 'Blinken');
      r.startContainer.parentElement.scrollIntoView({ block: 'center' });
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50)));
    });
    const b = await page.evaluate(() => [...CSS.highlights.get('presslens-party')].find((x) => x.toString() === 'Blinken').getBoundingClientRect().toJSON());
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await page.waitForFunction(() => !document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.tip').hidden);
    const texts = lowest(await page.evaluate(shadowTexts));
    assert.ok(texts.some((t) => t.cls === 'sw-q') && texts.some((t) => t.cls === 't'), 'swatches and the tooltip are measured');
    console.log(`${colorScheme} scheme: ${texts.length} PressLens texts, lowest ${texts[0].ratio.toFixed(2)}:1 (${texts[0].cls || 'text'} "${texts[0].text}")`);
    assert.deepEqual(texts.filter((t) => t.ratio < 4.5).map((t) => `${t.cls} "${t.text}" ${t.ratio.toFixed(2)}:1`), [], `${colorScheme} scheme`);
    assert.deepEqual(errors, []);
    await page.close();
  }
  // The low-confidence note has its own background.
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await open(`${env.base}tests/e2e/pages/scope-low.html`, { media: { colorScheme } });
    await page.evaluate(async (origin) => {
      const { presslens } = await import(`${origin}/www/presslens.js`);
      await presslens.annotate(undefined, { panel: true });
    }, new URL(env.base).origin);
    const texts = lowest(await page.evaluate(shadowTexts));
    assert.ok(texts.some((t) => t.text.startsWith('Article not found')), 'the scope note is measured');
    assert.deepEqual(texts.filter((t) => t.ratio < 4.5).map((t) => `${t.cls} "${t.text}" ${t.ratio.toFixed(2)}:1`), [], `scope note, ${colorScheme} scheme`);
    await page.close();
  }
});

// Marks keep the page's text colour: the tints under it (a quote's, stacked
// with a flash or the current annotation's) must keep text at 4.5:1 for the
// palest text they are designed for: #555 on white, #c8c8c8 on #1e1e1e
// (each over 7:1 on its own page). Read from the page's computed highlight
// and mark styles, not from our stylesheet.
test('contrast: text under quote, flash and current tints stays at least 4.5:1 on light and dark pages', async () => {
  const pages = [{ theme: 'light', css: 'color:#555' }, { theme: 'dark', css: 'background:#1e1e1e;color:#c8c8c8' }];
  for (const { theme, css } of pages) {
    const { page, errors } = await demo();
    const m = await page.evaluate(async (css) => {
      document.body.style.cssText = css;
      const links = document.createElement('style');
      links.textContent = '.entry-content a { color: inherit }';
      document.head.append(links);
      const out = { theme: null, highlights: null, marks: null };
      const p = document.querySelector('.entry-content p');
      const pageBg = getComputedStyle(document.body).backgroundColor;
      await window.presslens.annotate();
      out.theme = document.documentElement.dataset.presslensTheme;
      const hl = (n) => getComputedStyle(p, `::highlight(presslens-${n})`).backgroundColor;
      out.highlights = { text: getComputedStyle(p).color, page: pageBg, quote: hl('quote'), flash: hl('flash'), current: hl('current') };
      await window.presslens.annotate(undefined, { fallback: true, observe: false });
      const q = document.querySelector('mark.presslens-quote');
      const s = getComputedStyle(q);
      out.marks = { text: s.color, page: pageBg, quote: s.backgroundColor, current: s.getPropertyValue('--presslens-current-bg').trim() };
      return out;
    }, css);
    assert.equal(m.theme, theme);
    const rows = [];
    for (const [mode, c] of [['highlights', m.highlights], ['marks', m.marks]]) {
      for (const k of ['text', 'quote', 'current']) assert.ok(rgba(c[k]), `${mode}: a ${k} colour is styled (got "${c[k]}")`);
      const page0 = rgba(c.page)[3] === 0 ? [255, 255, 255] : rgba(c.page).slice(0, 3);
      const text = rgba(c.text);
      const quote = over(rgba(c.quote), page0);
      const stacks = { plain: page0, quote, current: over(rgba(c.current), page0), 'quote+current': over(rgba(c.current), quote) };
      if (c.flash) Object.assign(stacks, { flash: over(rgba(c.flash), page0), 'quote+flash': over(rgba(c.flash), quote) });
      for (const [name, bg] of Object.entries(stacks)) rows.push({ mode, name, ratio: ratio(text, bg) });
    }
    console.log(`${theme} page: ${rows.map((r) => `${r.mode} ${r.name} ${r.ratio.toFixed(2)}`).join(', ')}`);
    assert.ok(rows.find((r) => r.name === 'plain').ratio >= 7, 'the page text is the palest designed for');
    assert.deepEqual(rows.filter((r) => r.ratio < 4.5).map((r) => `${r.mode} ${r.name} ${r.ratio.toFixed(2)}:1`), [], `${theme} page`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// --- Reflow -----------------------------------------------------------------

test('320 px wide (400% zoom): the panel is a bottom sheet inside the viewport whose close button stays in view and closes it', async () => {
  const { page, errors } = await demo({ viewport: { width: 320, height: 640 } });
  const geometry = () => page.evaluate(() => {
    const ui = document.querySelector('[data-presslens-ui]').shadowRoot;
    const panel = ui.querySelector('.panel');
    const close = ui.querySelector('[data-action="close"]');
    const c = close.getBoundingClientRect();
    return {
      vw: document.documentElement.clientWidth, vh: innerHeight,
      panel: panel.getBoundingClientRect().toJSON(), close: c.toJSON(),
      scrolls: panel.scrollHeight > panel.clientHeight,
      // What is on top at the button's centre: the button, not a panel item scrolled under it.
      onTop: ui.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2) === close,
    };
  });
  const g = await geometry();
  assert.ok(g.panel.left >= 0 && g.panel.right <= g.vw, `the panel fits horizontally: ${JSON.stringify(g.panel)} in ${g.vw}`);
  assert.ok(g.panel.top > 0 && g.panel.height <= g.vh * 0.6 + 1, `a sheet, the page above it stays visible: ${JSON.stringify(g.panel)}`);
  assert.ok(g.scrolls, 'the sheet scrolls');
  for (const at of ['top', 'bottom']) {
    await page.evaluate((at) => {
      const p = document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.panel');
      p.scrollTop = at === 'top' ? 0 : p.scrollHeight;
    }, at);
    const s = await geometry();
    assert.ok(s.close.left >= 0 && s.close.right <= s.vw && s.close.top >= s.panel.top && s.close.bottom <= s.vh, `close button in view, panel scrolled to the ${at}: ${JSON.stringify(s.close)}`);
    assert.ok(s.onTop, `nothing covers the close button (scrolled to the ${at})`);
  }
  await page.screenshot({ path: artifact('a11y-320px-panel.png') });
  await page.locator('[data-presslens-ui] [data-action="close"]').click();
  assert.ok(await panelHidden(page), 'the close button closes the sheet');
  assert.deepEqual(errors, []);
  await page.close();
});

// --- Widget -----------------------------------------------------------------

test('widget: the launcher is pressed exactly while the panel is open, and reopens a closed panel without a second pass', async () => {
  const { page, errors } = await widgetPage();
  await launcher(page).click();
  await page.waitForFunction(() => document.documentElement.dataset.presslens === 'ready');
  await page.waitForFunction(() => document.querySelector('presslens-launcher').shadowRoot.querySelector('button').getAttribute('aria-pressed') === 'true');
  // The widget's own module instance (same URL), for the Lens's pass count.
  const passes = () => page.evaluate(async () => (await import('/dist/widget/presslens.js')).presslens.current().debugProbes().passes);
  const first = await passes();
  const waitPressed = (v) => page.waitForFunction((v) => document.querySelector('presslens-launcher').shadowRoot.querySelector('button').getAttribute('aria-pressed') === v, v);

  // Escape closes the panel when focus is in it (a panel control, as a keyboard user gets there).
  await page.locator('[data-presslens-ui] .panel button').first().focus();
  await page.keyboard.press('Escape');
  assert.ok(await panelHidden(page), 'Escape closes the panel');
  await waitPressed('false');

  await launcher(page).click();
  await waitPressed('true');
  assert.equal(await panelHidden(page), false, 'the launcher opens the panel again');
  assert.equal(await passes(), first, 'without annotating again');
  assert.ok(await page.evaluate(() => CSS.highlights.get('presslens-quote')?.size > 0), 'the marks stayed');

  await page.locator('[data-presslens-ui] [data-action="close"]').click();
  await waitPressed('false');
  await launcher(page).click();
  await waitPressed('true');
  assert.equal(await passes(), first);

  // Pressed: clears, as before.
  await launcher(page).click();
  await waitPressed('false');
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0, 'cleared');
  assert.equal(await page.evaluate(() => document.querySelector('[data-presslens-ui]')), null);
  assert.equal(await page.evaluate(() => typeof window.presslens.toggle), 'function');
  assert.deepEqual(errors, []);
  await page.close();
});

test('widget by keyboard: Enter on the launcher annotates and moves focus into the panel; Escape gives it back to the launcher', async () => {
  const { page, errors } = await widgetPage();
  await launcher(page).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.dataset.presslens === 'ready');
  const inPanel = () => page.evaluate(() => document.querySelector('[data-presslens-ui]')?.shadowRoot.activeElement?.closest('.panel')?.localName ?? null);
  await page.waitForFunction(() => document.querySelector('[data-presslens-ui]')?.shadowRoot.activeElement?.localName === 'h2');
  assert.equal(await inPanel(), 'div', 'focus is in the panel');
  await page.keyboard.press('Escape');
  const onLauncher = () => page.evaluate(() => document.activeElement?.localName === 'presslens-launcher'
    && document.querySelector('presslens-launcher').shadowRoot.activeElement?.localName === 'button');
  await page.waitForFunction(() => document.querySelector('presslens-launcher').shadowRoot.querySelector('button').getAttribute('aria-pressed') === 'false');
  assert.ok(await onLauncher(), 'focus is back on the launcher');
  // Again from the keyboard: the panel reopens with focus in it, no second pass.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-presslens-ui]')?.shadowRoot.activeElement?.localName === 'h2');
  await page.keyboard.press('Alt+Shift+KeyP');
  assert.ok(await onLauncher(), 'the panel shortcut goes back to the page, to the launcher');
  assert.deepEqual(errors, []);
  await page.close();
});

// --- axe-core ---------------------------------------------------------------

test('axe: the demo annotated with the panel, a tooltip, and <mark> mode, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, errors } = await demo({ media: { colorScheme } });
    await axe(page, `demo, ${colorScheme}, panel open`);
    const b = await page.evaluate(async () => {
      const r = [...CSS.highlights.get('presslens-party')].find((x) => x.toString() === 'Blinken');
      r.startContainer.parentElement.scrollIntoView({ block: 'center' });
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50)));
      return r.getBoundingClientRect().toJSON();
    });
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await page.waitForFunction(() => !document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.tip').hidden);
    await axe(page, `demo, ${colorScheme}, tooltip shown`);
    await page.evaluate(() => window.presslens.annotate(undefined, { fallback: true, observe: false }));
    await axe(page, `demo, ${colorScheme}, <mark> mode`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('axe: the low-confidence scope note and pick mode', async () => {
  const { page, errors } = await open(`${env.base}tests/e2e/pages/scope-low.html`);
  await page.evaluate(async (origin) => {
    const { presslens } = await import(`${origin}/www/presslens.js`);
    window.presslens = presslens;
    await presslens.annotate(undefined, { panel: true });
  }, new URL(env.base).origin);
  assert.equal(await page.evaluate(() => window.presslens.scope().confidence.low), true);
  await axe(page, 'scope note');
  await page.locator('[data-action="scope-pick"]').click();
  await page.locator('.briefs li').nth(2).hover();
  assert.equal(await page.evaluate(() => document.querySelector('[data-presslens-ui]').shadowRoot.querySelector('.pick').hidden), false, 'pick mode outlines a block');
  await axe(page, 'pick mode');
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await page.close();
});

test('axe: the widget on a light and a dark host page, and the extension options page', async () => {
  for (const dark of [false, true]) {
    const { page, errors } = await widgetPage({ dark });
    await axe(page, `widget, ${dark ? 'dark' : 'light'} host, before`);
    await launcher(page).click();
    await page.waitForFunction(() => document.documentElement.dataset.presslens === 'ready');
    await axe(page, `widget, ${dark ? 'dark' : 'light'} host, annotated with the panel`);
    assert.deepEqual(errors, []);
    await page.close();
  }
  // Served statically: chrome.storage is missing, which does not change its markup.
  const { page } = await open(`${env.base}www/extension/options.html`);
  await axe(page, 'extension options page', { allOurs: true });
  await page.close();
});
