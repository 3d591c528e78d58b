//! Article scope: which element holds the article, and what inside it is not
//! article text.
//!
//! An explicit root (an element or a selector) always wins. Otherwise the
//! page is scored once, bottom-up, in the spirit of Readability: every
//! paragraph gives points to its parent and (less) to its ancestors, scores
//! are weighted by class/id hints and discounted by link density, and the
//! best-scoring container wins. The semantic markers news pages use
//! (`[itemprop=articleBody]`, `<article>`, `<main>`) are preferred when they
//! agree with the scores, that is when they hold the winner and are not
//! mostly something else.
//!
//! [`skipped`] is the one filter used both for scoring and by the text map:
//! scripts, styles, form controls, hidden and `aria-hidden` content, and
//! boilerplate recognised by tag, ARIA role or class/id hints (ads, comments,
//! pingbacks, share bars, navigation...).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

use super::confidence::{Agreement, Confidence};
use super::element::{hint_words, visible};
use super::metadata::{self, PageMeta};
use super::page::{Error, Result};
use super::paywall::{self, Paywall};

/// The article: a root element, and elements inside it that are not part of
/// the article (siblings of the scoring winner that did not make the cut, and
/// boilerplate blocks found by [`prune`]).
#[derive(Clone)]
pub struct Scope {
    pub root: Element,
    pub excluded: Vec<Element>,
    pub filter: Filter,
    /// The page's headline when it sits just outside a detected root (the
    /// headline belongs to the article); read before the root.
    pub headline: Option<Element>,
    /// How sure detection is of the root; `None` for a root the caller
    /// chose.
    pub confidence: Option<Confidence>,
    /// The paywall rule the root matches: only part of the article is on
    /// the page.
    pub paywall: Option<Paywall>,
}

/// How strict [`skipped`] is.
#[derive(Clone, Copy, Debug)]
pub struct Filter {
    /// Drop boilerplate recognised by class/id words. Turned off (as
    /// Readability does) when it would leave almost nothing.
    pub hints: bool,
    /// Trust `checkVisibility()`; off on pages whose body itself is not
    /// rendered (pages hidden until their scripts run).
    pub css: bool,
}

impl Filter {
    pub fn for_root(root: &Element, hints: bool) -> Filter {
        let body_visible = root
            .owner_document()
            .and_then(|d| d.body())
            .is_none_or(|b| visible(&b));
        Filter {
            hints,
            css: body_visible && visible(root),
        }
    }
}

impl Scope {
    /// Whether `el`, a child of the root, was left out of the article.
    pub fn excludes(&self, el: &Element) -> bool {
        !self.excluded.is_empty() && self.excluded.iter().any(|x| x == el)
    }
}

/// The root keyword for automatic detection (as nothing).
pub const AUTO: &str = "auto";
/// The root keyword for the whole page: the body, with the usual filter.
pub const PAGE: &str = "page";

/// A scope on a root the caller chose (no detection, so no confidence);
/// the paywall rules still apply.
pub fn explicit(root: Element) -> Scope {
    let filter = Filter::for_root(&root, true);
    let mut s = Scope {
        root,
        excluded: Vec::new(),
        filter,
        headline: None,
        confidence: None,
        paywall: None,
    };
    if let Some(doc) = s.root.owner_document() {
        let chars = s
            .root
            .text_content()
            .unwrap_or_default()
            .trim()
            .chars()
            .count();
        s.paywall = paywall::detect(&s.root, chars as u32, &PageMeta::read(&doc));
    }
    s
}

/// The root the caller asked for: `Some(scope)` for an element, a selector
/// or [`PAGE`], `None` for nothing or [`AUTO`] (detect it, with a
/// [`Detector`]).
pub fn resolve(root: &JsValue) -> Result<Option<Scope>> {
    let document = super::page::document()?;
    if let Some(el) = root.dyn_ref::<Element>() {
        return Ok(Some(explicit(el.clone())));
    }
    if let Some(sel) = root.as_string() {
        match sel.trim() {
            AUTO => {
                document.body().ok_or(Error::NoBody)?;
                return Ok(None);
            }
            PAGE => return Ok(Some(explicit(document.body().ok_or(Error::NoBody)?.into()))),
            _ => {}
        }
        return match document.query_selector(&sel) {
            Err(_) => Err(Error::InvalidSelector(sel)),
            Ok(None) => Err(Error::NoMatch(sel)),
            Ok(Some(el)) => Ok(Some(explicit(el))),
        };
    }
    if !root.is_undefined() && !root.is_null() {
        return Err(Error::BadRoot);
    }
    document.body().ok_or(Error::NoBody)?;
    Ok(None)
}

