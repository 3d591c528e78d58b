//! The reader's own choice of article root, offered by the panel when the
//! automatic scope is not confident ([`super::confidence`]): "Annotate the
//! whole page" re-runs with the body as root; "Pick the article" makes the
//! next click on the page choose the block under the pointer (hovering
//! outlines it, Escape cancels), or, from the keyboard, the arrow keys move
//! the outline (Up: the block around it, Down: the longest block in it,
//! Left and Right: the blocks beside it; each read out) and Enter picks.
//! Keyboard clicks and Enter on the page's own links and controls are
//! left to them. Either choice is handed to the `onPick`
//! option as a root that a later `new Lens(root)` accepts ([`PAGE`], or a
//! selector path from [`selector_path`]), so the extension can remember it
//! per site.
//!
//! Only the reader's own input acts (trusted events): a page script can
//! neither press the panel's buttons nor pick a root.

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, KeyboardEvent, MouseEvent};

use super::action::Action;
use super::keys;
use super::page::{document, UI_CLASS};
use super::scope::PAGE;
use super::Shared;

/// Pick mode: the outline in our shadow root and the page listeners; both
/// go when it is dropped.
pub struct Picker {
    outline: Element,
    /// The outlined block (by pointer or keys): what Enter picks.
    block: Option<Element>,
    _listeners: Vec<EventListener>,
}

impl Picker {
    /// Outlines `block` (or hides the outline).
    fn outline(&mut self, block: Option<Element>) {
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
                let _ = self.outline.set_attribute("style", &style);
                let _ = self.outline.remove_attribute("hidden");
            }
            None => {
                let _ = self.outline.set_attribute("hidden", "");
            }
        }
        self.block = block;
    }
}

impl Drop for Picker {
    fn drop(&mut self) {
        let _ = super::safe::remove(&self.outline);
    }
}

/// Tags a picked root may have: containers, not a paragraph or a heading
/// (a root of one paragraph is never what the reader meant).
fn container_tag(tag: &str) -> bool {
    tag == "body" || BLOCK_TAGS.contains(&tag)
}

/// The container tags below `<body>`.
const BLOCK_TAGS: &[&str] = &["div", "section", "article", "main", "td", "center", "table"];

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
    let tell = {
        let mut o = rc.borrow_mut();
        o.pass.announce = true;
        o.use_root(root)
    };
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
        if let Some(p) = rc.borrow_mut().picker.as_mut() {
            p.outline(block);
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
        // A click made by the keyboard (Enter on a link) is the page's.
        if keyboard_click(e) {
            return;
        }
        e.prevent_default();
        e.stop_immediate_propagation();
        let Some(block) = under(e) else { return };
        let path = selector_path(&block);
        choose(rc, block, &path);
    }));
    listeners.extend(on_doc(rc, "keydown", on_key));
    let mut o = rc.borrow_mut();
    let root = o.root();
    let mut picker = Picker {
        outline,
        block: None,
        _listeners: listeners,
    };
    // The keys start from the current root.
    picker.outline(root.clone());
    o.picker = Some(picker);
    o.render_panel();
    if let (Some(h), Some(r)) = (&o.host, &root) {
        h.announce(&["Picking the article. Outlined: ", &describe(r)].concat());
    }
}

/// A key press in pick mode: Escape cancels, the arrows move the outline,
/// Enter picks the outlined block, unless the press is for a control or a
/// field (the page's, or our Cancel button).
fn on_key(rc: &Shared, e: &Event) {
    let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    let key = k.key();
    if key == "Escape" {
        // Escape leaves pick mode only: the panel it was started from stays.
        e.prevent_default();
        e.stop_immediate_propagation();
        cancel(rc);
        return;
    }
    if k.alt_key() || k.ctrl_key() || k.meta_key() || keys::origin(e).is_some_and(|t| control(&t)) {
        return;
    }
    let step: fn(&Element) -> Option<Element> = match key.as_str() {
        "ArrowUp" => wider,
        "ArrowDown" => narrower,
        "ArrowLeft" => |b| beside(b, false),
        "ArrowRight" => |b| beside(b, true),
        "Enter" => {
            let block = rc.borrow().picker.as_ref().and_then(|p| p.block.clone());
            if let Some(b) = block {
                e.prevent_default();
                e.stop_immediate_propagation();
                let path = selector_path(&b);
                choose(rc, b, &path);
            }
            return;
        }
        _ => return,
    };
    e.prevent_default();
    e.stop_immediate_propagation();
    let mut o = rc.borrow_mut();
    let from = o
        .picker
        .as_ref()
        .and_then(|p| p.block.clone())
        .or_else(|| o.root());
    let next = from.as_ref().and_then(step);
    let said = match &next {
        Some(b) => {
            b.scroll_into_view_with_bool(false);
            describe(b)
        }
        None => "No block there".to_string(),
    };
    if let (Some(p), Some(b)) = (o.picker.as_mut(), next) {
        p.outline(Some(b));
    }
    if let Some(h) = &o.host {
        h.announce(&said);
    }
}

/// Whether a click came from the keyboard: a `PointerEvent` with no
/// pointer type (Chromium and Firefox), or, where clicks are plain mouse
/// events, one with no click count (Firefox counts a keyboard click as 1).
fn keyboard_click(e: &Event) -> bool {
    match super::safe::get(e, "pointerType").as_string() {
        Some(t) => t.is_empty(),
        None => e.dyn_ref::<MouseEvent>().is_some_and(|m| m.detail() == 0),
    }
}

/// Whether Enter or an arrow on `el` is for `el` itself: a link, a
/// control, a field (our Cancel button included).
fn control(el: &Element) -> bool {
    el.closest("a[href],button,input,select,textarea,summary,[role=button],[contenteditable=''],[contenteditable=true]")
        .ok()
        .flatten()
        .is_some()
}

/// The block around `el`.
fn wider(el: &Element) -> Option<Element> {
    container(&el.parent_element()?)
}

/// The block in `el` with the most text, among those whose nearest block
/// is `el`.
fn narrower(el: &Element) -> Option<Element> {
    let list = el.query_selector_all(&BLOCK_TAGS.join(",")).ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter(|b| b.parent_element().and_then(|p| container(&p)).as_ref() == Some(el))
        .map(|b| (text_len(&b), b))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, b)| b)
}

/// The next (or previous) block beside `el` that holds text.
fn beside(el: &Element, forward: bool) -> Option<Element> {
    let mut cur = el.clone();
    loop {
        cur = if forward {
            cur.next_element_sibling()?
        } else {
            cur.previous_element_sibling()?
        };
        if container_tag(&cur.local_name())
            && !cur.class_list().contains(UI_CLASS)
            && text_len(&cur) > 0
        {
            return Some(cur);
        }
    }
}

/// The length of `el`'s text, spaces trimmed.
fn text_len(el: &Element) -> usize {
    el.text_content().map_or(0, |t| t.trim().len())
}

/// A block in words, for the live region: its tag, how many words, and
/// how it starts.
fn describe(el: &Element) -> String {
    let text = el.text_content().unwrap_or_default();
    let words = super::explain::words(&text);
    let start: String = text
        .split_whitespace()
        .take(20)
        .collect::<Vec<_>>()
        .join(" ");
    [
        "block ",
        &el.local_name(),
        ", ",
        &words.to_string(),
        if words == 1 { " word" } else { " words" },
        ", starting: ",
        &super::explain::clip(&start, 80),
    ]
    .concat()
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
