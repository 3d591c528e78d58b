//! The text map: an article root read into one string, with a map from the
//! string's UTF-16 offsets back to (text node, offset).
//!
//! One pass over the subtree. Block elements and `<br>` become line breaks so
//! that sentences never run across blocks; inline elements (`<a>`, `<em>`)
//! add nothing, so a quote crossing them stays one span. Every character of
//! a text node is kept, one for one (newlines and tabs inside a node become
//! spaces, as the browser renders them), so offsets inside a node map back
//! exactly.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Text};

/// A text node and where its text starts in the map's string (UTF-16).
#[derive(Debug, Clone)]
struct Segment {
    node: Text,
    start: u32,
    len: u32,
}

/// The text of an article root and the way back to its nodes.
#[derive(Debug, Clone, Default)]
pub struct TextMap {
    text: String,
    /// UTF-16 length of `text`.
    len16: u32,
    segments: Vec<Segment>,
}

/// Elements whose content is never article text.
fn is_skipped(el: &Element) -> bool {
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(
        tag.as_str(),
        "script" | "style" | "noscript" | "template" | "textarea" | "input" | "select" | "option" | "button"
            | "svg" | "canvas" | "iframe" | "object" | "embed" | "video" | "audio" | "head" | "link" | "meta"
    ) || el.has_attribute("hidden")
        || el.get_attribute("aria-hidden").is_some_and(|v| v == "true")
        || el.class_list().contains("presslens-ui")
}

/// Elements that start a new line of text.
fn is_block(el: &Element) -> bool {
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(
        tag.as_str(),
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "ul" | "ol" | "dl" | "dt" | "dd"
            | "section" | "article" | "header" | "footer" | "aside" | "nav" | "main" | "blockquote"
            | "figure" | "figcaption" | "table" | "thead" | "tbody" | "tr" | "td" | "th" | "caption"
            | "pre" | "hr" | "address" | "details" | "summary" | "form" | "fieldset" | "br" | "time"
    ) && tag != "time"
        || tag == "br"
}

impl TextMap {
    /// Reads the text under `root`.
    pub fn collect(root: &Element) -> TextMap {
        let mut map = TextMap::default();
        let root_node: &Node = root.as_ref();
        let mut next = root_node.first_child();
        while let Some(node) = next {
            let mut descend = false;
            match node.node_type() {
                Node::TEXT_NODE => {
                    if let Some(t) = node.dyn_ref::<Text>() {
                        map.push_text(t);
                    }
                }
                Node::ELEMENT_NODE => {
                    let el: &Element = node.unchecked_ref();
                    if !is_skipped(el) {
                        if is_block(el) {
                            map.push_break();
                        }
                        descend = node.has_child_nodes();
                    }
                }
                _ => {}
            }
            next = if descend { node.first_child() } else { advance(&node, root_node, &mut map) };
        }
        map
    }

    fn push_text(&mut self, t: &Text) {
        let data = t.data();
        if data.is_empty() {
            return;
        }
        let len = t.length();
        self.segments.push(Segment { node: t.clone(), start: self.len16, len });
        self.text.extend(data.chars().map(|c| if matches!(c, '\n' | '\r' | '\t' | '\u{c}') { ' ' } else { c }));
        self.len16 += len;
    }

    /// Ends the current line, once.
    fn push_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push_str("\n\n");
            self.len16 += 2;
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text node and offset in it where UTF-16 offset `at` of the text
    /// falls. `end` chooses, at a boundary between two nodes, the end of the
    /// earlier one rather than the start of the later one. Offsets in a line
    /// break snap forward (starts) or back (ends) to the nearest text.
    pub fn locate(&self, at: u32, end: bool) -> Option<(Text, u32)> {
        let i = if end {
            self.segments.partition_point(|s| s.start + s.len < at)
        } else {
            self.segments.partition_point(|s| s.start + s.len <= at)
        };
        if end {
            // The segment containing `at` (start < at <= start+len), or the
            // last one ending before it.
            match self.segments.get(i) {
                Some(s) if s.start < at => Some((s.node.clone(), at - s.start)),
                _ => i.checked_sub(1).map(|j| {
                    let s = &self.segments[j];
                    (s.node.clone(), s.len)
                }),
            }
        } else {
            let s = self.segments.get(i)?;
            Some((s.node.clone(), at.saturating_sub(s.start).min(s.len)))
        }
    }
}

/// Moves past `node` to the next node in document order within `root`,
/// ending the line for each block element left on the way up.
fn advance(node: &Node, root: &Node, map: &mut TextMap) -> Option<Node> {
    let mut cur = node.clone();
    loop {
        if cur.is_same_node(Some(root)) {
            return None;
        }
        if cur.node_type() == Node::ELEMENT_NODE && is_block(cur.unchecked_ref()) && !is_skipped(cur.unchecked_ref()) {
            map.push_break();
        }
        if let Some(s) = cur.next_sibling() {
            return Some(s);
        }
        cur = cur.parent_node()?;
    }
}
