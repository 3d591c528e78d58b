//! A tree for the unit tests: a tiny parser of well-formed HTML snippets
//! (tags, quoted attributes, text, void elements) into an arena. The
//! engine has no HTML parser of its own (the native adapter,
//! `presslens-html`, uses html5ever); this is enough for pages built for
//! one rule. A snippet without `<body>` is wrapped in `<html><body>`.

use std::borrow::Cow;

use super::tree::{NodeKind, Query, Tree};

struct Node {
    kind: NodeKind,
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// An arena tree; node 0 is the document.
pub struct TestTree {
    nodes: Vec<Node>,
    /// Visibility answers, as a browser would give them (the `data-hidden`
    /// attribute marks an element hidden by CSS).
    pub rendered: bool,
}

const VOID: &[&str] = &["br", "img", "hr", "input", "meta", "link", "source", "wbr"];

/// Parses `html` (see the module doc).
pub fn parse(html: &str) -> TestTree {
    let html = if html.contains("<body") {
        html.to_string()
    } else {
        format!("<html><body>{html}</body></html>")
    };
    let mut t = TestTree {
        nodes: vec![Node {
            kind: NodeKind::Other,
            name: String::new(),
            attrs: Vec::new(),
            text: String::new(),
            parent: None,
            children: Vec::new(),
        }],
        rendered: false,
    };
    let mut stack = vec![0usize];
    let mut rest = html.as_str();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("</") {
            let end = r.find('>').expect("closed tag");
            rest = &r[end + 1..];
            stack.pop();
        } else if let Some(r) = rest.strip_prefix('<') {
            let end = r.find('>').expect("closed tag");
            let inner = r[..end].trim_end_matches('/');
            rest = &r[end + 1..];
            let (name, mut attrs_src) = inner.split_once(' ').unwrap_or((inner, ""));
            let mut attrs = Vec::new();
            loop {
                attrs_src = attrs_src.trim_start();
                if attrs_src.is_empty() {
                    break;
                }
                let key_end = attrs_src.find(['=', ' ']).unwrap_or(attrs_src.len());
                let key = attrs_src[..key_end].to_string();
                attrs_src = &attrs_src[key_end..];
                let value = if let Some(v) = attrs_src.strip_prefix("=\"") {
                    let q = v.find('"').expect("closed value");
                    attrs_src = &v[q + 1..];
                    v[..q].to_string()
                } else {
                    String::new()
                };
                attrs.push((key, value));
            }
            let id = t.push(*stack.last().unwrap(), NodeKind::Element, name, attrs, "");
            if !VOID.contains(&name) {
                stack.push(id);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            rest = &rest[end..];
            t.push(*stack.last().unwrap(), NodeKind::Text, "", Vec::new(), text);
        }
    }
    t
}

impl TestTree {
    fn push(
        &mut self,
        parent: usize,
        kind: NodeKind,
        name: &str,
        attrs: Vec<(String, String)>,
        text: &str,
    ) -> usize {
        self.nodes.push(Node {
            kind,
            name: name.to_string(),
            attrs,
            text: text.to_string(),
            parent: Some(parent),
            children: Vec::new(),
        });
        let id = self.nodes.len() - 1;
        self.nodes[parent].children.push(id);
        id
    }

    /// The first element named `name`.
    pub fn first(&self, name: &str) -> usize {
        self.nodes
            .iter()
            .position(|n| n.kind == NodeKind::Element && n.name == name)
            .expect("element in the snippet")
    }

    /// The element whose id is `id`.
    pub fn by_id(&self, id: &str) -> usize {
        self.nodes
            .iter()
            .position(|n| n.attrs.iter().any(|(k, v)| k == "id" && v == id))
            .expect("id in the snippet")
    }

    fn sibling(&self, n: usize, delta: isize) -> Option<usize> {
        let p = self.nodes[n].parent?;
        let kids = &self.nodes[p].children;
        let at = kids.iter().position(|&k| k == n)? as isize + delta;
        usize::try_from(at).ok().and_then(|i| kids.get(i).copied())
    }
}

impl Tree for TestTree {
    type Node = usize;

    fn kind(&self, n: &usize) -> NodeKind {
        self.nodes[*n].kind
    }
    fn local_name(&self, el: &usize) -> Cow<'_, str> {
        Cow::Borrowed(&self.nodes[*el].name)
    }
    fn attr(&self, el: &usize, name: &str) -> Option<Cow<'_, str>> {
        let n = &self.nodes[*el];
        n.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| Cow::Borrowed(v.as_str()))
    }
    fn text(&self, n: &usize) -> Cow<'_, str> {
        Cow::Borrowed(&self.nodes[*n].text)
    }
    fn first_child(&self, n: &usize) -> Option<usize> {
        self.nodes[*n].children.first().copied()
    }
    fn next_sibling(&self, n: &usize) -> Option<usize> {
        self.sibling(*n, 1)
    }
    fn previous_sibling(&self, n: &usize) -> Option<usize> {
        self.sibling(*n, -1)
    }
    fn parent(&self, n: &usize) -> Option<usize> {
        self.nodes[*n].parent
    }
    fn document(&self) -> Option<usize> {
        Some(0)
    }
    fn visible(&self, el: &usize) -> Option<bool> {
        self.rendered
            .then(|| self.attr(el, "data-hidden").is_none())
    }
}

#[test]
fn default_walks_agree_with_the_snippet() {
    let t = parse(r#"<div id="a"><p>one <b>two</b></p></div><h1>x</h1><p id="b">three</p>"#);
    let (a, b) = (t.by_id("a"), t.by_id("b"));
    assert_eq!(t.text_content(&a), "one two");
    assert!(t.follows(&a, &b) && !t.follows(&b, &a));
    assert!(t.follows(&a, &t.first("b")), "a node inside comes after");
    assert!(t.contains(&a, &t.first("b")) && !t.contains(&b, &a));
    assert_eq!(t.find(Query::Headlines), vec![t.first("h1")]);
    assert_eq!(t.body(), Some(t.first("body")));
}
