//! Facts about one page element that the scope detector and the paywall
//! rules both read: the words of its class and id, and whether the page
//! shows it. A leaf: it imports neither of them.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The class and id of `el` as lower-case words separated by spaces
/// (split at anything not a letter or digit and at camelCase
/// boundaries: "shareBar" is "share bar"); empty when it has neither.
pub fn hint_words(el: &Element) -> String {
    let class = el.get_attribute("class").unwrap_or_default();
    let id = el.id();
    if class.is_empty() && id.is_empty() {
        return String::new();
    }
    let mut hints = String::with_capacity(class.len() + id.len() + 1);
    for c in class.chars().chain(std::iter::once(' ')).chain(id.chars()) {
        if c.is_ascii_uppercase() && hints.chars().last().is_some_and(|p| p.is_ascii_lowercase()) {
            hints.push(' ');
        }
        hints.push(if c.is_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            ' '
        });
    }
    hints
}

/// `Element.checkVisibility()` where the browser has it (display: none,
/// content-visibility, hidden ancestors); true elsewhere.
pub fn visible(el: &Element) -> bool {
    let f = js_sys::Reflect::get(el, &"checkVisibility".into()).unwrap_or(JsValue::UNDEFINED);
    match f.dyn_ref::<js_sys::Function>() {
        Some(f) => f
            .call0(el)
            .map(|v| v.as_bool() != Some(false))
            .unwrap_or(true),
        None => true,
    }
}
