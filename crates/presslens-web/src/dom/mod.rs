//! The DOM layer: article scope, text map, paint, explanations, panel, late
//! content and undo (wasm32 only).
//!
//! Data flows one way: [`scope`] picks the article root, [`textmap`] reads it
//! into one string with a map back to text nodes, the [`engine`] annotates
//! the string, and [`paint`] turns report offsets into DOM ranges and
//! highlights ([`marks`] where highlights are missing). [`explain`],
//! [`ui`] and [`panel`] say what each mark means; [`observe`] re-annotates
//! late content.
//!
//! The engine call sits between two plain values (a `String` in, a
//! [`Report`] out), so reading and painting can run on a page while the
//! engine runs elsewhere ([`Overlay::collect`], [`Overlay::paint`]).
//!
//! A pass runs in slices of at most [`BUDGET_MS`] ([`MAX_BUDGET_MS`] while
//! the page is busy between them, see [`slice_budget`]) so that a long page
//! stays responsive ([`run`]); [`Overlay::annotate`] runs one whole pass at once.

pub mod action;
/// How sure the scope is, and the paywall rules: the engine's (`presslens::scope`).
pub use presslens::scope::{confidence, paywall};
pub mod cursor;
pub mod download;
pub mod engine;
pub mod explain;
pub mod keys;
pub mod marks;
pub mod nav;
pub mod observe;
pub mod options;
pub mod page;
pub mod paint;
pub mod panel;
pub mod pass;
pub mod paste;
pub mod pick;
pub mod safe;
pub mod scope;
pub mod spans;
pub mod task;
pub mod textmap;
pub mod theme;
pub mod tip;
pub mod ui;
pub mod walk;
pub mod warm;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, MouseEvent, Range};

use action::{Action, ScopeNote};
use confidence::Confidence;
use cursor::Cursor;
use keys::Keyboard;
use nav::Shortcut;
pub use options::Options;
use page::{document, Error, UI_CLASS};
use paint::Painter;
pub use pass::{
    clear, run, slice_budget, BUDGET_MS, LARGE_MAX_BUDGET_MS, LARGE_PAGE_UNITS, MAX_BUDGET_MS,
};
use pass::{rerun, Pass, Phase};
use presslens::report::Report;
use scope::Scope;
use spans::{Hl, Kind};
use textmap::{Collector, TextMap};
use theme::Theme;
use tip::{caret_at, contains, Leave, Tip};

/// What one step of [`Overlay::work`] left to do.
enum Step {
    /// The phase needs more time: the slice ends.
    Pending,
    /// The pass is complete.
    Complete,
    /// A new phase: it starts in a slice of its own.
    Next,
    /// The same phase again, in this slice.
    Again,
    /// A page API broke the pass.
    Failed(Error),
}

/// The overlay on one article root.
pub struct Overlay {
    /// The article; `None` until detected (automatic scope).
    scope: Option<Scope>,
    opts: Options,
    map: TextMap,
    report: Option<Report>,
    painter: Painter,
    /// Where the pass is, which pass is current, who waits ([`pass`]).
    pass: Pass,
    /// Caps late passes per minute.
    late: observe::LateGuard,
    host: Option<ui::Host>,
    panel: Option<Element>,
    /// Our event listeners; dropping one removes it from its target.
    listeners: Vec<EventListener>,
    watch: Option<observe::Watch>,
    /// Our attributes on `<html>` ([`theme`]).
    theme: Theme,
    /// The tooltip's state ([`tip`]).
    tip: Tip,
    /// The annotation the reader moved to ([`cursor`]).
    cursor: Cursor,
    /// Focus to give back, marks hidden by shortcut ([`keys`]).
    keyboard: Keyboard,
    /// Pick mode ([`pick`]): the reader is choosing the root.
    picker: Option<pick::Picker>,
    /// The overlay as its own timers reach it (set by [`install`]).
    me: Weak<RefCell<Overlay>>,
}

/// An overlay shared with its event handlers.
pub type Shared = Rc<RefCell<Overlay>>;

impl Overlay {
    /// Attaches to an explicit root (element or selector), or detects one.
    pub fn attach(root: &JsValue) -> page::Result<Overlay> {
        Overlay::with_options(root, Options::default())
    }