/// Detects the article root in one go.
pub fn detect() -> Result<Scope> {
    let mut d = Detector::new()?;
    loop {
        if let Some(s) = d.step(f64::INFINITY) {
            return Ok(s);
        }
    }
}

// ---------------------------------------------------------------------------
// The filter.

/// Tags whose content is never article text.
fn skipped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "textarea"
            | "input"
            | "select"
            | "option"
            | "button"
            | "svg"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "head"
            | "link"
            | "meta"
            | "nav"
            | "aside"
            | "dialog"
            | "menu"
            | "datalist"
            | "math"
            | "label"
    )
}

/// AMP components that are never article text: ads, share buttons, the
/// sidebar menu, consent and notification bars, analytics, embeds of
/// other pages. (AMP pages mark up their story with ordinary elements and
/// `amp-img`, which is kept.)
const AMP_BOILERPLATE: &[&str] = &[
    "amp-ad",
    "amp-embed",
    "amp-sticky-ad",
    "amp-sidebar",
    "amp-social-share",
    "amp-consent",
    "amp-user-notification",
    "amp-analytics",
    "amp-pixel",
    "amp-iframe",
    "amp-list",
    "amp-geo",
];

/// ARIA roles of boilerplate.
fn skipped_role(role: &str) -> bool {
    matches!(
        role,
        "navigation"
            | "complementary"
            | "menu"
            | "menubar"
            | "alert"
            | "alertdialog"
            | "dialog"
            | "search"
            | "contentinfo"
            | "banner"
            | "toolbar"
            | "tablist"
    )
}

/// Class/id words of boilerplate (whole words of the class and id, split at
/// anything not a letter or digit), besides the [`COMMENTS`] words.
const NEGATIVE: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adslot",
    "adunit",
    "dfp",
    "sponsor",
    "sponsored",
    "promo",
    "promos",
    "promotion",
    "promoted",
    "share",
    "sharing",
    "sharebar",
    "social",
    "sidebar",
    "related",
    "recommended",
    "recommendations",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "popup",
    "modal",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "breadcrumb",
    "breadcrumbs",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "masthead",
    "banner",
    "outbrain",
    "taboola",
    "rss",
    "pagination",
    "pager",
    "skyscraper",
    "shoutbox",
    "tags",
    "byline",
    "meta",
    "sronly",
    "offscreen",
    "toolbar",
    "tooltip",
    "paywall",
    "donate",
    "trending",
    "skip",
    "copyright",
];

/// Class/id words of boilerplate that name reader comments: honoured even
/// when the other class hints are off, since no layout is called so and a
/// thread is never the article however short the article is.
const COMMENTS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "pingback",
    "pingbacks",
    "trackback",
    "trackbacks",
    "disqus",
    "livefyre",
];

/// Class/id fragments that rescue an element a negative word would drop.
const RESCUE: &[&str] = &["article", "body", "content", "story"];

/// Tests the [`hint_words`] of `el` against [`COMMENTS`] and, when `all`,
/// [`NEGATIVE`], unless a [`RESCUE`] fragment appears.
fn negative_hint(el: &Element, all: bool) -> bool {
    let hints = hint_words(el);
    if hints.is_empty() {
        return false;
    }
    // "sr-only", "visually-hidden", "screen-reader-text": joined forms.
    let joined: String = hints.split(' ').collect();
    if all
        && (joined.contains("sronly")
            || joined.contains("visuallyhidden")
            || joined.contains("screenreader"))
    {
        return true;
    }
    let negative = |w: &str| COMMENTS.contains(&w) || all && NEGATIVE.contains(&w);
    if !hints.split(' ').any(negative) {
        return false;
    }
    !RESCUE.iter().any(|r| hints.contains(r))
}

