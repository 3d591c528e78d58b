//! Key presses and focus on the page: which press is a PressLens shortcut
//! ([`super::nav`] holds the table), and where focus goes back to when the
//! panel closes.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

use super::nav::{self, Mods, Shortcut};
use super::page::document;
use super::spans::Kinds;

/// The element a composed event started at: inside our shadow root too
/// (where `target` is retargeted to the host).
pub fn origin(e: &Event) -> Option<Element> {
    e.composed_path().get(0).dyn_into::<Element>().ok()
}

/// Whether a key press on `el` is typing: a text field, a list box or an
/// editable element (a checkbox or a button is not).
fn is_field(el: &Element) -> bool {
    match el.local_name().as_str() {
        "textarea" | "select" => true,
        "input" => !matches!(
            el.get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase()
                .as_str(),
            "checkbox"
                | "radio"
                | "button"
                | "submit"
                | "reset"
                | "range"
                | "color"
                | "file"
                | "image"
        ),
        _ => el
            .dyn_ref::<HtmlElement>()
            .is_some_and(HtmlElement::is_content_editable),
    }
}

/// Whether the page binds letter `l` as an `accesskey`.
fn page_access_key(l: char) -> bool {
    let sel = ["[accesskey='", &l.to_string(), "' i]"].concat();
    document()
        .ok()
        .and_then(|d| d.query_selector(&sel).ok().flatten())
        .is_some()
}

/// The shortcut a trusted key press is, if any.
pub fn shortcut(e: &Event) -> Option<Shortcut> {
    if !e.is_trusted() {
        return None;
    }
    let k: &KeyboardEvent = e.dyn_ref()?;
    let code = k.code();
    let mods = Mods {
        alt: k.alt_key(),
        shift: k.shift_key(),
        ctrl: k.ctrl_key(),
        meta: k.meta_key(),
    };
    let in_field = origin(e).is_some_and(|t| is_field(&t));
    let access = mods.alt && mods.shift && nav::letter(&code).is_some_and(page_access_key);
    Shortcut::of(&code, mods, in_field, access)
}

/// Whether a key press is `key` (`KeyboardEvent.key`).
pub fn is_key(e: &Event, key: &str) -> bool {
    e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == key)
}

/// The keyboard part of an overlay.
#[derive(Default)]
pub(super) struct Keyboard {
    /// What had focus before the panel took it, to give it back on close.
    return_to: Option<HtmlElement>,
    /// The kinds shown before "hide all marks", to show again.
    pub(super) hidden: Option<Kinds>,
}

impl Keyboard {
    /// Remembers what has focus on the page now (not our own UI, not the
    /// body: focus there needs no giving back).
    pub(super) fn remember_focus(&mut self) {
        let Some(el) = document().ok().and_then(|d| d.active_element()) else {
            return;
        };
        if el.has_attribute("data-presslens-ui") || el.local_name() == "body" {
            return;
        }
        self.return_to = el.dyn_into::<HtmlElement>().ok();
    }

    /// Gives focus back to what had it before the panel, if it is still on
    /// the page.
    pub(super) fn give_back(&mut self) {
        if let Some(el) = self.return_to.take().filter(|e| e.is_connected()) {
            let _ = el.focus();
        }
    }
}
