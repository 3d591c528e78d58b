//! Late content: a debounced `MutationObserver` on the article root.
//!
//! Changes inside our own UI host are ignored, and the overlay discards the
//! records of its own changes (the fallback marks) right after making them
//! ([`Watch::discard`]), so a pass never triggers another: no loops.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

/// Quiet time after the last change before the page is annotated again.
const DEBOUNCE_MS: i32 = 300;

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
                let relevant = records.iter().any(|r| !ours(r.unchecked_ref()));
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
