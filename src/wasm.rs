//! The JS API: what `wasm-bindgen` exports.
//!
//! Two entry points, matching the two places the engine runs:
//! - [`annotate_text`]: text in, report out (UTF-16 offsets). This is all an
//!   extension's service worker or offscreen page needs; the page side only
//!   reads text and paints.
//! - [`Lens`]: the DOM overlay on one article root: scope, text map, engine,
//!   paint, undo.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::dom::Overlay;
use crate::offsets::Unit;
use crate::report::Report;

/// Serialises a report to a plain JS object (`null` for absent values, plain
/// objects rather than `Map`s), the shape documented in the README.
pub(crate) fn to_js(report: &Report) -> Result<JsValue, JsError> {
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("presslens: cannot serialise report: {e}")))
}

/// Annotates a text; offsets in the result are UTF-16 code units (JS string
/// indices).
#[wasm_bindgen(js_name = annotateText)]
pub fn annotate_text(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::annotate_in(text, Unit::Utf16))
}

/// The overlay attached to one article root.
#[wasm_bindgen]
pub struct Lens {
    overlay: Overlay,
}

#[wasm_bindgen]
impl Lens {
    /// Attaches to `root`: an element, a CSS selector, or nothing to detect
    /// the article on the page.
    #[wasm_bindgen(constructor)]
    pub fn new(root: JsValue) -> Result<Lens, JsError> {
        Ok(Lens { overlay: Overlay::attach(&root).map_err(|e| JsError::new(&e))? })
    }

    /// Reads the article, annotates it and paints the result; returns the
    /// report (UTF-16 offsets into [`Lens::text`]).
    pub fn annotate(&mut self) -> Result<JsValue, JsError> {
        self.overlay.annotate().map_err(|e| JsError::new(&e))?;
        self.report()
    }

    /// The last report, or `null` before the first pass.
    pub fn report(&self) -> Result<JsValue, JsError> {
        match self.overlay.report() {
            Some(r) => to_js(r),
            None => Ok(JsValue::NULL),
        }
    }

    /// The exact text that was annotated (report offsets index into it).
    pub fn text(&self) -> String {
        self.overlay.text().to_string()
    }

    /// The article root this lens is attached to.
    pub fn root(&self) -> web_sys::Element {
        self.overlay.root().clone()
    }

    /// Removes every highlight; the document is left as it was.
    pub fn clear(&mut self) {
        self.overlay.clear();
    }
}
