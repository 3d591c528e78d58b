//! Paint: report offsets to DOM ranges to CSS Custom Highlights.
//!
//! Highlights change no DOM and shift no layout, so undo is exact by
//! construction: clearing takes our ranges out of `CSS.highlights` and the
//! document is as it was. Where the API is missing (or `fallback` is asked
//! for) the spans are wrapped in `<mark class="presslens presslens-quote">`
//! instead ([`super::marks`]), never calling `normalize()`.
//!
//! The highlights are shared by every overlay on the page (one `Highlight`
//! per kind); each overlay adds and removes only its own ranges, and a
//! highlight left empty is taken out of the registry.

use std::cell::RefCell;

use web_sys::{Element, Highlight, Range, Text};

use super::page::Error;
use super::safe;

use super::marks::Marks;
use super::spans::{spans, Hl, Kind, Kinds, Span};
use super::textmap::{Segments, TextMap};
use presslens::report::Report;

thread_local! {
    static HIGHLIGHTS: RefCell<[Option<Highlight>; Hl::COUNT]> = const { RefCell::new([None, None, None, None, None]) };
}

/// Whether `CSS.highlights` and `Highlight` exist (Chromium 105+, Safari
/// 17.2+, Firefox 140+).
pub fn highlight_api() -> bool {
    let global = js_sys::global();
    let css = safe::get(&global, "CSS");
    let has = |v: &wasm_bindgen::JsValue| !v.is_undefined() && !v.is_null();
    has(&safe::get(&css, "highlights")) && safe::get(&global, "Highlight").is_function()
}

/// Adds `range` to the shared highlight `which`; [`hl_show`] registers it.
/// Fails when the page broke the Highlight API (see [`safe`]).
///
/// Ranges go into a highlight that is not yet in `CSS.highlights`: every
/// change to a registered highlight makes the browser repaint all of it,
/// so a pass that added 150,000 ranges in slices to a registered highlight
/// spent seconds repainting between its own tasks (10 MB pages).
pub fn hl_add(which: Hl, range: &Range) -> Result<(), Error> {
    HIGHLIGHTS.with(|h| {
        let mut h = h.borrow_mut();
        let slot = &mut h[which.index()];
        if slot.is_none() {
            let hl = Highlight::new(&[]).map_err(|_| Error::Unavailable("new Highlight()"))?;
            hl.set_priority(which.priority());
            *slot = Some(hl);
        }
        let Some(hl) = slot.as_ref() else {
            return Ok(());
        };
        safe::highlight_add(hl, range.as_ref())
    })
}

/// Puts highlight `which` in `CSS.highlights`, where the page shows it, if
/// it holds anything and is not there yet.
pub fn hl_show(which: Hl) -> Result<(), Error> {
    HIGHLIGHTS.with(|h| {
        let h = h.borrow();
        let Some(hl) = h[which.index()].as_ref().filter(|hl| hl.size() > 0) else {
            return Ok(());
        };
        let registry = web_sys::css::JsNamespaceCss::highlights();
        if !safe::registry_has(&registry, which.name())? {
            safe::registry_set(&registry, which.name(), hl)?;
            // A registry that takes highlights and keeps none (a page's
            // stand-in for `CSS.highlights`) would paint nothing, silently.
            if !safe::registry_has(&registry, which.name())? {
                return Err(Error::Unavailable(
                    "CSS.highlights (the page's registry keeps nothing it is given)",
                ));
            }
        }
        Ok(())
    })
}

/// Takes `range` out of highlight `which`; an emptied highlight leaves the
/// registry (where the page's registry refuses, it stays there empty,
/// which paints nothing). Fails only when the range is still painted.
pub fn hl_remove(which: Hl, range: &Range) -> Result<(), Error> {
    HIGHLIGHTS.with(|h| {
        let h = h.borrow();
        let Some(hl) = &h[which.index()] else {
            return Ok(());
        };
        safe::highlight_delete(hl, range.as_ref())?;
        if hl.size() == 0 {
            let registry = web_sys::css::JsNamespaceCss::highlights();
            let _ = safe::registry_delete(&registry, which.name());
        }
        Ok(())
    })
}

