// presslens: quotes, named parties and claimed figures in news text, computed
// locally by a Rust engine compiled to WebAssembly.
//
// Works in browsers (ES module; bundlers resolve the wasm through
// `new URL(..., import.meta.url)`) and in Node.js 18+, where the wasm is read
// from the package directory. The module finishes loading the engine before
// it resolves, so every export below is ready to call.
import init, { initSync, Lens as WasmLens, annotateText as wasmAnnotateText, webAnnotations } from './presslens_wasm.js';

const wasmUrl = new URL('./presslens_bg.wasm', import.meta.url);
const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';
if (isNode) {
  const { readFile } = await import('node:fs/promises');
  initSync({ module: await readFile(wasmUrl) });
} else {
  await init({ module_or_path: wasmUrl });
}

/** Annotates a text. Offsets in the report are UTF-16 code units (JS string indices). */
export function annotateText(text) {
  return wasmAnnotateText(String(text ?? ''));
}

/** The report as a W3C Web Annotation collection (JSON-LD) for `text` at `source`. */
export function toWebAnnotations(report, text, source = '') {
  return webAnnotations(report, String(text), String(source));
}

/**
 * Attaches the overlay to an article root (an element, a selector, or nothing
 * to detect the article) and annotates it. Browser only.
 */
export function attach(root, options = {}) {
  if (typeof document === 'undefined') throw new Error('presslens: attach() needs a DOM; use annotateText() in Node.js');
  return new Lens(root, options);
}

export class Lens {
  #lens;
  #listeners = new Map();

  constructor(root, options = {}) {
    this.options = { annotate: true, ...options };
    this.#lens = new WasmLens(root ?? undefined);
    if (this.options.annotate) this.annotate();
  }

  /** Reads, annotates and paints the article again; returns the report. */
  annotate() {
    const report = this.#lens.annotate();
    this.#emit('annotate', report);
    return report;
  }

  /** The last report, or null. */
  report() {
    return this.#lens.report();
  }

  /** The exact text that was annotated (report offsets index into it). */
  text() {
    return this.#lens.text();
  }

  /** Removes every highlight; the page is left as it was. */
  clear() {
    this.#lens.clear();
    this.#emit('clear', null);
  }

  /** Listens for 'annotate' (with the report) or 'clear'. Returns an unsubscribe function. */
  on(event, fn) {
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set());
    this.#listeners.get(event).add(fn);
    return () => this.#listeners.get(event)?.delete(fn);
  }

  #emit(event, detail) {
    for (const fn of this.#listeners.get(event) ?? []) {
      try { fn(detail); } catch (e) { console.error(e); }
    }
  }
}
