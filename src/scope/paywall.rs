//! Paywall stubs: the page shows only the start of the article. The panel
//! then says that only the visible part is annotated, so that a reader does
//! not take a short source list for the whole story's.
//!
//! Three named rules, checked once after the root is chosen:
//! - [`Paywall::NotFree`]: a JSON-LD block says `"isAccessibleForFree":
//!   false` and the root is short ([`STUB_CHARS`]); a subscriber's saved
//!   page with the whole text is not a stub;
//! - [`Paywall::WallAtEnd`]: an element named for a paywall ([`WALL`]) is
//!   shown at the end of the root (at most [`TAIL_CHARS`] of root text
//!   after it) or just after it;
//! - [`Paywall::StubWithOffer`]: the root is short ([`STUB_CHARS`]) and a
//!   box named for a subscription ([`OFFER`]) *and* for the cut article
//!   ([`CUT`]: "subscribe-to-continue", "article-subscription-prompt") is
//!   shown at its end or just after it. A subscription word alone is not
//!   enough: on the train pages every such box (5 of 203 pages) was a blog,
//!   comment or newsletter subscription under a complete article.

use super::element::{hint_words, visible};
use super::metadata::PageMeta;
use super::tree::{parent_element, Query, Tree};

/// Which rule found the paywall.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paywall {
    /// JSON-LD says the article is not free, and the root is short.
    NotFree,
    /// A box named for a paywall is shown at the root's end.
    WallAtEnd,
    /// A short root ends with a box offering a subscription to read on.
    StubWithOffer,
}

impl Paywall {
    /// The rule's name, as the panel and the e2e runs print it.
    pub fn name(self) -> &'static str {
        match self {
            Paywall::NotFree => "not-free",
            Paywall::WallAtEnd => "wall-at-end",
            Paywall::StubWithOffer => "stub-with-offer",
        }
    }
}

/// Class/id words (or joined forms: "pay-wall") of a paywall or
/// registration wall.
pub const WALL: &[&str] = &[
    "paywall",
    "paywalled",
    "regwall",
    "registrationwall",
    "subscriberonly",
    "subscribersonly",
    "premiumwall",
];

/// Class/id words of a subscription offer.
pub const OFFER: &[&str] = &["subscribe", "subscription", "subscriber", "subscribers"];

/// Class/id words that tie a subscription offer to the article being cut
/// short (besides the offer word itself).
pub const CUT: &[&str] = &[
    "article",
    "story",
    "content",
    "premium",
    "meter",
    "metered",
    "gate",
    "wall",
    "continue",
    "register",
    "registration",
    "access",
    "required",
    "only",
    "prompt",
    "offer",
    "plus",
];

/// A root shorter than this (characters of kept text) is a stub when the
/// page also offers a subscription or says it is not free.
pub const STUB_CHARS: u32 = 1500;

/// Root text after a wall box that still counts as "at the end" (a last
/// line, a share bar).
pub const TAIL_CHARS: usize = 300;

/// Most candidate boxes looked at per page.
const MAX_BOXES: u32 = 200;

/// Which words an element's class and id hold: a wall word, an offer word.
fn named<T: Tree + ?Sized>(tree: &T, el: &T::Node) -> (bool, bool) {
    let hints = hint_words(tree, el);
    if hints.is_empty() {
        return (false, false);
    }
    let joined: String = hints.split(' ').collect();
    let wall = WALL.iter().any(|w| joined.contains(w));
    let offer =
        hints.split(' ').any(|w| OFFER.contains(&w)) && hints.split(' ').any(|w| CUT.contains(&w));
    (wall, offer)
}

/// Whether `el` is on screen (not `hidden`, rendered where the browser can
/// tell).
fn shown<T: Tree + ?Sized>(tree: &T, el: &T::Node) -> bool {
    if tree.attr(el, "hidden").is_some() {
        return false;
    }
    visible(tree, el)
}

/// Whether the text after `el` inside `root` is at most [`TAIL_CHARS`].
fn little_after<T: Tree + ?Sized>(tree: &T, root: &T::Node, el: &T::Node) -> bool {
    let mut tail = 0;
    let mut cur = el.clone();
    while &cur != root {
        let mut next = tree.next_sibling(&cur);
        while let Some(n) = next {
            tail += tree.text_content(&n).trim().len();
            if tail > TAIL_CHARS {
                return false;
            }
            next = tree.next_sibling(&n);
        }
        match tree.parent(&cur) {
            Some(p) => cur = p,
            None => return false,
        }
    }
    true
}

