//! Reports to JS values: the one conversion under both the JS API
//! ([`crate::api`]) and the DOM layer ([`crate::dom`]), so neither imports the
//! other for it.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use presslens::report::Report;

/// Serialises a report to a plain JS object (`null` for absent values, plain
/// objects rather than `Map`s), the shape documented in the README.
pub fn to_js(report: &Report) -> Result<JsValue, JsError> {
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("presslens: cannot serialise report: {e}")))
}

/// [`to_js`] for callers with nowhere to put an error.
pub fn to_js_lossy(report: &Report) -> JsValue {
    to_js(report).unwrap_or(JsValue::NULL)
}

/// [`to_js`] in slices: a report of a 10 MB page has hundreds of thousands
/// of items, and converting them in one go held the page for seconds. Each
/// [`Sliced::step`] converts items until its deadline; the last one returns
/// the same object [`to_js`] would.
pub struct Sliced {
    /// Quotes, parties, figures converted so far.
    parts: [js_sys::Array; 3],
    section: usize,
    next: usize,
}

/// Items converted between two looks at the clock.
const BATCH: usize = 64;

impl Default for Sliced {
    fn default() -> Self {
        Self::new()
    }
}

impl Sliced {
    pub fn new() -> Sliced {
        Sliced {
            parts: [
                js_sys::Array::new(),
                js_sys::Array::new(),
                js_sys::Array::new(),
            ],
            section: 0,
            next: 0,
        }
    }

    /// Converts items of `report` until `deadline` (ms); the whole report
    /// once every item is converted.
    pub fn step(&mut self, report: &Report, deadline: f64) -> Result<Option<JsValue>, JsError> {
        let ser = serde_wasm_bindgen::Serializer::json_compatible();
        let err = |e: serde_wasm_bindgen::Error| {
            JsError::new(&format!("presslens: cannot serialise report: {e}"))
        };
        while self.section < 3 {
            let len = match self.section {
                0 => report.quotes.len(),
                1 => report.parties.len(),
                _ => report.figures.len(),
            };
            while self.next < len {
                let i = self.next;
                let v = match self.section {
                    0 => report.quotes[i].serialize(&ser),
                    1 => report.parties[i].serialize(&ser),
                    _ => report.figures[i].serialize(&ser),
                }
                .map_err(err)?;
                self.parts[self.section].push(&v);
                self.next += 1;
                if self.next % BATCH == 0 && js_sys::Date::now() > deadline {
                    return Ok(None);
                }
            }
            self.section += 1;
            self.next = 0;
        }
        let out = js_sys::Object::new();
        for (key, part) in ["quotes", "parties", "figures"].iter().zip(&self.parts) {
            js_sys::Reflect::set(&out, &(*key).into(), part)
                .map_err(|_| JsError::new("presslens: cannot build the report object"))?;
        }
        Ok(Some(out.into()))
    }
}
