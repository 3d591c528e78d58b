//! Late content: a debounced `MutationObserver` on the article root.
//!
//! Changes inside our own UI host are ignored, and the overlay discards the
//! records of its own changes (the fallback marks) right after making them
//! ([`Watch::discard`]), so a pass never triggers another. A page's own
//! observer may still answer our marks with changes of its own: a change
//! that adds, removes or edits no text (an empty element, a text node
//! rewritten with the same words) is no late content, and the
//! [`LateGuard`] admits at most [`LateGuard::CAP`] passes a minute, so no
//! page can loop us.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

/// Quiet time after the last change before the page is annotated again.
const DEBOUNCE_MS: i32 = 300;

/// What to do about late content, once the page is quiet again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Late {
    /// Annotate the article again.
    Pass,
    /// Too many passes this minute: late content is no longer followed.
    Capped,
}

/// Caps late passes per minute.
#[derive(Debug, Default)]
pub struct LateGuard {
    /// When the recent late passes began (ms), oldest first.
    recent: Vec<f64>,
}

impl LateGuard {
    /// Late passes allowed in any minute.
    pub const CAP: usize = 6;
    const WINDOW_MS: f64 = 60_000.0;

    /// Whether late content at time `now` (ms) gets another pass.
    pub fn admit(&mut self, now: f64) -> Late {
        self.recent.retain(|&t| now - t < Self::WINDOW_MS);
        if self.recent.len() >= Self::CAP {
            return Late::Capped;
        }
        self.recent.push(now);
        Late::Pass
    }
}

/// Whether a record adds, removes or edits text (a node of no text, added
/// or taken away, changes nothing a reader reads).
fn changes_text(rec: &MutationRecord) -> bool {
    match rec.type_().as_str() {
        "characterData" => {
            let now = rec.target().and_then(|t| t.text_content());
            now != rec.old_value()
        }
        "childList" => {
            let has_text = |l: &web_sys::NodeList| {
                (0..l.length())
                    .filter_map(|i| l.item(i))
                    .any(|n| n.text_content().is_some_and(|t| !t.trim().is_empty()))
            };
            has_text(&rec.added_nodes()) || has_text(&rec.removed_nodes())
        }
        _ => false,
    }
}

pub struct Watch {
    observer: MutationObserver,
    timer: Rc<Cell<i32>>,
    _on_records: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
    _on_timer: Rc<Closure<dyn FnMut()>>,
}

/// Whether a record is about our own nodes (UI host, marks).
fn ours(rec: &MutationRecord) -> bool {
    let is_ours = |n: &Node| {
        let el = if n.node_type() == Node::ELEMENT_NODE {
            n.dyn_ref::<Element>().cloned()
        } else {
            n.parent_element()
        };
        el.is_some_and(|e| {
            e.closest(".presslens-ui,mark.presslens")
                .ok()
                .flatten()
                .is_some()
        })
    };
    if rec.type_() == "childList" {
        let added = rec.added_nodes();
        let removed = rec.removed_nodes();
        let all =
            |l: &web_sys::NodeList| (0..l.length()).all(|i| l.item(i).is_some_and(|n| is_ours(&n)));
        if added.length() + removed.length() > 0 && all(&added) && all(&removed) {
            return true;
        }
    }
    rec.target().is_some_and(|t| is_ours(&t))
}

impl Watch {
    /// Watches `root`; calls `changed` once the page has been quiet for a
    /// while after a change that is not ours.
    pub fn new(root: &Element, changed: impl FnMut() + 'static) -> Option<Watch> {
        let window = web_sys::window()?;
        let timer = Rc::new(Cell::new(0));
        let on_timer: Rc<Closure<dyn FnMut()>> = Rc::new(Closure::new(changed));
        let (t, f, w) = (timer.clone(), Rc::downgrade(&on_timer), window.clone());
        let on_records = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
            move |records: js_sys::Array, _: MutationObserver| {
                let relevant = records.iter().any(|r| {
                    let r: &MutationRecord = r.unchecked_ref();
                    !ours(r) && changes_text(r)
                });
                let Some(f) = f.upgrade() else { return };
                if relevant {
                    w.clear_timeout_with_handle(t.get());
                    let id = w
                        .set_timeout_with_callback_and_timeout_and_arguments_0(
                            f.as_ref().as_ref().unchecked_ref(),
                            DEBOUNCE_MS,
                        )
                        .unwrap_or(0);
                    t.set(id);
                }
            },
        );
        let observer = MutationObserver::new(on_records.as_ref().unchecked_ref()).ok()?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_character_data(true);
        init.set_character_data_old_value(true);
        observer.observe_with_options(root, &init).ok()?;
        Some(Watch {
            observer,
            timer,
            _on_records: on_records,
            _on_timer: on_timer,
        })
    }

    /// Drops pending records: our own changes, made just now.
    pub fn discard(&self) {
        self.observer.take_records();
    }

    pub fn stop(&self) {
        self.observer.disconnect();
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.timer.get());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_passes_are_capped_per_minute() {
        let mut g = LateGuard::default();
        for i in 0..LateGuard::CAP {
            assert_eq!(g.admit(i as f64), Late::Pass);
        }
        assert_eq!(g.admit(10.0), Late::Capped);
        assert_eq!(g.admit(61_000.0), Late::Pass, "a minute later");
    }
}
