// Page-side probes shared by the extension, parity and Firefox tests. Each
// is a plain function handed to `page.evaluate` (Playwright or Puppeteer), so
// it may use nothing from this module's scope; `seedPanelAndTooltip` drives
// them from the test side.
import assert from 'node:assert/strict';

/** Selectors of what is not the seed article: nothing may be painted there. */
export const OUTSIDE = 'nav, aside, .sidebar, .ad-slot, #comments, .comments, .pingbacks, header.site-header, footer.site-footer';

/**
 * The painted ranges of each highlight, exactly: the text, and where each
 * range starts and ends (the child-index path of the container from <html>,
 * and the offset), and whether it lies in `outside`.
 */
export function paintedRanges(outside) {
  const pathOf = (node) => {
    const path = [];
    for (let n = node; n && n !== document.documentElement; n = n.parentNode) {
      path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
    }
    return path.join('.');
  };
  const out = {};
  for (const [name, hl] of CSS.highlights) {
    out[name] = [...hl].map((r) => {
      const c = r.commonAncestorContainer;
      const el = c.nodeType === 1 ? c : c.parentElement;
      return {
        text: r.toString(),
        start: `${pathOf(r.startContainer)}:${r.startOffset}`,
        end: `${pathOf(r.endContainer)}:${r.endOffset}`,
        outside: outside ? !!el.closest(outside) : false,
      };
    });
  }
  return out;
}

/** What a page can learn about PressLens before the user turns it on: should be nothing. */
export async function fingerprint(extensionBase) {
  const css = getComputedStyle(document.documentElement);
  const vars = ['--presslens-quote-bg', '--presslens-quote-line', '--presslens-party-line', '--presslens-figure-line']
    .filter((v) => css.getPropertyValue(v).trim() !== '');
  const fetched = [];
  if (extensionBase) {
    for (const f of ['manifest.json', 'content.js', 'settings.js', 'pkg/presslens.js', 'pkg/presslens_bg.wasm', 'pkg/presslens-js.js', 'presslens.css']) {
      try {
        const r = await fetch(new URL(f, extensionBase));
        if (r.ok) fetched.push(f);
      } catch {
        // refused: what we want
      }
    }
  }
  const attrs = [...document.documentElement.attributes].map((a) => a.name).filter((n) => n.startsWith('data-presslens'));
  return {
    vars,
    fetched,
    attrs,
    ui: document.querySelectorAll('[data-presslens-ui], mark.presslens').length,
    highlights: typeof CSS.highlights === 'object' ? CSS.highlights.size : 0,
  };
}

/** The side panel's counts, or null when there is no panel. */
export function panelState() {
  const root = document.querySelector('[data-presslens-ui]')?.shadowRoot;
  const panel = root?.querySelector('.panel');
  const c = root?.querySelector('.panel .counts');
  if (!panel || !c) return null;
  return {
    visible: !panel.hidden && panel.getBoundingClientRect().width > 0,
    quotes: +c.dataset.quotes,
    named: +c.dataset.named,
    anonymous: +c.dataset.anonymous,
    items: root.querySelectorAll('.quotes button[data-span]').length,
  };
}

/** Scrolls the painted party mention reading `text` into view; its centre in viewport pixels. */
export async function partyPoint(text) {
  const r = [...(CSS.highlights.get('presslens-party') ?? [])].find((x) => x.toString() === text);
  if (!r) return null;
  r.startContainer.parentElement.scrollIntoView({ block: 'center' });
  // Let the scroll (which hides tooltips) settle before pointing.
  await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50)));
  const b = r.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
}

/** The tooltip's text, or null while it is hidden. */
export function tooltipText() {
  const t = document.querySelector('[data-presslens-ui]')?.shadowRoot?.querySelector('.tip');
  return t && !t.hidden ? t.textContent : null;
}

/**
 * On the annotated seed page (Playwright or Puppeteer `page`): the side
 * panel is shown with the seed's 9 quotes (6 named speakers, 3 anonymous),
 * and hovering the mention "Blinken" opens a tooltip naming Antony Blinken.
 */
