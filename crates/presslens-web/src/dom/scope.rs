//! Article scope in the browser: the engine's detector
//! ([`presslens::scope`], one algorithm with the command line's) over the
//! page's DOM through [`Dom`], its [`Tree`] adapter, which adds what only a
//! live page knows (computed visibility, `checkVisibility()`) and answers
//! the detector's page-wide look-ups with `querySelectorAll`.
//!
//! An explicit root (an element or a selector) always wins; otherwise
//! [`Detector`] runs the engine's detector in slices, and the result
//! becomes a [`Scope`] of elements for the text map and the panel.

use std::borrow::Cow;

use presslens::scope::{self as engine_scope, Deadline, NodeKind, Query, Tree};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node};

pub use presslens::scope::{is_block, Filter};

use super::page::{Error, Result};
use super::safe::{get, page_error};

/// The article over the page's elements: the engine's scope
/// ([`engine_scope::Scope`]), one definition for both.
pub type Scope = engine_scope::Scope<Element>;

/// The page's DOM as the engine's [`Tree`].
pub struct Dom {
    /// The document page-wide look-ups search (none: they find nothing).
    pub doc: Option<Document>,
}

impl Dom {
    /// The DOM of `el`'s document.
    pub fn of(el: &Element) -> Dom {
        Dom {
            doc: el.owner_document(),
        }
    }
}

impl Tree for Dom {
    type Node = Node;

    fn kind(&self, n: &Node) -> NodeKind {
        match n.node_type() {
            Node::ELEMENT_NODE => NodeKind::Element,
            Node::TEXT_NODE => NodeKind::Text,
            _ => NodeKind::Other,
        }
    }
    fn local_name(&self, el: &Node) -> Cow<'_, str> {
        Cow::Owned(el.unchecked_ref::<Element>().local_name())
    }
    fn attr(&self, el: &Node, name: &str) -> Option<Cow<'_, str>> {
        el.unchecked_ref::<Element>()
            .get_attribute(name)
            .map(Cow::Owned)
    }
    fn text(&self, n: &Node) -> Cow<'_, str> {
        Cow::Owned(n.text_content().unwrap_or_default())
    }
    fn first_child(&self, n: &Node) -> Option<Node> {
        n.first_child()
    }
    fn next_sibling(&self, n: &Node) -> Option<Node> {
        n.next_sibling()
    }
    fn previous_sibling(&self, n: &Node) -> Option<Node> {
        n.previous_sibling()
    }
    fn parent(&self, n: &Node) -> Option<Node> {
        n.parent_node()
    }
    fn document(&self) -> Option<Node> {
        self.doc.clone().map(Into::into)
    }
    fn visible(&self, el: &Node) -> Option<bool> {
        Some(visible(el.unchecked_ref()))
    }
    fn own_ui(&self, el: &Node) -> bool {
        el.unchecked_ref::<Element>()
            .class_list()
            .contains(super::page::UI_CLASS)
    }
    fn body(&self) -> Option<Node> {
        self.doc.as_ref()?.body().map(Into::into)
    }
    fn text_content(&self, n: &Node) -> String {
        n.text_content().unwrap_or_default()
    }
    fn contains(&self, a: &Node, b: &Node) -> bool {
        a.contains(Some(b))
    }
    fn follows(&self, a: &Node, b: &Node) -> bool {
        a.compare_document_position(b) & Node::DOCUMENT_POSITION_FOLLOWING != 0
    }
    fn find(&self, q: Query) -> Vec<Node> {
        let Some(Ok(list)) = self
            .doc
            .as_ref()
            .map(|d| d.query_selector_all(q.selector()))
        else {
            return Vec::new();
        };
        (0..list.length()).filter_map(|i| list.item(i)).collect()
    }
}

/// `Element.checkVisibility()` where the browser has it (display: none,
/// content-visibility, hidden ancestors); true elsewhere.
pub fn visible(el: &Element) -> bool {
    let f = get(el, "checkVisibility");
    match f.dyn_ref::<js_sys::Function>() {
        Some(f) => f
            .call0(el)
            .map(|v| v.as_bool() != Some(false))
            .unwrap_or(true),
        None => true,
    }
}

