// PressLens page API: a thin wrapper over the wasm Lens. Logic lives in Rust
// (src/wasm.rs, src/dom/); this file only loads the module and names things.
//
//   await presslens.annotate(root?, options?) → report   (paints the page)
//   presslens.report()  → the last report, or null
//   presslens.scope()   → { element, text }: the article root and the exact
//                         text that was annotated (report offsets index it)
//   presslens.clear()   → removes everything; the DOM is as it was
//   await presslens.annotateText(text) → report          (no page involved)
//
// `<html data-presslens="ready">` is set after each pass (the first, and
// each re-annotation of late content) and removed again by clear().
//
// Lower level, for the extension and the widget: `Lens` (see src/wasm.rs),
// including the split API `lens.collect()` → text and `lens.paint(report)`
// for a report made by an engine elsewhere; `renderArticle(container, input)`
// renders pasted text or HTML safely.
import init, { Lens, annotateText as engineAnnotateText, renderArticle as engineRenderArticle } from './pkg/presslens.js';

export { Lens };

let ready = null;
let lens = null;

/** Loads and compiles the wasm engine once. */
export function load() {
  // The engine builds its lexicons on first use: do it now, at load, rather
  // than in the middle of the first pass.
  ready ??= init({ module_or_path: new URL('./pkg/presslens_bg.wasm', import.meta.url) })
    .then(() => { engineAnnotateText('“Warm,” said Ann Lee, 40%.'); });
  return ready;
}

/**
 * Annotates the article under `root` (an element, a selector, or nothing to
 * detect it) and paints it, in slices that keep the page responsive.
 * `options`: see Lens (`quote`, `party`, `figure`, `panel`, `tooltip`,
 * `observe`, `fallback`, `onChange`). Resolves to the report (UTF-16
 * offsets into `scope().text`).
 */
export async function annotate(root, options) {
  await load();
  lens?.clear();
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

/** Removes every highlight, tooltip, panel and observer; the page is left exactly as it was. */
export function clear() {
  lens?.clear();
}

/** The article root and the exact text that was annotated. */
export function scope() {
  return lens ? { element: lens.root(), text: lens.text() } : null;
}

/** The current Lens (null before the first annotate()). */
export function current() {
  return lens;
}

/** Annotates a plain text without touching the page. */
export async function annotateText(text) {
  await load();
  return engineAnnotateText(String(text));
}

/** Renders pasted text or HTML into `container` as safe markup (no attributes, no scripts). */
export async function renderArticle(container, input) {
  await load();
  engineRenderArticle(container, String(input));
}

export const presslens = { load, annotate, report, clear, scope, current, annotateText, renderArticle };
