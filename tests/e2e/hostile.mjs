// The hostile-page trial, for each browser's test file (hostile.test.mjs in
// Chromium, hostile-firefox.test.mjs in Firefox ESR). Every hostile page of
// ../shared/hostile-pages (sab-*.html; issue 28): each redefines one global
// or prototype when its `__SAB()` is called. Here, as
// the pages' README asks, `__SAB()` runs first, then PressLens is imported
// and runs a pass over the article, in highlight mode and in `<mark>` mode;
// then `clear()`. For every page and mode:
//
// - the pass settles within BOUND_MS: it resolves with the same report as on
//   the untouched page (quotes, parties, figures counted) and paints it, or
//   it rejects with an Error whose message starts "presslens:" and names
//   what the page broke;
// - after `clear()` the page's text is byte-identical to the text before the
//   pass, and none of our nodes, marks or attributes is left (the whole
//   document's markup is compared);
// - `__UNSAB()` restores the page.
//
// The page's text and markup are read with getters taken before `__SAB()`,
// so a page that replaces `textContent` cannot hide a difference. Results
// are printed as one line per page and mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { shared } from './browser.mjs';

const dir = path.join(shared, 'hostile-pages');
const pages = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^sab-.*\.html$/.test(f)).sort() : [];

/** How long a pass may take before it counts as never settling (the seed article takes well under a second). */
const BOUND_MS = 8000;

/**
 * In the page: takes pristine helpers, optionally calls `__SAB()`, imports
 * PressLens and runs one pass (bounded by a timer taken before `__SAB()`),
 * clears, and reports what happened. Only built-ins taken before the
 * sabotage are used after it.
 */
async function trialInPage({ fallback, sabotage, bound }) {
  const apply = Reflect.apply;
  const textOf = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').get;
  const htmlOf = Object.getOwnPropertyDescriptor(Element.prototype, 'outerHTML').get;
  const all = Document.prototype.querySelectorAll;
  const timer = setTimeout;
  const now = performance.now.bind(performance);
  const registry = typeof CSS === 'object' && CSS.highlights ? CSS.highlights : null;
  const sizeOf = registry ? Object.getOwnPropertyDescriptor(Highlight.prototype, 'size').get : null;
  const get = registry ? HighlightRegistry.prototype.get : null;
  const text = () => apply(textOf, document.body, []);
  const html = () => apply(htmlOf, document.documentElement, []);
  const count = (sel) => apply(all, document, [sel]).length;
  const ranges = () => {
    const names = ['presslens-quote', 'presslens-party', 'presslens-figure'];
    let n = 0;
    // An index loop: the array iterator may be the page's.
    for (let i = 0; i < names.length; i++) {
      const h = registry ? apply(get, registry, [names[i]]) : undefined;
      if (h) n += apply(sizeOf, h, []);
    }
    return n;
  };
  const before = { text: text(), html: html() };
  if (sabotage) window.__SAB();
  const t0 = now();
  let pl = null;
  const pass = (async () => {
    pl = await import('/www/presslens.js');
    const report = await pl.annotate('article', { fallback });
    if (report === null || typeof report !== 'object') return { kind: 'odd', value: String(report) };
    return {
      kind: 'ok',
      quotes: report.quotes?.length,
      parties: report.parties?.length,
      figures: report.figures?.length,
      firstQuote: report.quotes?.[0]?.text ?? null,
      marks: count('mark.presslens'),
      ranges: ranges(),
      build: pl.mode(),
    };
  })().catch((e) => ({ kind: 'error', isError: e instanceof Error, message: String(e?.message ?? e) }));
  const outcome = await new Promise((resolve) => {
    pass.then(resolve);
    apply(timer, window, [() => resolve({ kind: 'timeout' }), bound]);
  });
  outcome.ms = Math.round(now() - t0);
  let clearError = null;
  try {
    await pl?.clear();
  } catch (e) {
    clearError = String(e?.message ?? e);
  }
  const after = {
    text: text(),
    html: html(),
    marks: count('mark.presslens'),
    ui: count('.presslens-ui'),
    ranges: ranges(),
  };
  if (sabotage) window.__UNSAB();
  return {
    outcome,
    clearError,
    sameText: after.text === before.text,
    textLengths: [before.text.length, after.text.length],
    sameHtml: after.html === before.html,
    left: { marks: after.marks, ui: after.ui, ranges: after.ranges },
  };
}

