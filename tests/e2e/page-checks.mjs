// Page-side probes shared by the extension, parity and Firefox tests. Each
// is a plain function handed to `page.evaluate` (Playwright or Puppeteer), so
// it may use nothing from this module's scope.

/** Selectors of what is not the seed article: nothing may be painted there. */
export const OUTSIDE = 'nav, aside, .sidebar, .ad-slot, #comments, .comments, .pingbacks, header.site-header, footer.site-footer';

/**
 * The painted ranges of each highlight, exactly: the text, and where each
 * range starts and ends (the child-index path of the container from <html>,
 * and the offset), and whether it lies in `outside`.
 */
export function paintedRanges(outside) {
  const pathOf = (node) => {
    const path = [];
    for (let n = node; n && n !== document.documentElement; n = n.parentNode) {
      path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
    }
    return path.join('.');
  };
  const out = {};
  for (const [name, hl] of CSS.highlights) {
    out[name] = [...hl].map((r) => {
      const c = r.commonAncestorContainer;
      const el = c.nodeType === 1 ? c : c.parentElement;
      return {
        text: r.toString(),
        start: `${pathOf(r.startContainer)}:${r.startOffset}`,
        end: `${pathOf(r.endContainer)}:${r.endOffset}`,
        outside: outside ? !!el.closest(outside) : false,
      };
    });
  }
  return out;
}

/** What a page can learn about PressLens before the user turns it on: should be nothing. */
export async function fingerprint(extensionBase) {
  const css = getComputedStyle(document.documentElement);
  const vars = ['--presslens-quote-bg', '--presslens-quote-line', '--presslens-party-line', '--presslens-figure-line']
    .filter((v) => css.getPropertyValue(v).trim() !== '');
  const fetched = [];
  if (extensionBase) {
    for (const f of ['manifest.json', 'content.js', 'settings.js', 'pkg/presslens.js', 'pkg/presslens_bg.wasm', 'pkg/presslens-js.js', 'presslens.css']) {
      try {
        const r = await fetch(new URL(f, extensionBase));
        if (r.ok) fetched.push(f);
      } catch {
        // refused: what we want
      }
    }
  }
  const attrs = [...document.documentElement.attributes].map((a) => a.name).filter((n) => n.startsWith('data-presslens'));
  return {
    vars,
    fetched,
    attrs,
    ui: document.querySelectorAll('[data-presslens-ui], mark.presslens').length,
    highlights: typeof CSS.highlights === 'object' ? CSS.highlights.size : 0,
  };
}

/** The side panel's counts, or null when there is no panel. */
export function panelState() {
  const root = document.querySelector('[data-presslens-ui]')?.shadowRoot;
  const panel = root?.querySelector('.panel');
  const c = root?.querySelector('.panel .counts');
  if (!panel || !c) return null;
  return {
    visible: !panel.hidden && panel.getBoundingClientRect().width > 0,
    quotes: +c.dataset.quotes,
    named: +c.dataset.named,
    anonymous: +c.dataset.anonymous,
    items: root.querySelectorAll('.quotes button[data-span]').length,
  };
}

/** Scrolls the painted party mention reading `text` into view; its centre in viewport pixels. */
export async function partyPoint(text) {
  const r = [...(CSS.highlights.get('presslens-party') ?? [])].find((x) => x.toString() === text);
  if (!r) return null;
  r.startContainer.parentElement.scrollIntoView({ block: 'center' });
  // Let the scroll (which hides tooltips) settle before pointing.
  await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50)));
  const b = r.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
}

/** The tooltip's text, or null while it is hidden. */
export function tooltipText() {
  const t = document.querySelector('[data-presslens-ui]')?.shadowRoot?.querySelector('.tip');
  return t && !t.hidden ? t.textContent : null;
}
