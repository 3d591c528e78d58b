//! The decision: from the gathered candidates, which element is the
//! article. Paragraphs give points to their parent and (less) to their
//! ancestors, in the spirit of Readability; scores are weighted by class/id
//! words and discounted by link density; the best container wins, widened
//! to its wrapper, its well-scoring siblings or the page's semantic marker
//! (`[itemprop=articleBody]`, `<article>`, `<main>`) when that agrees; then
//! boilerplate blocks inside it are pruned (Readability's conditional
//! cleaning) and the confidence terms are measured.

use super::confidence::{Agreement, Confidence};
use super::filter::Filter;
use super::gather::*;
use super::headline::headline;
use super::tree::{NodeKind, Tree};
use super::Scope;

/// A decided scope and the characters of text its root holds (what the
/// retries compare).
pub(super) struct Found<N> {
    /// The scope.
    pub scope: Scope<N>,
    /// Characters of kept text in the root.
    pub len: u32,
    /// The page's `<main>` (or `[role=main]`) with the most text, and that
    /// text's length: the scope of a page that holds no story.
    pub main: Option<(N, u32)>,
}

/// Class/id weight: +25 for article-like hints, −25 for boilerplate-like;
/// 0 when `weights` is off (the last of the [`ATTEMPTS`]).
pub(super) fn class_weight<T: Tree + ?Sized>(tree: &T, el: &T::Node, weights: bool) -> f32 {
    if !weights {
        return 0.0;
    }
    let s = [
        tree.attr(el, "class").unwrap_or_default(),
        tree.attr(el, "id").unwrap_or_default(),
    ]
    .join(" ")
    .to_ascii_lowercase();
    if s.trim().is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    const POS: &[&str] = &[
        "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
    ];
    const NEG: &[&str] = &[
        "hidden",
        "banner",
        "combx",
        "comment",
        "contact",
        "foot",
        "masthead",
        "media",
        "meta",
        "outbrain",
        "promo",
        "related",
        "scroll",
        "share",
        "shoutbox",
        "sidebar",
        "skyscraper",
        "sponsor",
        "shopping",
        "tags",
        "widget",
        "teaser",
        "card",
    ];
    if POS.iter().any(|p| s.contains(p)) {
        w += 25.0;
    }
    if NEG.iter().any(|n| s.contains(n)) {
        w -= 25.0;
    }
    w
}

/// Picks the root from the gathered candidates, with or without class
/// weights; returns the scope and its text length.
pub(super) fn decide<T: Tree + ?Sized>(
    tree: &T,
    body: &T::Node,
    mut cands: Vec<Cand<T::Node>>,
    filter: Filter,
    weights: bool,
) -> Found<T::Node> {
    feed(tree, &mut cands, weights);
    let marker = semantic(&cands);
    let choice = match winner(&mut cands) {
        Some((best, best_score)) => choose(tree, &cands, best, best_score, marker, weights),
        None => without_winner(tree, &cands, marker, weights),
    };
    let root = choice
        .root
        .map_or_else(|| body.clone(), |i| cands[i].el.clone());
    Found {
        scope: Scope {
            headline: headline(tree, &root, filter),
            root,
            excluded: choice.excluded,
            filter,
            confidence: Some(choice.confidence),
            paywall: None,
        },
        len: choice.len,
        main: main_of(&cands),
    }
}

/// What the decision chose: a candidate (`None`: the body), the elements
/// left out inside it, its text length and the confidence terms.
struct Choice<N> {
    root: Option<usize>,
    excluded: Vec<N>,
    len: u32,
    confidence: Confidence,
}

/// Paragraphs feed their ancestors: points to the parent, half to the
/// grandparent, less further up (five levels), each ancestor starting at
/// its tag's and class's score.
fn feed<T: Tree + ?Sized>(tree: &T, cands: &mut [Cand<T::Node>], weights: bool) {
    for i in 0..cands.len() {
        let Some((points, start)) = paragraph(cands, i) else {
            continue;
        };
        if points <= 0.0 || (start != NONE && teaser_card(&cands[start])) {
            continue;
        }
        let mut at = start;
        let mut level = 0;
        while at != NONE && level < 5 {
            let a = &mut cands[at];
            if !a.scored {
                a.scored = true;
                a.score = init_score(tree, a, weights);
            }
            a.score += match level {
                0 => points,
                1 => points / 2.0,
                l => points / (l as f32 * 3.0),
            };
            at = a.parent;
            level += 1;
        }
    }
}

