//! Reports to JS values: the one conversion under both the JS API
//! ([`crate::api`]) and the DOM layer ([`crate::dom`]), so neither imports the
//! other for it.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
/// the same object [`to_js`] would. A party's mentions are converted in
/// batches too: one name repeated over a long page has a hundred thousand
/// of them (one party of a 14 MB page took 0.6 s whole).
pub struct Sliced {
    /// Quotes, parties, figures converted so far.
    parts: [js_sys::Array; 3],
    section: usize,
    next: usize,
    /// The party being converted: its mentions array and the next mention.
    party: Option<(js_sys::Array, usize)>,
}

/// Items (or mentions) converted between two looks at the clock.
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
            party: None,
        }
    }

    /// Converts items of `report` until `deadline` (ms); the whole report
    /// once every item is converted.
    pub fn step(&mut self, report: &Report, deadline: f64) -> Result<Option<JsValue>, JsError> {
        let ser = serde_wasm_bindgen::Serializer::json_compatible();
        let err = |e: serde_wasm_bindgen::Error| {
            JsError::new(&format!("presslens: cannot serialise report: {e}"))
        };
        let mut units = 0usize;
        let mut tick = |n: usize| {
            let before = units / BATCH;
            units += n;
            units / BATCH != before && js_sys::Date::now() > deadline
        };
        while self.section < 3 {
            let len = match self.section {
                0 => report.quotes.len(),
                1 => report.parties.len(),
                _ => report.figures.len(),
            };
            while self.next < len {
                let i = self.next;
                if self.section == 1 {
                    // A party: its fields first (mentions empty), then its
                    // mentions into that object's array, a batch at a time.
                    let p = &report.parties[i];
                    if self.party.is_none() {
                        let shell = presslens::report::Party {
                            name: p.name.clone(),
                            kind: p.kind,
                            role: p.role.clone(),
                            mentions: Vec::new(),
                        };
                        let v = shell.serialize(&ser).map_err(err)?;
                        let mentions = crate::dom::safe::get(&v, "mentions")
                            .dyn_into::<js_sys::Array>()
                            .ok()
                            .ok_or_else(|| JsError::new("presslens: cannot build a party"))?;
                        self.parts[1].push(&v);
                        self.party = Some((mentions, 0));
                    }
                    let Some((mentions, at)) = &mut self.party else {
                        unreachable!()
                    };
                    while *at < p.mentions.len() {
                        mentions.push(&p.mentions[*at].serialize(&ser).map_err(err)?);
                        *at += 1;
                        if tick(1) {
                            return Ok(None);
                        }
                    }
                    self.party = None;
                } else {
                    let v = match self.section {
                        0 => report.quotes[i].serialize(&ser),
                        _ => report.figures[i].serialize(&ser),
                    }
                    .map_err(err)?;
                    self.parts[self.section].push(&v);
                }
                self.next += 1;
                if tick(1) {
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