/// Whether `el` (with lower-case tag `tag`) and everything under it is left
/// out of the article text (the root itself is never asked).
pub fn skipped(el: &Element, tag: &str, f: Filter) -> bool {
    if skipped_tag(tag) || tag.starts_with("amp-") && AMP_BOILERPLATE.contains(&tag) {
        return true;
    }
    if el.has_attribute("hidden")
        || el.get_attribute("aria-hidden").is_some_and(|v| v == "true")
        || el.get_attribute("role").is_some_and(|r| skipped_role(&r))
        || el.get_attribute("itemprop").is_some_and(|r| r == "comment")
        || el.class_list().contains(super::page::UI_CLASS)
    {
        return true;
    }
    if let Some(style) = el.get_attribute("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if negative_hint(el, f.hints) {
        return true;
    }
    f.css && !visible(el)
}

/// Elements that start a new block of text.
pub fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "main"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "pre"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "br"
            | "center"
            | "hgroup"
            | "body"
            | "legend"
            | "picture"
            | "img"
    )
}

// ---------------------------------------------------------------------------
// Detection.

/// One element in the scoring pass.
struct Cand {
    el: Element,
    parent: usize,
    tag: u8,
    /// Characters of kept text below, and of those inside links.
    text: u32,
    links: u32,
    commas: u32,
    /// Characters and commas of text not inside a block child (text runs of
    /// a mixed block: a `<td>` with `<br>`-separated prose and an image).
    own: u32,
    own_commas: u32,
    /// Where the current run of own text began (`own`, `own_commas` then),
    /// and the points of the runs ended so far (a run ends at `<br><br>`,
    /// at a block child and at the end of the block).
    run_own: u32,
    run_commas: u32,
    run_points: f32,
    /// Paragraphs (p-like blocks with text) and form controls below: the
    /// counts of Readability's conditional cleaning.
    paras: u16,
    inputs: u16,
    block_child: bool,
    /// Whether the element itself is a block (its text is not its
    /// parent's own text).
    block: bool,
    score: f32,
    scored: bool,
    /// The semantic marker the element is, read while gathering (see
    /// [`semantic_rank`]): reading it in `decide` took 50 ms in one task on
    /// a page of 50,000 paragraphs.
    semantic: Option<u8>,
}

const NONE: usize = usize::MAX;
const T_OTHER: u8 = 0;
const T_P: u8 = 1;
const T_DIV: u8 = 2;
const T_A: u8 = 3;
const T_PRE: u8 = 4;
const T_LIST: u8 = 5;
const T_HEAD: u8 = 6;
const T_TD: u8 = 7;
const T_BODY: u8 = 8;
const T_LI: u8 = 9;
const T_TABLE: u8 = 10;
/// Page furniture that may hold article parts: header, footer, form.
const T_BOX: u8 = 11;