/// Takes `n` ranges out of highlight `kind` at once: when they are all it
/// holds, the whole highlight leaves the registry (one call instead of
/// `n`); where the registry refuses, the highlight is emptied instead (it
/// stays registered and is used again by the next pass), else its ranges
/// are taken out one by one. Fails only when some range is still painted;
/// the caller keeps what it needs to try again.
fn hl_remove_many<'a>(
    which: Hl,
    n: u32,
    ranges: impl Iterator<Item = &'a Range>,
) -> Result<(), Error> {
    let whole = HIGHLIGHTS.with(|h| {
        let h = h.borrow();
        h[which.index()]
            .as_ref()
            .filter(|hl| hl.size() == n)
            .cloned()
    });
    if let Some(hl) = whole {
        let registry = web_sys::css::JsNamespaceCss::highlights();
        if safe::registry_delete(&registry, which.name()).is_ok() {
            HIGHLIGHTS.with(|h| h.borrow_mut()[which.index()] = None);
            return Ok(());
        }
        if safe::highlight_clear(&hl).is_ok() && hl.size() == 0 {
            return Ok(());
        }
    }
    for r in ranges {
        hl_remove(which, r)?;
    }
    Ok(())
}

/// The DOM boundary points of UTF-16 span `s..e` of the text behind
/// `segs`, unless they coincide (a span over nothing painted).
fn bounds(segs: &Segments, s: u32, e: u32) -> Option<((Text, u32), (Text, u32))> {
    let start = segs.locate(s, false)?;
    let end = segs.locate(e, true)?;
    if start.1 == end.1 && start.0 == end.0 {
        return None;
    }
    Some((start, end))
}

/// A DOM range for UTF-16 span `s..e` of the text behind `segs`.
pub fn range(segs: &Segments, s: u32, e: u32) -> Option<Range> {
    let ((sn, so), (en, eo)) = bounds(segs, s, e)?;
    let r = super::page::document().ok()?.create_range().ok()?;
    r.set_start(&sn, so).ok()?;
    r.set_end(&en, eo).ok()?;
    if r.collapsed() {
        return None;
    }
    Some(r)
}

/// Where one span is painted.
///
/// In highlight mode each span keeps its live `Range` (the highlight holds
/// it anyway). The `<mark>` fallback keeps none: the browser updates every
/// live range of a document on every mutation, so thousands of ranges held
/// while the marks are unwrapped made `clear()` quadratic in page size
/// (5,000 paragraphs took minutes). There a range is made only when one is
/// asked for (a hit test, a scroll) and dropped after.
pub enum Placement {
    /// The span covers no painted text.
    Missing,
    Live(Range),
    /// Wrapped in marks; no range kept.
    Marked,
}

/// Paints one report on one text map and remembers what it painted.
pub struct Painter {
    pub spans: Vec<Span>,
    /// The length of the longest span (bounds the look back of [`Painter::hit`]).
    longest: u32,
    /// Where each span is painted, once it is (same index as `spans`).
    placed: Vec<Placement>,
    /// Which kinds are shown.
    kinds: Kinds,
    /// How many of our ranges each highlight holds.
    shown: [u32; 3],
    /// Spans `..done` have their ranges made and painted.
    done: usize,
    /// The fallback: `<mark>` wrapping, when highlights are unavailable.
    marks: Option<Marks>,
    /// The marks are still going in (before any span is placed).
    wrapping: bool,
    fallback: bool,
    /// Most nodes one step of the `<mark>` wrap puts in the page (see
    /// [`super::marks::NODES_PER_STEP`]; more on a large page, where each
    /// step costs the browser a whole frame).
    pub nodes_per_step: usize,
}

impl Painter {
    pub fn new(kinds: Kinds, fallback: bool) -> Painter {
        Painter {
            spans: Vec::new(),
            longest: 0,
            placed: Vec::new(),
            kinds,
            shown: [0; 3],
            done: 0,
            marks: None,
            wrapping: false,
            fallback: fallback || !highlight_api(),
            nodes_per_step: super::marks::NODES_PER_STEP,
        }
    }

    /// Whether spans are wrapped in marks rather than highlighted.
    pub fn uses_marks(&self) -> bool {
        self.fallback
    }