/// The points candidate `i` gives as a paragraph, and the candidate they
/// start at; `None` when it is no paragraph.
fn paragraph<N>(cands: &[Cand<N>], i: usize) -> Option<(f32, usize)> {
    let c = &cands[i];
    // Paragraphs: <p>, <pre>, blocks holding only inline content, and
    // list items long enough to be prose.
    let para = c.tag == T_P
        || c.tag == T_PRE
        || ((c.tag == T_DIV || c.tag == T_TD) && !c.block_child)
        || (c.tag == T_LI && !c.block_child && c.text >= 80);
    // A mixed block (prose runs between blocks, as in `<td>` layouts
    // with `<br>` paragraphs) holds its own text: it is scored as the
    // parent of that text, as Readability scores the paragraphs it wraps.
    let mixed = (c.tag == T_DIV || c.tag == T_TD) && c.block_child && c.own >= 25;
    // Blocks of inline content score their `<br><br>`-separated runs
    // one by one, as the paragraphs Readability makes of them.
    let runs = c.tag == T_DIV || c.tag == T_TD;
    if para && c.text >= 25 {
        let p = if runs {
            c.run_points
        } else {
            points(c.text, c.commas)
        };
        Some((p, c.parent))
    } else if mixed {
        Some((c.run_points, i))
    } else {
        None
    }
}

/// The best-scoring candidate and its score, once every score is
/// discounted by its link density; `None` when nothing scored.
fn winner<N>(cands: &mut [Cand<N>]) -> Option<(usize, f32)> {
    let mut best = None;
    let mut best_score = 0.0f32;
    for (i, c) in cands.iter_mut().enumerate() {
        if !c.scored || c.text == 0 {
            continue;
        }
        c.score *= 1.0 - c.links as f32 / c.text as f32;
        if c.score > best_score {
            best_score = c.score;
            best = Some(i);
        }
    }
    best.map(|b| (b, best_score))
}

/// No paragraph scored: the page's semantic marker if it has one, else
/// the body, with no confidence.
fn without_winner<T: Tree + ?Sized>(
    tree: &T,
    cands: &[Cand<T::Node>],
    marker: Option<usize>,
    weights: bool,
) -> Choice<T::Node> {
    let page_text = cands[0].text;
    match marker {
        Some(i) => {
            let (excluded, gone) = prune(tree, cands, i, i, weights);
            let len = cands[i].text - gone.min(cands[i].text);
            Choice {
                root: Some(i),
                excluded,
                len,
                confidence: Confidence {
                    chars: len,
                    ..Confidence::none(page_text)
                },
            }
        }
        None => Choice {
            root: None,
            excluded: Vec::new(),
            len: page_text,
            confidence: Confidence::none(page_text),
        },
    }
}

/// From the winner to the root: the ancestor its kin share, a wrapper
/// without text of its own, the semantic marker when it agrees, else the
/// winner with its well-scoring siblings; then boilerplate inside pruned.
fn choose<T: Tree + ?Sized>(
    tree: &T,
    cands: &[Cand<T::Node>],
    top: usize,
    best_score: f32,
    marker: Option<usize>,
    weights: bool,
) -> Choice<T::Node> {
    let best = widen(cands, shared_ancestor(tree, cands, top, best_score));
    // Semantic markers win when they hold the winner and are mostly article,
    // or sit inside it holding most of it.
    if let Some(s) = marker {
        let holds = ancestor_or_self(cands, s, best);
        let inside = ancestor_or_self(cands, best, s);
        let (st, bt) = (cands[s].text as f32, cands[best].text as f32);
        if (holds && bt >= 0.5 * st) || (inside && st >= 0.6 * bt) {
            let keep = if ancestor_or_self(cands, s, top) {
                top
            } else {
                s
            };
            let (excluded, gone) = prune(tree, cands, s, keep, weights);
            return Choice {
                root: Some(s),
                excluded,
                len: cands[s].text,
                confidence: confidence(tree, cands, s, best_score, marker, gone),
            };
        }
    }
    let (i, mut excluded, mut gone) = siblings(tree, cands, best, best_score);
    let (pruned, pruned_text) = prune(tree, cands, i, top, weights);
    excluded.extend(pruned);
    gone += pruned_text;
    let len = if excluded.is_empty() && i == best {
        cands[best].text
    } else {
        cands[i].text
    };
    Choice {
        root: Some(i),
        excluded,
        len,
        confidence: confidence(tree, cands, i, best_score, marker, gone),
    }
}

