//! The DOM layer: article scope, text map, paint and undo (wasm32 only).
//!
//! Data flows one way: [`scope`] picks the article root, [`textmap`] reads it
//! into one string with a map back to text nodes, the engine annotates the
//! string, and [`paint`] turns report offsets into DOM ranges and highlights.
//! The engine call sits between two plain values (a `String` in, a
//! [`Report`] out), so the text map and painting can run on a page while the
//! engine runs elsewhere (an extension's own pages).

pub mod paint;
pub mod scope;
pub mod textmap;

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::offsets::Unit;
use crate::report::Report;
use paint::Painter;
use textmap::TextMap;

/// The overlay on one article root.
pub struct Overlay {
    root: Element,
    map: TextMap,
    report: Option<Report>,
    painter: Painter,
}

impl Overlay {
    /// Attaches to an explicit root (element or selector), or detects one.
    pub fn attach(root: &JsValue) -> Result<Overlay, String> {
        let root = scope::resolve(root)?;
        Ok(Overlay { root, map: TextMap::default(), report: None, painter: Painter::default() })
    }

    /// Reads, annotates and paints; any earlier paint is cleared first.
    pub fn annotate(&mut self) -> Result<(), String> {
        self.painter.clear();
        self.map = TextMap::collect(&self.root);
        let report = crate::annotate_in(self.map.text(), Unit::Utf16);
        self.painter.paint(&self.map, &report)?;
        self.report = Some(report);
        Ok(())
    }

    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
    }

    pub fn text(&self) -> &str {
        self.map.text()
    }

    pub fn root(&self) -> &Element {
        &self.root
    }

    pub fn clear(&mut self) {
        self.painter.clear();
        self.report = None;
    }
}