fn tag_code(tag: &str) -> u8 {
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

/// Class/id weight: +25 for article-like hints, −25 for boilerplate-like;
/// 0 when `weights` is off (the last of the [`ATTEMPTS`]).
fn class_weight(el: &Element, weights: bool) -> f32 {
    if !weights {
        return 0.0;
    }
    let s = [el.get_attribute("class").unwrap_or_default(), el.id()]
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

/// Article detection, resumable: one bottom-up pass over the body (in
/// slices), scoring, and if class hints left too little, a second pass
/// without them (as Readability retries without its unlikely-candidate
/// filter).
pub struct Detector {
    body: Element,
    gather: Gather,
    /// Which of [`ATTEMPTS`] runs.
    attempt: usize,
    /// The longest result of the earlier attempts, while a later one runs.
    longest: Option<(Scope, u32)>,
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

impl Detector {
    pub fn new() -> Result<Detector> {
        let body: Element = super::page::document()?
            .body()
            .map(Into::into)
            .ok_or(Error::NoBody)?;
        let filter = Filter::for_root(&body, ATTEMPTS[0].hints);
        Ok(Detector {
            gather: Gather::new(&body, filter),
            body,
            attempt: 0,
            longest: None,
        })
    }

    /// Works until done or `deadline` (ms); the scope once found.
    pub fn step(&mut self, deadline: f64) -> Option<Scope> {
        if !self.gather.step(deadline) {
            return None;
        }
        let filter = self.gather.filter;
        let cands = std::mem::take(&mut self.gather.cands);
        let Attempt {
            weights, overrule, ..
        } = ATTEMPTS[self.attempt];
        let (scope, len) = decide(&self.body, cands, filter, weights);
        if len >= ENOUGH && self.attempt == 0 {
            return Some(assess(scope));
        }
        // The longest so far (an earlier attempt wins a tie).
        let longest = match self.longest.take() {
            Some((s, l)) if len as f32 <= overrule * l as f32 => (s, l),
            _ => (scope, len),
        };
        let next = self.attempt + 1;
        if longest.1 >= ENOUGH || next == ATTEMPTS.len() {
            return Some(assess(longest.0));
        }
        self.longest = Some(longest);
        self.attempt = next;
        self.gather = Gather::new(
            &self.body,
            Filter {
                hints: ATTEMPTS[next].hints,
                ..filter
            },
        );
        None
    }
}

/// Root text compared with the JSON-LD `articleBody` at most (its start
/// sits near the root's start).
const MAX_COMPARED: usize = 256 * 1024;

/// The text under `root` outside scripts, styles and templates (the
/// JSON-LD block itself must not agree with the root), about `max` bytes
/// at most; a loop over the tree, not a recursion.
fn prose(root: &Element, max: usize) -> String {
    let mut out = String::new();
    let top: &Node = root.as_ref();
    let mut next = top.first_child();
    while let Some(n) = next {
        let mut descend = false;
        match n.node_type() {
            Node::TEXT_NODE => {
                out.push_str(&n.text_content().unwrap_or_default());
                out.push(' ');
                if out.len() > max {
                    break;
                }
            }
            Node::ELEMENT_NODE => {
                let tag = n.unchecked_ref::<Element>().local_name();
                descend = !matches!(tag.as_str(), "script" | "style" | "noscript" | "template");
            }
            _ => {}
        }
        next = match n.first_child().filter(|_| descend) {
            Some(c) => Some(c),
            None => {
                let mut cur = n;
                loop {
                    if let Some(s) = cur.next_sibling() {
                        break Some(s);
                    }
                    match cur.parent_node() {
                        Some(p) if !p.is_same_node(Some(top)) => cur = p,
                        _ => break None,
                    }
                }
            }
        };
    }
    out
}

/// Completes a detected scope with what the page's metadata says: whether
/// the JSON-LD `articleBody` begins in the root (agreement, or
/// disagreement when it begins nowhere in it), and the paywall rules.
/// (`og:type` was tried and left out: the train pages whose `og:type` is
/// not "article" all had their article found.)
fn assess(mut s: Scope) -> Scope {
    let Some(doc) = s.root.owner_document() else {
        return s;
    };
    let meta = PageMeta::read(&doc);
    if let Some(c) = s.confidence.as_mut() {
        if !meta.body_start.is_empty() {
            let text = prose(&s.root, MAX_COMPARED);
            c.metadata = if metadata::contains_words(&text, &meta.body_start) {
                Agreement::Agrees
            } else {
                Agreement::Disagrees
            };
        }
    }
    let chars = s.confidence.map_or(0, |c| c.chars);
    s.paywall = paywall::detect(&s.root, chars, &meta);
    s
}

/// The page's `<h1>` if it is outside `root`, before it, close to it (their
/// common ancestor at most four levels above the root) and not boilerplate.
fn headline(root: &Element, filter: Filter) -> Option<Element> {
    let doc = root.owner_document()?;
    let h1s = doc.query_selector_all("h1").ok()?;
    let r: &Node = root.as_ref();
    for i in 0..h1s.length() {
        let Some(h) = h1s.item(i) else { continue };
        if r.contains(Some(&h)) {
            return None; // the root has its own headline
        }
        // The headline must come before the root.
        if h.compare_document_position(r) & Node::DOCUMENT_POSITION_FOLLOWING == 0 {
            return None;
        }
        let text = h.text_content().unwrap_or_default();
        if text.trim().chars().count() < 10 {
            continue;
        }
        // Near the root, and nothing on the way up from it is skipped.
        let mut anc = root.parent_element();
        let mut up = 0;
        while let Some(a) = anc.clone() {
            if a.contains(Some(&h)) || up >= 4 {
                break;
            }
            anc = a.parent_element();
            up += 1;
        }
        let Some(common) = anc.filter(|a| a.contains(Some(&h))) else {
            continue;
        };
        let mut cur: Option<Element> = h.dyn_ref::<Element>().cloned();
        let mut ok = true;
        while let Some(c) = cur {
            if c == common {
                break;
            }
            if skipped(&c, &c.local_name(), filter) {
                ok = false;
                break;
            }
            cur = c.parent_element();
        }
        if ok {
            return h.dyn_into::<Element>().ok();
        }
    }
    None
}

/// Picks the root from the gathered candidates, with or without class
/// weights; returns the scope and its text length.
fn decide(body: &Element, mut cands: Vec<Cand>, filter: Filter, weights: bool) -> (Scope, u32) {
    let scope = |root: &Element, excluded, confidence| Scope {
        root: root.clone(),
        excluded,
        filter,
        headline: headline(root, filter),
        confidence: Some(confidence),
        paywall: None,
    };
    // Paragraphs feed their ancestors.
    for i in 0..cands.len() {
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
        let (points, start) = if para && c.text >= 25 {
            let p = if runs {
                c.run_points
            } else {
                points(c.text, c.commas)
            };
            (p, c.parent)
        } else if mixed {
            (c.run_points, i)
        } else {
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
                a.score = init_score(a, weights);
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
    let mut best = NONE;
    let mut best_score = 0.0f32;
    for (i, c) in cands.iter_mut().enumerate() {
        if !c.scored || c.text == 0 {
            continue;
        }
        c.score *= 1.0 - c.links as f32 / c.text as f32;
        if c.score > best_score {
            best_score = c.score;
            best = i;
        }
    }
    let page_text = cands[0].text;
    let marker = semantic(&cands);
    if best == NONE {
        return match marker {
            Some(i) => {
                let (excluded, gone) = prune(&cands, i, i, weights);
                let len = cands[i].text - gone.min(cands[i].text);
                let c = Confidence {
                    chars: len,
                    ..Confidence::none(page_text)
                };
                (scope(&cands[i].el, excluded, c), len)
            }
            None => (
                scope(body, Vec::new(), Confidence::none(page_text)),
                page_text,
            ),
        };
    }
    let top = best;
    // A winner that holds most of its parent's text is as good as its parent
    // (wrappers without text of their own).
    while cands[best].parent != NONE {
        let p = cands[best].parent;
        if cands[p].tag == T_BODY || (cands[best].text as f32) < 0.9 * cands[p].text as f32 {
            break;
        }
        best = p;
    }
    // Semantic markers win when they hold the winner and are mostly article,
    // or sit inside it holding most of it.
    if let Some(s) = marker {
        let holds = ancestor_or_self(&cands, s, best);
        let inside = ancestor_or_self(&cands, best, s);
        let (st, bt) = (cands[s].text as f32, cands[best].text as f32);
        if (holds && bt >= 0.5 * st) || (inside && st >= 0.6 * bt) {
            let keep = if ancestor_or_self(&cands, s, top) {
                top
            } else {
                s
            };
            let (excluded, gone) = prune(&cands, s, keep, weights);
            let c = confidence(&cands, s, best_score, marker, gone);
            return (scope(&cands[s].el, excluded, c), cands[s].text);
        }
    }
    let (i, mut excluded, mut gone) = siblings(&cands, best, best_score);
    let (pruned, pruned_text) = prune(&cands, i, top, weights);
    excluded.extend(pruned);
    gone += pruned_text;
    let len = if excluded.is_empty() && i == best {
        cands[best].text
    } else {
        cands[i].text
    };
    let c = confidence(&cands, i, best_score, marker, gone);
    (scope(&cands[i].el, excluded, c), len)
}

/// The scorer's part of the [`Confidence`] in root `root`: the margin over
/// the best rival (a scored candidate neither inside the root nor around
/// it), the root's kept text (`gone`: characters excluded inside it) and
/// its share of the page, and whether a semantic marker (`[itemprop=
/// articleBody]` or `<article>`, not `<main>`, which holds everything on
/// many pages) holds the root or sits inside it. The rest of the metadata
/// is read by [`assess`].
fn confidence(
    cands: &[Cand],
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
        let strong = cands[m].el.local_name() != "main"
            && cands[m]
                .el
                .get_attribute("role")
                .is_none_or(|r| r != "main");
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
fn teaser_card(c: &Cand) -> bool {
    c.tag != T_BODY && c.text < 400 && c.links as f32 >= 0.25 * c.text as f32
}

/// Boilerplate blocks inside the root (Readability's conditional cleaning):
/// every container below `root` that does not hold `keep` (the best
/// paragraph cluster) and looks like link lists, forms, tool bars or
/// negatively named boxes. Returned outermost first; what is inside a pruned
/// block is not looked at.
fn prune(cands: &[Cand], root: usize, keep: usize, weights: bool) -> (Vec<Element>, u32) {
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
        if !protected[i] && boilerplate(&cands[i], under[p], cands[root].text, weights) {
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
fn boilerplate(c: &Cand, in_cluster: bool, root_text: u32, weights: bool) -> bool {
    if !matches!(c.tag, T_DIV | T_LIST | T_TABLE | T_BOX | T_TD) || c.text == 0 {
        return false;
    }
    // A block holding only inline content is a paragraph (Readability turns
    // it into a `<p>` and never cleans those).
    let paragraph = matches!(c.tag, T_DIV | T_TD) && !c.block_child;
    if c.commas >= 10 {
        return false;
    }
    let weight = class_weight(&c.el, weights);
    let ld = c.links as f32 / c.text as f32;
    let paras = c.paras as f32;
    let is_list = c.tag == T_LIST && matches!(c.el.local_name().as_str(), "ul" | "ol");
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

/// Readability's points for a paragraph of `len` characters.
fn points(len: u32, commas: u32) -> f32 {
    1.0 + commas as f32 + (len as f32 / 100.0).min(3.0)
}

fn init_score(c: &Cand, weights: bool) -> f32 {
    class_weight(&c.el, weights)
        + match c.tag {
            T_DIV => 5.0,
            T_PRE | T_TD => 3.0,
            T_LIST | T_LI => -3.0,
            T_HEAD => -5.0,
            _ => 0.0,
        }
}

fn ancestor_or_self(cands: &[Cand], anc: usize, mut i: usize) -> bool {
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
fn semantic(cands: &[Cand]) -> Option<usize> {
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

fn same_class(a: &Element, b: &Element) -> bool {
    let c = a.class_name();
    !c.trim().is_empty() && c == b.class_name() && a.local_name() == b.local_name()
}

/// The winner alone, or its parent with the siblings that score well enough
/// (Readability's sibling pass); siblings left out are excluded (with the
/// characters of text they hold).
fn siblings(cands: &[Cand], best: usize, best_score: f32) -> (usize, Vec<Element>, u32) {
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
    let pel: &Node = cands[parent].el.as_ref();
    let mut child = pel.first_child();
    // The candidates among the children come in document order, as the
    // children do: one pointer walks both (a search per child was
    // quadratic in the children of a parent of thousands of blocks).
    let mut next_kid = 0;
    while let Some(n) = child {
        if let Some(el) = n.dyn_ref::<Element>() {
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
                        || (same_class(&c.el, &cands[best].el) && c.text >= 80 && ld < 0.5)
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
        child = n.next_sibling();
    }
    if included == 0 {
        return only;
    }
    (parent, excluded, gone)
}

/// Ends the current run of `c`'s own text, scoring it if it is long enough
/// to be a paragraph.
fn end_run(c: &mut Cand) {
    let len = c.own - c.run_own;
    if len >= 25 {
        c.run_points += points(len, c.own_commas - c.run_commas);
    }
    c.run_own = c.own;
    c.run_commas = c.own_commas;
}

/// Whether the `<br>` `node` follows another `<br>` (whitespace between).
fn double_br(node: &Node) -> bool {
    let mut prev = node.previous_sibling();
    while let Some(p) = prev {
        match p.node_type() {
            Node::TEXT_NODE if p.text_content().unwrap_or_default().trim().is_empty() => {
                prev = p.previous_sibling();
            }
            Node::ELEMENT_NODE => {
                return p.unchecked_ref::<Element>().local_name() == "br";
            }
            _ => return false,
        }
    }
    false
}

/// One pass over the body, in slices: every kept element with its text,
/// link text and commas; children are summed into parents as they close.
struct Gather {
    root: Node,
    filter: Filter,
    cands: Vec<Cand>,
    stack: Vec<usize>,
    next: Option<Node>,
}

fn cand(el: &Element, tag: &str, parent: usize) -> Cand {
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
        semantic: semantic_rank(el, tag),
    }
}

/// Which semantic container `el` is, best first: 0 for
/// `[itemprop=articleBody]`, 1 for `<article>`, 2 for `<main>` or
/// `[role=main]`.
fn semantic_rank(el: &Element, tag: &str) -> Option<u8> {
    if el
        .get_attribute("itemprop")
        .is_some_and(|v| v.split(' ').any(|w| w == "articleBody"))
    {
        Some(0)
    } else if tag == "article" {
        Some(1)
    } else if tag == "main" || el.get_attribute("role").is_some_and(|r| r == "main") {
        Some(2)
    } else {
        None
    }
}

impl Gather {
    fn new(body: &Element, filter: Filter) -> Gather {
        let root: Node = body.clone().into();
        Gather {
            next: root.first_child(),
            root,
            filter,
            cands: vec![cand(body, "body", NONE)],
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

    /// Reads until done or `deadline` (ms); returns whether done.
    fn step(&mut self, deadline: f64) -> bool {
        let mut n = 0u32;
        while let Some(node) = self.next.take() {
            let mut descend = false;
            match node.node_type() {
                Node::TEXT_NODE => {
                    let data = node.text_content().unwrap_or_default();
                    let top = *self.stack.last().unwrap();
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
                Node::ELEMENT_NODE => {
                    let el: &Element = node.unchecked_ref();
                    let tag = el.local_name();
                    let top = *self.stack.last().unwrap();
                    if matches!(tag.as_str(), "input" | "select" | "textarea" | "button") {
                        self.cands[top].inputs = self.cands[top].inputs.saturating_add(1);
                    }
                    if !skipped(el, &tag, self.filter) {
                        // Images and line breaks are phrasing content: a
                        // block of text with a picture is still a paragraph.
                        if is_block(&tag)
                            && !matches!(tag.as_str(), "br" | "img" | "picture" | "hr")
                        {
                            self.cands[top].block_child = true;
                            end_run(&mut self.cands[top]);
                        } else if tag == "br" && double_br(&node) {
                            end_run(&mut self.cands[top]);
                        }
                        if node.has_child_nodes() {
                            self.cands.push(cand(el, &tag, top));
                            self.stack.push(self.cands.len() - 1);
                            descend = true;
                        }
                    }
                }
                _ => {}
            }
            if descend {
                self.next = node.first_child();
            } else {
                // Next sibling, or climb, closing elements on the way.
                let mut cur = node;
                self.next = loop {
                    if let Some(s) = cur.next_sibling() {
                        break Some(s);
                    }
                    match cur.parent_node() {
                        Some(p) if !p.is_same_node(Some(&self.root)) => {
                            if let Some(i) = self.stack.pop() {
                                self.close(i);
                            }
                            cur = p;
                        }
                        _ => break None,
                    }
                };
            }
            n += 1;
            if n % 8 == 0 && js_sys::Date::now() > deadline {
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
}