async function trial(env, file, { fallback, sabotage }) {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${env.base}shared/hostile-pages/${file}`);
    const r = await page.evaluate(trialInPage, { fallback, sabotage, bound: BOUND_MS });
    return { ...r, errors };
  } finally {
    await page.close();
  }
}

/**
 * Registers the two tests (highlight and `<mark>` mode) over every hostile
 * page, in the browser of `env` ({ browser, base }, set before the tests
 * run: Playwright's Chromium or puppeteer's Firefox, whose pages answer
 * `goto`, `evaluate`, `on('pageerror')` and `close` alike); `name` names
 * the browser in the tests' titles.
 */
export function hostileTests(env, name) {
  for (const fallback of [false, true]) {
    const modeName = fallback ? '<mark>' : 'highlight';
    test(`${name}: every hostile page, ${modeName} mode: a correct pass or a clear rejection in bounded time; clear() restores the exact page`, { skip: pages.length === 0 && 'no ../shared/hostile-pages' }, async () => {
      // The untouched page's report and paint are the reference.
      const control = await trial(env, pages[0], { fallback, sabotage: false });
      assert.equal(control.outcome.kind, 'ok', JSON.stringify(control));
      assert.ok(control.outcome.quotes > 0 && control.sameText && control.sameHtml, JSON.stringify(control));
      const failures = [];
      for (const file of pages) {
        const r = await trial(env, file, { fallback, sabotage: true }).catch((e) => ({ outcome: { kind: 'test', message: String(e) }, left: {} }));
        const o = r.outcome;
        const why = [];
        if (o.kind === 'test') why.push(`the check itself failed: ${o.message}`);
        if (o.kind === 'timeout') why.push(`no answer within ${BOUND_MS} ms`);
        if (o.kind === 'odd') why.push(`resolved to ${o.value}`);
        if (o.kind === 'error' && !(o.isError && /^presslens: ./.test(o.message))) why.push(`unclear rejection: ${o.message}`);
        if (o.kind === 'ok') {
          for (const k of ['quotes', 'parties', 'figures', 'firstQuote']) {
            if (o[k] !== control.outcome[k]) why.push(`${k} ${o[k]} instead of ${control.outcome[k]}`);
          }
          if (o.marks + o.ranges === 0) why.push('nothing painted');
          if (fallback && o.marks !== control.outcome.marks) why.push(`${o.marks} marks instead of ${control.outcome.marks}`);
          // Highlight mode paints the control's ranges, or, where the page took the Highlight API away, marks.
          if (!fallback && o.ranges > 0 && o.ranges !== control.outcome.ranges) why.push(`${o.ranges} ranges instead of ${control.outcome.ranges}`);
        }
        if (o.kind !== 'test' && !r.sameText) why.push(`page text changed by the pass and clear(): ${r.textLengths.join(' -> ')} characters`);
        if (o.kind !== 'test' && !r.sameHtml) why.push('page markup changed');
        if (r.left.marks || r.left.ui || r.left.ranges) why.push(`left behind: ${JSON.stringify(r.left)}`);
        if (r.clearError) why.push(`clear() threw: ${r.clearError}`);
        const said = o.kind === 'ok' ? `ok (${o.build}, ${o.quotes} quotes, ${o.marks} marks, ${o.ranges} ranges)` : o.kind === 'error' ? `rejected: ${o.message}` : o.kind;
        console.log(`${modeName.padEnd(9)} ${file.padEnd(34)} ${String(o.ms).padStart(5)} ms  ${why.length ? 'FAIL' : 'pass'}  ${said}${why.length ? `  [${why.join('; ')}]` : ''}`);
        if (why.length) failures.push(`${file}: ${why.join('; ')}`);
      }
      assert.deepEqual(failures, []);
    });
  }
}
