//! The fallback paint: `<mark class="presslens presslens-quote">` around the
//! spans, for browsers without the CSS Custom Highlight API.
//!
//! A text node that a span touches is replaced by new nodes — plain text for
//! the parts outside every span, a mark per covered part — and the original
//! node is kept, untouched, aside. Undo puts each original node back in place
//! of its pieces: the exact same nodes (so frameworks holding references to
//! them are not confused) with the exact same text. `normalize()` is never
//! called, so text nodes the page split on purpose stay split.

use web_sys::{Node, Text};

use super::page::Error;
use super::safe;
use super::spans::{Kind, Kinds, Span};
use super::textmap::{Segment, Segments, TextMap};

/// One replaced text node.
struct Wrapped {
    original: Text,
    parent: Node,
    /// What replaced it, in order (text nodes and marks).
    pieces: Vec<Node>,
}

/// The marks on one text map.
pub struct Marks {
    wrapped: Vec<Wrapped>,
    /// The text map's segments with replaced nodes swapped for their pieces.
    pub segments: Segments,
}

impl Marks {
    /// Wraps every span of a shown kind.
    /// On a page that broke the DOM API, what was wrapped is undone and the
    /// error returned.
    pub fn wrap(map: &TextMap, spans: &[Span], kinds: Kinds) -> Result<Marks, Error> {
        let mut events: Vec<(u32, usize, i32)> = Vec::new();
        for s in spans.iter().filter(|s| kinds.shows(s.target.kind())) {
            events.push((s.start, s.target.kind().index(), 1));
            events.push((s.end, s.target.kind().index(), -1));
        }
        events.sort_unstable_by_key(|e| e.0);
        let mut out = Marks {
            wrapped: Vec::new(),
            segments: Segments::default(),
        };
        let doc = super::page::document()?;
        let mut counts = [0i32; 3];
        let mask =
            |c: &[i32; 3]| (c[0] > 0) as u8 | ((c[1] > 0) as u8) << 1 | ((c[2] > 0) as u8) << 2;
        let mut ei = 0;
        for seg in &map.segments.0 {
            while ei < events.len() && events[ei].0 <= seg.start {
                counts[events[ei].1] += events[ei].2;
                ei += 1;
            }
            // (start in node, mask from there on)
            let mut pieces: Vec<(u32, u8)> = vec![(0, mask(&counts))];
            while ei < events.len() && events[ei].0 < seg.start + seg.len {
                let at = events[ei].0;
                while ei < events.len() && events[ei].0 == at {
                    counts[events[ei].1] += events[ei].2;
                    ei += 1;
                }
                let m = mask(&counts);
                if pieces.last().unwrap().1 != m {
                    pieces.push((at - seg.start, m));
                }
            }
            let parent = seg.node.parent_node();
            let (true, Some(parent)) = (pieces.iter().any(|p| p.1 != 0), parent) else {
                out.segments.0.push(seg.clone());
                continue;
            };
            let mut nodes = Vec::with_capacity(pieces.len());
            let orig: &Node = seg.node.as_ref();
            for (k, &(a, m)) in pieces.iter().enumerate() {
                let b = pieces.get(k + 1).map_or(seg.len, |p| p.0);
                if b <= a {
                    continue;
                }
                let text =
                    doc.create_text_node(&seg.node.substring_data(a, b - a).unwrap_or_default());
                out.segments.0.push(Segment {
                    node: text.clone(),
                    start: seg.start + a,
                    len: b - a,
                });
                let top: Node = if m == 0 {
                    text.into()
                } else {
                    let Ok(mark) = doc.create_element("mark") else {
                        continue;
                    };
                    let mut class = String::from("presslens");
                    for kind in Kind::ALL {
                        if m & (1 << kind.index()) != 0 {
                            class.push(' ');
                            class.push_str(kind.highlight().name());
                        }
                    }
                    mark.set_class_name(&class);
                    let _ = mark.append_child(&text);
                    mark.into()
                };
                if let Err(e) = parent.insert_before(&top, Some(orig)) {
                    return Err(out.undo(
                        &parent,
                        &nodes,
                        safe::page_error("Node.prototype.insertBefore", &e),
                    ));
                }
                nodes.push(top);
            }
            if let Err(e) = safe::detach(&parent, orig) {
                return Err(out.undo(&parent, &nodes, e));
            }
            out.wrapped.push(Wrapped {
                original: seg.node.clone(),
                parent,
                pieces: nodes,
            });
        }
        Ok(out)
    }

    /// Takes out the pieces of a node that could not be replaced, then
    /// every earlier replacement; returns `e`.
    fn undo(self, parent: &Node, pieces: &[Node], e: Error) -> Error {
        for p in pieces {
            let _ = safe::detach(parent, p);
        }
        self.unwrap();
        e
    }

    /// Puts every original text node back in place of its pieces (best
    /// effort on a page that broke the DOM API: each node is tried).
    pub fn unwrap(self) {
        for w in self.wrapped.into_iter().rev() {
            let Some(first) = w.pieces.first() else {
                continue;
            };
            if !first.parent_node().is_some_and(|p| p == w.parent) {
                continue; // the page moved on; leave its nodes alone
            }
            let _ = w.parent.insert_before(w.original.as_ref(), Some(first));
            for p in &w.pieces {
                if p.parent_node().is_some_and(|pp| pp == w.parent) {
                    let _ = safe::detach(&w.parent, p);
                }
            }
        }
    }
}
