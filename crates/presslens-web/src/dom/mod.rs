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
pub mod confidence;
pub mod download;
pub mod engine;
pub mod explain;
pub mod marks;
pub mod metadata;
pub mod observe;
pub mod options;
pub mod page;
pub mod paint;
pub mod panel;
pub mod paste;
pub mod paywall;
pub mod pick;
pub mod safe;
pub mod scope;
pub mod spans;
pub mod textmap;
pub mod ui;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, MouseEvent, Node, Range};

use action::{Action, ScopeNote};
use confidence::Confidence;
pub use options::Options;
use page::{document, Error, UI_CLASS};
use paint::Painter;
use presslens::report::Report;
use scope::Scope;
use spans::{Hl, Kind};
use textmap::{Collector, TextMap};

/// Our attributes on `<html>` as the page had them (`None`: absent).
struct HtmlAttrs {
    /// `data-presslens`.
    ready: Option<String>,
    /// `data-presslens-theme`.
    theme: Option<String>,
}

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
struct Waiter {
    resolve: js_sys::Function,
    reject: js_sys::Function,
}

/// Where a pass is.
enum Phase {
    Idle,
    Detect(scope::Detector),
    Collect(Collector),
    Engine(engine::Run),
    Paint,
    /// Painted; the panel and the ready flag follow in a slice of their own.
    Finish,
    /// Done; the report is converted for whoever waits, in slices of its
    /// own (a 10 MB page's report took seconds in one go).
    Deliver(crate::convert::Sliced),
}

/// The overlay on one article root.
pub struct Overlay {
    /// The article; `None` until detected (automatic scope).
    scope: Option<Scope>,
    opts: Options,
    map: TextMap,
    report: Option<Report>,
    painter: Painter,
    phase: Phase,
    /// Bumped by every new pass and by clear: stale slices stop.
    gen: u32,
    passes: u32,
    /// The report as a JS value, converted in slices for the waiters.
    delivered: Option<JsValue>,
    /// Caps late passes per minute.
    late: observe::LateGuard,
    waiters: Vec<Waiter>,
    host: Option<ui::Host>,
    panel: Option<Element>,
    /// Our event listeners; dropping one removes it from its target.
    listeners: Vec<EventListener>,
    watch: Option<observe::Watch>,
    /// Our attributes on `<html>` as they were before our first pass, to
    /// restore (`None` until the first pass saves them).
    html_before: Option<HtmlAttrs>,
    pinned: bool,
    last_move: f64,
    flashes: Vec<Range>,
    /// The longest slice of the current or last sliced pass, in ms, not
    /// counting engine calls.
    longest_ms: f64,
    /// The phase the longest slice started in ([`Overlay::phase_name`]).
    longest_phase: &'static str,
    /// When the last slice ended (`Date.now()`), for [`slice_budget`].
    slice_end: f64,
    /// Scrolling hides the tooltip, except the scroll to a panel item.
    keep_tip_until: f64,
    /// Pick mode ([`pick`]): the reader is choosing the root.
    picker: Option<pick::Picker>,
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
            phase: Phase::Idle,
            gen: 0,
            passes: 0,
            delivered: None,
            late: observe::LateGuard::default(),
            waiters: Vec::new(),
            host: None,
            panel: None,
            listeners: Vec::new(),
            watch: None,
            html_before: None,
            pinned: false,
            last_move: 0.0,
            flashes: Vec::new(),
            longest_ms: 0.0,
            longest_phase: "",
            slice_end: f64::INFINITY,
            keep_tip_until: 0.0,
            picker: None,
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
        self.begin();
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
    /// overlay stays usable for another pass.
    fn fail(&mut self, e: Error) -> Error {
        let waiters = std::mem::take(&mut self.waiters);
        self.clear();
        let err: JsValue = js_sys::Error::new(&e.to_string()).into();
        for w in waiters {
            safe::settle(&w.reject, &err);
        }
        e
    }

