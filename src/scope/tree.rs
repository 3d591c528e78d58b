//! The page as the scope detector sees it: a small tree interface that a
//! live browser DOM and a parsed HTML document both implement, so that one
//! algorithm, tested natively, decides the article in both.
//!
//! The required methods are what any parsed page has (names, attributes,
//! text, and moves between nodes, which keep every walk a loop over the
//! tree: a page nested 20,000 deep must not overflow the stack). The
//! provided methods have plain walks as defaults; an adapter overrides
//! them where its platform has something faster (the browser's
//! `querySelectorAll`, `Node.contains`, `compareDocumentPosition`) or
//! knows more (computed visibility, which only a rendered page has).

use std::borrow::Cow;

/// What a node is, as far as the detector cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// An element (its name and attributes are read).
    Element,
    /// A text node (its text is read).
    Text,
    /// Anything else: the document, comments, doctypes, processing
    /// instructions. Never read, never descended into by the walks (the
    /// document itself is only ever a starting point).
    Other,
}

/// The element sets the detector looks up across the whole page, named so
/// that an adapter can answer them with its platform's selector engine
/// (the browser's `querySelectorAll` answers in one call what a walk in
/// wasm would take thousands of calls for).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Query {
    /// Every `<h1>` (the headline rule).
    Headlines,
    /// Every `<script type="application/ld+json">` (the page's metadata).
    LinkedData,
    /// Every element whose class or id contains "wall" or "subscri" in any
    /// case (the paywall rules' candidate boxes).
    WallNamed,
}

impl Query {
    /// The same set as a CSS selector.
    pub fn selector(self) -> &'static str {
        match self {
            Query::Headlines => "h1",
            Query::LinkedData => "script[type='application/ld+json']",
            Query::WallNamed => {
                "[class*='wall' i],[id*='wall' i],[class*='subscri' i],[id*='subscri' i]"
            }
        }
    }

    /// Whether element `el` is in the set (what the selector matches).
    pub fn matches<T: Tree + ?Sized>(self, tree: &T, el: &T::Node) -> bool {
        match self {
            Query::Headlines => tree.local_name(el) == "h1",
            Query::LinkedData => {
                tree.local_name(el) == "script"
                    && tree
                        .attr(el, "type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
            }
            Query::WallNamed => ["class", "id"].iter().any(|a| {
                tree.attr(el, a).is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    v.contains("wall") || v.contains("subscri")
                })
            }),
        }
    }
}

/// A page's node tree, read-only.
pub trait Tree {
    /// A handle on one node; equal handles are the same node.
    type Node: Clone + PartialEq;

    /// What `n` is.
    fn kind(&self, n: &Self::Node) -> NodeKind;
    /// The lower-case local name of element `el` ("div", "amp-ad").
    fn local_name(&self, el: &Self::Node) -> Cow<'_, str>;
    /// The value of attribute `name` of element `el`, if it has one.
    fn attr(&self, el: &Self::Node, name: &str) -> Option<Cow<'_, str>>;
    /// The text of text node `n` (empty for other nodes).
    fn text(&self, n: &Self::Node) -> Cow<'_, str>;
    /// The first child of `n`, in document order.
    fn first_child(&self, n: &Self::Node) -> Option<Self::Node>;
    /// The sibling after `n`.
    fn next_sibling(&self, n: &Self::Node) -> Option<Self::Node>;
    /// The sibling before `n`.
    fn previous_sibling(&self, n: &Self::Node) -> Option<Self::Node>;
    /// The parent of `n` (an element or the document).
    fn parent(&self, n: &Self::Node) -> Option<Self::Node>;
    /// The document node, where whole-page walks start.
    fn document(&self) -> Option<Self::Node>;

    /// Whether the page renders element `el` (`checkVisibility()`):
    /// `None` where nothing is rendered (a parsed file), which the rules
    /// read as shown.
    fn visible(&self, _el: &Self::Node) -> Option<bool> {
        None
    }

    /// Whether `el` belongs to the annotator's own interface on the page
    /// (never article text); a parsed file has none.
    fn own_ui(&self, _el: &Self::Node) -> bool {
        false
    }

    /// The `<body>`: the `body` child of the document's `<html>`.
    fn body(&self) -> Option<Self::Node> {
        let html = children(self, &self.document()?)
            .find(|c| self.kind(c) == NodeKind::Element && self.local_name(c) == "html")?;
        children(self, &html)
            .find(|c| self.kind(c) == NodeKind::Element && self.local_name(c) == "body")
    }