    pub fn with_options(root: &JsValue, opts: Options) -> page::Result<Overlay> {
        let scope = scope::resolve(root)?;
        let painter = Painter::new(opts.kinds, opts.fallback);
        Ok(Overlay {
            scope,
            opts,
            map: TextMap::default(),
            report: None,
            painter,
            pass: Pass::new(),
            late: observe::LateGuard::default(),
            host: None,
            panel: None,
            listeners: Vec::new(),
            watch: None,
            theme: Theme::default(),
            tip: Tip::default(),
            cursor: Cursor::default(),
            keyboard: Keyboard::default(),
            picker: None,
            me: Weak::new(),
        })
    }

    /// The scope, detecting it now if it is not known yet.
    fn scope_now(&mut self) -> page::Result<&mut Scope> {
        if self.scope.is_none() {
            self.scope = Some(scope::detect()?);
        }
        Ok(self.scope.as_mut().unwrap())
    }

    /// Reads, annotates and paints in one go; any earlier paint is cleared
    /// first.
    pub fn annotate(&mut self) -> page::Result<()> {
        self.scope_now()?;
        if let Err(e) = self.begin() {
            return Err(self.fail(e));
        }
        loop {
            match self.work(f64::INFINITY) {
                Ok(true) => break,
                Ok(false) => {}
                Err(e) => return Err(self.fail(e)),
            }
        }
        self.discard_own();
        Ok(())
    }

    /// Ends a pass that a page API broke: everything of ours leaves the page
    /// (the document is as it was), whoever waits is told why, and the
    /// overlay stays usable for another pass. Where the page keeps some of
    /// it from leaving, the error says what is left (the next `clear()`
    /// tries again) instead of claiming the pass was undone.
    fn fail(&mut self, e: Error) -> Error {
        let waiters = std::mem::take(&mut self.pass.waiters);
        let e = match self.clear() {
            Ok(()) => match e {
                Error::Leftover { .. } | Error::Left { .. } | Error::Undone(_) => e,
                e => Error::Undone(Box::new(e)),
            },
            Err(left) => left,
        };
        let err: JsValue = js_sys::Error::new(&e.to_string()).into();
        for w in waiters {
            safe::settle(&w.reject, &err);
        }
        e
    }

    /// Starts a pass: clears the paint and starts reading. Fails, starting
    /// nothing, when the last paint cannot be taken out of the page.
    fn begin(&mut self) -> page::Result<()> {
        if matches!(self.pass.phase, Phase::Undo) {
            // A sliced clear() still under way is finished now, below.
            for w in self.pass.waiters.drain(..) {
                safe::settle(&w.resolve, &JsValue::NULL);
            }
        }
        self.pass.restart();
        self.cursor.reset();
        self.painter.clear()?;
        self.discard_own();
        self.tip.hide(self.host.as_ref());
        self.pass.phase = match &self.scope {
            Some(s) => Phase::Collect(Collector::new(s)),
            None => match scope::Detector::new() {
                Ok(d) => Phase::Detect(d),
                Err(_) => Phase::Idle,
            },
        };
        Ok(())
    }

    /// Does the current pass's work until done or `deadline` (ms); returns
    /// whether the pass is complete.
    fn work(&mut self, deadline: f64) -> page::Result<bool> {
        loop {
            let step = match &mut self.pass.phase {
                Phase::Idle => Step::Complete,
                Phase::Detect(d) => match d.step(deadline) {
                    Some(s) => {
                        self.pass.phase = Phase::Collect(Collector::new(&s));
                        self.scope = Some(s);
                        Step::Next
                    }
                    None => Step::Pending,
                },
                Phase::Collect(c) => match c.step(deadline) {
                    true => self.collected(),
                    false => Step::Pending,
                },
                Phase::Engine(run) => match run.step(self.map.text(), deadline) {
                    true => self.annotated(),
                    false => Step::Pending,
                },
                Phase::Paint => match self.painter.step(&self.map, deadline)? {
                    true => {
                        self.pass.phase = match self.painter.uses_marks() {
                            true => Phase::Describe(0),
                            false => Phase::Finish,
                        };
                        Step::Next
                    }
                    false => Step::Pending,
                },
                Phase::Describe(next) => {
                    let mut k = *next;
                    let done = self.describe_marks(&mut k, deadline);
                    self.pass.phase = match done {
                        true => Phase::Finish,
                        false => Phase::Describe(k),
                    };
                    match done {
                        true => Step::Next,
                        false => Step::Pending,
                    }
                }
                Phase::Finish => self.finish(deadline),
                Phase::Undo => match self.painter.clear_until(deadline)? {
                    true => {
                        self.pass.phase = Phase::Idle;
                        Step::Complete
                    }
                    false => Step::Pending,
                },
                Phase::Deliver(_) => self.deliver(deadline),
            };
            match step {
                Step::Failed(e) => return Err(e),
                Step::Pending => return Ok(false),
                Step::Complete => return Ok(true),
                Step::Again => {}
                // A new phase starts in a slice of its own.
                Step::Next if deadline.is_finite() => return Ok(false),
                Step::Next => {}
            }
        }
    }

