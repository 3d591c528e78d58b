//! The text map: an article root read into one string, with a map from the
//! string's UTF-16 offsets back to (text node, offset).
//!
//! One pass with a `TreeWalker` over elements and text. Block elements and
//! `<br>` become paragraph breaks (`"\n\n"`) so that sentences never run
//! across blocks; inline elements (`<a>`, `<em>`) add nothing, so a quote
//! crossing them stays one span. Every character of a text node is kept, one
//! for one (newlines and tabs inside a node become spaces, as the browser
//! renders them), so offsets inside a node map back exactly; whitespace-only
//! nodes between blocks collapse to nothing.
//!
//! The pass is resumable ([`Collector::step`]) so that a long page is read
//! in slices that each fit a frame.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node, Text};

use presslens::scope::text::TextBuilder;

use super::scope::{self, Scope};
use super::walk::Walk;

/// A text node and where its text starts in the map's string (UTF-16).
#[derive(Debug, Clone)]
pub struct Segment {
    pub node: Text,
    pub start: u32,
    pub len: u32,
}

/// Text nodes in document order with their place in the text.
#[derive(Debug, Clone, Default)]
pub struct Segments(pub Vec<Segment>);

impl Segments {
    /// The text node and offset in it where UTF-16 offset `at` of the text
    /// falls. `end` chooses, at a boundary between two nodes, the end of the
    /// earlier one rather than the start of the later one. Offsets between
    /// nodes (paragraph breaks) snap forward (starts) or back (ends).
    pub fn locate(&self, at: u32, end: bool) -> Option<(Text, u32)> {
        let segs = &self.0;
        if end {
            let i = segs.partition_point(|s| s.start + s.len < at);
            match segs.get(i) {
                Some(s) if s.start < at => Some((s.node.clone(), at - s.start)),
                _ => i
                    .checked_sub(1)
                    .map(|j| (segs[j].node.clone(), segs[j].len)),
            }
        } else {
            let i = segs.partition_point(|s| s.start + s.len <= at);
            let s = segs.get(i)?;
            Some((s.node.clone(), at.saturating_sub(s.start).min(s.len)))
        }
    }

