//! The scoring pass's one walk over the page: every kept element with
//! the characters of text below it, of link text, its commas, paragraphs
//! and form controls, summed bottom-up as elements close. Resumable, so
//! that a browser can run it in slices that each fit a frame.

use super::filter::{is_block, skipped, Filter};
use super::tree::{NodeKind, Tree};
use super::Deadline;

/// One element in the scoring pass.
pub(super) struct Cand<N> {
    pub el: N,
    pub parent: usize,
    pub tag: u8,
    /// Characters of kept text below, and of those inside links.
    pub text: u32,
    pub links: u32,
    pub commas: u32,
    /// Characters and commas of text not inside a block child (text runs of
    /// a mixed block: a `<td>` with `<br>`-separated prose and an image).
    pub own: u32,
    pub own_commas: u32,
    /// Where the current run of own text began (`own`, `own_commas` then),
    /// and the points of the runs ended so far (a run ends at `<br><br>`,
    /// at a block child and at the end of the block).
    pub run_own: u32,
    pub run_commas: u32,
    pub run_points: f32,
    /// Paragraphs (p-like blocks with text) and form controls below: the
    /// counts of Readability's conditional cleaning.
    pub paras: u16,
    pub inputs: u16,
    pub block_child: bool,
    /// Whether the element itself is a block (its text is not its
    /// parent's own text).
    pub block: bool,
    pub score: f32,
    pub scored: bool,
    /// The semantic marker the element is, read while gathering (see
    /// [`semantic_rank`]): reading it in `decide` took 50 ms in one task on
    /// a page of 50,000 paragraphs.
    pub semantic: Option<u8>,
}

pub(super) const NONE: usize = usize::MAX;
pub(super) const T_OTHER: u8 = 0;
pub(super) const T_P: u8 = 1;
pub(super) const T_DIV: u8 = 2;
pub(super) const T_A: u8 = 3;
pub(super) const T_PRE: u8 = 4;
pub(super) const T_LIST: u8 = 5;
pub(super) const T_HEAD: u8 = 6;
pub(super) const T_TD: u8 = 7;
pub(super) const T_BODY: u8 = 8;
pub(super) const T_LI: u8 = 9;
pub(super) const T_TABLE: u8 = 10;
/// Page furniture that may hold article parts: header, footer, form.
pub(super) const T_BOX: u8 = 11;

pub(super) fn tag_code(tag: &str) -> u8 {
    match tag {
        "p" => T_P,
        "div" | "section" | "article" | "main" => T_DIV,
        "a" => T_A,
        "pre" | "blockquote" => T_PRE,
        "li" => T_LI,
        "ol" | "ul" | "dl" | "dd" | "dt" | "address" => T_LIST,
        "table" => T_TABLE,
        "header" | "footer" | "form" => T_BOX,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => T_HEAD,
        "td" => T_TD,
        "body" => T_BODY,
        _ => T_OTHER,
    }
}

/// Ends the current run of `c`'s own text, scoring it if it is long enough
/// to be a paragraph.
fn end_run<N>(c: &mut Cand<N>) {
    let len = c.own - c.run_own;
    if len >= 25 {
        c.run_points += points(len, c.own_commas - c.run_commas);
    }
    c.run_own = c.own;
    c.run_commas = c.own_commas;
}

/// Whether the `<br>` `node` follows another `<br>` (whitespace between).
fn double_br<T: Tree + ?Sized>(tree: &T, node: &T::Node) -> bool {
    let mut prev = tree.previous_sibling(node);
    while let Some(p) = prev {
        match tree.kind(&p) {
            NodeKind::Text if tree.text(&p).trim().is_empty() => {
                prev = tree.previous_sibling(&p);
            }
            NodeKind::Element => return tree.local_name(&p) == "br",
            _ => return false,
        }
    }
    false
}

/// One pass over the body, in slices: every kept element with its text,
/// link text and commas; children are summed into parents as they close.
pub(super) struct Gather<N> {
    root: N,
    pub filter: Filter,
    pub cands: Vec<Cand<N>>,
    stack: Vec<usize>,
    next: Option<N>,
}

fn cand<T: Tree + ?Sized>(tree: &T, el: &T::Node, tag: &str, parent: usize) -> Cand<T::Node> {
    Cand {
        el: el.clone(),
        parent,
        tag: tag_code(tag),
        text: 0,
        links: 0,
        commas: 0,
        own: 0,
        own_commas: 0,
        run_own: 0,
        run_commas: 0,
        run_points: 0.0,
        paras: 0,
        inputs: 0,
        block_child: false,
        block: is_block(tag),
        score: 0.0,
        scored: false,
        semantic: semantic_rank(tree, el, tag),
    }
}

/// Which semantic container `el` is, best first: 0 for
/// `[itemprop=articleBody]`, 1 for `<article>`, 2 for `<main>` or
/// `[role=main]`.
fn semantic_rank<T: Tree + ?Sized>(tree: &T, el: &T::Node, tag: &str) -> Option<u8> {
    if tree
        .attr(el, "itemprop")
        .is_some_and(|v| v.split(' ').any(|w| w == "articleBody"))
    {
        Some(0)
    } else if tag == "article" {
        Some(1)
    } else if tag == "main" || tree.attr(el, "role").is_some_and(|r| r == "main") {
        Some(2)
    } else {
        None
    }
}

