//! The fallback paint: `<mark class="presslens presslens-quote">` around the
//! spans, for browsers without the CSS Custom Highlight API.
//!
//! A text node that a span touches is replaced by new nodes — plain text for
//! the parts outside every span, a mark per covered part — and the original
//! node is kept, untouched, aside. Undo puts each original node back in place
//! of its pieces: the exact same nodes (so frameworks holding references to
//! them are not confused) with the exact same text. `normalize()` is never
//! called, so text nodes the page split on purpose stay split.
//!
//! The wrap runs in steps ([`Marks::step`]), each bounded by a number of
//! nodes and by a deadline, so that a long page's marks go in over many
//! tasks; undo is the same whether the wrap finished or was cut short.
//!
//! Every change is a transaction that can never show a text twice: a node
//! is replaced by its pieces in one DOM operation (the pieces are gathered
//! in a fragment first), and put back by first taking out every piece but
//! the first and then replacing that one by the original. A page API that
//! throws midway leaves either the whole change or none of it, or (undo
//! only) some pieces taken out and the rest still there: what is left to
//! undo is read again from the DOM on the next [`Marks::unwrap`], which
//! finishes the job.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use web_sys::{Document, Node, Text};

use super::page::Error;
use super::safe;
use super::spans::{Kind, Kinds, Span};
use super::textmap::{Segment, Segments, TextMap};

/// Most nodes (text pieces and marks) one [`Marks::step`] puts in the page,
/// whatever the clock says: the wrap of a long page is cut by work, not only
/// by time (a 14 MB page has 420,000 marks; wrapped in one go they took 2 s).
pub const NODES_PER_STEP: usize = 8192;

/// One replaced text node.
struct Wrapped {
    original: Text,
    parent: Node,
    /// What replaced it, in order (text nodes and marks).
    pieces: Vec<Node>,
}

/// Where the wrap is: a sweep over the span boundaries in text order, one
/// text node (segment) at a time. Spans come sorted by start; the ends of
/// the spans open at the sweep's position wait in a min-heap, so no sort of
/// every boundary is needed up front.
#[derive(Default)]
struct Sweep {
    /// The next span (index into the painter's spans) not yet opened.
    next: usize,
    /// Ends of the open spans, with their kind index.
    open: BinaryHeap<Reverse<(u32, usize)>>,
    /// Open spans per kind.
    counts: [i32; 3],
    /// The next segment of the text map to wrap.
    seg: usize,
}