/// A winner that holds most of its parent's text is as good as its parent
/// (wrappers without text of their own).
fn widen<N>(cands: &[Cand<N>], mut best: usize) -> usize {
    while cands[best].parent != NONE {
        let p = cands[best].parent;
        if cands[p].tag == T_BODY || (cands[best].text as f32) < 0.9 * cands[p].text as f32 {
            break;
        }
        best = p;
    }
    best
}

/// The `<main>` or `[role=main]` with the most text, and that text.
fn main_of<N: Clone>(cands: &[Cand<N>]) -> Option<(N, u32)> {
    cands
        .iter()
        .filter(|c| c.semantic == Some(2))
        .max_by_key(|c| c.text)
        .map(|c| (c.el.clone(), c.text))
}

/// Readability's look above the winner, for articles in parts: when at
/// least three of the next four best candidates score within 75% of the
/// winner and an ancestor of the winner holds three of them, the article
/// is that ancestor (steps, sections and chapters, each scored on its
/// own, as on how-to pages whose steps sit in wrappers of their own).
/// Only candidates of the winner's kind count ([`kin`]): with any
/// candidate, a short post whose sidebar and comments score like it
/// became the whole page on the train pages.
fn shared_ancestor<T: Tree + ?Sized>(
    tree: &T,
    cands: &[Cand<T::Node>],
    best: usize,
    best_score: f32,
) -> usize {
    const OTHERS: usize = 4;
    const NEEDED: usize = 3;
    let mut others: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].scored && i != best)
        .collect();
    // The best OTHERS (earlier first on equal scores, as a stable sort
    // would give) without sorting every candidate: a page can have tens of
    // thousands, and this runs in one slice.
    if others.len() > OTHERS {
        others.select_nth_unstable_by(OTHERS - 1, |&a, &b| {
            cands[b].score.total_cmp(&cands[a].score).then(a.cmp(&b))
        });
        others.truncate(OTHERS);
    }
    others.retain(|&i| {
        cands[i].score >= 0.75 * best_score && kin(tree, &cands[i].el, &cands[best].el)
    });
    if others.len() < NEEDED {
        return best;
    }
    let mut p = cands[best].parent;
    while p != NONE && cands[p].tag != T_BODY {
        let held = others
            .iter()
            .filter(|&&o| o != p && ancestor_or_self(cands, p, o))
            .count();
        if held >= NEEDED {
            return p;
        }
        p = cands[p].parent;
    }
    best
}