    /// The text offset of a DOM position (a text node and an offset in it),
    /// found by binary search in document order.
    pub fn offset_of(&self, node: &Node, offset: u32) -> Option<u32> {
        let segs = &self.0;
        let (mut lo, mut hi) = (0usize, segs.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let s: &Node = segs[mid].node.as_ref();
            if s.is_same_node(Some(node)) {
                return Some(segs[mid].start + offset.min(segs[mid].len));
            }
            // FOLLOWING (4): `node` comes after the segment.
            if s.compare_document_position(node) & Node::DOCUMENT_POSITION_FOLLOWING != 0 {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        None
    }
}

/// The text of an article root and the way back to its nodes.
#[derive(Debug, Clone, Default)]
pub struct TextMap {
    text: String,
    /// UTF-16 length of `text`.
    len16: u32,
    pub segments: Segments,
}

impl TextMap {
    /// Reads the text under a scope in one go.
    pub fn collect(scope: &Scope) -> TextMap {
        let mut c = Collector::new(scope);
        while !c.step(f64::INFINITY) {}
        c.finish()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn len16(&self) -> u32 {
        self.len16
    }

    pub fn locate(&self, at: u32, end: bool) -> Option<(Text, u32)> {
        self.segments.locate(at, end)
    }
}

/// The engine's text writer (the native reader's rules, one for one) and
/// where each text node's characters went.
#[derive(Default)]
struct Writer {
    text: TextBuilder,
    segments: Segments,
}

impl Writer {
    fn push_text(&mut self, t: &Text) {
        // `nodeValue` rather than `data`: the same string, read through
        // `Node`, where a page that redefines `CharacterData`'s `data`
        // (to feed an annotator another text) does not reach.
        let data = t.node_value().unwrap_or_default();
        if let Some((start, len)) = self.text.push_text(&data) {
            self.segments.0.push(Segment {
                node: t.clone(),
                start,
                len,
            });
        }
    }

    fn push_break(&mut self) {
        self.text.push_break();
    }
}

/// A text map being read, a slice at a time.
pub struct Collector {
    scope: Scope,
    /// Roots still to read after the current one (the root after a
    /// headline read first).
    queue: Vec<Element>,
    /// The root being read.
    current: Node,
    walker: Option<Walk>,
    /// The next node to visit.
    cursor: Option<Node>,
    map: Writer,
    /// The page's DOM, as the engine's filter reads it.
    dom: scope::Dom,
    /// The scope's excluded elements as a JS `Set` (a lookup by identity
    /// instead of a scan of the list for every block).
    excluded: Option<js_sys::Set>,
}

impl Collector {
    pub fn new(scope: &Scope) -> Collector {
        let mut queue = vec![scope.root.clone()];
        if let Some(h) = &scope.headline {
            queue.push(h.clone());
        }
        let first = queue.pop().unwrap();
        let mut c = Collector {
            scope: scope.clone(),
            queue,
            current: first.clone().into(),
            walker: None,
            cursor: None,
            map: Writer::default(),
            dom: scope::Dom::of(&scope.root),
            excluded: (!scope.excluded.is_empty()).then(|| {
                let set = js_sys::Set::new(&JsValue::UNDEFINED);
                for el in &scope.excluded {
                    set.add(el);
                }
                set
            }),
        };
        c.start(&first);
        c
    }

    /// Starts reading `root`.
    fn start(&mut self, root: &Element) {
        self.current = root.clone().into();
        let walker = Walk::new(root.as_ref());
        self.cursor = walker.first_child();
        self.walker = Some(walker);
    }

    /// Reads until done or until `deadline` (ms, `js_sys::Date::now()`);
    /// returns whether the whole root has been read.
    pub fn step(&mut self, deadline: f64) -> bool {
        let mut n = 0u32;
        loop {
            let Some(walker) = self.walker.clone() else {
                return true;
            };
            let root = self.current.clone();
            let Some(node) = self.cursor.take() else {
                // This root is read; on to the next one, if any.
                match self.queue.pop() {
                    Some(next) => {
                        self.map.push_break();
                        self.start(&next);
                        continue;
                    }
                    None => return true,
                }
            };
            let mut block = false;
            let mut descend = false;
            match node.node_type() {
                Node::TEXT_NODE => self.map.push_text(node.unchecked_ref()),
                Node::ELEMENT_NODE => {
                    let el: &Element = node.unchecked_ref();
                    let tag = el.local_name();
                    let excluded = self.excluded.as_ref().is_some_and(|set| {
                        (scope::is_block(&tag) || node.parent_node().is_some_and(|p| p == root))
                            && set.has(el)
                    });
                    if !excluded && !scope::skipped(&self.dom, el, &tag, self.scope.filter) {
                        block = scope::is_block(&tag);
                        if block {
                            self.map.push_break();
                        }
                        descend = node.has_child_nodes();
                    }
                }
                _ => {}
            }
            walker.set_current_node(&node);
            self.cursor = if descend { walker.first_child() } else { None };
            if self.cursor.is_none() {
                if block && !descend {
                    self.map.push_break();
                }
                self.cursor = self.advance(&walker, &root);
            }
            n += 1;
            if n % 8 == 0 && js_sys::Date::now() > deadline {
                return self.cursor.is_none() && self.queue.is_empty();
            }
        }
    }

    /// From the walker's current node to the next one in document order,
    /// ending the paragraph for each block element left on the way up.
    fn advance(&mut self, walker: &Walk, root: &Node) -> Option<Node> {
        loop {
            if let Some(s) = walker.next_sibling() {
                return Some(s);
            }
            let p = walker.parent_node()?;
            if p.is_same_node(Some(root)) {
                return None;
            }
            if scope::is_block(&p.unchecked_ref::<Element>().local_name()) {
                self.map.push_break();
            }
        }
    }

    pub fn finish(self) -> TextMap {
        let (text, len16) = self.map.text.finish();
        TextMap {
            text,
            len16,
            segments: self.map.segments,
        }
    }
}
