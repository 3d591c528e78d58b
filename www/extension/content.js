// PressLens content script: toggles the overlay on this page. A classic
// script with nothing of PressLens in the page until the user turns it on;
// then the background injects the engine and the styles into this isolated
// world: the project's one JavaScript core (www/presslens.js, bundled by
// scripts/build-extension.sh as a classic script that sets
// `globalThis.presslens`), and the Rust DOM layer under it (scope, paint,
// tooltips, panel, undo) runs here. The core runs the wasm build where the
// page allows; where the page's Content-Security-Policy forbids compiling
// wasm here (Chromium, a page without 'wasm-unsafe-eval'), it asks for the
// JavaScript build of the same Rust code, injected only then: the same
// result, slower.
(() => {
  if (globalThis.__presslens) return;
  let active = false;
  let loaded = null; // the core, once loaded

  async function ask(type, extra = {}) {
    const res = await chrome.runtime.sendMessage({ type, ...extra });
    if (!res?.ok) throw new Error(res?.error ?? `no answer from the PressLens background (${type})`);
    return res;
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

  /** Injects and loads the core once; a failed load may be tried again. */
  function engine() {
    loaded ??= (async () => {
      await ask('presslens:inject', { build: 'wasm' });
      const core = globalThis.presslens;
      await core.load({
        wasm: takeWasmBytes(),
        js: async () => {
          await ask('presslens:inject', { build: 'js' });
          return globalThis.presslensJs;
        },
      });
      return core;
    })().catch((e) => { loaded = null; throw e; });
    return loaded;
  }

  /**
   * Annotates the root remembered for this site (the reader's choice in the
   * panel, stored by the background per hostname), or the detected article
   * when there is none or it no longer works on the page.
   */
  async function annotate(core, root, options) {
    if (root) {
      try {
        return await core.annotate(root, options);
      } catch {
        // The site's layout changed: detect the article again.
      }
    }
    return core.annotate(undefined, options);
  }

  async function on() {
    const { settings, root } = await ask('presslens:settings');
    const core = await engine();
    await ask('presslens:style', { on: true });
    const { kinds } = settings;
    // A root picked in the panel is remembered for this site.
    const onPick = (choice) => { ask('presslens:remember-root', { root: String(choice) }).catch(() => {}); };
    try {
      await annotate(core, root, { quote: kinds.quotes, party: kinds.parties, figure: kinds.figures, panel: true, onPick });
    } catch (e) {
      core.clear();
      await ask('presslens:style', { on: false });
      throw e;
    }
    active = true;
    return { ok: true, on: true, mode: core.mode(), report: core.report() };
  }

  async function off() {
    (await engine()).clear();
    active = false;
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