    /// The text map is read: annotate it, or read the root again without
    /// class hints if they left almost nothing of it.
    fn collected(&mut self) -> Step {
        let Phase::Collect(c) = std::mem::replace(&mut self.pass.phase, Phase::Idle) else {
            unreachable!()
        };
        self.map = c.finish();
        if let Some(s) = self
            .scope
            .as_mut()
            .filter(|s| s.filter.hints && self.map.len16() < 200)
        {
            s.filter.hints = false;
            self.pass.phase = Phase::Collect(Collector::new(s));
            return Step::Again;
        }
        self.pass.phase = Phase::Engine(engine::Run::new());
        Step::Next
    }

    /// The engine is done: the theme is chosen and painting starts.
    fn annotated(&mut self) -> Step {
        let Phase::Engine(run) = std::mem::replace(&mut self.pass.phase, Phase::Paint) else {
            unreachable!()
        };
        let report = run.finish();
        self.theme.choose(self.root());
        // The painter was cleared when the pass began.
        let started = self.painter.start(&report);
        self.report = Some(report);
        match started {
            Ok(()) => Step::Next,
            Err(e) => Step::Failed(e),
        }
    }

    /// Painted: the panel follows; the report is converted in slices of its
    /// own when someone waits for it in a sliced pass.
    fn finish(&mut self, deadline: f64) -> Step {
        self.finish_pass();
        if deadline.is_finite() && !self.pass.waiters.is_empty() {
            self.pass.phase = Phase::Deliver(crate::convert::Sliced::new());
            return Step::Pending;
        }
        self.pass.phase = Phase::Idle;
        self.theme.ready();
        Step::Complete
    }

    /// Converts the report for the waiters (a report that cannot be
    /// converted is delivered as null).
    fn deliver(&mut self, deadline: f64) -> Step {
        let (Phase::Deliver(sliced), Some(report)) = (&mut self.pass.phase, &self.report) else {
            self.pass.phase = Phase::Idle;
            return Step::Complete;
        };
        match sliced.step(report, deadline) {
            Ok(None) => return Step::Pending,
            Ok(Some(v)) => self.pass.delivered = Some(v),
            Err(_) => self.pass.delivered = Some(JsValue::NULL),
        }
        self.pass.phase = Phase::Idle;
        self.theme.ready();
        Step::Complete
    }

    /// After a pass: the panel follows the report, and a pass the reader
    /// asked for is summed up through the live region.
    fn finish_pass(&mut self) {
        self.pass.done += 1;
        self.render_panel();
        if std::mem::take(&mut self.pass.announce) {
            if let Some(r) = &self.report {
                self.announce(&panel::spoken_summary(r, self.scope_note()));
            }
        }
    }

    /// Fills the panel again; focus that was in it stays on the same
    /// control, or goes to the pick note or the panel's title.
    fn render_panel(&self) {
        let (Some(p), Some(r)) = (&self.panel, &self.report) else {
            return;
        };
        let had_focus = self.focus_in_panel();
        let again = self
            .host
            .as_ref()
            .and_then(ui::Host::focused)
            .and_then(|f| panel::focus_key(&f));
        panel::render(
            p,
            r,
            &self.painter.spans,
            self.painter.kinds(),
            self.scope_note(),
            self.theme.side,
        );
        if had_focus {
            panel::refocus(p, again.as_deref());
        }
    }

    /// Whether focus is in the panel.
    fn focus_in_panel(&self) -> bool {
        let focused = self.host.as_ref().and_then(ui::Host::focused);
        match (&self.panel, focused) {
            (Some(p), Some(f)) => p.contains(Some(&f)),
            _ => false,
        }
    }

    /// Says `text` through the live region.
    fn announce(&self, text: &str) {
        if let Some(h) = &self.host {
            h.announce(text);
        }
    }

