//! The page's DOM APIs that a page may replace or make throw, called so
//! that a throw comes back as an `Err` instead of unwinding through wasm.
//!
//! Where one API is broken another that does the same is tried: a node is
//! taken out by `removeChild`, else its own `remove()`, else
//! `replaceWith()` with nothing, else a range's `deleteContents()`. A page
//! that redefines a built-in before PressLens loads leaves nothing pristine
//! to capture, so a second native way in is what keeps the page's text
//! safe there. Properties are read by plain property access (a binding
//! with `indexing_getter`), never through the global `Reflect.get`, which
//! a page may replace.
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
    #[wasm_bindgen(method, catch, js_name = clear)]
    fn clear_ranges(this: &RangeSet) -> Result<(), JsValue>;

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

    /// A node with `remove()` and `replaceWith()` (an element or character
    /// data).
    type Removable;
    #[wasm_bindgen(method, catch, js_name = remove)]
    fn remove_self(this: &Removable) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = replaceWith)]
    fn replace_with_nothing(this: &Removable) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = replaceWith)]
    fn replace_with_node(this: &Removable, node: &Node) -> Result<(), JsValue>;

    /// A node as a parent, its methods bound with `catch`.
    type Parent;
    #[wasm_bindgen(method, catch, js_name = removeChild)]
    fn remove_child(this: &Parent, child: &Node) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = replaceChild)]
    fn replace_child(this: &Parent, new: &Node, old: &Node) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = appendChild)]
    fn append_child(this: &Parent, child: &Node) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = append)]
    fn append(this: &Parent, child: &Node) -> Result<(), JsValue>;

    /// Any object, read by plain property access.
    type Plain;
    #[wasm_bindgen(method, catch, indexing_getter)]
    fn at(this: &Plain, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, indexing_setter)]
    fn put(this: &Plain, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

/// Property `key` of `v` (`undefined` where `v` is not an object), read
/// as `v[key]` rather than through `Reflect.get`. A getter that throws
/// gives `undefined`.
pub fn get(v: &JsValue, key: &str) -> JsValue {
    if !v.is_object() && !v.is_function() {
        return JsValue::UNDEFINED;
    }
    v.unchecked_ref::<Plain>()
        .at(key)
        .unwrap_or(JsValue::UNDEFINED)
}

/// Sets property `key` of object `o` to `value` (`o[key] = value`, not
/// `Reflect.set`); a setter that throws leaves it unset.
pub fn set(o: &JsValue, key: &str, value: &JsValue) {
    let _ = o.unchecked_ref::<Plain>().put(key, value);
}

/// What a JS exception says, for an error message.
fn detail(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| get(e, "message").as_string())
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

pub fn highlight_clear(h: &Highlight) -> Result<(), Error> {
    h.unchecked_ref::<RangeSet>()
        .clear_ranges()
        .map_err(page("Highlight.prototype.clear"))
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

/// Whether `node` has `remove()` and `replaceWith()`.
fn child_node(node: &Node) -> bool {
    node.is_instance_of::<Element>() || node.is_instance_of::<CharacterData>()
}

/// Takes `node` out of `parent`: `removeChild`, or where the page broke
/// that, the node's own `remove()`, `replaceWith()` with nothing, or a
/// range around it emptied. The error names the first API that threw.
pub fn detach(parent: &Node, node: &Node) -> Result<(), Error> {
    let Err(first) = parent.unchecked_ref::<Parent>().remove_child(node) else {
        return Ok(());
    };
    let gone = || !node.parent_node().is_some_and(|p| &p == parent);
    if child_node(node) {
        let n = node.unchecked_ref::<Removable>();
        if n.remove_self().is_ok() && gone() {
            return Ok(());
        }
        if n.replace_with_nothing().is_ok() && gone() {
            return Ok(());
        }
    }
    let emptied = super::page::document()
        .ok()
        .and_then(|d| d.create_range().ok())
        .is_some_and(|r| r.select_node(node).is_ok() && r.delete_contents().is_ok());
    if emptied && gone() {
        return Ok(());
    }
    Err(page_error("Node.prototype.removeChild", &first))
}

/// Puts `new` in place of `old` (a child of `parent`) in one DOM
/// operation: `replaceChild`, else `old.replaceWith(new)`. Either the page
/// shows `new` where `old` was, or nothing changed; never both.
pub fn replace(parent: &Node, new: &Node, old: &Node) -> Result<(), Error> {
    let Err(first) = parent.unchecked_ref::<Parent>().replace_child(new, old) else {
        return Ok(());
    };
    let replaced = child_node(old)
        && old
            .unchecked_ref::<Removable>()
            .replace_with_node(new)
            .is_ok()
        && !old.parent_node().is_some_and(|p| &p == parent);
    match replaced {
        true => Ok(()),
        false => Err(page_error("Node.prototype.replaceChild", &first)),
    }
}

/// Appends `child` to `parent` (a node of ours, not yet in the page):
/// `appendChild`, else `append`.
pub fn append(parent: &Node, child: &Node) -> Result<(), Error> {
    let p = parent.unchecked_ref::<Parent>();
    let Err(first) = p.append_child(child) else {
        return Ok(());
    };
    p.append(child)
        .map_err(|_| page_error("Node.prototype.appendChild", &first))
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
    // A callback that cannot be queued is not called (it only reports).
    let _ = super::task::later(move || settle(&f, &value));
}

/// Calls a promise callback with one argument.
pub fn settle(f: &js_sys::Function, value: &JsValue) {
    let _ = js_sys::Reflect::apply(f, &JsValue::NULL, &js_sys::Array::of1(value));
}
