//! The JS API: what `wasm-bindgen` exports.
//!
//! Two entry points, matching the two places the engine runs:
//! - [`annotate_text`]: text in, report out (UTF-16 offsets). This is all an
//!   extension's service worker or offscreen page needs; the page side only
//!   reads text and paints.
//! - [`Lens`]: the DOM overlay on one article root: scope, text map, engine,
//!   paint, explain, panel, late content, undo; or only read and paint
//!   (`collect` / `paint`) around an engine elsewhere.
//! - [`render_article`]: a pasted article rendered as safe markup.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use std::cell::RefCell;
use std::rc::Rc;

use crate::dom::spans::Kind;
use crate::dom::{Options, Overlay, Shared};
use presslens::offsets::Unit;
use presslens::report::Report;

use crate::convert::to_js;

/// Annotates a text; offsets in the result are UTF-16 code units (JS string
/// indices).
#[wasm_bindgen(js_name = annotateText)]
pub fn annotate_text(text: &str) -> Result<JsValue, JsError> {
    to_js(&presslens::annotate_in(text, Unit::Utf16))
}

/// Readies the engine (see `dom::warm`): builds its lexicons and, in the
/// JavaScript build on a page, runs a sample once per task until the
/// browser has compiled the engine for speed, so that neither lands in the
/// middle of the first pass. Resolves to the number of sample calls; never
/// rejects. `load()` in `presslens.js` awaits it.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() -> js_sys::Promise {
    crate::dom::warm::warm_up()
}

/// Renders a pasted article (plain text or HTML) into `container` as safe
/// markup: HTML is parsed inert and rebuilt from text elements without
/// attributes; nothing pasted is ever assigned as HTML.
#[wasm_bindgen(js_name = renderArticle)]
pub fn render_article(container: &web_sys::Element, input: &str) -> Result<(), JsError> {
    crate::dom::paste::render(container, input).map_err(JsError::from)
}

/// The overlay attached to one article root.
///
/// All-in-one: `new Lens(root?, options?)`, then `annotate()` (one go) or
/// `run()` (in slices, a Promise). Split, for an engine that runs elsewhere
/// (an extension's service worker, a server): `collect()` returns the text,
/// the engine annotates it, `paint(report)` paints the report (UTF-16
/// offsets into that text).
///
/// `options` (every key optional): `quote`, `party`, `figure` (kinds shown,
/// default true), `panel` (side panel, default false), `tooltip` (default
/// true), `observe` (re-annotate late content, default true), `fallback`
/// (wrap in `<mark>` even where highlights exist, default false),
/// `onChange` (a function called on late content instead of re-annotating
/// locally; call `collect()` and `paint()` again from it), `onPick` (a
/// function called with the root the reader chose in the panel when the
/// automatic scope was not confident: `"page"` or a selector path, either
/// one a valid `root` for a later `new Lens`).
#[wasm_bindgen]
pub struct Lens {
    inner: Shared,
}

#[wasm_bindgen]
impl Lens {
    /// Attaches to `root`: an element, a CSS selector, `"page"` (the whole
    /// body), or `"auto"` / nothing to detect the article on the page.
    #[wasm_bindgen(constructor)]
    pub fn new(root: JsValue, options: JsValue) -> Result<Lens, JsError> {
        let overlay =
            Overlay::with_options(&root, Options::from_js(&options)?).map_err(JsError::from)?;
        Ok(Lens {
            inner: Rc::new(RefCell::new(overlay)),
        })
    }

    /// Reads the article, annotates it and paints the result in one go;
    /// returns the report (UTF-16 offsets into [`Lens::text`]).
    pub fn annotate(&mut self) -> Result<JsValue, JsError> {
        crate::dom::install(&self.inner);
        self.inner.borrow_mut().annotate().map_err(JsError::from)?;
        crate::dom::watch(&self.inner);
        self.report()
    }

    /// Like [`Lens::annotate`], in slices of a few ms that leave the page
    /// responsive; resolves to the report (or `null` if cleared first).
    pub fn run(&mut self) -> js_sys::Promise {
        crate::dom::run(&self.inner)
    }

    /// Split API, step 1: reads the article (scope and text map, no engine)
    /// and returns its text.
    pub fn collect(&mut self) -> Result<String, JsError> {
        self.inner
            .borrow_mut()
            .collect()
            .map(str::to_string)
            .map_err(JsError::from)
    }

    /// Split API, step 2: paints a report made elsewhere for the text of the
    /// last [`Lens::collect`] (UTF-16 offsets, the shape `annotateText`
    /// returns).
    pub fn paint(&mut self, report: JsValue) -> Result<(), JsError> {
        let report: Report = serde_wasm_bindgen::from_value(report)
            .map_err(|e| JsError::new(&["presslens: not a report: ", &e.to_string()].concat()))?;
        crate::dom::install(&self.inner);
        self.inner
            .borrow_mut()
            .paint(report)
            .map_err(JsError::from)?;
        crate::dom::watch(&self.inner);
        Ok(())
    }

    /// The last report, or `null` before the first pass. After
    /// [`Lens::run`] it is the object the pass resolved to (converted in
    /// slices then), not a new one: a large page's report converted anew
    /// was one long task.
    pub fn report(&self) -> Result<JsValue, JsError> {
        let o = self.inner.borrow();
        if let Some(v) = o.report_js() {
            return Ok(v);
        }
        match o.report() {
            Some(r) => to_js(r),
            None => Ok(JsValue::NULL),
        }
    }