impl Sweep {
    /// The next span boundary at or after the sweep (a shown span's start or
    /// an open span's end).
    fn peek(&mut self, spans: &[Span], kinds: Kinds) -> Option<u32> {
        while spans
            .get(self.next)
            .is_some_and(|s| !kinds.shows(s.target.kind()))
        {
            self.next += 1;
        }
        let start = spans.get(self.next).map(|s| s.start);
        let end = self.open.peek().map(|Reverse((e, _))| *e);
        match (start, end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Opens and closes every span boundary at `at` (the next one).
    fn apply(&mut self, at: u32, spans: &[Span], kinds: Kinds) {
        while self.peek(spans, kinds) == Some(at) {
            match spans.get(self.next) {
                Some(s) if s.start == at => {
                    let k = s.target.kind().index();
                    self.counts[k] += 1;
                    self.open.push(Reverse((s.end, k)));
                    self.next += 1;
                }
                _ => {
                    if let Some(Reverse((_, k))) = self.open.pop() {
                        self.counts[k] -= 1;
                    }
                }
            }
        }
    }

    /// Which kinds cover the sweep's position, as bits.
    fn mask(&self) -> u8 {
        let c = &self.counts;
        (c[0] > 0) as u8 | ((c[1] > 0) as u8) << 1 | ((c[2] > 0) as u8) << 2
    }
}

/// The marks on one text map.
pub struct Marks {
    wrapped: Vec<Wrapped>,
    /// Nodes an unwrap in progress could not put back, with why.
    failed: Vec<(Wrapped, Error)>,
    /// The text map's segments with replaced nodes swapped for their pieces
    /// (complete once [`Marks::step`] says done).
    pub segments: Segments,
    sweep: Sweep,
}

impl Default for Marks {
    fn default() -> Self {
        Self::new()
    }
}

impl Marks {
    /// Marks about to wrap every span of a shown kind; nothing is wrapped
    /// before [`Marks::step`].
    pub fn new() -> Marks {
        Marks {
            wrapped: Vec::new(),
            failed: Vec::new(),
            segments: Segments::default(),
            sweep: Sweep::default(),
        }
    }

    /// Wraps the spans of `spans` (sorted by start, as
    /// [`super::spans::spans`] gives them) of a shown kind, text node by
    /// text node, until every node is done (`Ok(true)`), `deadline` (ms)
    /// passes or `max_nodes` nodes are in ([`NODES_PER_STEP`] but on a large
    /// page). `map`, `spans` and `kinds`
    /// must be the same on every step. A text node is replaced whole within
    /// one step, so the page never shows half of one.
    ///
    /// On a page that broke the DOM API, everything wrapped so far is undone
    /// and the error returned (the marks are then empty).
    pub fn step(
        &mut self,
        map: &TextMap,
        spans: &[Span],
        kinds: Kinds,
        deadline: f64,
        max_nodes: usize,
    ) -> Result<bool, Error> {
        let doc = super::page::document()?;
        let mut nodes_in = 0usize;
        let mut looked = 0u32;
        while let Some(seg) = map.segments.0.get(self.sweep.seg) {
            self.sweep.seg += 1;
            nodes_in += self.wrap_segment(&doc, seg, spans, kinds)?;
            looked += 1;
            if self.sweep.seg < map.segments.0.len()
                && (nodes_in >= max_nodes || (looked % 8 == 0 && js_sys::Date::now() > deadline))
            {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Replaces one text node by its pieces, if a shown span touches it;
    /// returns how many nodes went into the page.
    fn wrap_segment(
        &mut self,
        doc: &Document,
        seg: &Segment,
        spans: &[Span],
        kinds: Kinds,
    ) -> Result<usize, Error> {
        let sw = &mut self.sweep;
        while let Some(at) = sw.peek(spans, kinds).filter(|&at| at <= seg.start) {
            sw.apply(at, spans, kinds);
        }
        // (start in node, mask from there on)
        let mut pieces: Vec<(u32, u8)> = vec![(0, sw.mask())];
        while let Some(at) = sw.peek(spans, kinds).filter(|&at| at < seg.start + seg.len) {
            sw.apply(at, spans, kinds);
            let m = sw.mask();
            if pieces.last().is_some_and(|p| p.1 != m) {
                pieces.push((at - seg.start, m));
            }
        }
        let parent = seg.node.parent_node();
        let (true, Some(parent)) = (pieces.iter().any(|p| p.1 != 0), parent) else {
            self.segments.0.push(seg.clone());
            return Ok(0);
        };
        let mut nodes = Vec::with_capacity(pieces.len());
        let frag = doc.create_document_fragment();
        let orig: &Node = seg.node.as_ref();
        let first = self.segments.0.len();
        for (k, &(a, m)) in pieces.iter().enumerate() {
            let b = pieces.get(k + 1).map_or(seg.len, |p| p.0);
            if b <= a {
                continue;
            }
            let Ok(piece) = seg.node.substring_data(a, b - a) else {
                return Err(self.undo(first, Error::Unavailable("CharacterData.substringData")));
            };
            let text = doc.create_text_node(&piece);
            self.segments.0.push(Segment {
                node: text.clone(),
                start: seg.start + a,
                len: b - a,
            });
            let top: Node = if m == 0 {
                text.into()
            } else {
                let Ok(mark) = doc.create_element("mark") else {
                    return Err(self.undo(first, Error::Unavailable("document.createElement")));
                };
                let mut class = String::from("presslens");
                for kind in Kind::ALL {
                    if m & (1 << kind.index()) != 0 {
                        class.push(' ');
                        class.push_str(kind.highlight().name());
                    }
                }
                mark.set_class_name(&class);
                if let Err(e) = safe::append(&mark, &text) {
                    return Err(self.undo(first, e));
                }
                mark.into()
            };
            if let Err(e) = safe::append(&frag, &top) {
                return Err(self.undo(first, e));
            }
            nodes.push(top);
        }
        // One operation: the page shows the original or all its pieces.
        if let Err(e) = safe::replace(&parent, &frag, orig) {
            return Err(self.undo(first, e));
        }
        let n = nodes.len();
        self.wrapped.push(Wrapped {
            original: seg.node.clone(),
            parent,
            pieces: nodes,
        });
        Ok(n)
    }

    /// A node could not be replaced (the page is as it was for that node):
    /// forgets its pieces (segments from `first` on), undoes every earlier
    /// replacement and returns `e`, or, where the undo is cut short too,
    /// the undo's error, keeping what is left to undo for the next
    /// [`Marks::unwrap`].
    fn undo(&mut self, first: usize, e: Error) -> Error {
        self.segments.0.truncate(first);
        self.sweep = Sweep::default();
        match self.unwrap() {
            Ok(()) => e,
            Err(left) => left,
        }
    }

    /// Puts every original text node back in place of its pieces, last
    /// wrapped first. Marks still being wrapped are undone as far as they
    /// got. On a page that broke the DOM API every node is tried with each
    /// API that can do it ([`safe`]); the nodes that could not be put back
    /// stay listed here, so a later call finishes the job, and the error
    /// says how many are left (`Error::Leftover`).
    pub fn unwrap(&mut self) -> Result<(), Error> {
        self.unwrap_until(f64::INFINITY).map(drop)
    }

    /// [`Marks::unwrap`] in steps: puts nodes back until every one has been
    /// tried (`Ok(true)`, or the error) or `deadline` (ms) passes
    /// (`Ok(false)`: call again). The page shows each node either wrapped
    /// or whole, so a step may end anywhere.
    pub fn unwrap_until(&mut self, deadline: f64) -> Result<bool, Error> {
        let mut n = 0u32;
        while let Some(w) = self.wrapped.pop() {
            if let Err(e) = restore(&w) {
                self.failed.push((w, e));
            }
            n += 1;
            if n % 64 == 0 && !self.wrapped.is_empty() && js_sys::Date::now() > deadline {
                return Ok(false);
            }
        }
        super::task::drop_later(std::mem::take(&mut self.segments.0));
        self.sweep = Sweep::default();
        let failed = std::mem::take(&mut self.failed);
        let first_error = failed.first().map(|(_, e)| e.clone());
        // Kept in wrap order (they were tried last first).
        self.wrapped = failed.into_iter().rev().map(|(w, _)| w).collect();
        match first_error {
            None => Ok(true),
            Some(e) => Err(Error::Leftover {
                cause: Box::new(e),
                nodes: self.wrapped.len(),
            }),
        }
    }

    /// How many replaced text nodes are still to be put back.
    pub fn wrapped(&self) -> usize {
        self.wrapped.len()
    }
}

/// Puts one original text node back: every piece but the first out, then
/// the first replaced by the original, so the page never holds both the
/// original and a piece. Idempotent: what is still to do is read from the
/// DOM (a piece still under the parent), so a call cut short by a page API
/// is finished by the next one.
fn restore(w: &Wrapped) -> Result<(), Error> {
    let inside = |n: &Node| n.parent_node().is_some_and(|p| p == w.parent);
    let Some(first) = w.pieces.first() else {
        return Ok(());
    };
    if !inside(first) {
        // The page moved on (or the original is back): leave its nodes alone.
        return Ok(());
    }
    for p in &w.pieces[1..] {
        if inside(p) {
            safe::detach(&w.parent, p)?;
        }
    }
    safe::replace(&w.parent, w.original.as_ref(), first)
}
