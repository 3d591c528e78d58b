// presslens: quotes, named parties and claimed figures in news text, computed
// locally by a Rust engine compiled to WebAssembly.
//
// The package is the page API (presslens.js, the project's one JavaScript
// core) plus what Node.js needs to load it: Node has no fetch for file URLs,
// so the wasm is read from the package directory. In browsers, bundlers
// resolve the wasm through `new URL(..., import.meta.url)` in presslens.js.
// The module finishes loading the engine before it resolves.
import { load } from './presslens.js';

export * from './presslens.js';

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';
if (isNode) {
  const { readFile } = await import('node:fs/promises');
  await load({ wasm: await readFile(new URL('./pkg/presslens_bg.wasm', import.meta.url)) });
} else {
  await load();
}
