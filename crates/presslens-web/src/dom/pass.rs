//! A pass in slices: where it is ([`Phase`]), which pass is current, who
//! waits for it, and the tasks that drive it ([`run`], [`schedule`],
//! `tick`). The work of each phase is the overlay's ([`Overlay::work`]);
//! this module decides when it runs and for how long.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;

use super::textmap::Collector;
use super::{engine, install, marks, safe, scope, task, watch, Overlay, Shared};

/// Longest slice of work per task, in ms, while the page is idle (the rule
/// is 50 ms per task; the engine's chunks and the DOM calls around them
/// need headroom).
pub const BUDGET_MS: f64 = 10.0;

/// Longest slice of work per task while the page is busy between our
/// slices ([`slice_budget`]).
pub const MAX_BUDGET_MS: f64 = 30.0;

/// The budget of the next slice, given how long the page had the main
/// thread since the last one (`gap`, ms): [`BUDGET_MS`], or as long as the
/// page's own share up to [`MAX_BUDGET_MS`].
///
/// Why: in `<mark>` mode every slice changes the DOM, and the browser then
/// lays out, pre-paints and paints the page before the next one — on a
/// 9 MB page about 70 ms a frame, whatever the size of the change. With
/// 10 ms slices the pass spent seven times its own work waiting for those
/// frames (16 s for 8.8 M chars, 80 s for 22 M); matching the page's share
/// keeps at least half the main thread for the page and cuts the frames.
///
/// Past [`LARGE_PAGE_UNITS`] of text a frame costs far more (200-600 ms on
/// a page of 22 M characters), and a hundred of them made a `<mark>` pass
/// take over 40 s: there the slices may grow to [`LARGE_MAX_BUDGET_MS`],
/// still well inside the 200 ms a task may take on such a page.
pub fn slice_budget(gap: f64, text_units: u32) -> f64 {
    let max = if text_units > LARGE_PAGE_UNITS {
        LARGE_MAX_BUDGET_MS
    } else {
        MAX_BUDGET_MS
    };
    gap.clamp(BUDGET_MS, max)
}

/// Text (UTF-16 code units) past which a page counts as large for
/// [`slice_budget`]: beyond 10 MB of text (the size up to which no task may
/// pass 50 ms), with room for a page of 10 MiB.
pub const LARGE_PAGE_UNITS: u32 = 12_000_000;

/// Longest slice on a large page while the page is busy between slices.
pub const LARGE_MAX_BUDGET_MS: f64 = 120.0;

/// A caller of [`run`] waiting for the pass to end.
pub(super) struct Waiter {
    pub(super) resolve: js_sys::Function,
    pub(super) reject: js_sys::Function,
}

/// Where a pass is.
pub(super) enum Phase {
    Idle,
    Detect(scope::Detector),
    Collect(Collector),
    Engine(engine::Run),
    Paint,
    /// `<mark>` fallback only: each span's first mark is given its
    /// description, from this span on ([`Overlay::describe_marks`]).
    Describe(usize),
    /// Painted; the panel and the ready flag follow in a slice of their own.
    Finish,
    /// Done; the report is converted for whoever waits, in slices of its
    /// own (a 10 MB page's report took seconds in one go).
    Deliver(crate::convert::Sliced),
    /// Not a pass: a `clear()` taking the `<mark>`s out in slices
    /// ([`clear`]).
    Undo,
}

/// The scheduling part of an overlay: its pass's phase, which pass is the
/// current one, who waits for it, and how long its slices took.
pub(super) struct Pass {
    pub(super) phase: Phase,
    /// Bumped by every new pass and by clear: stale slices stop.
    pub(super) gen: u32,
    /// Passes completed.
    pub(super) done: u32,
    /// The report as a JS value, converted in slices for the waiters.
    pub(super) delivered: Option<JsValue>,
    /// The last sliced pass's report as the waiters got it, which
    /// `report()` gives again: converting a 14 MB page's report anew took
    /// one task of 145-170 ms. Gone with the paint (a new pass, clear).
    pub(super) last: Option<JsValue>,
    pub(super) waiters: Vec<Waiter>,
    pub(super) slices: SliceProbe,
    /// The reader asked for this pass (not late content): its end is said
    /// through the live region.
    pub(super) announce: bool,
}

