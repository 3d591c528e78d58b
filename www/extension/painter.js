// The extension's split-mode page side: read the article's text with a map
// back to text nodes, and paint a report computed elsewhere with the CSS
// Custom Highlight API. Used only where the page's CSP forbids wasm in the
// content script; elsewhere the wasm overlay (src/dom/) does this. It follows
// the same rules as src/dom/textmap.rs: blocks and <br> end lines, inline
// elements do not, hidden and non-text elements are skipped, characters map
// one for one.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO']);
const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'SECTION',
  'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'MAIN', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'THEAD',
  'TBODY', 'TR', 'TD', 'TH', 'CAPTION', 'PRE', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY', 'FORM', 'FIELDSET', 'BR']);

const skipped = (el) => SKIP.has(el.tagName.toUpperCase()) || el.hidden || el.getAttribute('aria-hidden') === 'true'
  || el.classList.contains('presslens-ui');

/** The article root: the elements news pages mark their body with. */
export function findRoot(doc) {
  return doc.querySelector('[itemprop=articleBody]') ?? doc.querySelector('article') ?? doc.querySelector('main')
    ?? doc.querySelector('[role=main]') ?? doc.body;
}

/** Reads the text under the article root: { root, text, segments: [{ node, start }] }. */
export function collect(doc, root = findRoot(doc)) {
  const segments = [];
  let text = '';
  const brk = () => { if (text && !text.endsWith('\n')) text += '\n\n'; };
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === Node.ELEMENT_NODE && skipped(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const open = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    while (open.length && !open[open.length - 1].contains(n)) { open.pop(); brk(); }
    if (n.nodeType === Node.TEXT_NODE) {
      if (!n.data) continue;
      segments.push({ node: n, start: text.length });
      text += n.data.replace(/[\n\r\t\f]/g, ' ');
    } else if (BLOCK.has(n.tagName.toUpperCase())) {
      brk();
      open.push(n);
    }
  }
  return { root, text, segments };
}

/** The (node, offset) of UTF-16 offset `at`; `end` prefers the end of the earlier node. */
function locate(segments, at, end) {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    const stop = s.start + s.node.length;
    if (end ? stop < at : stop <= at) lo = mid + 1; else hi = mid;
  }
  if (end) {
    const s = segments[lo];
    if (s && s.start < at) return [s.node, at - s.start];
    const prev = segments[lo - 1];
    return prev ? [prev.node, prev.node.length] : null;
  }
  const s = segments[lo];
  return s ? [s.node, Math.min(Math.max(at - s.start, 0), s.node.length)] : null;
}

function range(doc, segments, start, end) {
  const a = locate(segments, start, false);
  const b = locate(segments, end, true);
  if (!a || !b) return null;
  const r = doc.createRange();
  try {
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
  } catch {
    return null;
  }
  return r.collapsed ? null : r;
}

/** Paints a report (UTF-16 offsets into `map.text`); returns { clear() }. */
export function paint(map, report, doc = document) {
  if (!globalThis.CSS?.highlights || typeof Highlight !== 'function') {
    throw new Error('PressLens: this browser has no CSS Custom Highlight API');
  }
  const kinds = {
    'presslens-quote': report.quotes.map((q) => [q.start, q.end]),
    'presslens-party': report.parties.flatMap((p) => p.mentions.map((m) => [m.start, m.end])),
    'presslens-figure': report.figures.map((f) => [f.start, f.end]),
  };
  for (const [name, spans] of Object.entries(kinds)) {
    const h = new Highlight(...spans.map(([s, e]) => range(doc, map.segments, s, e)).filter(Boolean));
    h.priority = name === 'presslens-quote' ? 0 : 1;
    CSS.highlights.set(name, h);
  }
  return { clear: () => Object.keys(kinds).forEach((name) => CSS.highlights.delete(name)) };
}
