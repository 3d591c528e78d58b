//! Article scope: which element of a page holds the article, and what
//! inside it is not article text. One algorithm over a small tree
//! interface ([`Tree`]), used by the browser (the web crate's DOM
//! adapter, which adds computed visibility) and by the command line (the
//! `presslens-html` crate's html5ever adapter).
//!
//! The page is scored once, bottom-up, in the spirit of Readability
//! ([`gather`](self) then `decide`): every paragraph gives points to its
//! parent and (less) to its ancestors, scores are weighted by class/id
//! hints and discounted by link density, and the best-scoring container
//! wins. The semantic markers news pages use (`[itemprop=articleBody]`,
//! `<article>`, `<main>`) are preferred when they agree with the scores,
//! that is when they hold the winner and are not mostly something else.
//! If class hints left too little, the page is scored again without them
//! ([`Detector`]). The result is judged ([`Confidence`]) and checked
//! against the paywall rules ([`Paywall`]).
//!
//! [`skipped`] is the one filter used both for scoring and when the
//! scope's text is read ([`text`]).
//!
//! Detection runs in slices: [`Detector::step`] works until a
//! [`Deadline`] the caller sets with its own clock (a browser keeps each
//! slice under a frame), and resumes where it stopped.

pub mod confidence;
mod decide;
mod element;
mod filter;
mod gather;
mod headline;
pub mod metadata;
pub mod paywall;
pub mod text;
mod tree;

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;

pub use confidence::{Agreement, Confidence, MIN_CHARS, MIN_MARGIN, MIN_SHARE};
pub use element::{hint_words, visible};
pub use filter::{is_block, skipped, Filter};
pub use metadata::PageMeta;
pub use paywall::Paywall;
pub use tree::{children, parent_element, NodeKind, Query, Tree, Walk};

use decide::{decide, Found};
use gather::Gather;

/// The article: a root element, and elements inside it that are not part of
/// the article (siblings of the scoring winner that did not make the cut, and
/// boilerplate blocks found by pruning).
#[derive(Clone, Debug, PartialEq)]
pub struct Scope<N> {
    /// The element that holds the article.
    pub root: N,
    /// Elements inside the root that are not article text.
    pub excluded: Vec<N>,
    /// The filter the root's text is read with.
    pub filter: Filter,
    /// The page's headline when it sits just outside a detected root (the
    /// headline belongs to the article); read before the root.
    pub headline: Option<N>,
    /// How sure detection is of the root; `None` for a root the caller
    /// chose.
    pub confidence: Option<Confidence>,
    /// The paywall rule the root matches: only part of the article is on
    /// the page.
    pub paywall: Option<Paywall>,
}

impl<N: PartialEq> Scope<N> {
    /// Whether `el`, a child of the root, was left out of the article.
    pub fn excludes(&self, el: &N) -> bool {
        !self.excluded.is_empty() && self.excluded.iter().any(|x| x == el)
    }
}

impl<N> Scope<N> {
    /// The same scope over other handles of the same nodes (the browser
    /// turns the detector's `Node`s into the `Element`s they are).
    pub fn map<M>(self, f: impl Fn(N) -> M) -> Scope<M> {
        Scope {
            root: f(self.root),
            excluded: self.excluded.into_iter().map(&f).collect(),
            filter: self.filter,
            headline: self.headline.map(&f),
            confidence: self.confidence,
            paywall: self.paywall,
        }
    }
}

/// When a slice of detection must stop: a time on the caller's clock and
/// the clock (milliseconds in the browser, `Date.now()`); or never.
pub struct Deadline<'a> {
    at: f64,
    now: Option<&'a dyn Fn() -> f64>,
}

impl<'a> Deadline<'a> {
    /// Stop once `now()` is past `at`.
    pub fn new(at: f64, now: &'a dyn Fn() -> f64) -> Deadline<'a> {
        Deadline { at, now: Some(now) }
    }

    /// Never stop: detect in one go.
    pub fn never() -> Deadline<'static> {
        Deadline {
            at: f64::INFINITY,
            now: None,
        }
    }

    /// Whether the time is up.
    pub fn passed(&self) -> bool {
        self.now.is_some_and(|now| now() > self.at)
    }
}

/// A scope on a root the caller chose (no detection, so no confidence);
/// the paywall rules still apply.
pub fn explicit<T: Tree + ?Sized>(tree: &T, root: T::Node) -> Scope<T::Node> {
    let filter = Filter::for_root(tree, &root, true);
    let chars = tree.text_content(&root).trim().chars().count();
    let paywall = paywall::detect(tree, &root, chars as u32, &PageMeta::read(tree));
    Scope {
        root,
        excluded: Vec::new(),
        filter,
        headline: None,
        confidence: None,
        paywall,
    }
}

/// Detects the article in one go; `None` when the page has no body.
pub fn detect<T: Tree + ?Sized>(tree: &T) -> Option<Scope<T::Node>> {
    let mut d = Detector::new(tree)?;
    loop {
        if let Some(s) = d.step(tree, &Deadline::never()) {
            return Some(s);
        }
    }
}