    /// In the `<mark>` fallback: each span's first mark says what the span
    /// is (`aria-description`, in words), from span `*next` on, until done
    /// or `deadline`; returns whether every span is described. Highlights
    /// cannot carry text: there the keyboard moves and the live region
    /// say it.
    fn describe_marks(&self, next: &mut usize, deadline: f64) -> bool {
        let Some(report) = &self.report else {
            return true;
        };
        let quoted = explain::Quoted::of(report);
        let spans = &self.painter.spans;
        let kinds = self.painter.kinds();
        while *next < spans.len() {
            let i = *next;
            *next += 1;
            if kinds.shows(spans[i].target.kind()) {
                let first = self.painter.marks_over(i).into_iter().next();
                if let (Some(m), Some(d)) = (
                    first,
                    explain::describe(report, &quoted, spans[i].target, false),
                ) {
                    let text = match m.get_attribute("aria-description") {
                        Some(before) => [before.as_str(), "; ", &d].concat(),
                        None => d,
                    };
                    let _ = m.set_attribute("aria-description", &text);
                }
            }
            if *next % 32 == 0 && js_sys::Date::now() > deadline {
                return false;
            }
        }
        true
    }

    /// What the panel says about the scope.
    fn scope_note(&self) -> ScopeNote {
        ScopeNote {
            low: self.confidence().is_some_and(|c| c.low()),
            paywall: self.scope.as_ref().is_some_and(|s| s.paywall.is_some()),
            picking: self.picking(),
        }
    }

    /// The confidence of an automatic scope, with `chars` the length of
    /// the text actually annotated (UTF-16 units; the text map may have
    /// been read again without class hints); `None` for a root the caller
    /// chose or before detection.
    pub fn confidence(&self) -> Option<Confidence> {
        let mut c = self.scope.as_ref()?.confidence?;
        if self.pass.done > 0 {
            c.chars = self.map.len16();
        }
        Some(c)
    }

    /// Whether the reader is picking a root ([`pick`]).
    pub fn picking(&self) -> bool {
        self.picker.is_some()
    }

    /// Moves to a root the reader chose (the observer will follow the new
    /// root); returns the `onPick` callback to tell, called once the
    /// overlay is no longer borrowed (it may call the Lens).
    fn use_root(&mut self, root: Element) -> Option<js_sys::Function> {
        self.picker = None;
        if let Some(w) = self.watch.take() {
            w.stop();
        }
        self.scope = Some(scope::explicit(root));
        self.opts.on_pick.clone()
    }

    fn discard_own(&self) {
        if let Some(w) = &self.watch {
            w.discard();
        }
    }

    /// Reads the article text (scope and text map; no engine). Report
    /// offsets given to [`Overlay::paint`] index into it.
    pub fn collect(&mut self) -> page::Result<&str> {
        self.pass.stop();
        self.painter.clear()?;
        self.discard_own();
        let scope = self.scope_now()?.clone();
        self.map = TextMap::collect(&scope);
        if self.map.len16() < 200 && scope.filter.hints {
            let s = self.scope.as_mut().unwrap();
            s.filter.hints = false;
            self.map = TextMap::collect(s);
        }
        Ok(self.map.text())
    }

