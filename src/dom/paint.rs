//! Paint: report offsets to DOM ranges to CSS Custom Highlights.
//!
//! Highlights change no DOM and shift no layout, so undo is exact by
//! construction: clearing deletes our entries from `CSS.highlights` and the
//! document is as it was.

use web_sys::{AbstractRange, Highlight, Range};

use super::textmap::TextMap;
use crate::report::Report;

/// The highlight names, also the CSS hooks for theming (`::highlight(...)`).
pub const QUOTE: &str = "presslens-quote";
pub const PARTY: &str = "presslens-party";
pub const FIGURE: &str = "presslens-figure";

/// What one painted range marks: a kind and an index in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Quote(usize),
    /// Party index and mention index.
    Party(usize, usize),
    Figure(usize),
}

/// Paints reports and remembers what it painted.
#[derive(Default)]
pub struct Painter {
    ranges: Vec<(Target, Range)>,
    painted: bool,
}

impl Painter {
    /// Paints `report` (UTF-16 offsets into `map`'s text).
    pub fn paint(&mut self, map: &TextMap, report: &Report) -> Result<(), String> {
        self.clear();
        let document = web_sys::window().and_then(|w| w.document()).ok_or("presslens: no document")?;
        let mut add = |t: Target, s: usize, e: usize| {
            if let Some(r) = range(&document, map, s, e) {
                self.ranges.push((t, r));
            }
        };
        for (i, q) in report.quotes.iter().enumerate() {
            add(Target::Quote(i), q.start, q.end);
        }
        for (i, p) in report.parties.iter().enumerate() {
            for (j, m) in p.mentions.iter().enumerate() {
                add(Target::Party(i, j), m.start, m.end);
            }
        }
        for (i, f) in report.figures.iter().enumerate() {
            add(Target::Figure(i), f.start, f.end);
        }
        if !highlight_api() {
            return Err("presslens: this browser has no CSS Custom Highlight API".into());
        }
        let registry = web_sys::css::JsNamespaceCss::highlights();
        for name in [QUOTE, PARTY, FIGURE] {
            let hl = Highlight::new(&[]).map_err(|_| "presslens: cannot create a Highlight")?;
            for (t, r) in &self.ranges {
                let kind = match t {
                    Target::Quote(_) => QUOTE,
                    Target::Party(..) => PARTY,
                    Target::Figure(_) => FIGURE,
                };
                if kind == name {
                    let r: &AbstractRange = r.as_ref();
                    hl.add(r);
                }
            }
            // Quotes lie under the parties and figures inside them.
            hl.set_priority(if name == QUOTE { 0 } else { 1 });
            registry.set(name, &hl);
        }
        self.painted = true;
        Ok(())
    }

    /// The painted ranges with what each marks.
    pub fn ranges(&self) -> &[(Target, Range)] {
        &self.ranges
    }

    /// Removes our highlights; touches nothing else.
    pub fn clear(&mut self) {
        if self.painted {
            let registry = web_sys::css::JsNamespaceCss::highlights();
            for name in [QUOTE, PARTY, FIGURE] {
                registry.delete(name);
            }
            self.painted = false;
        }
        self.ranges.clear();
    }
}

/// Whether `CSS.highlights` and `Highlight` exist (Chromium 105+, Safari
/// 17.2+, Firefox 140+).
fn highlight_api() -> bool {
    let global = js_sys::global();
    let css = js_sys::Reflect::get(&global, &"CSS".into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    !css.is_undefined()
        && js_sys::Reflect::has(&css, &"highlights".into()).unwrap_or(false)
        && js_sys::Reflect::has(&global, &"Highlight".into()).unwrap_or(false)
}

/// A DOM range for UTF-16 span `s..e` of the map's text.
fn range(document: &web_sys::Document, map: &TextMap, s: usize, e: usize) -> Option<Range> {
    let (sn, so) = map.locate(s as u32, false)?;
    let (en, eo) = map.locate(e as u32, true)?;
    let r = document.create_range().ok()?;
    r.set_start(&sn, so).ok()?;
    r.set_end(&en, eo).ok()?;
    if r.collapsed() {
        return None;
    }
    Some(r)
}
