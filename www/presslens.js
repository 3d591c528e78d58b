// PressLens page API: the one JavaScript core over the Lens of the Rust DOM
// layer. Logic lives in Rust (crates/presslens-web); this file only loads the
// engine and names things. The demo and the widget import it as an ES
// module, the npm package re-exports it (index.js adds Node.js loading), and
// the extension injects it bundled as a classic script (esbuild, in
// scripts/build-extension.sh) that sets `globalThis.presslens`.
//
//   await presslens.load(source?)        loads the engine (annotate() does it)
//   await presslens.annotate(root?, options?) → report   (paints the page)
//   presslens.report()  → the last report, or null
//   presslens.scope()   → { element, text, confidence, paywall }: the article
//                         root, the exact text that was annotated (report
//                         offsets index it), and Lens.scopeInfo()
//   await presslens.clear() → removes everything; the DOM is as it was when it
//                         resolves (at once, unless many <mark>s go back in
//                         slices); where a page script keeps some of it in
//                         place it rejects saying what is left, and the next
//                         clear() tries again
//   await presslens.annotateText(text) → report          (no page involved)
//   await presslens.toWebAnnotations(report, text, source?) → W3C Web Annotations
//   presslens.mode()    → 'wasm', 'js' (see below), or null before load()
//
// `<html data-presslens="ready">` is set after each pass (the first, and
// each re-annotation of late content) and removed again by clear().
//
// Where the page's Content-Security-Policy forbids compiling WebAssembly (no
// 'wasm-unsafe-eval' in script-src), load() switches to the JavaScript build
// of the same Rust code (pkg/js, translated by binaryen's wasm2js): the same
// engine and DOM layer, so the same report and marks, only slower and larger.
//
// Where the page has no WebAssembly at all (a page script deleted it), the
// JavaScript build runs too. Where the page broke a built-in that the
// bindings themselves need before any Rust runs (see brokenBuiltin), load()
// rejects naming it: the bindings are imported only by load(), so importing
// this module never fails on such a page.
//
// Lower level: `Lens` (the build in use's class, set by load()), including
// the split API `lens.collect()` → text and `lens.paint(report)` for a report
// made by an engine elsewhere; `renderArticle(container, input)` renders
// pasted text or HTML safely.

/** The Lens class of the build in use (a live binding, set by load()). */
export let Lens = null;

let ready = null;
let lens = null;
let engine = null; // the build in use: the wasm module or the JavaScript build
let running = null; // 'wasm' | 'js'

/** True when `e` is the browser refusing to compile wasm here (the page's CSP). */
export function wasmRefused(e) {
  return (typeof WebAssembly === 'object' && e instanceof WebAssembly.CompileError)
    || e instanceof EvalError
    || /Content Security Policy|wasm-unsafe-eval|unsafe-eval/i.test(String(e?.message ?? e));
}

/**
 * The first built-in that wasm-bindgen's bindings use before any Rust code
 * runs and that this page broke, or null. A page that replaced one before
 * PressLens loaded leaves nothing pristine to take, and the bindings would
 * fail at import (`Array.prototype.push`), on every callback (the array
 * iterator: spread arguments) or with every string (`TextDecoder`), without
 * a word of ours. Each is checked by what it does, not by how it looks;
 * everything after this is Rust's (crates/presslens-web/src/dom/safe.rs).
 */
function brokenBuiltin() {
  const bytes = [0xe2, 0x80, 0x9c, 0x6f, 0x6b]; // “ok
  const checks = [
    ['Array.prototype.push', () => { const a = []; a.push(1, 2); return a.length === 2 && a[1] === 2; }],
    ['Array.prototype[Symbol.iterator]', () => ((...xs) => xs.length)(...[1, 2]) === 2],
    ['TextDecoder', () => new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(new Uint8Array(bytes)) === '\u201cok'],
    ['TextEncoder', () => new TextEncoder().encode('\u201cok').join() === bytes.join()],
  ];
  // An index loop: the page may have replaced the array iterator.
  for (let i = 0; i < checks.length; i++) {
    let works = false;
    try { works = checks[i][1](); } catch { works = false; }
    if (!works) return checks[i][0];
  }
  return null;
}

