//! The reader's own choice of article root, offered by the panel when the
//! automatic scope is not confident ([`super::confidence`]): "Annotate the
//! whole page" re-runs with the body as root; "Pick the article" makes the
//! next click on the page choose the block under the pointer (hovering
//! outlines it, Escape cancels). Either choice is handed to the `onPick`
//! option as a root that a later `new Lens(root)` accepts ([`PAGE`], or a
//! selector path from [`selector_path`]), so the extension can remember it
//! per site.
//!
//! Only the reader's own input acts (trusted events): a page script can
//! neither press the panel's buttons nor pick a root.

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, MouseEvent};

use super::action::Action;
use super::page::{document, UI_CLASS};
use super::scope::PAGE;
use super::Shared;

/// Pick mode: the outline in our shadow root and the page listeners; both
/// go when it is dropped.
pub struct Picker {
    outline: Element,
    _listeners: Vec<EventListener>,
}

impl Drop for Picker {
    fn drop(&mut self) {
        let _ = super::safe::remove(&self.outline);
    }
}

/// Tags a picked root may have: containers, not a paragraph or a heading
/// (a root of one paragraph is never what the reader meant).
fn container_tag(tag: &str) -> bool {
    matches!(
        tag,
        "div" | "section" | "article" | "main" | "td" | "body" | "center" | "table"
    )
}

/// The container block at or above `el`, not our own UI.
pub fn container(el: &Element) -> Option<Element> {
    let mut cur = Some(el.clone());
    while let Some(e) = cur {
        if e.class_list().contains(UI_CLASS) {
            return None;
        }
        if container_tag(&e.local_name()) {
            return Some(e);
        }
        cur = e.parent_element();
    }
    None
}

/// Whether `id` can be written `#id` in a selector without escaping.
fn plain_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A CSS selector that finds `el` again on the same page layout: the
/// nearest ancestor-or-self with a unique plain id, then `tag:nth-of-type(n)`
/// steps down (`body > div:nth-of-type(2) > article:nth-of-type(1)`).
pub fn selector_path(el: &Element) -> String {
    let doc = el.owner_document();
    let unique = |id: &str| {
        doc.as_ref()
            .and_then(|d| d.query_selector_all(&["#", id].concat()).ok())
            .is_some_and(|l| l.length() == 1)
    };
    let mut steps: Vec<String> = Vec::new();
    let mut cur = Some(el.clone());
    while let Some(e) = cur {
        let tag = e.local_name();
        if tag == "body" || tag == "html" {
            steps.push(tag);
            break;
        }
        let id = e.id();
        if plain_id(&id) && unique(&id) {
            steps.push(["#", &id].concat());
            break;
        }
        let mut n = 1;
        let mut sib = e.previous_element_sibling();
        while let Some(s) = sib {
            if s.local_name() == tag {
                n += 1;
            }
            sib = s.previous_element_sibling();
        }
        steps.push([tag.as_str(), ":nth-of-type(", &n.to_string(), ")"].concat());
        cur = e.parent_element();
    }
    steps.reverse();
    steps.join(" > ")
}

/// Switches `rc` to `root`, tells `onPick` (`choice`) and annotates.
fn choose(rc: &Shared, root: Element, choice: &str) {
    let tell = rc.borrow_mut().use_root(root);
    if let Some(f) = tell {
        super::safe::settle(&f, &choice.into());
    }
    super::pass::rerun(rc);
}

/// Annotates the whole page (the panel's "Annotate the whole page").
pub fn whole_page(rc: &Shared) {
    let Some(body) = document().ok().and_then(|d| d.body()) else {
        return;
    };
    choose(rc, body.into(), PAGE);
}

/// Adds a capture listener on the document for pick mode.
fn on_doc(rc: &Shared, kind: &'static str, f: fn(&Shared, &Event)) -> Option<EventListener> {
    let doc: EventTarget = document().ok()?.into();
    let weak = Rc::downgrade(rc);
    let options = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: false,
    };
    Some(EventListener::new_with_options(
        &doc,
        kind,
        options,
        move |e: &Event| {
            if !e.is_trusted() {
                return;
            }
            if let Some(rc) = weak.upgrade() {
                f(&rc, e);
            }
        },
    ))
}

/// Whether the event happened in our own UI (retargeted to the host).
fn ours(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|t| t.class_list().contains(UI_CLASS))
}

/// The container under the pointer of mouse event `e`.
fn under(e: &Event) -> Option<Element> {
    let m: &MouseEvent = e.dyn_ref()?;
    let hit = document()
        .ok()?
        .element_from_point(m.client_x() as f32, m.client_y() as f32)?;
    container(&hit)
}

/// Starts pick mode (the panel's "Pick the article").
pub fn start(rc: &Shared) {
    let outline = {
        let o = rc.borrow();
        let Some(h) = &o.host else { return };
        let el = super::ui::add(h.shadow.unchecked_ref(), "div", "pick", "");
        let _ = el.set_attribute("hidden", "");
        el
    };
    let mut listeners = Vec::new();
    listeners.extend(on_doc(rc, "mousemove", |rc, e| {
        let block = under(e);
        let o = rc.borrow();
        let Some(p) = o.picker.as_ref() else { return };
        match &block {
            Some(b) => {
                let r = b.get_bounding_client_rect();
                let style = format!(
                    "left:{}px;top:{}px;width:{}px;height:{}px",
                    r.left().round(),
                    r.top().round(),
                    r.width().round(),
                    r.height().round()
                );
                let _ = p.outline.set_attribute("style", &style);
                let _ = p.outline.remove_attribute("hidden");
            }
            None => {
                let _ = p.outline.set_attribute("hidden", "");
            }
        }
    }));
    // The page never sees the presses of a pick (a link under the pointer
    // does not navigate).
    for kind in ["mousedown", "mouseup", "pointerdown", "pointerup"] {
        listeners.extend(on_doc(rc, kind, |_, e| {
            if !ours(e) {
                e.prevent_default();
                e.stop_immediate_propagation();
            }
        }));
    }
    listeners.extend(on_doc(rc, "click", |rc, e| {
        if ours(e) {
            return; // the panel's own buttons (cancel)
        }
        e.prevent_default();
        e.stop_immediate_propagation();
        let Some(block) = under(e) else { return };
        let path = selector_path(&block);
        choose(rc, block, &path);
    }));
    listeners.extend(on_doc(rc, "keydown", |rc, e| {
        let key = js_sys::Reflect::get(e, &"key".into())
            .ok()
            .and_then(|k| k.as_string());
        if key.as_deref() == Some("Escape") {
            cancel(rc);
        }
    }));
    let mut o = rc.borrow_mut();
    o.picker = Some(Picker {
        outline,
        _listeners: listeners,
    });
    o.render_panel();
}

/// Leaves pick mode without a choice.
pub fn cancel(rc: &Shared) {
    let mut o = rc.borrow_mut();
    if o.picker.take().is_some() {
        o.render_panel();
    }
}

/// The panel's scope buttons (delegated on the shadow root).
pub fn install(rc: &Shared, shadow: &EventTarget) -> EventListener {
    let weak = Rc::downgrade(rc);
    EventListener::new(shadow, "click", move |e: &Event| {
        if !e.is_trusted() {
            return;
        }
        let Some(rc) = weak.upgrade() else { return };
        match Action::of_click(e) {
            Some(Action::WholePage) => whole_page(&rc),
            Some(Action::Pick) => start(&rc),
            Some(Action::CancelPick) => cancel(&rc),
            _ => {}
        }
    })
}
