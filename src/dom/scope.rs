//! Article scope: which element holds the article.
//!
//! An explicit root (an element or a selector) always wins. Otherwise the
//! first of the elements that news pages mark their body with:
//! `[itemprop=articleBody]`, `<article>`, `<main>`, falling back to `<body>`.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

const CANDIDATES: &[&str] = &["[itemprop=articleBody]", "article", "main", "[role=main]"];

/// Resolves the root the caller asked for, or detects one.
pub fn resolve(root: &JsValue) -> Result<Element, String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("presslens: no document")?;
    if let Some(el) = root.dyn_ref::<Element>() {
        return Ok(el.clone());
    }
    if let Some(sel) = root.as_string() {
        return document
            .query_selector(&sel)
            .map_err(|_| format!("presslens: invalid selector {sel:?}"))?
            .ok_or_else(|| format!("presslens: no element matches {sel:?}"));
    }
    if !root.is_undefined() && !root.is_null() {
        return Err("presslens: root must be an element, a selector or nothing".into());
    }
    for sel in CANDIDATES {
        if let Ok(Some(el)) = document.query_selector(sel) {
            return Ok(el);
        }
    }
    document.body().map(Into::into).ok_or_else(|| "presslens: the document has no body".into())
}
