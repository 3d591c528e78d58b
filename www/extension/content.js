// PressLens content script: toggles the overlay on this page.
// It first runs the wasm overlay in the page (full highlights, tooltips and
// panel). Where the page's Content-Security-Policy forbids compiling wasm
// here (no 'wasm-unsafe-eval'), it falls back to the split mode: this script
// reads the article's text, the extension's background runs the engine, and
// this script paints the returned ranges.
(() => {
  if (globalThis.__presslens) return;
  const url = (p) => chrome.runtime.getURL(p);
  let active = null; // { mode, clear() }

  async function wasmOverlay(settings) {
    const mod = await import(url('pkg/presslens.js'));
    await mod.default({ module_or_path: url('pkg/presslens_bg.wasm') });
    const { kinds } = settings;
    const lens = new mod.Lens(undefined, { quote: kinds.quotes, party: kinds.parties, figure: kinds.figures, panel: true });
    await lens.run();
    return { mode: 'wasm', report: () => lens.report(), clear: () => { lens.clear(); lens.free(); } };
  }

  async function splitOverlay(settings) {
    const painter = await import(url('painter.js'));
    const { filterReport } = await import(url('settings.js'));
    const map = painter.collect(document);
    const res = await chrome.runtime.sendMessage({ type: 'presslens:annotate-text', text: map.text });
    if (!res?.ok) throw new Error(res?.error ?? 'no answer from the PressLens background');
    const report = filterReport(res.report, settings.kinds);
    const painted = painter.paint(map, report);
    return { mode: 'split', report: () => report, clear: () => painted.clear() };
  }

  async function on() {
    const { load } = await import(url('settings.js'));
    const settings = await load();
    try {
      active = await wasmOverlay(settings);
    } catch (e) {
      // CompileError / EvalError from the page's CSP: use the split mode.
      active = await splitOverlay(settings);
    }
    document.documentElement.dataset.presslensExtension = active.mode;
    return { ok: true, on: true, mode: active.mode, report: active.report() };
  }

  function off() {
    active?.clear();
    active = null;
    delete document.documentElement.dataset.presslensExtension;
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

  // Sites the user marked "always on".
  import(url('settings.js'))
    .then(({ load }) => load())
    .then((s) => { if (s.alwaysOn.includes(location.origin)) toggle(); })
    .catch(() => {});
})();
