//! Facts about one page element that the filter, the scorer and the
//! paywall rules all read: the words of its class and id, and whether the
//! page shows it.

use super::tree::{children, NodeKind, Tree};

/// The class and id of `el` as lower-case words separated by spaces
/// (split at anything not a letter or digit and at camelCase
/// boundaries: "shareBar" is "share bar"); empty when it has neither.
/// An id that is the anchor of the element's own heading is left out
/// ([`heading_anchor`]).
pub fn hint_words<T: Tree + ?Sized>(tree: &T, el: &T::Node) -> String {
    let class = tree.attr(el, "class").unwrap_or_default();
    let mut id = tree.attr(el, "id").unwrap_or_default();
    if heading_anchor(tree, el, &id) {
        id = Default::default();
    }
    // The class's words but its topics ([`is_topic`]), read in place.
    let mut kept = class
        .split_ascii_whitespace()
        .filter(|c| !is_topic(c))
        .peekable();
    if kept.peek().is_none() && id.is_empty() {
        return String::new();
    }
    let mut hints = String::with_capacity(class.len() + id.len() + 1);
    let mut push = |s: &str| {
        for c in s.chars() {
            if c.is_ascii_uppercase()
                && hints.chars().last().is_some_and(|p| p.is_ascii_lowercase())
            {
                hints.push(' ');
            }
            hints.push(if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            });
        }
    };
    while let Some(word) = kept.next() {
        push(word);
        if kept.peek().is_some() {
            push(" ");
        }
    }
    push(" ");
    push(&id);
    hints
}

/// Class prefixes that name what a post is about, not what the element
/// is: WordPress's `post_class` and `body_class` give a post
/// `category-{slug}`, `tag-{slug}` and `author-{name}` ("tag-social-media"
/// on the article itself says nothing about share buttons).
const TOPIC_PREFIXES: &[&str] = &["category-", "tag-", "author-"];

/// Whether class token `c` names a topic ([`TOPIC_PREFIXES`]).
fn is_topic(c: &str) -> bool {
    TOPIC_PREFIXES
        .iter()
        .any(|p| c.len() > p.len() && c[..p.len()].eq_ignore_ascii_case(p))
}

/// Whether `id` is the anchor documentation and wiki generators make of
/// a section's heading: `<div id="sharing-with-a-single-developer"><h2>
/// Sharing with a single developer</h2>`. Its words are the reader's
/// topic, not the name of a page component, so "sharing" there says
/// nothing about share buttons. Three words at least (shorter ids are
/// component names as often as not); the heading is the element's first
/// child element.
fn heading_anchor<T: Tree + ?Sized>(tree: &T, el: &T::Node, id: &str) -> bool {
    fn words(s: &str) -> impl Iterator<Item = String> + '_ {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
    }
    if words(id).nth(2).is_none() {
        return false;
    }
    let Some(first) = children(tree, el).find(|n| tree.kind(n) == NodeKind::Element) else {
        return false;
    };
    let name = tree.local_name(&first);
    let heading =
        name.len() == 2 && name.starts_with('h') && matches!(name.as_bytes()[1], b'1'..=b'6');
    heading && words(id).eq(words(&tree.text_content(&first)))
}

/// Whether the page renders `el`: the tree's answer where it has one
/// (`checkVisibility()` in a browser), else true (a parsed file renders
/// nothing, so nothing is known hidden by CSS).
pub fn visible<T: Tree + ?Sized>(tree: &T, el: &T::Node) -> bool {
    tree.visible(el).unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::super::testing::parse;
    use super::*;

    #[test]
    fn hint_words_split_camel_case_and_punctuation() {
        let t = parse(r#"<div class="shareBar top-Ad" id="main_Story"></div>"#);
        let div = t.first("div");
        assert_eq!(hint_words(&t, &div), "share bar top ad main story");
        let t = parse("<p>x</p>");
        assert_eq!(hint_words(&t, &t.first("p")), "");
    }

    #[test]
    fn topic_classes_are_no_hint() {
        let t = parse(
            r#"<div class="post hentry category-social-media tag-sharing author-ad">x</div>"#,
        );
        assert_eq!(hint_words(&t, &t.first("div")).trim(), "post hentry");
    }

    #[test]
    fn a_heading_anchor_is_no_hint() {
        let t = parse(
            r#"<div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer¶</h2><p>x</p></div>"#,
        );
        assert_eq!(hint_words(&t, &t.first("div")).trim(), "section");
        // A component named in three words keeps its id.
        let t = parse(r#"<div id="social-share-bar"><h2>Share this</h2></div>"#);
        assert_eq!(hint_words(&t, &t.first("div")), " social share bar");
    }
}