    /// The exact text that was annotated (report offsets index into it).
    pub fn text(&self) -> String {
        self.inner.borrow().text().to_string()
    }

    /// The article root this lens is attached to (with automatic scope,
    /// `<body>` until the first pass has found the article).
    pub fn root(&self) -> Option<web_sys::Element> {
        self.inner.borrow().root()
    }

    /// What is known of the scope after a pass: `{ confidence, paywall }`.
    /// `confidence` is `null` for a root the caller chose, else `{ low,
    /// margin, share, chars, metadata }` (see
    /// `dom::confidence`); `paywall` is `null` or the name of the rule that
    /// found a paywall stub ("not-free", "wall-at-end", "stub-with-offer").
    #[wasm_bindgen(js_name = scopeInfo)]
    pub fn scope_info(&self) -> Result<JsValue, JsError> {
        let o = self.inner.borrow();
        let confidence = o.confidence();
        let info = o.scope().map(|s| ScopeInfo {
            confidence: confidence.map(|c| ConfidenceInfo {
                low: c.low(),
                margin: c.margin,
                share: c.share,
                chars: c.chars,
                metadata: c.metadata.name(),
            }),
            paywall: s.paywall.map(|p| p.name()),
        });
        info.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&format!("presslens: {e}")))
    }

    /// Shows or hides one kind of mark: "quote", "party" or "figure" (or
    /// the plural). Any other name is an error that says which are known,
    /// never a silent no-op.
    #[wasm_bindgen(js_name = setKind)]
    pub fn set_kind(&mut self, kind: &str, on: bool) -> Result<(), JsError> {
        let Some(k) = Kind::from_name(kind) else {
            return Err(JsError::new(&format!(
                "presslens: setKind: unknown kind {kind:?} (quote, party or figure)"
            )));
        };
        self.inner
            .borrow_mut()
            .set_kind(k, on)
            .map_err(JsError::from)
    }

    /// Opens or closes the side panel.
    #[wasm_bindgen(js_name = showPanel)]
    pub fn show_panel(&mut self, on: bool) {
        crate::dom::install(&self.inner);
        self.inner.borrow_mut().show_panel(on);
    }

    /// Opens the side panel and moves keyboard focus into it (to its
    /// title), remembering what had focus: closing the panel gives it back.
    /// For a control that opened PressLens from the keyboard.
    #[wasm_bindgen(js_name = focusPanel)]
    pub fn focus_panel(&mut self) {
        crate::dom::install(&self.inner);
        self.inner.borrow_mut().focus_panel();
    }

    /// Counters for the tests and benchmarks, not for pages (no stable
    /// API): `passes`, how many passes have completed (the first, and one
    /// per batch of late content); of the last [`Lens::run`] pass,
    /// `longestSliceMs`, the longest slice of DOM work (scope, text map,
    /// paint, panel; engine calls not counted), `longestSlicePhase`, the
    /// phase it ran in ("detect", "collect", "engine", "paint", "finish",
    /// "deliver"), and `longestEngineMs`, the longest single engine call
    /// (texts over 24 KB are annotated in chunks sized to keep it short).
    #[wasm_bindgen(js_name = debugProbes)]
    pub fn debug_probes(&self) -> Result<JsValue, JsError> {
        let o = self.inner.borrow();
        let probes = Probes {
            passes: o.passes(),
            longest_slice_ms: o.longest_slice_ms(),
            longest_slice_phase: o.longest_slice_phase(),
            longest_engine_ms: crate::dom::engine::LONGEST.with(|c| c.get()),
        };
        probes
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&format!("presslens: {e}")))
    }

    /// Removes every highlight, mark, tooltip, panel and observer; the
    /// document is left exactly as it was. Returns a Promise: it resolves
    /// when the page is whole (at once, unless many `<mark>`s go back in
    /// slices that keep the page responsive), or rejects, saying what is
    /// left, where a page API kept some of it on the page; calling it again
    /// tries again.
    pub fn clear(&mut self) -> js_sys::Promise {
        crate::dom::clear(&self.inner)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Probes {
    passes: u32,
    longest_slice_ms: f64,
    longest_slice_phase: &'static str,
    longest_engine_ms: f64,
}

#[derive(Serialize)]
struct ScopeInfo {
    confidence: Option<ConfidenceInfo>,
    paywall: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConfidenceInfo {
    low: bool,
    margin: f32,
    share: f32,
    chars: u32,
    metadata: &'static str,
}

/// `webAnnotations(report, text, source)`: a report in UTF-16 offsets over
/// `text`, as the JS API hands them out, as a W3C Web Annotation collection.
#[wasm_bindgen(js_name = webAnnotations)]
pub fn web_annotations(report: JsValue, text: &str, source: &str) -> Result<JsValue, JsError> {
    let report: Report = serde_wasm_bindgen::from_value(report)
        .map_err(|e| JsError::new(&format!("presslens: not a PressLens report: {e}")))?;
    let report = report.into_bytes(text, Unit::Utf16);
    presslens::export::web_annotations(&report, text, source)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("presslens: {e}")))
}
