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

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use super::element::{hint_words, visible};
use super::metadata::PageMeta;

/// Which rule found the paywall.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paywall {
    NotFree,
    WallAtEnd,
    StubWithOffer,
}

impl Paywall {
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
fn named(el: &Element) -> (bool, bool) {
    let hints = hint_words(el);
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
fn shown(el: &Element) -> bool {
    if el.has_attribute("hidden") {
        return false;
    }
    visible(el)
}

/// Whether the text after `el` inside `root` is at most [`TAIL_CHARS`].
fn little_after(root: &Element, el: &Element) -> bool {
    let mut tail = 0;
    let mut cur: Node = el.clone().into();
    let r: &Node = root.as_ref();
    while !cur.is_same_node(Some(r)) {
        let mut next = cur.next_sibling();
        while let Some(n) = next {
            tail += n.text_content().unwrap_or_default().trim().len();
            if tail > TAIL_CHARS {
                return false;
            }
            next = n.next_sibling();
        }
        match cur.parent_node() {
            Some(p) => cur = p,
            None => return false,
        }
    }
    true
}

/// Whether `el` sits at the end of `root` or just after it: in a following
/// sibling of the root or of the root's parent (not when that parent is the
/// body: the page footer follows every root).
fn at_end(root: &Element, el: &Element) -> bool {
    let r: &Node = root.as_ref();
    if r.contains(Some(el)) {
        return little_after(root, el);
    }
    if r.compare_document_position(el) & Node::DOCUMENT_POSITION_FOLLOWING == 0 {
        return false;
    }
    let mut levels = vec![root.clone()];
    if let Some(p) = root.parent_element().filter(|p| p.local_name() != "body") {
        levels.push(p);
    }
    levels.iter().any(|l| {
        let mut sib = l.next_element_sibling();
        while let Some(s) = sib {
            if s.contains(Some(el)) {
                return true;
            }
            sib = s.next_element_sibling();
        }
        false
    })
}

/// The paywall rule that `root` (with `chars` of kept text) matches, if any.
pub fn detect(root: &Element, chars: u32, meta: &PageMeta) -> Option<Paywall> {
    let short = chars < STUB_CHARS;
    if meta.not_free && short {
        return Some(Paywall::NotFree);
    }
    let doc = root.owner_document()?;
    let sel = "[class*='wall' i],[id*='wall' i],[class*='subscri' i],[id*='subscri' i]";
    let list = doc.query_selector_all(sel).ok()?;
    let mut offer_found = false;
    for i in 0..list.length().min(MAX_BOXES) {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let (wall, offer) = named(&el);
        if !(wall || (short && offer && !offer_found)) || !shown(&el) || !at_end(root, &el) {
            continue;
        }
        if wall {
            return Some(Paywall::WallAtEnd);
        }
        offer_found = true;
    }
    offer_found.then_some(Paywall::StubWithOffer)
}
