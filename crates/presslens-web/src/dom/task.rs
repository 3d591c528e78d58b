//! Work for later, in a task of its own: the next slice of a pass, a
//! callback to the page. Each task is queued two native ways at once, a
//! zero-delay `setTimeout` and a `MessageChannel` message, and runs once,
//! on whichever arrives first.
//!
//! Why two: a page may replace `setTimeout` (a no-op one left a pass that
//! never settled), and neither can be taken pristine when the page did it
//! before PressLens loaded. The message usually arrives first (it has no
//! 4 ms clamp, and the browser still renders and handles input between
//! tasks, as React's scheduler relies on); the timer is the fallback
//! where the page broke `MessageChannel`. Both callbacks are made once
//! and live as long as the page: queuing a task allocates no closure.

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageChannel, MessageEvent, MessagePort};

use super::page::Error;

/// The port that posts to the port whose `onmessage` runs tasks, and that
/// handler (kept as long as the port is used).
type Channel = (MessagePort, Closure<dyn FnMut(MessageEvent)>);

/// The queued tasks and the two ways of being called back.
struct Queue {
    /// Tasks not run yet, by id.
    pending: VecDeque<(u32, Box<dyn FnOnce()>)>,
    next: u32,
    /// Called by the timer with the task's id.
    on_timer: Closure<dyn FnMut(JsValue)>,
    /// `None` where the page broke `MessageChannel`.
    channel: Option<Channel>,
}

thread_local! {
    static QUEUE: RefCell<Option<Queue>> = const { RefCell::new(None) };
}

/// Runs task `id` if it has not run yet.
fn fire(id: &JsValue) {
    let Some(id) = id.as_f64() else { return };
    let task = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        let q = q.as_mut()?;
        let at = q.pending.iter().position(|(k, _)| f64::from(*k) == id)?;
        q.pending.remove(at).map(|(_, f)| f)
    });
    // Run outside the borrow: the task may queue another.
    if let Some(f) = task {
        f();
    }
}

fn channel() -> Option<Channel> {
    let ch = MessageChannel::new().ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| fire(&e.data()));
    ch.port1()
        .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some((ch.port2(), on_message))
}

/// Runs `f` in a task of its own, soon. Fails only when neither
/// `setTimeout` nor `MessageChannel` would take the task (both throw).
pub fn later(f: impl FnOnce() + 'static) -> Result<(), Error> {
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        let q = q.get_or_insert_with(|| Queue {
            pending: VecDeque::new(),
            next: 0,
            on_timer: Closure::new(|id: JsValue| fire(&id)),
            channel: channel(),
        });
        let id = q.next;
        q.next = q.next.wrapping_add(1);
        q.pending.push_back((id, Box::new(f)));
        let posted = q
            .channel
            .as_ref()
            .is_some_and(|(port, _)| port.post_message(&id.into()).is_ok());
        let timed = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_1(
                q.on_timer.as_ref().unchecked_ref(),
                0,
                &id.into(),
            )
            .is_ok()
        });
        if posted || timed {
            return Ok(());
        }
        q.pending.pop_back();
        Err(Error::Unavailable("setTimeout or MessageChannel"))
    })
}

/// How many JS handles one task of [`drop_later`] releases.
const DROPS_PER_TASK: usize = 20_000;

/// Releases `items` (values holding JS objects: ranges, nodes) in tasks of
/// their own, [`DROPS_PER_TASK`] at a time, after the page is clean:
/// releasing the 400,000 text nodes and ranges of a 14 MB page in the
/// task that put its marks back made that task long. Where no task can be
/// queued they are released now.
pub fn drop_later<T: 'static>(mut items: Vec<T>) {
    let rest = (items.len() > DROPS_PER_TASK).then(|| items.split_off(DROPS_PER_TASK));
    // Where no task can be queued, the closure and what it holds are
    // dropped at once.
    let _ = later(move || {
        drop(items);
        if let Some(rest) = rest {
            drop_later(rest);
        }
    });
}
