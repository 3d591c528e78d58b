//! PressLens's native page adapter: an HTML document parsed by html5ever
//! (the spec-compliant parser of Servo, through `scraper`) as the engine's
//! scope [`Tree`], for the command line and batch runs. Never compiled
//! into the wasm build: the browser has its own DOM (see the README's
//! "Layout").
//!
//! A parsed file renders nothing, but the browser's own stylesheet is
//! known: [`Tree::visible`] answers what it hides ([`UA_HIDDEN`], closed
//! `<dialog>` and `<details>`) as a browser's `checkVisibility()` would.
//! Blocks the page's own CSS hides are read natively (a gallery's
//! captions on one dev page). Inline `style="display:none"`, `hidden` and
//! `aria-hidden` still count, as the filter reads them from the attributes.

#![warn(missing_docs)]

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;

use ego_tree::NodeId;
use presslens::scope::{self, NodeKind, Scope, Tree};
use scraper::{Html, Node};

pub mod report;
pub use report::{annotate_page, scope_summary, PageReport, ScopeSummary};

/// Elements the HTML standard's rendering rules (the user-agent
/// stylesheet) never display: a `<title>` that an old page wrote inside
/// its body is in the DOM, but no reader sees it.
pub const UA_HIDDEN: &[&str] = &[
    "area", "base", "basefont", "datalist", "head", "link", "meta", "noembed", "noframes", "param",
    "rp", "script", "style", "template", "title",
];

/// A parsed page.
pub struct Page {
    html: Html,
    /// Each node's place in document order, computed at the first question
    /// of order or containment: the walks' defaults answer those by
    /// climbing and scanning siblings, which on a page of 100,000 short
    /// `<h1>` siblings (each asked about by the headline rule) is quadratic.
    order: OnceCell<HashMap<NodeId, Span>>,
}

/// A node's pre-order number and the number after its last descendant's.
#[derive(Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
}

/// The article scope of a page and its text.
#[derive(Clone, Debug)]
pub struct Article {
    /// The detected scope (node ids of this page's tree).
    pub scope: Scope<NodeId>,
    /// The scope's text, read as the browser reads it: what the engine
    /// annotates, and what a report's offsets index.
    pub text: String,
}

impl Page {
    /// Parses `html`. Never fails: html5ever recovers from any input as a
    /// browser does (at worst an empty body).
    pub fn parse(html: &str) -> Page {
        Page {
            html: Html::parse_document(html),
            order: OnceCell::new(),
        }
    }

    /// Detects the article and reads its text; `None` when the page has no
    /// body (a frameset).
    pub fn article(&self) -> Option<Article> {
        let scope = scope::detect(self)?;
        let text = scope::text::read(self, &scope);
        Some(Article { scope, text })
    }

    /// The `textContent` of the body (empty without one).
    pub fn body_text(&self) -> String {
        self.body().map_or(String::new(), |b| self.text_content(&b))
    }

    /// The local name of `el`, for a printed description of the root.
    pub fn describe(&self, el: NodeId) -> String {
        let mut s = self.local_name(&el).into_owned();
        if let Some(id) = self.attr(&el, "id").filter(|v| !v.is_empty()) {
            s.push('#');
            s.push_str(&id);
        }
        if let Some(class) = self.attr(&el, "class") {
            for c in class.split_ascii_whitespace() {
                s.push('.');
                s.push_str(c);
            }
        }
        s
    }

    /// The document-order spans of every node (one iterative traversal).
    fn spans(&self) -> &HashMap<NodeId, Span> {
        self.order.get_or_init(|| {
            let mut spans = HashMap::new();
            let mut open: Vec<(NodeId, u32)> = Vec::new();
            let mut next = 0u32;
            for edge in self.html.tree.root().traverse() {
                match edge {
                    ego_tree::iter::Edge::Open(n) => {
                        open.push((n.id(), next));
                        next += 1;
                    }
                    ego_tree::iter::Edge::Close(n) => {
                        if let Some((id, start)) = open.pop().filter(|(id, _)| *id == n.id()) {
                            spans.insert(id, Span { start, end: next });
                        }
                    }
                }
            }
            spans
        })
    }

    fn node(&self, n: NodeId) -> Option<ego_tree::NodeRef<'_, Node>> {
        self.html.tree.get(n)
    }
}

impl Tree for Page {
    type Node = NodeId;

    fn kind(&self, n: &NodeId) -> NodeKind {
        match self.node(*n).map(|r| r.value()) {
            Some(Node::Element(_)) => NodeKind::Element,
            Some(Node::Text(_)) => NodeKind::Text,
            _ => NodeKind::Other,
        }
    }

