//! Our own UI on the page: one host element with an open Shadow DOM, holding
//! the tooltip and the side panel, so that page styles do not reach in and
//! ours do not leak out. The host carries the `presslens-ui` class, which
//! the text map and the mutation observer ignore. Page text is only ever
//! inserted as text.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::explain::Card;
use super::page::Error;

/// Styles inside the shadow root. Colours meet WCAG AA (4.5:1 for text) on
/// the light and the dark scheme.
const CSS: &str = "
:host{all:initial;position:fixed!important;top:0;left:0;width:0;height:0}
*{box-sizing:border-box}
.tip,.panel{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1a1a;background:#fff;border:1px solid #8a8a8a;box-shadow:0 4px 16px rgba(0,0,0,.2)}
.tip{position:fixed;z-index:2147483647;max-width:min(340px,calc(100vw - 16px));padding:8px 10px;border-radius:6px;pointer-events:none}
.tip[hidden],.panel[hidden]{display:none}
.tip .k,.panel .k{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:#555}
.tip .t{font-weight:600;margin:2px 0 4px}
.tip dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:2px 8px}
.tip dt{color:#555}.tip dd{margin:0}
.panel{position:fixed;z-index:2147483646;top:0;right:0;bottom:0;width:340px;overflow:auto;padding:0 14px 12px;border-width:0 0 0 1px}
.panel header{display:flex;justify-content:space-between;align-items:center;position:sticky;top:0;z-index:1;background:inherit;margin:0 -14px;padding:12px 14px 6px}
.panel h2{font-size:17px;margin:0}.panel h3{font-size:15px;margin:14px 0 4px}.panel h4{font-size:13px;margin:8px 0 2px}
.panel ul{list-style:none;margin:0;padding:0}
.panel button{font:inherit;color:inherit;background:none;border:0;padding:2px 4px;text-align:left;cursor:pointer;width:100%;border-radius:4px}
.panel button:hover{background:#eef3fb}
.panel button:focus-visible,.panel input:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
.panel .close{width:auto;font-size:20px;line-height:1;padding:2px 8px}
.panel .summary p{margin:4px 0}
.panel .bar{display:inline-block;height:8px;background:#7a5c00;vertical-align:middle;margin-right:6px;border-radius:2px}
.panel .n{color:#555}
.panel .toggles{display:flex;gap:12px;margin-top:8px;border:0;padding:0}
.panel .toggles legend{padding:0;margin-bottom:2px}
.panel .sw-q{background:rgba(255,213,79,.6);padding:0 3px}
.panel .sw-p{text-decoration:underline solid #1565c0 2px;text-underline-offset:3px}
.panel .sw-f{text-decoration:underline double #2e7d32 2px;text-underline-offset:3px}
.panel .scope{margin:8px 0;padding:6px 8px;border-left:3px solid #b3261e;background:#fdf3f2}
.panel .scope p{margin:2px 0}.panel .scope button{width:auto;text-decoration:underline}
.pick{position:fixed;z-index:2147483645;pointer-events:none;outline:2px solid #0b57d0;background:rgba(11,87,208,.08)}
.pick[hidden]{display:none}
@media (prefers-color-scheme:dark){
.tip,.panel{color:#f0f0f0;background:#1e1e1e;border-color:#777}
.tip .k,.panel .k,.tip dt,.panel .n{color:#c4c4c4}
.panel button:hover{background:#2d3748}
.panel .bar{background:#ffd54f}
.panel .scope{background:#3a2220;border-color:#f2b8b5}
.panel .sw-q{background:rgba(255,213,79,.22)}
.panel .sw-p{text-decoration-color:#90caf9}.panel .sw-f{text-decoration-color:#a5d6a7}
}
@media (max-width:640px){
/* WCAG 1.4.10 (320px, or 400% zoom): a bottom sheet, not a 340px column over the whole page; the header stays in view */
.panel{top:auto;left:0;width:auto;max-height:60vh;border-width:1px 0 0;box-shadow:0 -4px 16px rgba(0,0,0,.2)}
}
@media (forced-colors:active){
/* Backgrounds that are not system colours become Canvas here: bars keep a border, swatches take the marks' system styles */
.tip,.panel{border-color:CanvasText}
.panel button:hover{background:Highlight;color:HighlightText}
.panel button:focus-visible,.panel input:focus-visible{outline:2px solid Highlight}
.panel .bar{background:CanvasText;border:1px solid CanvasText}
.panel .sw-q{background:Mark;color:MarkText;text-decoration:underline dotted currentColor 2px}
.panel .sw-p{text-decoration:underline solid currentColor 3px}
.panel .sw-f{text-decoration:underline double currentColor 3px}
.panel .scope{border-left-color:CanvasText}
.pick{outline:3px dashed Highlight;background:none}
}";

/// Styles for keyboard and screen-reader access, after [`CSS`]: the live
/// region is read, not seen; the tooltip takes the pointer (WCAG 1.4.13:
/// the reader may move onto it to read it); focus targets that are not
/// controls (the panel's title, the pick note) show where focus is.
const ACCESS_CSS: &str = "
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.tip{pointer-events:auto}
.panel [tabindex='-1']:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
.panel .keys summary{cursor:pointer;margin-top:10px}
.panel .keys dl{margin:4px 0 0;display:grid;grid-template-columns:auto 1fr;gap:2px 8px}
.panel .keys dt{font-family:ui-monospace,monospace;font-size:12px}.panel .keys dd{margin:0}
.panel .side{width:auto;margin-left:auto;margin-right:4px;font-size:12px;border:1px solid currentColor;padding:2px 8px}
.panel .side[aria-pressed='true']{background:#0b57d0;color:#fff}
@media (forced-colors:active){.panel .side[aria-pressed='true']{background:Highlight;color:HighlightText}}
";

/// `<tag class="class">text</tag>`, text inserted as text.
pub fn el(doc: &Document, tag: &str, class: &str, text: &str) -> Element {
    let e = doc.create_element(tag).expect("create_element");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    e
}

/// Appends a child built with [`el`] and returns it.
pub fn add(parent: &Element, tag: &str, class: &str, text: &str) -> Element {
    let doc = parent.owner_document().expect("owner document");
    let e = el(&doc, tag, class, text);
    let _ = parent.append_child(&e);
    e
}

/// The host and its shadow root.
pub struct Host {
    pub host: HtmlElement,
    pub shadow: ShadowRoot,
    pub tip: Element,
    /// The one polite live region: what the keyboard moves to, scope notes.
    pub live: Element,
}

impl Host {
    pub fn new() -> super::page::Result<Host> {
        let doc = super::page::document()?;
        let host: HtmlElement = el(&doc, "div", super::page::UI_CLASS, "").unchecked_into();
        let _ = host.set_attribute("data-presslens-ui", "");
        // Out of flow and sizeless: adding it re-lays out nothing of the page.
        let _ = host.set_attribute(
            "style",
            "position:fixed;top:0;left:0;width:0;height:0;z-index:2147483646",
        );
        let init = ShadowRootInit::new(ShadowRootMode::Open);
        let shadow = host
            .attach_shadow(&init)
            .map_err(|_| Error::Unavailable("attachShadow"))?;
        let style = el(&doc, "style", "", &[CSS, ACCESS_CSS].concat());
        let _ = shadow.append_child(&style);
        let tip = el(&doc, "div", "tip", "");
        let _ = tip.set_attribute("role", "tooltip");
        let _ = tip.set_attribute("hidden", "");
        let _ = shadow.append_child(&tip);
        let live = el(&doc, "div", "sr", "");
        let _ = live.set_attribute("role", "status");
        let _ = live.set_attribute("aria-live", "polite");
        let _ = shadow.append_child(&live);
        let parent: Element = match doc.body() {
            Some(b) => b.into(),
            None => doc.document_element().ok_or(Error::NoBody)?,
        };
        let _ = parent.append_child(&host);
        Ok(Host {
            host,
            shadow,
            tip,
            live,
        })
    }

    /// Says `text` through the live region (polite: after what the screen
    /// reader is saying). Setting the text replaces the region's text node,
    /// so the same words said twice are read twice.
    pub fn announce(&self, text: &str) {
        self.live.set_text_content(Some(text));
    }

    /// The element of ours that has focus, if any.
    pub fn focused(&self) -> Option<Element> {
        self.shadow.active_element()
    }

    /// Shows `card` at viewport point (x, y).
    pub fn show_tip(&self, card: &Card, x: f64, y: f64) {
        let tip = &self.tip;
        tip.set_text_content(None);
        add(tip, "div", "k", card.kind);
        add(tip, "div", "t", &card.title);
        let dl = add(tip, "dl", "", "");
        for (k, v) in &card.lines {
            add(&dl, "dt", "", k);
            add(&dl, "dd", "", v);
        }
        let _ = tip.remove_attribute("hidden");
        // Below-right of the pointer, kept inside the viewport.
        let (w, h) = viewport();
        let r = tip.get_bounding_client_rect();
        let mut left = x + 12.0;
        let mut top = y + 16.0;
        if left + r.width() > w - 8.0 {
            left = (w - r.width() - 8.0).max(4.0);
        }
        if top + r.height() > h - 8.0 {
            top = (y - r.height() - 12.0).max(4.0);
        }
        let _ = tip.set_attribute("style", &["left:", &px(left), ";top:", &px(top)].concat());
    }

    /// Whether the card is shown.
    pub fn tip_shown(&self) -> bool {
        !self.tip.has_attribute("hidden")
    }

    pub fn hide_tip(&self) {
        let _ = self.tip.set_attribute("hidden", "");
    }

    /// Takes the host out of the page (see [`super::safe::remove`]).
    pub fn remove(&self) -> Result<(), super::page::Error> {
        super::safe::remove(&self.host)
    }
}

fn px(v: f64) -> String {
    [(v.round() as i64).to_string(), "px".into()].concat()
}

pub fn viewport() -> (f64, f64) {
    let w = web_sys::window();
    let get = |f: fn(&web_sys::Window) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| {
        w.as_ref()
            .and_then(|w| f(w).ok())
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    (
        get(web_sys::Window::inner_width),
        get(web_sys::Window::inner_height),
    )
}