    /// Starts a pass: clears the paint and starts reading.
    fn begin(&mut self) {
        self.gen = self.gen.wrapping_add(1);
        self.delivered = None;
        self.longest_ms = 0.0;
        self.slice_end = f64::INFINITY;
        self.longest_phase = "";
        engine::LONGEST.with(|c| c.set(0.0));
        self.painter.clear();
        self.discard_own();
        if let Some(h) = &self.host {
            h.hide_tip();
        }
        self.pinned = false;
        self.phase = match &self.scope {
            Some(s) => Phase::Collect(Collector::new(s)),
            None => match scope::Detector::new() {
                Ok(d) => Phase::Detect(d),
                Err(_) => Phase::Idle,
            },
        };
    }

    /// Does the current pass's work until done or `deadline` (ms); returns
    /// whether the pass is complete.
    fn work(&mut self, deadline: f64) -> page::Result<bool> {
        loop {
            match &mut self.phase {
                Phase::Idle => return Ok(true),
                Phase::Detect(d) => {
                    let Some(s) = d.step(deadline) else {
                        return Ok(false);
                    };
                    self.phase = Phase::Collect(Collector::new(&s));
                    self.scope = Some(s);
                }
                Phase::Collect(c) => {
                    if !c.step(deadline) {
                        return Ok(false);
                    }
                    let Phase::Collect(c) = std::mem::replace(&mut self.phase, Phase::Idle) else {
                        unreachable!()
                    };
                    self.map = c.finish();
                    if let Some(s) = self
                        .scope
                        .as_mut()
                        .filter(|s| s.filter.hints && self.map.len16() < 200)
                    {
                        // Class hints left almost nothing of this root: read
                        // it again without them.
                        s.filter.hints = false;
                        self.phase = Phase::Collect(Collector::new(s));
                        continue;
                    }
                    self.phase = Phase::Engine(engine::Run::new());
                }
                Phase::Engine(run) => {
                    if !run.step(self.map.text(), deadline) {
                        return Ok(false);
                    }
                    let Phase::Engine(run) = std::mem::replace(&mut self.phase, Phase::Paint)
                    else {
                        unreachable!()
                    };
                    let report = run.finish();
                    self.choose_theme();
                    self.painter.start(&report);
                    self.report = Some(report);
                }
                Phase::Paint => {
                    if !self.painter.step(&self.map, deadline)? {
                        return Ok(false);
                    }
                    self.phase = Phase::Finish;
                    if deadline.is_finite() {
                        return Ok(false);
                    }
                }
                Phase::Finish => {
                    self.finish_pass();
                    if deadline.is_finite() && !self.waiters.is_empty() {
                        self.phase = Phase::Deliver(crate::convert::Sliced::new());
                        return Ok(false);
                    }
                    self.phase = Phase::Idle;
                    self.ready();
                    return Ok(true);
                }
                Phase::Deliver(sliced) => {
                    let Some(report) = &self.report else {
                        self.phase = Phase::Idle;
                        return Ok(true);
                    };
                    // A report that cannot be converted is delivered as null.
                    match sliced.step(report, deadline) {
                        Ok(None) => return Ok(false),
                        Ok(Some(v)) => self.delivered = Some(v),
                        Err(_) => self.delivered = Some(JsValue::NULL),
                    }
                    self.phase = Phase::Idle;
                    self.ready();
                    return Ok(true);
                }
            }
            // A new phase starts in a slice of its own.
            if deadline.is_finite() {
                return Ok(false);
            }
        }
    }