    /// Paints a report made elsewhere over the text of the last
    /// [`Overlay::collect`] (UTF-16 offsets).
    pub fn paint(&mut self, report: Report) -> page::Result<()> {
        report
            .check(self.map.len16() as usize)
            .map_err(Error::BadReport)?;
        self.pass.stop();
        self.theme.choose(self.root());
        let painted = self
            .painter
            .start(&report)
            .and_then(|()| self.painter.step(&self.map, f64::INFINITY));
        if let Err(e) = painted {
            return Err(self.fail(e));
        }
        self.report = Some(report);
        self.finish_pass();
        self.theme.ready();
        self.discard_own();
        Ok(())
    }

    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
    }

    /// The last sliced pass's report as a JS value, as [`run`] resolved to
    /// (the same object), while it is still the one painted.
    pub fn report_js(&self) -> Option<JsValue> {
        self.pass.last.clone()
    }

    pub fn text(&self) -> &str {
        self.map.text()
    }

    /// The article root (`<body>` until an automatic scope is detected).
    pub fn root(&self) -> Option<Element> {
        match &self.scope {
            Some(s) => Some(s.root.clone()),
            None => document().ok().and_then(|d| d.body()).map(Into::into),
        }
    }

    /// The scope of the last pass (`None` before an automatic one ends).
    pub fn scope(&self) -> Option<&Scope> {
        self.scope.as_ref()
    }

    pub fn passes(&self) -> u32 {
        self.pass.done
    }

    /// How many live DOM ranges the paint keeps: one per painted span with
    /// highlights, none with `<mark>`s (see [`paint::Placement`]).
    pub fn live_ranges(&self) -> usize {
        self.painter.live_ranges()
    }

    /// The longest slice of the last sliced pass ([`run`]), in ms, not
    /// counting the engine's calls (see [`engine::LONGEST`]).
    pub fn longest_slice_ms(&self) -> f64 {
        self.pass.slices.longest_ms
    }

    /// Where the longest slice of the last sliced pass started: "detect",
    /// "collect", "engine", "paint", "finish" or "deliver" (a slice that
    /// ends a phase also does the set-up of the next).
    pub fn longest_slice_phase(&self) -> &'static str {
        self.pass.slices.longest_phase
    }

    pub fn painter(&self) -> &Painter {
        &self.painter
    }

    /// Shows or hides one kind of mark.
    pub fn set_kind(&mut self, kind: Kind, on: bool) -> page::Result<()> {
        if self.painter.uses_marks() {
            // The marks are wrapped again: the current one goes with them.
            self.cursor.reset();
        }
        if let Err(e) = self.painter.set_kind(&self.map, kind, on) {
            return Err(self.fail(e));
        }
        if self.painter.uses_marks() {
            self.describe_marks(&mut 0, f64::INFINITY);
        }
        self.discard_own();
        // The panel's checkbox follows (when the change came from the API).
        let sel = ["input[data-kind=\"", kind.names()[0], "\"]"].concat();
        if let Some(cb) = self
            .panel
            .as_ref()
            .and_then(|p| p.query_selector(&sel).ok().flatten())
        {
            if let Some(cb) = cb.dyn_ref::<web_sys::HtmlInputElement>() {
                cb.set_checked(on);
            }
        }
        Ok(())
    }

    /// Opens or closes the panel (it is built on first open).
    pub fn show_panel(&mut self, on: bool) {
        let was = self.panel_open();
        let focus_back = !on && self.focus_in_panel();
        if on && !was {
            self.keyboard.remember_focus();
        }
        self.opts.panel = on;
        match (&self.panel, on) {
            (Some(p), _) => {
                if on {
                    let _ = p.remove_attribute("hidden");
                } else {
                    let _ = p.set_attribute("hidden", "");
                }
            }
            (None, true) => {
                if let Some(h) = &self.host {
                    let p = ui::add(h.shadow.unchecked_ref(), "div", "panel", "");
                    let _ = p.set_attribute("role", "complementary");
                    let _ = p.set_attribute("aria-label", "PressLens");
                    self.panel = Some(p);
                    self.render_panel();
                }
            }
            (None, false) => {}
        }
        let now = self.panel_open();
        self.theme.place_panel(now && self.theme.side);
        if let (Some(f), true) = (&self.opts.on_panel, now != was) {
            safe::notify_later(f, now.into());
        }
        if focus_back {
            self.keyboard.give_back();
        }
    }

    /// Opens the panel and moves focus to its title, remembering what had
    /// focus (given back when the panel closes).
    pub fn focus_panel(&mut self) {
        self.keyboard.remember_focus();
        self.show_panel(true);
        if let Some(p) = &self.panel {
            panel::refocus(p, None);
        }
    }

    /// The panel beside the page (the page makes room for it) or over it.
    pub fn side_by_side(&mut self, on: bool) {
        self.theme.side = on;
        self.theme.place_panel(on && self.panel_open());
        self.render_panel();
    }

    /// Whether the panel is on the page and shown.
    pub fn panel_open(&self) -> bool {
        self.panel
            .as_ref()
            .is_some_and(|p| !p.has_attribute("hidden"))
    }

    /// Removes every highlight, mark, tooltip, panel, listener and observer;
    /// the document is left exactly as it was before the first pass. Where
    /// a page API keeps some marks, highlights or our UI host on the page,
    /// everything else still goes, the error says what is left, and what is
    /// needed to take it out is kept for the next call (never forgotten
    /// while still on the page).
    pub fn clear(&mut self) -> page::Result<()> {
        let rest = self.clear_but_paint();
        let painted = self.painter.clear();
        painted.and(rest)
    }

    /// Everything [`Overlay::clear`] does but taking the paint out: the
    /// pass stops, whoever waits for it gets `null`, our UI, listeners,
    /// observer and `<html>` attributes go. [`pass::clear`] then takes the
    /// marks out in slices.
    fn clear_but_paint(&mut self) -> page::Result<()> {
        self.pass.stop();
        self.cursor.reset();
        self.tip.clear_flashes();
        if let Some(w) = self.watch.take() {
            w.stop();
        }
        self.listeners.clear();
        self.picker = None;
        let mut host = Ok(());
        if let Some(h) = self.host.take() {
            if let Err(e) = h.remove() {
                host = Err(Error::Left {
                    cause: Box::new(e),
                    what: "PressLens's panel host",
                });
                self.host = Some(h);
            }
        }
        if let (Some(f), true) = (&self.opts.on_panel, self.panel_open()) {
            safe::notify_later(f, false.into());
        }
        self.panel = None;
        self.report = None;
        self.tip.pinned = false;
        self.theme.restore();
        for w in self.pass.waiters.drain(..) {
            safe::settle(&w.resolve, &JsValue::NULL);
        }
        host
    }

    // --- Explain -----------------------------------------------------------

    /// The shown span under viewport point (x, y), if any.
    fn hit_at(&self, x: f64, y: f64) -> Option<usize> {
        let (node, off) = caret_at(x, y)?;
        let at = self.painter.segments(&self.map).offset_of(&node, off)?;
        let mut tried = None;
        for a in [at, at.saturating_sub(1)] {
            let Some(i) = self.painter.hit(a) else {
                continue;
            };
            if tried == Some(i) {
                continue;
            }
            tried = Some(i);
            if let Some(r) = self.painter.range_of(&self.map, i) {
                if contains(&r, x, y) {
                    return Some(i);
                }
            }
        }
        None
    }

    fn explain_at(&mut self, x: f64, y: f64, click: bool) {
        if !self.opts.tooltip {
            return;
        }
        let Some(host) = &self.host else { return };
        let hit = self.hit_at(x, y);
        let card = hit.and_then(|i| {
            let r = self.report.as_ref()?;
            explain::card(r, self.painter.spans[i].target)
        });
        match card {
            Some(c) => {
                self.tip.entered();
                host.show_tip(&c, x, y);
                if click {
                    self.tip.pinned = true;
                }
            }
            None if click => self.tip.hide(Some(host)),
            // Off every span: the card goes once the pointer has been away
            // a moment (time to move onto it), checked again then in case
            // the pointer rests.
            None if self.tip.pinned || !host.tip_shown() => {}
            None => match self.tip.left(js_sys::Date::now()) {
                Leave::Hide => self.tip.hide(Some(host)),
                Leave::Waiting => {}
                Leave::Started => self.check_leave_later(),
            },
        }
    }

    /// Hides the card after [`tip::LEAVE_GRACE_MS`] if the pointer is still
    /// off every span and off the card.
    fn check_leave_later(&self) {
        let weak = self.me.clone();
        let cb = Closure::once_into_js(move || {
            let Some(rc) = weak.upgrade() else { return };
            let Ok(mut o) = rc.try_borrow_mut() else {
                return;
            };
            if o.tip.gone(js_sys::Date::now()) {
                let Overlay { tip, host, .. } = &mut *o;
                tip.hide(host.as_ref());
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                cb.unchecked_ref(),
                tip::LEAVE_GRACE_MS as i32 + 20,
            );
        }
    }

    /// Scrolls span `i` into view, makes it current, flashes it and
    /// explains it (so that every explanation is reachable from the
    /// keyboard, through the panel).
    fn reveal(&mut self, i: usize) {
        let Some(r) = self.go_to(i) else {
            return;
        };
        if !self.painter.uses_marks() {
            // A flash the page refuses is only a flash.
            let _ = paint::hl_add(Hl::Flash, &r).and_then(|()| paint::hl_show(Hl::Flash));
            self.tip.flashes.push(r.clone());
            let cb = Closure::once_into_js(move || {
                let _ = paint::hl_remove(Hl::Flash, &r);
            });
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    cb.unchecked_ref(),
                    1600,
                );
            }
        }
    }

    /// Makes span `i` current: scrolled to a third of the viewport, painted
    /// as current, its card shown; returns its range.
    fn go_to(&mut self, i: usize) -> Option<Range> {
        let r = self.painter.range_of(&self.map, i)?;
        let rect = r.get_bounding_client_rect();
        let (_, h) = ui::viewport();
        if let Some(w) = web_sys::window() {
            w.scroll_by_with_x_and_y(0.0, rect.top() - h / 3.0);
        }
        self.cursor.set(i, Some(&r), self.painter.marks_over(i));
        let rect = r.get_bounding_client_rect();
        let card = self
            .report
            .as_ref()
            .and_then(|rep| explain::card(rep, self.painter.spans[i].target));
        if let (Some(host), Some(card), true) = (&self.host, card, self.opts.tooltip) {
            host.show_tip(&card, rect.left(), rect.bottom());
            // The scroll we just made must not hide it.
            self.tip.pin_after_scroll(js_sys::Date::now());
        }
        Some(r)
    }

    // --- Keyboard ----------------------------------------------------------

    /// Does what a shortcut says ([`nav::BINDINGS`]).
    fn shortcut(&mut self, s: Shortcut) {
        match s {
            Shortcut::Next => self.move_by(true),
            Shortcut::Previous => self.move_by(false),
            Shortcut::Panel => {
                if self.focus_in_panel() {
                    self.keyboard.give_back();
                } else {
                    self.focus_panel();
                }
            }
            Shortcut::Highlights => self.toggle_marks(),
        }
    }

    /// Moves to the next or previous annotation and reads it out.
    fn move_by(&mut self, forward: bool) {
        let p = &self.painter;
        let next = nav::step(
            &p.spans,
            p.kinds(),
            |i| p.is_placed(i),
            self.cursor.span,
            forward,
        );
        let Some(i) = next else {
            self.announce("PressLens: no annotations shown");
            return;
        };
        self.go_to(i);
        let said = self.report.as_ref().and_then(|r| {
            explain::describe(
                r,
                &explain::Quoted::of(r),
                self.painter.spans[i].target,
                true,
            )
        });
        if let Some(t) = said {
            self.announce(&t);
        }
    }

    /// Hides every kind of mark, or shows again those hidden so.
    fn toggle_marks(&mut self) {
        self.cursor.reset();
        let kinds = self.painter.kinds();
        let (show, say) = match self.keyboard.hidden.take() {
            Some(before) => (before, "PressLens marks shown"),
            None if kinds == spans::Kinds::NONE => (spans::Kinds::ALL, "PressLens marks shown"),
            None => {
                self.keyboard.hidden = Some(kinds);
                (spans::Kinds::NONE, "PressLens marks hidden")
            }
        };
        for k in Kind::ALL {
            if let Err(e) = self.set_kind(k, show.shows(k)) {
                web_sys::console::warn_1(&e.to_string().into());
                return;
            }
        }
        if let Some(h) = &self.host {
            h.hide_tip();
        }
        self.announce(say);
    }
}

