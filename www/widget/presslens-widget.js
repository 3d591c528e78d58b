// PressLens embeddable widget. A news site adds one tag:
//   <script src=".../presslens-widget.js" data-root="article .entry-content"
//           data-kinds="quotes,parties,figures" defer></script>
// and gets a launcher button that annotates the article in place. Styles of
// the launcher live in a Shadow DOM; the highlight styles are an adopted
// stylesheet (no element is added for them). The only global is
// window.presslens. Where the page's CSP forbids WebAssembly, the widget runs
// the JavaScript build of the same engine and DOM layer (same marks, slower),
// and the console says so and what to add to the CSP for the fast build.
(() => {
  const script = document.currentScript;
  if (!script || window.presslens) return;
  const base = new URL('.', script.src);
  const kinds = (script.dataset.kinds || 'quotes,parties,figures').split(',').map((k) => k.trim());
  const opts = {
    root: script.dataset.root || undefined,
    // Lens options: which kinds to mark, and the side panel with the launcher.
    // onPanel: the launcher's pressed state follows the panel (below).
    lens: {
      quote: kinds.includes('quotes'), party: kinds.includes('parties'), figure: kinds.includes('figures'), panel: true,
      onPanel: (open) => { pressed(open); },
    },
    open: script.dataset.open === 'true',
  };

  const SLOW_MODE = "PressLens: this page's Content-Security-Policy does not allow WebAssembly, so PressLens runs "
    + 'its JavaScript build (the same results, slower). For the faster WebAssembly build, '
    + "add 'wasm-unsafe-eval' to the script-src directive, for example: "
    + "Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'";

  let api = null;
  async function engine() {
    if (api) return api;
    const [{ presslens }, css] = await Promise.all([
      import(new URL('presslens.js', base).href),
      fetch(new URL('presslens.css', base)).then((r) => (r.ok ? r.text() : '')),
    ]);
    try {
      await presslens.load();
    } catch (e) {
      console.error(`PressLens: could not start (${e?.message ?? e})`);
      throw e;
    }
    if (presslens.mode() === 'js') console.warn(SLOW_MODE);
    if (css && 'adoptedStyleSheets' in document) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    api = presslens;
    return api;
  }

  // The launcher (bottom left, clear of the side panel), isolated in a Shadow DOM; themable through CSS custom
  // properties on the host (--presslens-launcher-bg, --presslens-launcher-fg).
  const host = document.createElement('presslens-launcher');
  host.className = 'presslens-ui';
  // delegatesFocus: focus given back to the launcher (when the panel closes)
  // lands on its button.
  const shadow = host.attachShadow({ mode: 'open', delegatesFocus: true });
  const style = document.createElement('style');
  style.textContent = `
    :host { position: fixed; left: 16px; bottom: 16px; z-index: 2147483000; }
    button { font: 600 14px/1 system-ui, sans-serif; padding: 10px 14px; border-radius: 20px; cursor: pointer;
      border: 1px solid rgba(0,0,0,.2); background: var(--presslens-launcher-bg, #0b2545);
      color: var(--presslens-launcher-fg, #fff); box-shadow: 0 2px 8px rgba(0,0,0,.2); }
    button[aria-pressed="true"] { background: var(--presslens-launcher-on-bg, #ffd54f); color: #111; }
    button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
    /* Forced colours flatten both states to ButtonFace: the pressed one takes the system highlight. */
    @media (forced-colors: active) {
      button[aria-pressed="true"] { background: Highlight; color: HighlightText; }
      button:focus-visible { outline-color: CanvasText; }
    }`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'PressLens';
  button.setAttribute('aria-pressed', 'false');
  button.title = 'Mark quotes, parties and figures in this article';
  shadow.append(style, button);

  // `on`: the page is annotated. The button is pressed while the side panel
  // is open, which the Lens tells through onPanel (the panel's own close
  // button and Escape included), so that aria-pressed never says "open" for
  // a hidden panel.
  let on = false;
  let panelOpen = false;
  function pressed(open) {
    panelOpen = open;
    button.setAttribute('aria-pressed', String(open));
  }
  // Pressed: clears. Annotated with the panel closed: opens the panel again
  // (the marks are there; annotating again would redo the whole pass).
  // Otherwise: annotates, and the panel opens with the marks.
  // `keyboard`: the press came from the keyboard, so focus follows into the
  // panel (and comes back here when it closes).
  async function toggle(keyboard = false) {
    let p;
    try {
      p = await engine();
    } catch {
      button.disabled = true;
      button.title = 'PressLens is unavailable on this page (see the console)';
      return null;
    }
    const lens = on ? p.current() : null;
    if (lens && !panelOpen) {
      if (keyboard) lens.focusPanel(); else lens.showPanel(true);
    } else if (on) {
      p.clear();
      on = false;
      pressed(false);
    } else {
      await p.annotate(opts.root, opts.lens);
      on = true;
      if (keyboard) p.current()?.focusPanel();
    }
    return p.report();
  }
  // A keyboard press is a click with no pointer type (or no click count).
  button.addEventListener('click', (e) => { toggle(e.pointerType === '' || e.detail === 0); });

  window.presslens = {
    toggle,
    annotate: async (root = opts.root) => { const p = await engine(); on = true; return p.annotate(root, opts.lens); },
    clear: () => { api?.clear(); on = false; pressed(false); },
    report: () => api?.report() ?? null,
    scope: () => api?.scope() ?? null,
  };

  const start = () => {
    document.body.append(host);
    if (opts.open) toggle();
  };
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start, { once: true });
})();