impl Pass {
    pub(super) fn new() -> Pass {
        Pass {
            phase: Phase::Idle,
            gen: 0,
            done: 0,
            delivered: None,
            last: None,
            waiters: Vec::new(),
            slices: SliceProbe::new(),
            announce: false,
        }
    }

    /// Makes every queued slice stale and stops the current phase.
    pub(super) fn stop(&mut self) {
        self.gen = self.gen.wrapping_add(1);
        self.phase = Phase::Idle;
        self.last = None;
    }

    /// A new pass: queued slices go stale, nothing delivered, no slice
    /// measured yet (the phase is the caller's).
    pub(super) fn restart(&mut self) {
        self.gen = self.gen.wrapping_add(1);
        self.delivered = None;
        self.last = None;
        self.slices = SliceProbe::new();
        engine::LONGEST.with(|c| c.set(0.0));
    }

    /// The current phase, as [`SliceProbe::longest_phase`] names it.
    pub(super) fn phase_name(&self) -> &'static str {
        match &self.phase {
            Phase::Idle => "idle",
            Phase::Detect(_) => "detect",
            Phase::Collect(_) => "collect",
            Phase::Engine(_) => "engine",
            Phase::Paint => "paint",
            Phase::Describe(_) => "describe",
            Phase::Finish => "finish",
            Phase::Deliver(_) => "deliver",
            Phase::Undo => "undo",
        }
    }
}

/// How long the slices of the current or last sliced pass took (a debug
/// probe for the benchmarks, and the clock of [`slice_budget`]).
pub(super) struct SliceProbe {
    /// The longest slice, in ms, not counting engine calls.
    pub(super) longest_ms: f64,
    /// The phase the longest slice started in ([`Pass::phase_name`]).
    pub(super) longest_phase: &'static str,
    /// When the last slice ended (`Date.now()`).
    pub(super) end: f64,
}

impl SliceProbe {
    fn new() -> SliceProbe {
        SliceProbe {
            longest_ms: 0.0,
            longest_phase: "",
            end: f64::INFINITY,
        }
    }

    /// A slice that started in `phase` took `dom` ms of DOM work and ended
    /// at `now`.
    fn record(&mut self, dom: f64, phase: &'static str, now: f64) {
        if dom > self.longest_ms {
            self.longest_ms = dom;
            self.longest_phase = phase;
        }
        self.end = now;
    }
}

/// Runs one pass in slices of [`BUDGET_MS`], yielding to the page between
/// them; resolves to the report (JS object) when the pass is done, or to
/// `null` if the overlay is cleared first.
pub fn run(rc: &Shared) -> js_sys::Promise {
    let mut waiter = None;
    let promise =
        js_sys::Promise::new(&mut |resolve, reject| waiter = Some(Waiter { resolve, reject }));
    install(rc);
    let begun = {
        let mut o = rc.borrow_mut();
        o.pass.waiters.extend(waiter);
        o.pass.announce = true;
        match o.begin() {
            Ok(()) => true,
            // The last paint is still on the page: the waiter is told why.
            Err(e) => {
                o.fail(e);
                false
            }
        }
    };
    if begun {
        schedule(rc);
    }
    promise
}

/// Clears the overlay ([`Overlay::clear`]) with the `<mark>`s taken out in
/// slices of [`slice_budget`], the first in this call: a 14 MB page's
/// unwrap was one task of 1.15 s. Resolves when the page is whole (at once
/// where one slice did it: the seed page, or any highlight-mode page), or
/// rejects saying what a page API kept in place (the next clear tries
/// again). A pass started meanwhile finishes the unwrap first.
pub fn clear(rc: &Shared) -> js_sys::Promise {
    let mut waiter = None;
    let promise =
        js_sys::Promise::new(&mut |resolve, reject| waiter = Some(Waiter { resolve, reject }));
    let Some(waiter) = waiter else {
        return promise;
    };
    let t0 = js_sys::Date::now();
    let mut o = rc.borrow_mut();
    // The slice counts from here: taking a large panel out is work too.
    let rest = o.clear_but_paint();
    let budget = slice_budget(f64::INFINITY, o.map.len16());
    let painted = match rest {
        Ok(()) => o.painter.clear_until(t0 + budget),
        // Our UI stays on the page: the marks go at once, and the error
        // says what is left.
        Err(e) => o.painter.clear().and(Err(e)).map(|()| true),
    };
    // The probe now measures this clear's slices ("clear", then "undo").
    o.pass.slices = SliceProbe::new();
    let now = js_sys::Date::now();
    o.pass.slices.record(now - t0, "clear", now);
    match painted {
        Ok(true) => safe::settle(&waiter.resolve, &JsValue::UNDEFINED),
        Err(e) => {
            let err: JsValue = js_sys::Error::new(&e.to_string()).into();
            safe::settle(&waiter.reject, &err);
        }
        Ok(false) => {
            o.pass.phase = Phase::Undo;
            o.pass.waiters.push(waiter);
            drop(o);
            schedule(rc);
        }
    }
    promise
}