impl Drop for Overlay {
    fn drop(&mut self) {
        // Best effort: nothing is left to retry with once the overlay goes.
        let _ = self.clear();
    }
}

/// Adds a listener that calls `f` with the overlay, if it is still there.
fn listen(
    rc: &Shared,
    target: &EventTarget,
    kind: &'static str,
    capture: bool,
    f: impl Fn(&mut Overlay, &Event) + 'static,
) {
    let weak = Rc::downgrade(rc);
    let options = EventListenerOptions {
        phase: if capture {
            EventListenerPhase::Capture
        } else {
            EventListenerPhase::Bubble
        },
        // Some handlers take the event (Escape, a click on our panel).
        passive: false,
    };
    let listener = EventListener::new_with_options(target, kind, options, move |e: &Event| {
        if let Some(rc) = weak.upgrade() {
            if let Ok(mut o) = rc.try_borrow_mut() {
                f(&mut o, e);
            }
        }
    });
    rc.borrow_mut().listeners.push(listener);
}

/// Sets up the UI host, tooltip and panel handlers and the observer, once.
pub fn install(rc: &Shared) {
    if rc.borrow().host.is_some() {
        return;
    }
    let Ok(host) = ui::Host::new() else { return };
    rc.borrow_mut().me = Rc::downgrade(rc);
    let shadow: EventTarget = host.shadow.clone().into();
    let (panel, tooltip) = {
        let o = rc.borrow();
        (o.opts.panel, o.opts.tooltip)
    };
    rc.borrow_mut().host = Some(host);
    if panel {
        rc.borrow_mut().show_panel(true);
    }
    let Ok(doc) = document() else { return };
    listen_page(rc, &doc.into(), tooltip);
    listen_panel(rc, &shadow);
    watch(rc);
}