export async function seedPanelAndTooltip(page) {
  const panel = await page.evaluate(panelState);
  assert.ok(panel?.visible, 'the side panel is shown');
  assert.deepEqual([panel.quotes, panel.named, panel.anonymous], [9, 6, 3]);
  const pt = await page.evaluate(partyPoint, 'Blinken');
  assert.ok(pt, 'the mention "Blinken" is painted');
  await page.mouse.move(pt.x, pt.y);
  await page.waitForFunction(tooltipText, { timeout: 5000 });
  assert.match(await page.evaluate(tooltipText), /Antony Blinken/);
}

/**
 * Grows the seed article (`.entry-content`) by cloning its paragraphs until
 * it holds `paragraphs` paragraphs or `chars` characters of text.
 */
export async function growArticle({ chars = 0, paragraphs = 0 }) {
  const body = document.querySelector('.entry-content');
  const paras = [...body.querySelectorAll('p')];
  const frag = document.createDocumentFragment();
  let size = body.textContent.length;
  let n = paras.length;
  const more = () => (paragraphs ? n < paragraphs : size < chars);
  for (let i = 0; more(); i++, n++) {
    const c = paras[i % paras.length].cloneNode(true);
    frag.append(c);
    size += c.textContent.length;
  }
  body.append(frag);
  await new Promise((r) => setTimeout(r, 200));
}

/**
 * One measured pass of `window.presslens` over the page, then clear():
 * the browser's long tasks (longest first), long animation frames
 * (`[duration, rendering]`, longest first), how often a page timer ran
 * meanwhile, the overlay's own longest slice (and its phase) and engine
 * call, the text, quote and mark counts, report()'s time, clear()'s time and
 * its longest task, what is left after it, and (with `undo`) whether the
 * document is exactly as before.
 */
export async function measuredPass({ fallback = false, undo = true }) {
  const before = undo ? document.documentElement.outerHTML : null;
  const long = [];
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); });
  obs.observe({ type: 'longtask' });
  const frames = [];
  const loaf = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')
    ? new PerformanceObserver((l) => {
      for (const e of l.getEntries()) frames.push([e.duration, e.renderStart ? e.startTime + e.duration - e.renderStart : 0]);
    }) : null;
  loaf?.observe({ type: 'long-animation-frame' });
  // A page's own work: a timer chain that runs whenever the event loop is free.
  let ticks = 0;
  let ticking = true;
  const tick = () => { if (ticking) { ticks += 1; setTimeout(tick, 0); } };
  setTimeout(tick, 0);
  const t0 = performance.now();
  const report = await window.presslens.annotate(undefined, { panel: true, fallback, observe: false });
  const ms = performance.now() - t0;
  ticking = false;
  const lens = window.presslens.current();
  const slice = lens.debugProbes().longestSliceMs;
  const phase = lens.debugProbes().longestSlicePhase;
  const engine = lens.debugProbes().longestEngineMs;
  // Entries are reported after their task ends: give the last ones time.
  await new Promise((res) => setTimeout(res, 400));
  obs.disconnect();
  loaf?.disconnect();
  long.sort((a, b) => b - a);
  frames.sort((a, b) => b[0] - a[0]);
  const text = window.presslens.scope().text.length;
  const marks = document.querySelectorAll('mark.presslens').length;
  // report() gives the report the pass resolved to; it is timed.
  const r0 = performance.now();
  window.presslens.report();
  const reportMs = performance.now() - r0;
  // clear() puts <mark>s back in slices: its tasks are measured apart,
  // from a task of its own (the counting above walks the whole page).
  await new Promise((res) => setTimeout(res, 0));
  const clearLong = [];
  const clearObs = new PerformanceObserver((l) => { for (const e of l.getEntries()) clearLong.push(e.duration); });
  clearObs.observe({ type: 'longtask' });
  const c0 = performance.now();
  await window.presslens.clear();
  const clear = performance.now() - c0;
  await new Promise((res) => setTimeout(res, 400));
  clearObs.disconnect();
  const clearSlice = lens.debugProbes().longestSliceMs;
  const clearPhase = lens.debugProbes().longestSlicePhase;
  return {
    text, ms, slice, phase, engine, clear, clearTask: Math.max(0, ...clearLong), clearSlice, clearPhase, reportMs, ticks, marks, quotes: report.quotes.length, long, frames,
    left: CSS.highlights.size, same: undo ? document.documentElement.outerHTML === before : null,
  };
}