    /// The current phase, as [`Overlay::longest_slice_phase`] names it.
    fn phase_name(&self) -> &'static str {
        match &self.phase {
            Phase::Idle => "idle",
            Phase::Detect(_) => "detect",
            Phase::Collect(_) => "collect",
            Phase::Engine(_) => "engine",
            Phase::Paint => "paint",
            Phase::Finish => "finish",
            Phase::Deliver(_) => "deliver",
        }
    }

    /// After a pass: the panel follows the report.
    fn finish_pass(&mut self) {
        self.passes += 1;
        self.render_panel();
    }

    /// Before the first pass paints: the mark palette follows the page's
    /// own background. Asked before any mark is inserted, while the page's
    /// styles are still computed: after hundreds of thousands of `<mark>`s,
    /// reading a computed style costs a whole-page style recalculation.
    fn choose_theme(&mut self) {
        let Some(html) = document().ok().and_then(|d| d.document_element()) else {
            return;
        };
        if self.html_before.is_some() {
            return;
        }
        self.html_before = Some(HtmlAttrs {
            ready: html.get_attribute("data-presslens"),
            theme: html.get_attribute("data-presslens-theme"),
        });
        // Mark colours for the page's own background, light or dark
        // (whatever the reader's system setting says).
        if let Some(root) = self.root() {
            let theme = if dark_background(&root) {
                "dark"
            } else {
                "light"
            };
            let _ = html.set_attribute("data-presslens-theme", theme);
        }
    }

    /// `<html data-presslens="ready">`: set when a pass is complete, in the
    /// same task that resolves its promise.
    fn ready(&self) {
        if let Some(html) = document().ok().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("data-presslens", "ready");
        }
    }

    fn render_panel(&self) {
        if let (Some(p), Some(r)) = (&self.panel, &self.report) {
            panel::render(
                p,
                r,
                &self.painter.spans,
                self.painter.kinds(),
                self.scope_note(),
            );
        }
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
        if self.passes > 0 {
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
        self.gen = self.gen.wrapping_add(1);
        self.phase = Phase::Idle;
        self.painter.clear();
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
        self.gen = self.gen.wrapping_add(1);
        self.phase = Phase::Idle;
        self.choose_theme();
        self.painter.start(&report);
        let painted = self.painter.step(&self.map, f64::INFINITY);
        if let Err(e) = painted {
            return Err(self.fail(e));
        }
        self.report = Some(report);
        self.finish_pass();
        self.ready();
        self.discard_own();
        Ok(())
    }

    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
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
        self.passes
    }

    /// How many live DOM ranges the paint keeps: one per painted span with
    /// highlights, none with `<mark>`s (see [`paint::Placement`]).
    pub fn live_ranges(&self) -> usize {
        self.painter.live_ranges()
    }

    /// The longest slice of the last sliced pass ([`run`]), in ms, not
    /// counting the engine's calls (see [`engine::LONGEST`]).
    pub fn longest_slice_ms(&self) -> f64 {
        self.longest_ms
    }

    /// Where the longest slice of the last sliced pass started: "detect",
    /// "collect", "engine", "paint", "finish" or "deliver" (a slice that
    /// ends a phase also does the set-up of the next).
    pub fn longest_slice_phase(&self) -> &'static str {
        self.longest_phase
    }

    pub fn painter(&self) -> &Painter {
        &self.painter
    }

    /// Shows or hides one kind of mark.
    pub fn set_kind(&mut self, kind: Kind, on: bool) -> page::Result<()> {
        if let Err(e) = self.painter.set_kind(&self.map, kind, on) {
            return Err(self.fail(e));
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
    }

    /// Removes every highlight, mark, tooltip, panel, listener and observer;
    /// the document is left exactly as it was before the first pass.
    pub fn clear(&mut self) {
        self.gen = self.gen.wrapping_add(1);
        self.phase = Phase::Idle;
        self.painter.clear();
        for r in self.flashes.drain(..) {
            paint::hl_remove(Hl::Flash, &r);
        }
        if let Some(w) = self.watch.take() {
            w.stop();
        }
        self.listeners.clear();
        self.picker = None;
        if let Some(h) = self.host.take() {
            h.remove();
        }
        self.panel = None;
        self.report = None;
        self.pinned = false;
        if let Some(html) = document().ok().and_then(|d| d.document_element()) {
            if let Some(before) = self.html_before.take() {
                for (name, value) in [
                    ("data-presslens", before.ready),
                    ("data-presslens-theme", before.theme),
                ] {
                    let _ = match value {
                        Some(v) => html.set_attribute(name, &v),
                        None => html.remove_attribute(name),
                    };
                }
            }
        }
        for w in self.waiters.drain(..) {
            safe::settle(&w.resolve, &JsValue::NULL);
        }
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
                host.show_tip(&c, x, y);
                if click {
                    self.pinned = true;
                }
            }
            None => {
                if click || !self.pinned {
                    host.hide_tip();
                    self.pinned = false;
                }
            }
        }
    }

    /// Scrolls span `i` into view, flashes it and explains it (so that every
    /// explanation is reachable from the keyboard, through the panel).
    fn reveal(&mut self, i: usize) {
        let Some(r) = self.painter.range_of(&self.map, i) else {
            return;
        };
        let rect = r.get_bounding_client_rect();
        let (_, h) = ui::viewport();
        if let Some(w) = web_sys::window() {
            w.scroll_by_with_x_and_y(0.0, rect.top() - h / 3.0);
        }
        let rect = r.get_bounding_client_rect();
        let card = self
            .report
            .as_ref()
            .and_then(|rep| explain::card(rep, self.painter.spans[i].target));
        if let (Some(host), Some(card), true) = (&self.host, card, self.opts.tooltip) {
            host.show_tip(&card, rect.left(), rect.bottom());
            self.pinned = true;
            // The scroll we just made must not hide it.
            self.keep_tip_until = js_sys::Date::now() + 300.0;
        }
        if !self.painter.uses_marks() {
            let r = r.clone();
            // A flash the page refuses is only a flash.
            let _ = paint::hl_add(Hl::Flash, &r).and_then(|()| paint::hl_show(Hl::Flash));
            self.flashes.push(r.clone());
            let cb = Closure::once_into_js(move || paint::hl_remove(Hl::Flash, &r));
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    cb.unchecked_ref(),
                    1600,
                );
            }
        }
    }
}