/// Whether a keyboard event is Escape.
fn is_escape(e: &Event) -> bool {
    safe::get(e, "key").as_string().as_deref() == Some("Escape")
}

/// The page's listeners: the tooltip follows the pointer (at most every
/// 40 ms), a click pins it, scrolling and Escape hide it.
fn listen_page(rc: &Shared, doc: &EventTarget, tooltip: bool) {
    if tooltip {
        listen(rc, doc, "mousemove", false, |o, e| {
            if !o.tip.admit_move(js_sys::Date::now()) {
                return;
            }
            // The pointer on our tooltip keeps it (WCAG 1.4.13: hoverable).
            if keys::origin(e).is_some_and(|t| t.closest(".tip").ok().flatten().is_some()) {
                o.tip.hovered();
                return;
            }
            let m: &MouseEvent = e.unchecked_ref();
            o.explain_at(m.client_x(), m.client_y(), false);
        });
        listen(rc, doc, "click", false, |o, e| {
            // Clicks in our own UI (seen here retargeted to the host) are not
            // clicks on the page.
            let ours = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|t| t.class_list().contains(UI_CLASS));
            if ours {
                return;
            }
            let m: &MouseEvent = e.unchecked_ref();
            o.explain_at(m.client_x(), m.client_y(), true);
        });
        listen(rc, doc, "scroll", true, |o, _| {
            o.tip.on_scroll(o.host.as_ref(), js_sys::Date::now());
        });
    }
    // Capture: a page that stops key presses at its own elements does not
    // stop the shortcuts.
    listen(rc, doc, "keydown", true, |o, e| {
        if let Some(s) = keys::shortcut(e) {
            e.prevent_default();
            e.stop_propagation();
            o.shortcut(s);
        } else if is_escape(e) {
            o.tip.hide(o.host.as_ref());
        }
    });
}

