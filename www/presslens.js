// PressLens page API: a thin wrapper over the wasm Lens. Logic lives in Rust
// (src/wasm.rs, src/dom/); this file only loads the module and names things.
import init, { Lens, annotateText as engineAnnotateText } from './pkg/presslens.js';

let ready = null;
let lens = null;

/** Loads and compiles the wasm engine once. */
export function load() {
  ready ??= init({ module_or_path: new URL('./pkg/presslens_bg.wasm', import.meta.url) });
  return ready;
}

/**
 * Annotates the article under `root` (an element, a selector, or nothing to
 * detect it) and paints it. Resolves to the report (UTF-16 offsets into
 * `scope().text`).
 */
export async function annotate(root) {
  await load();
  lens?.clear();
  lens?.free();
  lens = new Lens(root ?? undefined);
  const result = lens.annotate();
  document.documentElement.dataset.presslens = 'ready';
  return result;
}

/** The last report, or null. */
export function report() {
  return lens ? lens.report() : null;
}

/** Removes every highlight; the page is left exactly as it was. */
export function clear() {
  lens?.clear();
}

/** The article root and the exact text that was annotated. */
export function scope() {
  return lens ? { element: lens.root(), text: lens.text() } : null;
}

/** Annotates a plain text without touching the page. */
export async function annotateText(text) {
  await load();
  return engineAnnotateText(String(text));
}

export const presslens = { load, annotate, report, clear, scope, annotateText };