impl Drop for Overlay {
    fn drop(&mut self) {
        self.clear();
    }
}

/// Whether the article's background (its own or the nearest ancestor's
/// that is not transparent) is dark.
fn dark_background(el: &Element) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let mut cur = Some(el.clone());
    while let Some(e) = cur {
        if let Ok(Some(style)) = w.get_computed_style(&e) {
            let bg = style
                .get_property_value("background-color")
                .unwrap_or_default();
            // "rgb(r, g, b)" or "rgba(r, g, b, a)"; integers only (no float
            // parsing code in the payload for this).
            let parts: Vec<&str> = bg
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .split(',')
                .collect();
            let alpha_zero = parts.get(3).is_some_and(|a| {
                a.trim()
                    .trim_end_matches(')')
                    .trim_start_matches('0')
                    .trim_start_matches('.')
                    .trim_matches('0')
                    .is_empty()
            });
            let int = |p: &&str| {
                p.trim()
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
                    .and_then(|d| d.parse::<u32>().ok())
            };
            let v: Vec<u32> = parts.iter().take(3).filter_map(int).collect();
            if v.len() == 3 && !alpha_zero && bg != "transparent" {
                let lum = 2126 * v[0] + 7152 * v[1] + 722 * v[2];
                return lum < 100 * 10000;
            }
        }
        cur = e.parent_element();
    }
    false
}