    /// The concatenated text of every text node under `n` (the DOM's
    /// `textContent`).
    fn text_content(&self, n: &Self::Node) -> String {
        if self.kind(n) == NodeKind::Text {
            return self.text(n).into_owned();
        }
        let mut out = String::new();
        let mut walk = Walk::new(self, n);
        while let Some(d) = walk.next(self, true) {
            if self.kind(&d) == NodeKind::Text {
                out.push_str(&self.text(&d));
            }
        }
        out
    }

    /// Whether `b` is `a` or inside it.
    fn contains(&self, a: &Self::Node, b: &Self::Node) -> bool {
        let mut cur = Some(b.clone());
        while let Some(c) = cur {
            if &c == a {
                return true;
            }
            cur = self.parent(&c);
        }
        false
    }

    /// Whether `b` comes after `a` in document order (a node inside `a`
    /// does; `a` itself does not).
    fn follows(&self, a: &Self::Node, b: &Self::Node) -> bool {
        if a == b {
            return false;
        }
        let up = |n: &Self::Node| {
            let mut chain = vec![n.clone()];
            while let Some(p) = self.parent(chain.last().unwrap()) {
                chain.push(p);
            }
            chain.reverse();
            chain
        };
        let (ca, cb) = (up(a), up(b));
        let common = ca.iter().zip(&cb).take_while(|(x, y)| x == y).count();
        match (ca.get(common), cb.get(common)) {
            (None, _) => true,  // b inside a
            (_, None) => false, // a inside b: b comes first
            (Some(x), Some(y)) => {
                let mut s = self.next_sibling(x);
                while let Some(n) = s {
                    if &n == y {
                        return true;
                    }
                    s = self.next_sibling(&n);
                }
                false
            }
        }
    }

    /// The elements of the page in `q`, in document order.
    fn find(&self, q: Query) -> Vec<Self::Node> {
        let Some(doc) = self.document() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut walk = Walk::new(self, &doc);
        while let Some(n) = walk.next(self, true) {
            if self.kind(&n) == NodeKind::Element && q.matches(self, &n) {
                out.push(n);
            }
        }
        out
    }
}

/// The children of `n`, in order.
pub fn children<'a, T: Tree + ?Sized>(
    tree: &'a T,
    n: &T::Node,
) -> impl Iterator<Item = T::Node> + 'a {
    std::iter::successors(tree.first_child(n), move |c| tree.next_sibling(c))
}

/// The parent of `n` if it is an element (not the document).
pub fn parent_element<T: Tree + ?Sized>(tree: &T, n: &T::Node) -> Option<T::Node> {
    tree.parent(n).filter(|p| tree.kind(p) == NodeKind::Element)
}

/// A pre-order walk of the nodes below a top node, a loop with no stack of
/// its own: each step goes to the first child (when the caller descends),
/// else to the next sibling, else up to the first ancestor with one.
pub struct Walk<N> {
    top: N,
    next: Option<N>,
    /// The node returned last, whose children come next if descended into.
    last: Option<N>,
}

impl<N: Clone + PartialEq> Walk<N> {
    /// A walk over the nodes strictly below `top`.
    pub fn new<T: Tree<Node = N> + ?Sized>(tree: &T, top: &N) -> Walk<N> {
        Walk {
            top: top.clone(),
            next: tree.first_child(top),
            last: None,
        }
    }

    /// The next node; `descend` says whether to go into the children of
    /// the node returned before this call.
    pub fn next<T: Tree<Node = N> + ?Sized>(&mut self, tree: &T, descend: bool) -> Option<N> {
        if let Some(last) = self.last.take() {
            let first = if descend {
                tree.first_child(&last)
            } else {
                None
            };
            self.next = first.or_else(|| after(tree, &last, &self.top));
        }
        let n = self.next.take()?;
        self.last = Some(n.clone());
        Some(n)
    }
}

/// The node after `n`'s subtree in document order, within `top`.
fn after<T: Tree + ?Sized>(tree: &T, n: &T::Node, top: &T::Node) -> Option<T::Node> {
    let mut cur = n.clone();
    loop {
        if let Some(s) = tree.next_sibling(&cur) {
            return Some(s);
        }
        match tree.parent(&cur) {
            Some(p) if &p != top => cur = p,
            _ => return None,
        }
    }
}
