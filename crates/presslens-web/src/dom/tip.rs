//! The tooltip part of an overlay: whether the card is pinned (by a click
//! or a panel item), the pointer's throttle, the grace after our own
//! scroll, and the flashes of revealed spans; and how a viewport point
//! finds the text under it.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Node, Range};

use super::page::document;
use super::paint;
use super::spans::Hl;
use super::ui::Host;

/// Least time between two pointer moves that look for a span, in ms.
const MOVE_EVERY_MS: f64 = 40.0;

/// How long after our own scroll (to a revealed span) scrolling does not
/// hide the card, in ms.
const SCROLL_GRACE_MS: f64 = 300.0;

/// How long the pointer may be off every span (on its way to the card)
/// before the card goes, in ms.
pub(super) const LEAVE_GRACE_MS: f64 = 400.0;

/// What a pointer move off every span means for the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Leave {
    /// The pointer just left: the card stays for [`LEAVE_GRACE_MS`] (the
    /// caller checks again then, the pointer may not move again).
    Started,
    /// Still within the grace.
    Waiting,
    /// Off long enough: the card goes.
    Hide,
}

/// The tooltip's state.
#[derive(Default)]
pub(super) struct Tip {
    /// Shown by a click or a panel item: the pointer moving off a span does
    /// not hide it.
    pub(super) pinned: bool,
    /// When the pointer last looked for a span (`Date.now()`).
    last_move: f64,
    /// Scrolling hides the tooltip, except the scroll to a panel item.
    keep_until: f64,
    /// Flash highlights of revealed spans, removed on clear.
    pub(super) flashes: Vec<Range>,
    /// When the pointer left the spans (`Date.now()`), while the card is up.
    left_at: Option<f64>,
}

impl Tip {
    /// Whether a pointer move at `now` should look for a span (at most
    /// every [`MOVE_EVERY_MS`]).
    pub(super) fn admit_move(&mut self, now: f64) -> bool {
        if now - self.last_move < MOVE_EVERY_MS {
            return false;
        }
        self.last_move = now;
        true
    }

    /// The pointer is on a span (its card is shown).
    pub(super) fn entered(&mut self) {
        self.left_at = None;
    }

    /// The pointer is on the card: it stays (WCAG 1.4.13, hoverable).
    pub(super) fn hovered(&mut self) {
        self.left_at = None;
    }

    /// The pointer is off every span (and off the card) at `now`.
    pub(super) fn left(&mut self, now: f64) -> Leave {
        match self.left_at {
            Some(t) if now - t >= LEAVE_GRACE_MS => Leave::Hide,
            Some(_) => Leave::Waiting,
            None => {
                self.left_at = Some(now);
                Leave::Started
            }
        }
    }

    /// Whether the pointer left the spans at least [`LEAVE_GRACE_MS`] ago
    /// and has not come back to a span or onto the card since.
    pub(super) fn gone(&self, now: f64) -> bool {
        !self.pinned && self.left_at.is_some_and(|t| now - t >= LEAVE_GRACE_MS)
    }

    /// Hides the card and unpins it.
    pub(super) fn hide(&mut self, host: Option<&Host>) {
        if let Some(h) = host {
            h.hide_tip();
        }
        self.pinned = false;
        self.left_at = None;
    }

    /// A scroll: hides the card unless it is our own scroll to a revealed
    /// span.
    pub(super) fn on_scroll(&mut self, host: Option<&Host>, now: f64) {
        if now < self.keep_until {
            return;
        }
        self.hide(host);
    }

    /// Pins the card shown for a revealed span, through the scroll that
    /// brought it into view.
    pub(super) fn pin_after_scroll(&mut self, now: f64) {
        self.pinned = true;
        self.keep_until = now + SCROLL_GRACE_MS;
    }

    /// Removes every flash.
    pub(super) fn clear_flashes(&mut self) {
        for r in self.flashes.drain(..) {
            let _ = paint::hl_remove(Hl::Flash, &r);
        }
    }
}

/// The DOM position under a viewport point: `caretPositionFromPoint` where
/// the browser has it, else `caretRangeFromPoint`.
pub(super) fn caret_at(x: f64, y: f64) -> Option<(Node, u32)> {
    let doc = document().ok()?;
    let call = |name: &str| -> Option<JsValue> {
        let f = super::safe::get(&doc, name)
            .dyn_into::<js_sys::Function>()
            .ok()?;
        let v = f.call2(&doc, &x.into(), &y.into()).ok()?;
        (!v.is_null() && !v.is_undefined()).then_some(v)
    };
    let get = |v: &JsValue, k: &str| Some(super::safe::get(v, k));
    let (node, off) = if let Some(p) = call("caretPositionFromPoint") {
        (get(&p, "offsetNode")?, get(&p, "offset")?)
    } else {
        let r = call("caretRangeFromPoint")?;
        (get(&r, "startContainer")?, get(&r, "startOffset")?)
    };
    let node: Node = node.dyn_into().ok()?;
    (node.node_type() == Node::TEXT_NODE).then_some((node, off.as_f64()? as u32))
}

/// Whether viewport point (x, y) falls on one of the range's line boxes.
pub(super) fn contains(r: &Range, x: f64, y: f64) -> bool {
    let Some(rects) = r.get_client_rects() else {
        return false;
    };
    (0..rects.length()).filter_map(|i| rects.item(i)).any(|b| {
        x >= b.left() - 1.0 && x <= b.right() + 1.0 && y >= b.top() - 1.0 && y <= b.bottom() + 1.0
    })
}