/// Article detection, resumable: one bottom-up pass over the body (in
/// slices), scoring, and if class hints left too little, another pass
/// without them (as Readability retries without its unlikely-candidate
/// filter).
pub struct Detector<N> {
    body: N,
    gather: Gather<N>,
    /// Which of [`ATTEMPTS`] runs.
    attempt: usize,
    /// The longest result of the earlier attempts, while a later one runs.
    longest: Option<Found<N>>,
}

/// One way of scoring the page: with class hints in the filter, and with
/// class weights in the scores.
#[derive(Clone, Copy)]
struct Attempt {
    hints: bool,
    weights: bool,
    /// How many times longer than the earlier attempts' longest result this
    /// attempt's must be to replace it.
    overrule: f32,
}

/// Readability's retries, in order: while an attempt finds less than
/// [`ENOUGH`] characters, the next one runs, and the longest result wins
/// (the last, most lax one only when it finds twice as much: on the train
/// pages a weightless root only slightly longer was a worse one).
/// First everything on; then without the class hints of the filter (layout
/// classes such as "two-col-sidebar-right" dropped the article); then also
/// without class weights (*tiny well-named cells*: a 60-character masthead
/// cell named "txt_content_small" outscored a 1,200-character story cell
/// with no class, on old table layouts).
const ATTEMPTS: [Attempt; 3] = [
    Attempt {
        hints: true,
        weights: true,
        overrule: 1.0,
    },
    Attempt {
        hints: false,
        weights: true,
        overrule: 1.0,
    },
    Attempt {
        hints: false,
        weights: false,
        overrule: 2.0,
    },
];

/// Characters of root text below which the next attempt runs.
const ENOUGH: u32 = 500;

impl<N: Clone + PartialEq> Detector<N> {
    /// Starts detection on `tree`'s body; `None` when it has none.
    pub fn new<T: Tree<Node = N> + ?Sized>(tree: &T) -> Option<Detector<N>> {
        let body = tree.body()?;
        let filter = Filter::for_root(tree, &body, ATTEMPTS[0].hints);
        Some(Detector {
            gather: Gather::new(tree, &body, filter),
            body,
            attempt: 0,
            longest: None,
        })
    }

    /// Works until done or past `deadline`; the scope once found.
    pub fn step<T: Tree<Node = N> + ?Sized>(
        &mut self,
        tree: &T,
        deadline: &Deadline,
    ) -> Option<Scope<N>> {
        if !self.gather.step(tree, deadline) {
            return None;
        }
        let filter = self.gather.filter;
        let cands = std::mem::take(&mut self.gather.cands);
        let Attempt {
            weights, overrule, ..
        } = ATTEMPTS[self.attempt];
        let found = decide(tree, &self.body, cands, filter, weights);
        if found.len >= ENOUGH && self.attempt == 0 {
            return Some(assess(tree, no_story(tree, found)));
        }
        // The longest so far (an earlier attempt wins a tie).
        let longest = match self.longest.take() {
            Some(l) if found.len as f32 <= overrule * l.len as f32 => l,
            _ => found,
        };
        let next = self.attempt + 1;
        if longest.len >= ENOUGH || next == ATTEMPTS.len() {
            return Some(assess(tree, no_story(tree, longest)));
        }
        self.longest = Some(longest);
        self.attempt = next;
        self.gather = Gather::new(
            tree,
            &self.body,
            Filter {
                hints: ATTEMPTS[next].hints,
                ..filter
            },
        );
        None
    }
}

/// The scope of a page that holds no story (a section front, a list of
/// teasers, a notice): when the scope keeps under [`ENOUGH`] characters
/// and no semantic marker agrees with it, the page's own `<main>` if it
/// marks one holding more, as Readability keeps the whole main column
/// there. The confidence stays what the small winner earned, so the reader
/// is told no article was found. (A short post inside an `<article>` that
/// holds it is an article: the marker agrees.)
fn no_story<T: Tree + ?Sized>(tree: &T, found: Found<T::Node>) -> Scope<T::Node> {
    let mut s = found.scope;
    let Some((main, text)) = found.main else {
        return s;
    };
    let Some(c) = s.confidence else {
        return s;
    };
    if c.chars >= ENOUGH || c.metadata == Agreement::Agrees || text <= c.chars || s.root == main {
        return s;
    }
    s.filter = Filter::for_root(tree, &main, s.filter.hints);
    s.root = main;
    s.excluded.clear();
    s.headline = None;
    s
}

/// Completes a detected scope with what the page's metadata says: whether
/// the JSON-LD `articleBody` begins in the root (agreement, or
/// disagreement when it begins nowhere in it), and the paywall rules.
/// (`og:type` was tried and left out: the train pages whose `og:type` is
/// not "article" all had their article found.)
fn assess<T: Tree + ?Sized>(tree: &T, mut s: Scope<T::Node>) -> Scope<T::Node> {
    let meta = PageMeta::read(tree);
    if let Some(c) = s.confidence.as_mut() {
        if !meta.body_start.is_empty() {
            let text = metadata::prose(tree, &s.root, metadata::MAX_COMPARED);
            c.metadata = if metadata::contains_words(&text, &meta.body_start) {
                Agreement::Agrees
            } else {
                Agreement::Disagrees
            };
        }
    }
    let chars = s.confidence.map_or(0, |c| c.chars);
    s.paywall = paywall::detect(tree, &s.root, chars, &meta);
    s
}