/// Starts a pass with nobody waiting (late content).
pub(super) fn rerun(rc: &Shared) {
    let Ok(mut o) = rc.try_borrow_mut() else {
        return;
    };
    if let Err(e) = o.begin() {
        web_sys::console::warn_1(&e.to_string().into());
        return;
    }
    drop(o);
    schedule(rc);
}

/// Queues the next slice of the pass as a task of its own ([`task::later`]:
/// a page that broke `setTimeout` still gets its pass). A stale slice (the
/// pass was restarted or cleared) sees another `gen` and does nothing.
/// Where no task can be queued at all, the pass fails at once, saying so,
/// rather than never settling.
fn schedule(rc: &Shared) {
    let weak = Rc::downgrade(rc);
    let gen = rc.borrow().pass.gen;
    if let Err(e) = task::later(move || tick(weak, gen)) {
        if let Ok(mut o) = rc.try_borrow_mut() {
            o.fail(e);
        }
    }
}

fn tick(weak: Weak<RefCell<Overlay>>, gen: u32) {
    let Some(rc) = weak.upgrade() else { return };
    let (done, waiters, report) = {
        let Ok(mut o) = rc.try_borrow_mut() else {
            schedule(&rc);
            return;
        };
        if o.pass.gen != gen {
            return;
        }
        let t0 = js_sys::Date::now();
        let e0 = engine::SPENT.with(|c| c.get());
        let ph0 = o.pass.phase_name();
        let budget = slice_budget(t0 - o.pass.slices.end, o.map.len16());
        // The wrap's work bound grows with the slice: each slice of
        // `<mark>` wrapping costs the browser a frame of the whole page.
        o.painter.nodes_per_step =
            marks::NODES_PER_STEP * (budget / MAX_BUDGET_MS).max(1.0) as usize;
        let done = match o.work(t0 + budget) {
            Ok(done) => done,
            Err(e) => {
                web_sys::console::warn_1(&e.to_string().into());
                o.fail(e);
                return;
            }
        };
        o.discard_own();
        // The DOM layer's own share of the slice (the engine's calls are
        // measured apart: their length is the engine's speed).
        let dom = js_sys::Date::now() - t0 - (engine::SPENT.with(|c| c.get()) - e0);
        o.pass.slices.record(dom, ph0, js_sys::Date::now());
        if done {
            let report = match o.pass.delivered.take() {
                Some(v) => v,
                None => o
                    .report
                    .as_ref()
                    .map(crate::convert::to_js_lossy)
                    .unwrap_or(JsValue::NULL),
            };
            if !report.is_null() {
                o.pass.last = Some(report.clone());
            }
            (true, std::mem::take(&mut o.pass.waiters), report)
        } else {
            (false, Vec::new(), JsValue::NULL)
        }
    };
    if done {
        watch(&rc);
        for w in waiters {
            safe::settle(&w.resolve, &report);
        }
    } else {
        schedule(&rc);
    }
}

#[cfg(test)]
mod budget_tests {
    use super::*;

    #[test]
    fn slices_follow_the_page_up_to_a_bound_set_by_its_size() {
        assert_eq!(slice_budget(0.0, 1_000), BUDGET_MS);
        assert_eq!(slice_budget(20.0, 1_000), 20.0);
        assert_eq!(slice_budget(500.0, 10_500_000), MAX_BUDGET_MS);
        assert_eq!(slice_budget(500.0, 22_000_000), LARGE_MAX_BUDGET_MS);
        assert_eq!(slice_budget(5.0, 22_000_000), BUDGET_MS);
    }
}