/// The scorer's part of the [`Confidence`] in root `root`: the margin over
/// the best rival (a scored candidate neither inside the root nor around
/// it), the root's kept text (`gone`: characters excluded inside it) and
/// its share of the page, and whether a semantic marker (`[itemprop=
/// articleBody]` or `<article>`, not `<main>`, which holds everything on
/// many pages) holds the root or sits inside it. The rest of the metadata
/// is read by [`assess`].
fn confidence<T: Tree + ?Sized>(
    tree: &T,
    cands: &[Cand<T::Node>],
    root: usize,
    best_score: f32,
    marker: Option<usize>,
    gone: u32,
) -> Confidence {
    // Candidates come in document order, parents first: a subtree is
    // marked in one pass.
    let mut inside = vec![false; cands.len()];
    inside[root] = true;
    for j in root + 1..cands.len() {
        let p = cands[j].parent;
        inside[j] = p != NONE && inside[p];
    }
    let mut around = vec![false; cands.len()];
    let mut a = root;
    while a != NONE {
        around[a] = true;
        a = cands[a].parent;
    }
    let rival = cands
        .iter()
        .enumerate()
        .filter(|(j, c)| c.scored && !inside[*j] && !around[*j])
        .map(|(_, c)| c.score)
        .fold(0.0f32, f32::max);
    let margin = if best_score > 0.0 {
        (1.0 - rival / best_score).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let chars = cands[root].text - gone.min(cands[root].text);
    let agrees = marker.is_some_and(|m| {
        let strong = tree.local_name(&cands[m].el) != "main"
            && tree.attr(&cands[m].el, "role").is_none_or(|r| r != "main");
        strong && (inside[m] || around[m])
    });
    Confidence {
        margin,
        share: chars as f32 / cands[0].text.max(1) as f32,
        chars,
        metadata: if agrees {
            Agreement::Agrees
        } else {
            Agreement::Silent
        },
    }
}

/// A teaser card: a short block (headline link and a summary, as in lists
/// of other stories) with a good share of its text in links. Its summary
/// is not article prose, however many cards a list repeats.
fn teaser_card<N>(c: &Cand<N>) -> bool {
    c.tag != T_BODY && c.text < 400 && c.links as f32 >= 0.25 * c.text as f32
}

/// Boilerplate blocks inside the root (Readability's conditional cleaning):
/// every container below `root` that does not hold `keep` (the best
/// paragraph cluster) and looks like link lists, forms, tool bars or
/// negatively named boxes. Returned outermost first; what is inside a pruned
/// block is not looked at.
fn prune<T: Tree + ?Sized>(
    tree: &T,
    cands: &[Cand<T::Node>],
    root: usize,
    keep: usize,
    weights: bool,
) -> (Vec<T::Node>, u32) {
    let mut protected = vec![false; cands.len()];
    let mut i = keep;
    while i != NONE {
        protected[i] = true;
        i = cands[i].parent;
    }
    let mut inside = vec![false; cands.len()];
    inside[root] = true;
    // Blocks inside the best paragraph cluster are judged as Readability
    // judges what is left in its article; blocks beside it, more strictly.
    let mut under = vec![false; cands.len()];
    under[keep] = true;
    let mut out = Vec::new();
    let mut gone = 0;
    for i in root + 1..cands.len() {
        let p = cands[i].parent;
        if p == NONE || !inside[p] {
            continue;
        }
        if !protected[i] && boilerplate(tree, &cands[i], under[p], cands[root].text, weights) {
            out.push(cands[i].el.clone());
            gone += cands[i].text;
            continue;
        }
        inside[i] = true;
        under[i] = under[p] || i == keep;
    }
    (out, gone)
}

/// Whether a container inside the article is boilerplate: the rules of
/// Readability's `_cleanConditionally`, over the gathered counts.
fn boilerplate<T: Tree + ?Sized>(
    tree: &T,
    c: &Cand<T::Node>,
    in_cluster: bool,
    root_text: u32,
    weights: bool,
) -> bool {
    if !matches!(c.tag, T_DIV | T_LIST | T_TABLE | T_BOX | T_TD) || c.text == 0 {
        return false;
    }
    // A block holding only inline content is a paragraph (Readability turns
    // it into a `<p>` and never cleans those).
    let paragraph = matches!(c.tag, T_DIV | T_TD) && !c.block_child;
    if c.commas >= 10 {
        return false;
    }
    let weight = class_weight(tree, &c.el, weights);
    let ld = c.links as f32 / c.text as f32;
    let paras = c.paras as f32;
    let is_list = c.tag == T_LIST && matches!(&*tree.local_name(&c.el), "ul" | "ol");
    let score = if c.scored { c.score } else { 0.0 };
    // Negative names only: the small start scores of lists and headings
    // alone do not make a block boilerplate.
    if weight < 0.0 && weight + score < 0.0 {
        return true;
    }
    // A block holding most of the article (a layout table around the
    // story, with its byline links) is kept whatever its links; a paragraph
    // unless it is mostly links (a tool bar: "E-mail | Print").
    if c.text as f32 >= 0.4 * root_text as f32 {
        return false;
    }
    if paragraph {
        return ld > 0.5;
    }
    c.inputs as f32 > (paras / 3.0).floor()
        || (!is_list && weight < 25.0 && ld > 0.2)
        || (ld > 0.5 && (weight >= 25.0 || !in_cluster))
        // Inside the body, a list of nothing but links ("related stories");
        // one whose items carry text beside their links (citations: a
        // linked title and its authors) is content.
        || ld > 0.85
}

fn init_score<T: Tree + ?Sized>(tree: &T, c: &Cand<T::Node>, weights: bool) -> f32 {
    class_weight(tree, &c.el, weights)
        + match c.tag {
            T_DIV => 5.0,
            T_PRE | T_TD => 3.0,
            T_LIST | T_LI => -3.0,
            T_HEAD => -5.0,
            _ => 0.0,
        }
}

fn ancestor_or_self<N>(cands: &[Cand<N>], anc: usize, mut i: usize) -> bool {
    while i != NONE {
        if i == anc {
            return true;
        }
        i = cands[i].parent;
    }
    false
}

/// The semantic container, if the page marks one with enough text:
/// `[itemprop=articleBody]`, else the `<article>` with most text, else
/// `<main>` / `[role=main]`.
fn semantic<N>(cands: &[Cand<N>]) -> Option<usize> {
    let mut best: [Option<usize>; 3] = [None; 3];
    for (i, c) in cands.iter().enumerate() {
        if c.text < 200 {
            continue;
        }
        let Some(rank) = c.semantic.map(usize::from) else {
            continue;
        };
        if best[rank].is_none_or(|b| cands[b].text < c.text) {
            best[rank] = Some(i);
        }
    }
    best.into_iter().flatten().next()
}

/// Blocks of one kind: the same element name and a class word in common
/// ("content lead" and "content").
fn kin<T: Tree + ?Sized>(tree: &T, a: &T::Node, b: &T::Node) -> bool {
    let (ca, cb) = (
        tree.attr(a, "class").unwrap_or_default(),
        tree.attr(b, "class").unwrap_or_default(),
    );
    tree.local_name(a) == tree.local_name(b)
        && ca
            .split_ascii_whitespace()
            .any(|w| cb.split_ascii_whitespace().any(|v| v == w))
}

fn same_class<T: Tree + ?Sized>(tree: &T, a: &T::Node, b: &T::Node) -> bool {
    let c = tree.attr(a, "class").unwrap_or_default();
    !c.trim().is_empty()
        && c == tree.attr(b, "class").unwrap_or_default()
        && tree.local_name(a) == tree.local_name(b)
}

/// The winner alone, or its parent with the siblings that score well enough
/// (Readability's sibling pass); siblings left out are excluded (with the
/// characters of text they hold).
fn siblings<T: Tree + ?Sized>(
    tree: &T,
    cands: &[Cand<T::Node>],
    best: usize,
    best_score: f32,
) -> (usize, Vec<T::Node>, u32) {
    let only = (best, Vec::new(), 0);
    let parent = cands[best].parent;
    if parent == NONE || cands[parent].tag == T_BODY {
        return only;
    }
    let threshold = (best_score * 0.2).max(10.0);
    let mut included = 0;
    let mut excluded = Vec::new();
    let mut gone = 0;
    let kids: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].parent == parent)
        .collect();
    let mut child = tree.first_child(&cands[parent].el);
    // The candidates among the children come in document order, as the
    // children do: one pointer walks both (a search per child was
    // quadratic in the children of a parent of thousands of blocks).
    let mut next_kid = 0;
    while let Some(n) = child {
        if tree.kind(&n) == NodeKind::Element {
            let el = &n;
            let i = kids.get(next_kid).copied().filter(|&k| &cands[k].el == el);
            if i.is_some() {
                next_kid += 1;
            }
            let keep = i == Some(best)
                || i.is_some_and(|i| {
                    let c = &cands[i];
                    let ld = if c.text > 0 {
                        c.links as f32 / c.text as f32
                    } else {
                        1.0
                    };
                    (c.scored && c.score >= threshold)
                        || (c.tag == T_P && c.text > 80 && ld < 0.25)
                        // Repeated blocks like the winner (steps, sections).
                        || (same_class(tree, &c.el, &cands[best].el) && c.text >= 80 && ld < 0.5)
                });
            if keep {
                if i != Some(best) {
                    included += 1;
                }
            } else {
                excluded.push(el.clone());
                gone += i.map_or(0, |i| cands[i].text);
            }
        }
        child = tree.next_sibling(&n);
    }
    if included == 0 {
        return only;
    }
    (parent, excluded, gone)
}
