//! The scope's text, read as the browser's text map reads it (the web
//! crate's `dom/textmap.rs`, which also maps offsets back to its nodes):
//! block elements and `<br>` become paragraph breaks (`"\n\n"`) so that
//! sentences never run across blocks; inline elements add nothing; every
//! character of a text node is kept one for one (newlines and tabs become
//! spaces); whitespace-only nodes between blocks collapse to at most one
//! space. The headline, when the scope has one, is read first.
//!
//! Only elements and text are visited, as the browser's `TreeWalker`
//! (`SHOW_ELEMENT | SHOW_TEXT`) visits them: comments are passed over.

use std::collections::HashSet;
use std::hash::Hash;

use super::filter::{is_block, skipped};
use super::tree::{NodeKind, Tree};
use super::Scope;

/// The text being read, and how much of its end belongs to text nodes
/// (trailing layout whitespace is dropped, a text node's own is kept). The
/// one writer of scope text: [`read`] here, and the browser's text map,
/// which also records where each node's text went.
#[derive(Default)]
pub struct TextBuilder {
    text: String,
    /// UTF-16 length of `text`.
    len16: u32,
    /// Where the last text node's characters end (UTF-16).
    node_end: u32,
}

impl TextBuilder {
    /// Adds a text node's characters one for one (newlines, tabs and form
    /// feeds as spaces, as the browser renders them), or, for layout
    /// whitespace, one space between inline runs and nothing after a
    /// break. Returns where the node's characters went (UTF-16 start and
    /// length), `None` for layout whitespace, which maps to no node.
    pub fn push_text(&mut self, data: &str) -> Option<(u32, u32)> {
        if data.is_empty() {
            return None;
        }
        if data.chars().all(char::is_whitespace) {
            if !self.text.is_empty() && !self.text.ends_with(char::is_whitespace) {
                self.text.push(' ');
                self.len16 += 1;
            }
            return None;
        }
        let start = self.len16;
        for c in data.chars() {
            self.text
                .push(if matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
                    ' '
                } else {
                    c
                });
            self.len16 += c.len_utf16() as u32;
        }
        self.node_end = self.len16;
        Some((start, self.len16 - start))
    }

    /// Ends the current paragraph, once.
    pub fn push_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push_str("\n\n");
            self.len16 += 2;
        }
    }

    /// The text, without a trailing break or layout space, and its UTF-16
    /// length.
    pub fn finish(mut self) -> (String, u32) {
        while self.text.ends_with(char::is_whitespace) && self.node_end < self.len16 {
            if let Some(c) = self.text.pop() {
                self.len16 -= c.len_utf16() as u32;
            }
        }
        (self.text, self.len16)
    }
}

/// Whether the walk visits `n` (elements and text, as `TreeWalker` shows
/// them).
fn shown<T: Tree + ?Sized>(tree: &T, n: &T::Node) -> bool {
    tree.kind(n) != NodeKind::Other
}

fn first_shown<T: Tree + ?Sized>(tree: &T, n: &T::Node) -> Option<T::Node> {
    let c = tree.first_child(n)?;
    if shown(tree, &c) {
        Some(c)
    } else {
        next_shown(tree, &c)
    }
}

fn next_shown<T: Tree + ?Sized>(tree: &T, n: &T::Node) -> Option<T::Node> {
    let mut s = tree.next_sibling(n);
    while let Some(c) = s {
        if shown(tree, &c) {
            return Some(c);
        }
        s = tree.next_sibling(&c);
    }
    None
}

/// The text of `scope`: its headline, then its root, read through its
/// filter without what it excludes. A loop, not a recursion; the excluded
/// elements are looked up in a set (a page can have tens of thousands).
pub fn read<T>(tree: &T, scope: &Scope<T::Node>) -> String
where
    T: Tree + ?Sized,
    T::Node: Hash + Eq,
{
    let excluded: HashSet<&T::Node> = scope.excluded.iter().collect();
    let mut r = TextBuilder::default();
    let roots = scope.headline.iter().chain(std::iter::once(&scope.root));
    for (i, root) in roots.enumerate() {
        if i > 0 {
            r.push_break();
        }
        read_root(tree, scope, &excluded, root, &mut r);
    }
    r.finish().0
}

fn read_root<T>(
    tree: &T,
    scope: &Scope<T::Node>,
    excluded: &HashSet<&T::Node>,
    root: &T::Node,
    r: &mut TextBuilder,
) where
    T: Tree + ?Sized,
    T::Node: Hash + Eq,
{
    let mut cursor = first_shown(tree, root);
    while let Some(node) = cursor.take() {
        let mut block = false;
        let mut descend = false;
        match tree.kind(&node) {
            NodeKind::Text => {
                r.push_text(&tree.text(&node));
            }
            NodeKind::Element => {
                let tag = tree.local_name(&node);
                let excluded = !excluded.is_empty()
                    && (is_block(&tag) || tree.parent(&node).as_ref() == Some(root))
                    && excluded.contains(&node);
                if !excluded && !skipped(tree, &node, &tag, scope.filter) {
                    block = is_block(&tag);
                    if block {
                        r.push_break();
                    }
                    descend = tree.first_child(&node).is_some();
                }
            }
            NodeKind::Other => {}
        }
        if descend {
            cursor = first_shown(tree, &node);
        }
        if cursor.is_none() {
            if block && !descend {
                r.push_break();
            }
            // Next in document order, ending the paragraph of each block
            // left on the way up.
            let mut cur = node;
            cursor = loop {
                if let Some(s) = next_shown(tree, &cur) {
                    break Some(s);
                }
                match tree.parent(&cur) {
                    Some(p) if &p != root => {
                        if is_block(&tree.local_name(&p)) {
                            r.push_break();
                        }
                        cur = p;
                    }
                    _ => break None,
                }
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::parse;
    use super::super::{explicit, Filter};
    use super::*;

    fn text_of(html: &str) -> String {
        let t = parse(html);
        let s = explicit(&t, t.by_id("r"));
        read(&t, &s)
    }

    #[test]
    fn blocks_break_inline_joins_whitespace_collapses() {
        assert_eq!(
            text_of("<div id=\"r\">\n  <p>One <b>two</b>\tthree.</p>\n  <p>Four</p><ul><li>a</li><li>b</li></ul>x<br>y </div>"),
            "One two three.\n\nFour\n\na\n\nb\n\nx\n\ny "
        );
        assert_eq!(
            text_of(r#"<div id="r"><p>Kept</p><script>no</script><nav>no</nav></div>"#),
            "Kept"
        );
    }

    #[test]
    fn excluded_children_and_the_headline() {
        let t =
            parse(r#"<h1>The headline</h1><div id="r"><div id="x">gone</div><p>kept</p></div>"#);
        let mut s = explicit(&t, t.by_id("r"));
        s.excluded.push(t.by_id("x"));
        s.headline = Some(t.first("h1"));
        s.filter = Filter {
            hints: true,
            css: false,
        };
        assert_eq!(read(&t, &s), "The headline\n\nkept");
    }
}