/// The DOM position under a viewport point: `caretPositionFromPoint` where
/// the browser has it, else `caretRangeFromPoint`.
fn caret_at(x: f64, y: f64) -> Option<(Node, u32)> {
    let doc = document().ok()?;
    let call = |name: &str| -> Option<JsValue> {
        let f = js_sys::Reflect::get(&doc, &name.into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        let v = f.call2(&doc, &x.into(), &y.into()).ok()?;
        (!v.is_null() && !v.is_undefined()).then_some(v)
    };
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).ok();
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
fn contains(r: &Range, x: f64, y: f64) -> bool {
    let Some(rects) = r.get_client_rects() else {
        return false;
    };
    (0..rects.length()).filter_map(|i| rects.item(i)).any(|b| {
        x >= b.left() - 1.0 && x <= b.right() + 1.0 && y >= b.top() - 1.0 && y <= b.bottom() + 1.0
    })
}

// --- Driving: slices, UI, observer --------------------------------------------

/// Runs one pass in slices of [`BUDGET_MS`], yielding to the page between
/// them; resolves to the report (JS object) when the pass is done, or to
/// `null` if the overlay is cleared first.
pub fn run(rc: &Shared) -> js_sys::Promise {
    let mut waiter = None;
    let promise =
        js_sys::Promise::new(&mut |resolve, reject| waiter = Some(Waiter { resolve, reject }));
    install(rc);
    {
        let mut o = rc.borrow_mut();
        o.waiters.extend(waiter);
        o.begin();
    }
    schedule(rc);
    promise
}

/// Starts a pass with nobody waiting (late content).
fn rerun(rc: &Shared) {
    if let Ok(mut o) = rc.try_borrow_mut() {
        o.begin();
    } else {
        return;
    }
    schedule(rc);
}

/// Queues the next slice of the pass as a task of its own. The callback is
/// a `Closure::once_into_js`, which frees itself once it has run; a
/// `gloo_timers::Timeout` would have to be kept somewhere (dropping it
/// cancels the task) or forgotten, which leaks its closure on every slice.
/// A stale slice (the pass was restarted or cleared) sees another `gen` and
/// does nothing.
fn schedule(rc: &Shared) {
    let weak = Rc::downgrade(rc);
    let gen = rc.borrow().gen;
    let cb = Closure::once_into_js(move || tick(weak, gen));
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
    }
}

fn tick(weak: Weak<RefCell<Overlay>>, gen: u32) {
    let Some(rc) = weak.upgrade() else { return };
    let (done, waiters, report) = {
        let Ok(mut o) = rc.try_borrow_mut() else {
            schedule(&rc);
            return;
        };
        if o.gen != gen {
            return;
        }
        let t0 = js_sys::Date::now();
        let e0 = engine::SPENT.with(|c| c.get());
        let ph0 = o.phase_name();
        let budget = slice_budget(t0 - o.slice_end, o.map.len16());
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
        if dom > o.longest_ms {
            o.longest_ms = dom;
            o.longest_phase = ph0;
        }
        o.slice_end = js_sys::Date::now();
        if done {
            let report = match o.delivered.take() {
                Some(v) => v,
                None => o
                    .report
                    .as_ref()
                    .map(crate::convert::to_js_lossy)
                    .unwrap_or(JsValue::NULL),
            };
            (true, std::mem::take(&mut o.waiters), report)
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
    js_sys::Reflect::get(e, &"key".into())
        .ok()
        .and_then(|k| k.as_string())
        .as_deref()
        == Some("Escape")
}

/// The page's listeners: the tooltip follows the pointer (at most every
/// 40 ms), a click pins it, scrolling and Escape hide it.
fn listen_page(rc: &Shared, doc: &EventTarget, tooltip: bool) {
    if tooltip {
        listen(rc, doc, "mousemove", false, |o, e| {
            let now = js_sys::Date::now();
            if now - o.last_move < 40.0 {
                return;
            }
            o.last_move = now;
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
            if js_sys::Date::now() < o.keep_tip_until {
                return;
            }
            if let Some(h) = &o.host {
                h.hide_tip();
            }
            o.pinned = false;
        });
    }
    listen(rc, doc, "keydown", false, |o, e| {
        if is_escape(e) {
            if let Some(h) = &o.host {
                h.hide_tip();
            }
            o.pinned = false;
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