/** True when this realm has a usable WebAssembly (a page may delete or replace it). */
function hasWasm() {
  return typeof WebAssembly === 'object' && WebAssembly !== null && typeof WebAssembly.instantiate === 'function';
}

/**
 * Starts the engine. `source` says where it comes from; both fields are
 * optional and default to the files beside this module:
 * - `wasm`: the wasm build as bytes, a `WebAssembly.Module`, a URL or a
 *   `Response` (whatever wasm-bindgen's init takes);
 * - `js`: an async function giving the JavaScript build's module, called
 *   only when the page refuses to compile wasm.
 */
async function start(source) {
  const broken = brokenBuiltin();
  if (broken) throw new Error(`presslens: cannot run on this page: its ${broken} does not work as the standard says (a page script replaced it)`);
  const wasm = source?.wasm ?? new URL('./pkg/presslens_bg.wasm', import.meta.url);
  const js = source?.js ?? (() => import('./pkg/js/presslens.js'));
  let refused = !hasWasm();
  if (!refused) {
    try {
      const wasmBuild = await import('./pkg/presslens.js');
      await wasmBuild.default({ module_or_path: wasm });
      engine = wasmBuild;
      running = 'wasm';
    } catch (e) {
      if (!wasmRefused(e)) throw e;
      refused = true;
    }
  }
  if (refused) {
    engine = await js();
    running = 'js';
  }
  Lens = engine.Lens;
  // Lexicons built and (JavaScript build) the engine compiled for speed now,
  // at load, in tasks of their own, rather than as long tasks in the middle
  // of the first pass (crates/presslens-web/src/dom/warm.rs).
  await engine.warmUp();
}

/**
 * Loads the engine once: the wasm build, or the JavaScript build where the
 * page forbids wasm. `source` (see start) matters on the first call
 * only.
 */
export function load(source) {
  // A failed start (no network, a broken file) may be retried.
  ready ??= start(source).catch((e) => { ready = null; throw e; });
  return ready;
}

/** Which build runs: 'wasm', 'js' (the page forbids wasm), or null before load(). */
export function mode() {
  return running;
}

/**
 * Annotates the article under `root` (an element, a selector, 'page' for the
 * whole page, or 'auto' / nothing to detect it) and paints it, in slices that keep the page responsive.
 * `options`: see Lens (`quote`, `party`, `figure`, `panel`, `tooltip`,
 * `observe`, `fallback`, `onChange`, `onPick`, `onPanel`). Resolves to the report (UTF-16
 * offsets into `scope().text`).
 */
export async function annotate(root, options) {
  if (typeof document === 'undefined') throw new Error('presslens: annotate() needs a DOM; use annotateText() in Node.js');
  await load();
  await lens?.clear();
  lens?.free();
  lens = null;
  const next = new Lens(root ?? undefined, options ?? undefined);
  lens = next;
  return next.run();
}

/** The last report, or null. */
export function report() {
  return lens ? lens.report() : null;
}

/**
 * Removes every highlight, tooltip, panel and observer. Resolves when the page
 * is exactly as it was (at once, unless many `<mark>`s are put back in slices
 * that keep the page responsive); rejects saying what is left where a page
 * script kept it in place.
 */
export function clear() {
  return lens ? lens.clear() : Promise.resolve();
}

/** The article root, the exact text that was annotated, and how sure the scope is (Lens.scopeInfo()). */
export function scope() {
  return lens ? { element: lens.root(), text: lens.text(), ...(lens.scopeInfo() ?? {}) } : null;
}

/** The current Lens (null before the first annotate()). */
export function current() {
  return lens;
}

/** Annotates a plain text without touching the page. */
export async function annotateText(text) {
  await load();
  return engine.annotateText(String(text ?? ''));
}

/** The report as a W3C Web Annotation collection (JSON-LD) for `text` at `source`. */
export async function toWebAnnotations(report, text, source = '') {
  await load();
  return engine.webAnnotations(report, String(text), String(source));
}

/** Renders pasted text or HTML into `container` as safe markup (no attributes, no scripts). */
export async function renderArticle(container, input) {
  await load();
  engine.renderArticle(container, String(input));
}

export const presslens = { load, mode, annotate, report, clear, scope, current, annotateText, toWebAnnotations, renderArticle };
