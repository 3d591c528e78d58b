//! The panel's export actions: the report as JSON, or as W3C Web Annotations
//! (JSON-LD), saved as a file by the browser. Nothing is added to the page:
//! the link that starts the download is never attached to the document.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use presslens::offsets::Unit;
use presslens::report::Report;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// The report in the PressLens schema (UTF-16 offsets, as the JS API).
    Report,
    /// A W3C Web Annotation collection for the page's URL.
    WebAnnotations,
}

/// Saves `report` (UTF-16 offsets into `text`) as a file. Failures are
/// logged, never thrown into the page.
pub fn save(report: &Report, text: &str, what: Export) {
    if let Err(e) = try_save(report, text, what) {
        web_sys::console::warn_2(&"PressLens: could not export".into(), &e);
    }
}

fn try_save(report: &Report, text: &str, what: Export) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let (value, name, mime) = match what {
        Export::Report => (
            crate::convert::to_js(report)?,
            "presslens-report.json",
            "application/json",
        ),
        Export::WebAnnotations => {
            // The page's address without its query and fragment: those
            // often carry session ids, tracking tags or search terms that
            // a shared annotation file should not.
            let loc = window.location();
            let source = [loc.origin()?, loc.pathname()?].concat();
            let bytes = report.clone().into_bytes(text, Unit::Utf16);
            let collection = presslens::export::web_annotations(&bytes, text, &source);
            (
                collection
                    .serialize(&ser)
                    .map_err(|e| JsValue::from_str(&e.to_string()))?,
                "presslens-annotations.jsonld",
                "application/ld+json",
            )
        }
    };
    let json =
        js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))?;
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&json), &opts)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke once the browser has taken the blob.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}