/// Whether `el` (with lower-case tag `tag`) and everything under it is left
/// out of the article text: the engine's filter over `dom`.
pub fn skipped(dom: &Dom, el: &Element, tag: &str, f: Filter) -> bool {
    engine_scope::skipped(dom, el.as_ref(), tag, f)
}

/// The root keyword for automatic detection (as nothing).
pub const AUTO: &str = "auto";
/// The root keyword for the whole page: the body, with the usual filter.
pub const PAGE: &str = "page";

/// A scope on a root the caller chose (no detection, so no confidence);
/// the paywall rules still apply.
pub fn explicit(root: Element) -> Scope {
    match root.owner_document() {
        Some(doc) => {
            engine_scope::explicit(&Dom { doc: Some(doc) }, root.into()).map(JsCast::unchecked_into)
        }
        // An element always has a document; were it not so, the filter
        // alone.
        None => Scope {
            excluded: Vec::new(),
            filter: Filter {
                hints: true,
                css: visible(&root),
            },
            root,
            headline: None,
            confidence: None,
            paywall: None,
        },
    }
}

/// The root the caller asked for: `Some(scope)` for an element, a selector
/// or [`PAGE`], `None` for nothing or [`AUTO`] (detect it, with a
/// [`Detector`]).
pub fn resolve(root: &JsValue) -> Result<Option<Scope>> {
    let document = super::page::document()?;
    if let Some(el) = root.dyn_ref::<Element>() {
        return Ok(Some(explicit(el.clone())));
    }
    if let Some(sel) = root.as_string() {
        match sel.trim() {
            AUTO => {
                document.body().ok_or(Error::NoBody)?;
                return Ok(None);
            }
            PAGE => return Ok(Some(explicit(document.body().ok_or(Error::NoBody)?.into()))),
            _ => {}
        }
        return match select(&document, &sel)? {
            None => Err(Error::NoMatch(sel)),
            Some(el) => Ok(Some(explicit(el))),
        };
    }
    if !root.is_undefined() && !root.is_null() {
        return Err(Error::BadRoot);
    }
    document.body().ok_or(Error::NoBody)?;
    Ok(None)
}

/// The first element selector `sel` matches. A selector that does not
/// parse (a `SyntaxError`) is invalid; where the page broke
/// `querySelector`, `querySelectorAll` answers, and only when both throw
/// is the page's API named as the cause.
fn select(document: &Document, sel: &str) -> Result<Option<Element>> {
    let syntax = |e: &JsValue| {
        get(e, "name")
            .as_string()
            .is_some_and(|n| n == "SyntaxError")
    };
    let first = match document.query_selector(sel) {
        Ok(el) => return Ok(el),
        Err(e) if syntax(&e) => return Err(Error::InvalidSelector(sel.to_string())),
        Err(e) => e,
    };
    match document.query_selector_all(sel) {
        Ok(list) => Ok(list.get(0).and_then(|n| n.dyn_into::<Element>().ok())),
        Err(e) if syntax(&e) => Err(Error::InvalidSelector(sel.to_string())),
        Err(_) => Err(page_error("querySelector", &first)),
    }
}

/// Detects the article root in one go.
pub fn detect() -> Result<Scope> {
    let mut d = Detector::new()?;
    loop {
        if let Some(s) = d.step(f64::INFINITY) {
            return Ok(s);
        }
    }
}

/// Article detection in slices: the engine's detector over the page's DOM.
pub struct Detector {
    dom: Dom,
    inner: engine_scope::Detector<Node>,
}

impl Detector {
    pub fn new() -> Result<Detector> {
        let dom = Dom {
            doc: Some(super::page::document()?),
        };
        let inner = engine_scope::Detector::new(&dom).ok_or(Error::NoBody)?;
        Ok(Detector { dom, inner })
    }

    /// Works until done or `deadline` (ms, `Date.now()`); the scope once
    /// found.
    pub fn step(&mut self, deadline: f64) -> Option<Scope> {
        let now = js_sys::Date::now;
        self.inner
            .step(&self.dom, &Deadline::new(deadline, &now))
            .map(|s| s.map(JsCast::unchecked_into))
    }
}
