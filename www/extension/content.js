// PressLens content script: toggles the overlay on this page. A classic
// script with nothing of PressLens in the page until the user turns it on;
// then the background injects the engine and the styles into this isolated
// world, and the Rust DOM layer (scope, paint, tooltips, panel, undo) runs
// here. It runs as wasm where the page allows; where the page's
// Content-Security-Policy forbids compiling wasm here (Chromium, a page
// without 'wasm-unsafe-eval'), as the JavaScript build of the same Rust code:
// the same result, slower.
(() => {
  if (globalThis.__presslens) return;
  let active = null; // { mode, lens }
  let build = null; // { mode: 'wasm' | 'js', api }

  async function ask(type, extra = {}) {
    const res = await chrome.runtime.sendMessage({ type, ...extra });
    if (!res?.ok) throw new Error(res?.error ?? `no answer from the PressLens background (${type})`);
    return res;
  }

  /** True when `e` is the browser refusing to compile wasm here (the page's CSP). */
  function refused(e) {
    return e instanceof WebAssembly.CompileError || e instanceof EvalError
      || /Content Security Policy|wasm-unsafe-eval|unsafe-eval/i.test(String(e?.message ?? e));
  }

  /** The wasm bytes the injected script left, decoded (and the string dropped). */
  function takeWasmBytes() {
    const b64 = globalThis.presslensWasmBytes;
    delete globalThis.presslensWasmBytes;
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  async function engine() {
    if (build) return build;
    await ask('presslens:inject', { build: 'wasm' });
    const wasm = globalThis.presslensWasmBuild;
    try {
      await wasm({ module_or_path: takeWasmBytes() });
      build = { mode: 'wasm', api: wasm };
    } catch (e) {
      if (!refused(e)) throw e;
      await ask('presslens:inject', { build: 'js' });
      build = { mode: 'js', api: globalThis.presslensJs };
    }
    return build;
  }

  async function on() {
    const { settings } = await ask('presslens:settings');
    const { mode, api } = await engine();
    await ask('presslens:style', { on: true });
    const { kinds } = settings;
    const lens = new api.Lens(undefined, { quote: kinds.quotes, party: kinds.parties, figure: kinds.figures, panel: true });
    try {
      await lens.run();
    } catch (e) {
      lens.clear();
      lens.free();
      await ask('presslens:style', { on: false });
      throw e;
    }
    active = { mode, lens };
    return { ok: true, on: true, mode, report: lens.report() };
  }

  async function off() {
    active.lens.clear();
    active.lens.free();
    active = null;
    await ask('presslens:style', { on: false });
    return { ok: true, on: false };
  }

  let busy = Promise.resolve();
  function toggle() {
    busy = busy.then(() => (active ? off() : on())).catch((e) => ({ ok: false, error: String(e?.message ?? e) }));
    return busy;
  }

  chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (msg?.type !== 'presslens:toggle') return false;
    toggle().then(reply);
    return true;
  });

  globalThis.__presslens = { toggle };

  // Sites the user marked "always on" (settings.js's `alwaysOn`, a list of
  // origins). Read from storage here rather than asked of the background, so
  // that loading a page does not wake the extension's worker.
  chrome.storage.sync.get('alwaysOn')
    .then(({ alwaysOn }) => { if (Array.isArray(alwaysOn) && alwaysOn.includes(location.origin)) toggle(); })
    .catch(() => {});
})();
