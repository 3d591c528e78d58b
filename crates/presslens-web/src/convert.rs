//! Reports to JS values: the one conversion under both the JS API
//! ([`crate::api`]) and the DOM layer ([`crate::dom`]), so neither imports the
//! other for it.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use presslens::report::Report;

/// Serialises a report to a plain JS object (`null` for absent values, plain
/// objects rather than `Map`s), the shape documented in the README.
pub(crate) fn to_js(report: &Report) -> Result<JsValue, JsError> {
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("presslens: cannot serialise report: {e}")))
}

/// [`to_js`] for callers with nowhere to put an error.
pub(crate) fn to_js_lossy(report: &Report) -> JsValue {
    to_js(report).unwrap_or(JsValue::NULL)
}