impl<N: Clone + PartialEq> Gather<N> {
    /// A pass over the children of `body` (the first candidate).
    pub fn new<T: Tree<Node = N> + ?Sized>(tree: &T, body: &N, filter: Filter) -> Gather<N> {
        Gather {
            next: tree.first_child(body),
            root: body.clone(),
            filter,
            cands: vec![cand(tree, body, "body", NONE)],
            stack: vec![0],
        }
    }

    /// Leaves an element: its sums go to its parent.
    fn close(&mut self, i: usize) {
        end_run(&mut self.cands[i]);
        let c = &self.cands[i];
        let (text, links, commas, tag, p) = (c.text, c.links, c.commas, c.tag, c.parent);
        let (own, own_commas, block) = (c.own, c.own_commas, c.block);
        let para = u16::from(c.tag == T_P && c.text >= 25);
        let (paras, inputs) = (c.paras + para, c.inputs);
        if p != NONE {
            let pc = &mut self.cands[p];
            pc.text += text;
            pc.links += if tag == T_A { text } else { links };
            pc.commas += commas;
            if !block {
                pc.own += own;
                pc.own_commas += own_commas;
            }
            pc.paras = pc.paras.saturating_add(paras);
            pc.inputs = pc.inputs.saturating_add(inputs);
        }
    }

    /// Reads until done or past `deadline`; returns whether done.
    pub fn step<T: Tree<Node = N> + ?Sized>(&mut self, tree: &T, deadline: &Deadline) -> bool {
        let mut n = 0u32;
        while let Some(node) = self.next.take() {
            let first = match tree.kind(&node) {
                NodeKind::Text => {
                    self.text(&tree.text(&node));
                    None
                }
                NodeKind::Element => self.element(tree, &node),
                NodeKind::Other => None,
            };
            self.next = match first {
                Some(f) => Some(f),
                None => self.after(tree, node),
            };
            n += 1;
            if n % 8 == 0 && deadline.passed() {
                break;
            }
        }
        if self.next.is_some() {
            return false;
        }
        while let Some(i) = self.stack.pop() {
            self.close(i);
        }
        true
    }

    /// The innermost open candidate (the body's at the least).
    fn top(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    /// A text node's characters (whitespace runs as one) and commas, to
    /// the innermost open candidate.
    fn text(&mut self, data: &str) {
        let top = self.top();
        let c = &mut self.cands[top];
        let mut space = true;
        let (text0, commas0) = (c.text, c.commas);
        for ch in data.chars() {
            if ch.is_whitespace() {
                if !space {
                    c.text += 1;
                }
                space = true;
            } else {
                c.text += 1;
                space = false;
                if ch == ',' || ch == '，' {
                    c.commas += 1;
                }
            }
        }
        c.own += c.text - text0;
        c.own_commas += c.commas - commas0;
    }

    /// Enters an element unless the filter skips it: a candidate when it
    /// has children; its first child, where the walk goes next.
    fn element<T: Tree<Node = N> + ?Sized>(&mut self, tree: &T, node: &N) -> Option<N> {
        let tag = tree.local_name(node);
        let top = self.top();
        if matches!(&*tag, "input" | "select" | "textarea" | "button") {
            self.cands[top].inputs = self.cands[top].inputs.saturating_add(1);
        }
        if skipped(tree, node, &tag, self.filter) {
            return None;
        }
        // Images and line breaks are phrasing content: a block of text with
        // a picture is still a paragraph.
        if is_block(&tag) && !matches!(&*tag, "br" | "img" | "picture" | "hr") {
            self.cands[top].block_child = true;
            end_run(&mut self.cands[top]);
        } else if tag == "br" && double_br(tree, node) {
            end_run(&mut self.cands[top]);
        }
        let first = tree.first_child(node);
        if first.is_some() {
            self.cands.push(cand(tree, node, &tag, top));
            self.stack.push(self.cands.len() - 1);
        }
        first
    }

    /// The next sibling of `node`, or of the nearest ancestor that has one,
    /// closing the candidates left on the way up; `None` at the end.
    fn after<T: Tree<Node = N> + ?Sized>(&mut self, tree: &T, node: N) -> Option<N> {
        let mut cur = node;
        loop {
            if let Some(s) = tree.next_sibling(&cur) {
                return Some(s);
            }
            match tree.parent(&cur) {
                Some(p) if p != self.root => {
                    if let Some(i) = self.stack.pop() {
                        self.close(i);
                    }
                    cur = p;
                }
                _ => return None,
            }
        }
    }
}

/// Readability's points for a paragraph of `len` characters.
pub(super) fn points(len: u32, commas: u32) -> f32 {
    1.0 + commas as f32 + (len as f32 / 100.0).min(3.0)
}