    /// Starts painting `report` (clearing any earlier paint); nothing is on
    /// the page before [`Painter::step`]. Fails when the earlier paint
    /// cannot be taken out ([`Painter::clear`]).
    pub fn start(&mut self, report: &Report) -> Result<(), Error> {
        self.clear()?;
        self.spans = spans(report);
        self.longest = self
            .spans
            .iter()
            .map(|s| s.end - s.start)
            .max()
            .unwrap_or(0);
        self.placed = Vec::with_capacity(self.spans.len());
        if self.fallback {
            self.marks = Some(Marks::new());
            self.wrapping = true;
        }
        Ok(())
    }

    /// Makes and paints ranges until done or `deadline` (ms); returns whether
    /// every span is painted. On an error the paint so far (or, with marks,
    /// what could not be undone) stays for the caller to
    /// [`Painter::clear`].
    pub fn step(&mut self, map: &TextMap, deadline: f64) -> Result<bool, Error> {
        // The marks go in first (in steps of their own); ranges and hit
        // tests refer to their text nodes.
        if self.wrapping {
            let Some(m) = self.marks.as_mut() else {
                return Ok(true);
            };
            match m.step(map, &self.spans, self.kinds, deadline, self.nodes_per_step) {
                Ok(true) => self.wrapping = false,
                Ok(false) => return Ok(false),
                Err(e) => {
                    self.wrapping = false;
                    return Err(e);
                }
            }
            if js_sys::Date::now() > deadline {
                return Ok(false);
            }
        }
        let segs = match &self.marks {
            Some(m) => &m.segments,
            None => &map.segments,
        };
        while self.done < self.spans.len() {
            let s = self.spans[self.done];
            let placed = if self.fallback {
                match bounds(segs, s.start, s.end) {
                    Some(_) => Placement::Marked,
                    None => Placement::Missing,
                }
            } else {
                match range(segs, s.start, s.end) {
                    Some(r) => {
                        let kind = s.target.kind();
                        if self.kinds.shows(kind) {
                            // Counted first: a range the page refused may
                            // still have been added.
                            self.shown[kind.index()] += 1;
                            if let Err(e) = hl_add(kind.highlight(), &r) {
                                self.placed.push(Placement::Live(r));
                                self.done += 1;
                                return Err(e);
                            }
                        }
                        Placement::Live(r)
                    }
                    None => Placement::Missing,
                }
            };
            self.placed.push(placed);
            self.done += 1;
            if self.done % 8 == 0 && js_sys::Date::now() > deadline {
                break;
            }
        }
        let done = self.done >= self.spans.len();
        if done && !self.fallback {
            for kind in Kind::ALL {
                hl_show(kind.highlight())?;
            }
        }
        Ok(done)
    }

    /// How many live ranges are kept (none in the `<mark>` fallback).
    pub fn live_ranges(&self) -> usize {
        self.placed
            .iter()
            .filter(|p| matches!(p, Placement::Live(_)))
            .count()
    }

    /// A range over span `i`, if it is painted: the kept one in highlight
    /// mode, a new one (the caller's to drop) over the marks.
    pub fn range_of(&self, map: &TextMap, i: usize) -> Option<Range> {
        match self.placed.get(i)? {
            Placement::Missing => None,
            Placement::Live(r) => Some(r.clone()),
            Placement::Marked => {
                let s = self.spans.get(i)?;
                range(self.segments(map), s.start, s.end)
            }
        }
    }

    /// The `<mark>`s of span `i`, in text order (none with highlights):
    /// the elements whose text lies in the span.
    pub fn marks_over(&self, i: usize) -> Vec<Element> {
        let (Some(m), Some(s)) = (&self.marks, self.spans.get(i)) else {
            return Vec::new();
        };
        let segs = &m.segments.0;
        let from = segs.partition_point(|g| g.start + g.len <= s.start);
        segs[from..]
            .iter()
            .take_while(|g| g.start < s.end)
            .filter_map(|g| g.node.parent_element())
            .filter(|e| e.local_name() == "mark" && e.class_list().contains("presslens"))
            .collect()
    }

    /// Whether span `i` is on the page (painted, of a shown kind or not).
    pub fn is_placed(&self, i: usize) -> bool {
        self.placed
            .get(i)
            .is_some_and(|p| !matches!(p, Placement::Missing))
    }

