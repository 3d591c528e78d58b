//! The page's DOM APIs that a page may replace or make throw, called so
//! that a throw comes back as an `Err` instead of unwinding through wasm.
//!
//! An exception that crosses the wasm boundary skips every Rust frame in
//! between: borrow flags stay set, the pass never ends, and every later
//! call fails with "recursive use of an object detected". web-sys declares
//! these methods infallible (the standard says they do not throw), so they
//! are bound here again with `catch`. Promise callbacks are invoked through
//! `Reflect.apply` rather than `Function.prototype.call`, which a page may
//! also have replaced.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbstractRange, CharacterData, Element, Highlight, HighlightRegistry, Node};

use super::page::Error;

// Local names for the same objects, so that their methods can be bound
// again with `catch` (web-sys's own types cannot take new methods here).
#[wasm_bindgen]
extern "C" {
    /// A `Highlight`.
    type RangeSet;
    #[wasm_bindgen(method, catch, js_name = add)]
    fn add_range(this: &RangeSet, range: &AbstractRange) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = delete)]
    fn delete_range(this: &RangeSet, range: &AbstractRange) -> Result<JsValue, JsValue>;

    /// `CSS.highlights`.
    type Registry;
    #[wasm_bindgen(method, catch, js_name = set)]
    fn set_highlight(
        this: &Registry,
        name: &str,
        highlight: &Highlight,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = has)]
    fn has_highlight(this: &Registry, name: &str) -> Result<bool, JsValue>;
    #[wasm_bindgen(method, catch, js_name = delete)]
    fn delete_highlight(this: &Registry, name: &str) -> Result<JsValue, JsValue>;

    /// A node with `remove()` (an element or character data).
    type Removable;
    #[wasm_bindgen(method, catch, js_name = remove)]
    fn remove_self(this: &Removable) -> Result<(), JsValue>;
}

/// What a JS exception says, for an error message.
fn detail(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "an exception".into())
}

fn page(api: &'static str) -> impl FnOnce(JsValue) -> Error {
    move |e| page_error(api, &e)
}

/// The error for exception `e` thrown by page API `api`.
pub fn page_error(api: &'static str, e: &JsValue) -> Error {
    Error::Page {
        api,
        detail: detail(e),
    }
}

pub fn highlight_add(h: &Highlight, range: &AbstractRange) -> Result<(), Error> {
    h.unchecked_ref::<RangeSet>()
        .add_range(range)
        .map(drop)
        .map_err(page("Highlight.prototype.add"))
}

pub fn highlight_delete(h: &Highlight, range: &AbstractRange) -> Result<(), Error> {
    h.unchecked_ref::<RangeSet>()
        .delete_range(range)
        .map(drop)
        .map_err(page("Highlight.prototype.delete"))
}

pub fn registry_set(r: &HighlightRegistry, name: &str, h: &Highlight) -> Result<(), Error> {
    r.unchecked_ref::<Registry>()
        .set_highlight(name, h)
        .map(drop)
        .map_err(page("CSS.highlights.set"))
}

pub fn registry_has(r: &HighlightRegistry, name: &str) -> Result<bool, Error> {
    r.unchecked_ref::<Registry>()
        .has_highlight(name)
        .map_err(page("CSS.highlights.has"))
}

pub fn registry_delete(r: &HighlightRegistry, name: &str) -> Result<(), Error> {
    r.unchecked_ref::<Registry>()
        .delete_highlight(name)
        .map(drop)
        .map_err(page("CSS.highlights.delete"))
}

/// Takes `node` out of `parent`: `removeChild`, or where the page broke
/// that, the node's own `remove()`.
pub fn detach(parent: &Node, node: &Node) -> Result<(), Error> {
    let Err(first) = parent.remove_child(node) else {
        return Ok(());
    };
    let second = if node.is_instance_of::<Element>() || node.is_instance_of::<CharacterData>() {
        node.unchecked_ref::<Removable>().remove_self()
    } else {
        Err(first.clone())
    };
    second.map_err(|_| page("Node.prototype.removeChild")(first))
}

/// Takes an element of ours out of the page, whichever of its parent's
/// `removeChild` or its own `remove()` still works.
pub fn remove(el: &Element) -> Result<(), Error> {
    match el.parent_node() {
        Some(parent) => detach(&parent, el.as_ref()),
        None => Ok(()),
    }
}

/// Calls a page callback with no arguments.
pub fn notify(f: &js_sys::Function) {
    let _ = js_sys::Reflect::apply(f, &JsValue::NULL, &js_sys::Array::new());
}

/// Calls `f` with one argument in a task of its own: never while the
/// overlay is borrowed, so `f` may call the Lens back.
pub fn notify_later(f: &js_sys::Function, value: JsValue) {
    let f = f.clone();
    let cb = Closure::once_into_js(move || settle(&f, &value));
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
    }
}

/// Calls a promise callback with one argument.
pub fn settle(f: &js_sys::Function, value: &JsValue) {
    let _ = js_sys::Reflect::apply(f, &JsValue::NULL, &js_sys::Array::of1(value));
}