    fn local_name(&self, el: &NodeId) -> Cow<'_, str> {
        match self.node(*el).map(|r| r.value()) {
            Some(Node::Element(e)) => Cow::Borrowed(e.name()),
            _ => Cow::Borrowed(""),
        }
    }

    fn attr(&self, el: &NodeId, name: &str) -> Option<Cow<'_, str>> {
        match self.node(*el)?.value() {
            Node::Element(e) => e.attr(name).map(Cow::Borrowed),
            _ => None,
        }
    }

    fn text(&self, n: &NodeId) -> Cow<'_, str> {
        match self.node(*n).map(|r| r.value()) {
            Some(Node::Text(t)) => Cow::Borrowed(&t.text),
            _ => Cow::Borrowed(""),
        }
    }

    fn first_child(&self, n: &NodeId) -> Option<NodeId> {
        self.node(*n)?.first_child().map(|c| c.id())
    }

    fn next_sibling(&self, n: &NodeId) -> Option<NodeId> {
        self.node(*n)?.next_sibling().map(|c| c.id())
    }

    fn previous_sibling(&self, n: &NodeId) -> Option<NodeId> {
        self.node(*n)?.prev_sibling().map(|c| c.id())
    }

    fn parent(&self, n: &NodeId) -> Option<NodeId> {
        self.node(*n)?.parent().map(|c| c.id())
    }

    fn document(&self) -> Option<NodeId> {
        Some(self.html.tree.root().id())
    }

    fn contains(&self, a: &NodeId, b: &NodeId) -> bool {
        let spans = self.spans();
        match (spans.get(a), spans.get(b)) {
            (Some(a), Some(b)) => a.start <= b.start && b.start < a.end,
            _ => false,
        }
    }

    fn follows(&self, a: &NodeId, b: &NodeId) -> bool {
        let spans = self.spans();
        match (spans.get(a), spans.get(b)) {
            (Some(a), Some(b)) => b.start > a.start,
            _ => false,
        }
    }

    /// What the user-agent stylesheet hides: [`UA_HIDDEN`], a `<dialog>`
    /// that is not open, and what a closed `<details>` holds besides its
    /// `<summary>`.
    fn visible(&self, el: &NodeId) -> Option<bool> {
        let name = self.local_name(el);
        if UA_HIDDEN.contains(&&*name) || name == "dialog" && self.attr(el, "open").is_none() {
            return Some(false);
        }
        let closed_details = scope::parent_element(self, el)
            .is_some_and(|p| self.local_name(&p) == "details" && self.attr(&p, "open").is_none());
        Some(!(closed_details && name != "summary"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> String {
        "<p>The council voted on Tuesday, after a long debate, to expand the programme to three more districts.</p>".repeat(8)
    }

    #[test]
    fn the_article_is_found_in_a_parsed_page() {
        let html = format!(
            r#"<!doctype html><title>x</title><nav><a href="/">Home</a></nav><h1>Council expands the programme</h1><div id="story">{}</div><footer>© 2024</footer>"#,
            story()
        );
        let page = Page::parse(&html);
        let a = page.article().unwrap();
        assert_eq!(page.describe(a.scope.root), "div#story");
        assert!(a
            .text
            .starts_with("Council expands the programme\n\nThe council voted"));
        assert!(!a.text.contains("Home") && !a.text.contains("2024"));
    }

    #[test]
    fn what_the_browser_never_displays_is_not_read() {
        let html = format!(
            r#"<div id="story"><title>Page title</title>{}<details><summary>More</summary><p>Folded away</p></details></div>"#,
            story()
        );
        let page = Page::parse(&html);
        let a = page.article().unwrap();
        assert!(
            !a.text.contains("Page title") && !a.text.contains("Folded"),
            "{}",
            a.text
        );
        assert!(a.text.contains("More"));
    }

    #[test]
    fn order_and_containment_agree_with_the_default_walks() {
        let page = Page::parse(
            r#"<div id="a"><p id="p">one <b id="b">two</b></p></div><h1 id="h">x</h1><!-- c --><p id="q">three</p>"#,
        );
        let ids: Vec<NodeId> = page
            .html
            .tree
            .root()
            .descendants()
            .map(|n| n.id())
            .collect();
        // The trait's defaults, on the same tree.
        struct Plain<'a>(&'a Page);
        impl Tree for Plain<'_> {
            type Node = NodeId;
            fn kind(&self, n: &NodeId) -> NodeKind {
                self.0.kind(n)
            }
            fn local_name(&self, el: &NodeId) -> Cow<'_, str> {
                self.0.local_name(el)
            }
            fn attr(&self, el: &NodeId, name: &str) -> Option<Cow<'_, str>> {
                self.0.attr(el, name)
            }
            fn text(&self, n: &NodeId) -> Cow<'_, str> {
                self.0.text(n)
            }
            fn first_child(&self, n: &NodeId) -> Option<NodeId> {
                self.0.first_child(n)
            }
            fn next_sibling(&self, n: &NodeId) -> Option<NodeId> {
                self.0.next_sibling(n)
            }
            fn previous_sibling(&self, n: &NodeId) -> Option<NodeId> {
                self.0.previous_sibling(n)
            }
            fn parent(&self, n: &NodeId) -> Option<NodeId> {
                self.0.parent(n)
            }
            fn document(&self) -> Option<NodeId> {
                self.0.document()
            }
        }
        let plain = Plain(&page);
        for a in &ids {
            for b in &ids {
                assert_eq!(page.contains(a, b), plain.contains(a, b));
                assert_eq!(page.follows(a, b), plain.follows(a, b));
            }
        }
    }

    #[test]
    fn many_headlines_before_the_story_take_linear_time() {
        let html = format!(
            r#"{}<div id="story">{}</div>"#,
            "<div><h1>x</h1></div>".repeat(50_000),
            story()
        );
        let start = std::time::Instant::now();
        let a = Page::parse(&html).article().unwrap();
        assert!(a.text.contains("three more districts"));
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }

    #[test]
    fn broken_and_empty_pages_never_panic() {
        for html in [
            "",
            "<",
            "<div><p>unclosed",
            "</p></div></body>",
            "\u{0}\u{feff}<<>>&#xffffff;",
            "<frameset></frameset>",
        ] {
            let page = Page::parse(html);
            let _ = page.article();
        }
    }

    #[test]
    fn a_page_nested_20000_deep_does_not_overflow_the_stack() {
        let depth = 20_000;
        // A headline outside: the headline rule asks order and containment.
        let html = format!(
            "<h1>Council expands the programme</h1>{}{}{}",
            "<div>".repeat(depth),
            story(),
            "</div>".repeat(depth)
        );
        let page = Page::parse(&html);
        let a = page.article().unwrap();
        assert!(a.text.contains("three more districts"));
    }
}