    /// The segments ranges and hit-tests refer to (the marks' own text
    /// nodes in the fallback).
    pub fn segments<'a>(&'a self, map: &'a TextMap) -> &'a Segments {
        match &self.marks {
            Some(m) => &m.segments,
            None => &map.segments,
        }
    }

    pub fn kinds(&self) -> Kinds {
        self.kinds
    }

    /// Shows or hides one kind.
    pub fn set_kind(&mut self, map: &TextMap, kind: Kind, on: bool) -> Result<(), Error> {
        if self.kinds.shows(kind) == on {
            return Ok(());
        }
        self.kinds.set(kind, on);
        if self.fallback {
            // Re-wrap with the new set of kinds; ranges follow the new nodes.
            if let Some(m) = self.marks.as_mut() {
                m.unwrap()?;
            }
            self.marks = Some(Marks::new());
            self.wrapping = true;
            self.placed.clear();
            self.done = 0;
            self.step(map, f64::INFINITY)?;
            return Ok(());
        }
        let mine = || live_of(&self.spans, &self.placed, kind);
        let n = &mut self.shown[kind.index()];
        if on {
            for r in mine() {
                *n += 1;
                hl_add(kind.highlight(), r)?;
            }
            hl_show(kind.highlight())?;
        } else {
            hl_remove_many(kind.highlight(), *n, mine())?;
            *n = 0;
        }
        Ok(())
    }

    /// The innermost shown span containing text offset `at` (of two as
    /// long, the later). A binary search, then a look back over the spans
    /// that start less than the longest span's length before `at`: a hover
    /// costs the same at the end of a long page as at its start.
    pub fn hit(&self, at: u32) -> Option<usize> {
        let upto = self.spans.partition_point(|s| s.start <= at);
        let mut best: Option<usize> = None;
        for i in (0..upto).rev() {
            let s = &self.spans[i];
            if s.start.saturating_add(self.longest) <= at {
                break;
            }
            if at < s.end
                && self.kinds.shows(s.target.kind())
                && self
                    .placed
                    .get(i)
                    .is_some_and(|p| !matches!(p, Placement::Missing))
                && best.is_none_or(|b| {
                    let b = &self.spans[b];
                    s.end - s.start < b.end - b.start
                })
            {
                best = Some(i);
            }
        }
        best
    }

    /// Removes our highlights and marks; touches nothing else. Where a page
    /// API keeps some of them on the page, the error says what is left and
    /// the painter keeps what it needs to take it out on the next call
    /// (nothing is forgotten while still painted).
    pub fn clear(&mut self) -> Result<(), Error> {
        self.clear_until(f64::INFINITY).map(drop)
    }

    /// [`Painter::clear`] in steps: the highlights go at once (no DOM
    /// changes), the marks until `deadline` (ms); `Ok(false)` means call
    /// again (the page shows each text node wrapped or whole meanwhile).
    pub fn clear_until(&mut self, deadline: f64) -> Result<bool, Error> {
        self.wrapping = false;
        if !self.fallback {
            for kind in Kind::ALL {
                let n = self.shown[kind.index()];
                if n > 0 {
                    let mine = live_of(&self.spans, &self.placed, kind);
                    hl_remove_many(kind.highlight(), n, mine).map_err(|e| Error::Left {
                        cause: Box::new(e),
                        what: "some highlights",
                    })?;
                    self.shown[kind.index()] = 0;
                }
            }
        }
        if let Some(m) = self.marks.as_mut() {
            if !m.unwrap_until(deadline)? {
                return Ok(false);
            }
        }
        self.marks = None;
        self.spans.clear();
        // Releasing thousands of JS ranges takes a while: in tasks of their
        // own, after the page is clean.
        super::task::drop_later(std::mem::take(&mut self.placed));
        self.done = 0;
        Ok(true)
    }
}

/// The live ranges of the spans of one kind.
fn live_of<'a>(
    spans: &'a [Span],
    placed: &'a [Placement],
    kind: Kind,
) -> impl Iterator<Item = &'a Range> + 'a {
    spans
        .iter()
        .zip(placed)
        .filter(move |(s, _)| s.target.kind() == kind)
        .filter_map(|(_, p)| match p {
            Placement::Live(r) => Some(r),
            _ => None,
        })
}