/// Whether `el` sits at the end of `root` or just after it: in a following
/// sibling of the root or of the root's parent (not when that parent is the
/// body: the page footer follows every root).
fn at_end<T: Tree + ?Sized>(tree: &T, root: &T::Node, el: &T::Node) -> bool {
    if tree.contains(root, el) {
        return little_after(tree, root, el);
    }
    if !tree.follows(root, el) {
        return false;
    }
    let mut levels = vec![root.clone()];
    if let Some(p) = parent_element(tree, root).filter(|p| tree.local_name(p) != "body") {
        levels.push(p);
    }
    levels.iter().any(|l| {
        // The element siblings after `l` (text between cannot hold `el`).
        let mut sib = tree.next_sibling(l);
        while let Some(s) = sib {
            if tree.contains(&s, el) {
                return true;
            }
            sib = tree.next_sibling(&s);
        }
        false
    })
}

/// The paywall rule that `root` (with `chars` of kept text) matches, if any.
pub fn detect<T: Tree + ?Sized>(
    tree: &T,
    root: &T::Node,
    chars: u32,
    meta: &PageMeta,
) -> Option<Paywall> {
    let short = chars < STUB_CHARS;
    if meta.not_free && short {
        return Some(Paywall::NotFree);
    }
    let mut offer_found = false;
    for el in tree
        .find(Query::WallNamed)
        .into_iter()
        .take(MAX_BOXES as usize)
    {
        let (wall, offer) = named(tree, &el);
        if !(wall || (short && offer && !offer_found))
            || !shown(tree, &el)
            || !at_end(tree, root, &el)
        {
            continue;
        }
        if wall {
            return Some(Paywall::WallAtEnd);
        }
        offer_found = true;
    }
    offer_found.then_some(Paywall::StubWithOffer)
}

#[cfg(test)]
mod tests {
    use super::super::testing::parse;
    use super::*;

    fn rule(html: &str, chars: u32) -> Option<Paywall> {
        let t = parse(html);
        let meta = PageMeta::read(&t);
        detect(&t, &t.by_id("r"), chars, &meta)
    }

    #[test]
    fn each_rule_on_its_page() {
        let ld = r#"<script type="application/ld+json">{"isAccessibleForFree":"False"}</script>"#;
        let page = format!(r#"{ld}<div id="r"><p>Start of the story</p></div>"#);
        assert_eq!(rule(&page, 300), Some(Paywall::NotFree));
        assert_eq!(
            rule(&page, STUB_CHARS),
            None,
            "a whole article is not a stub"
        );
        let wall = r#"<div id="r"><p>Start</p><div class="pay-wall">Subscribe</div></div>"#;
        assert_eq!(rule(wall, 3000), Some(Paywall::WallAtEnd));
        let after =
            r#"<div><div id="r"><p>Start</p></div><div id="regwall-box">Sign in</div></div>"#;
        assert_eq!(rule(after, 3000), Some(Paywall::WallAtEnd));
        let offer =
            r#"<div id="r"><p>Start</p><div class="subscribe-to-continue">Subscribe</div></div>"#;
        assert_eq!(rule(offer, 300), Some(Paywall::StubWithOffer));
        assert_eq!(rule(offer, 3000), None);
    }

    #[test]
    fn a_subscription_word_alone_or_a_wall_mid_article_is_not_a_paywall() {
        let blog = r#"<div id="r"><p>Start</p><div class="subscribe">Newsletter</div></div>"#;
        assert_eq!(rule(blog, 300), None);
        let long_tail = "x".repeat(TAIL_CHARS + 1);
        let mid = format!(r#"<div id="r"><div class="paywall">x</div><p>{long_tail}</p></div>"#);
        assert_eq!(rule(&mid, 3000), None);
        let hidden = r#"<div id="r"><p>Start</p><div class="paywall" hidden>x</div></div>"#;
        assert_eq!(rule(hidden, 3000), None);
    }
}