/// The panel's listeners, delegated on our shadow root: clicks (items,
/// close, exports, toggles; the scope's buttons are [`pick`]'s) and Escape.
/// Only the reader's own input acts: a page script can reach an open shadow
/// root and dispatch events in it, but not trusted ones.
fn listen_panel(rc: &Shared, shadow: &EventTarget) {
    listen(rc, shadow, "click", false, panel_click);
    let scope_buttons = pick::install(rc, shadow);
    rc.borrow_mut().listeners.push(scope_buttons);
    listen(rc, shadow, "keydown", false, |o, e| {
        if e.is_trusted() && is_escape(e) {
            o.show_panel(false);
        }
    });
}

/// A click in the panel: a toggle, a button's action, or an item to reveal.
fn panel_click(o: &mut Overlay, e: &Event) {
    let Some(t) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if !e.is_trusted() {
        // A scripted click would still flip a checkbox: undo that too.
        e.prevent_default();
        return;
    }
    // Toggles: the checkbox holds its new state while its click is
    // dispatched (its `change` event is trusted even when a script
    // clicked, so it cannot tell who did).
    if let Some(input) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        if let Some(k) = input
            .get_attribute("data-kind")
            .and_then(|s| Kind::from_name(&s))
        {
            if let Err(e) = o.set_kind(k, input.checked()) {
                web_sys::console::warn_1(&e.to_string().into());
            }
        }
        return;
    }
    let Some(b) = t.closest("[data-span],[data-action]").ok().flatten() else {
        return;
    };
    match Action::of_click(e) {
        Some(Action::Close) => o.show_panel(false),
        Some(Action::SideBySide) => o.side_by_side(!o.theme.side),
        Some(Action::Download(what)) => {
            if let Some(report) = o.report() {
                download::save(report, o.text(), what);
            }
        }
        // The scope's actions are pick's (trusted clicks only).
        Some(_) => {}
        None => {
            if let Some(i) = b.get_attribute("data-span").and_then(|s| s.parse().ok()) {
                o.reveal(i);
            }
        }
    }
}

/// Starts observing the root for late content, once its scope is known.
pub fn watch(rc: &Shared) {
    let root = {
        let o = rc.borrow();
        match (&o.scope, o.opts.observe, &o.watch, &o.host) {
            (Some(s), true, None, Some(_)) => s.root.clone(),
            _ => return,
        }
    };
    {
        let weak = Rc::downgrade(rc);
        let watch = observe::Watch::new(&root, move || {
            let Some(rc) = weak.upgrade() else { return };
            let verdict = match rc.try_borrow_mut() {
                Ok(mut o) => o.late.admit(js_sys::Date::now()),
                Err(_) => return,
            };
            match verdict {
                observe::Late::Pass => {}
                observe::Late::Capped => {
                    web_sys::console::info_1(
                        &"PressLens: this page keeps changing its article; late content is no \
                          longer followed (annotate again to resume)"
                            .into(),
                    );
                    if let Ok(mut o) = rc.try_borrow_mut() {
                        if let Some(w) = o.watch.take() {
                            w.stop();
                        }
                    }
                    return;
                }
            }
            let cb = rc.try_borrow().ok().and_then(|o| o.opts.on_change.clone());
            match cb {
                Some(f) => {
                    safe::notify(&f);
                }
                None => rerun(&rc),
            }
        });
        rc.borrow_mut().watch = watch;
    }
}
