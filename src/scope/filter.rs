//! The one filter of article text, used both while scoring and when the
//! scope's text is read: what [`skipped`] drops (scripts, styles, form
//! controls, hidden and `aria-hidden` content, and boilerplate recognised
//! by tag, ARIA role or class/id words: ads, comments, pingbacks, share
//! bars, navigation...) is never article text, and what [`is_block`]
//! names starts a new block of text.

use super::element::{hint_words, visible};
use super::tree::Tree;

/// How strict [`skipped`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filter {
    /// Drop boilerplate recognised by class/id words. Turned off (as
    /// Readability does) when it would leave almost nothing.
    pub hints: bool,
    /// Trust the tree's computed visibility; off on pages whose body itself
    /// is not rendered (pages hidden until their scripts run).
    pub css: bool,
}

impl Filter {
    /// The filter for reading `root`: computed visibility is trusted only
    /// when the body and the root are rendered.
    pub fn for_root<T: Tree + ?Sized>(tree: &T, root: &T::Node, hints: bool) -> Filter {
        let body_visible = tree.body().is_none_or(|b| visible(tree, &b));
        Filter {
            hints,
            css: body_visible && visible(tree, root),
        }
    }
}

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

/// Tests the [`hint_words`](super::element::hint_words) of `el` against [`COMMENTS`] and, when `all`,
/// [`NEGATIVE`], unless a [`RESCUE`] fragment appears.
fn negative_hint<T: Tree + ?Sized>(tree: &T, el: &T::Node, all: bool) -> bool {
    let hints = hint_words(tree, el);
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
pub fn skipped<T: Tree + ?Sized>(tree: &T, el: &T::Node, tag: &str, f: Filter) -> bool {
    if skipped_tag(tag) || tag.starts_with("amp-") && AMP_BOILERPLATE.contains(&tag) {
        return true;
    }
    if tree.attr(el, "hidden").is_some()
        || tree.attr(el, "aria-hidden").is_some_and(|v| v == "true")
        || tree.attr(el, "role").is_some_and(|r| skipped_role(&r))
        || tree.attr(el, "itemprop").is_some_and(|r| r == "comment")
        || tree.own_ui(el)
    {
        return true;
    }
    if let Some(style) = tree.attr(el, "style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if negative_hint(tree, el, f.hints) {
        return true;
    }
    f.css && !visible(tree, el)
}

/// Elements that start a new block of text.
/// (`br`, `img`, `picture` and `hr` are listed: they end a paragraph in
/// the text read, though the scorer treats them as inline.)
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

#[cfg(test)]
mod tests {
    use super::super::testing::parse;
    use super::*;

    const ALL: Filter = Filter {
        hints: true,
        css: true,
    };
    const LAX: Filter = Filter {
        hints: false,
        css: true,
    };

    fn skip(html: &str, f: Filter) -> bool {
        let t = parse(html);
        let el = t.first("div");
        skipped(&t, &el, "div", f)
    }

    #[test]
    fn skipped_tags_roles_and_attributes() {
        assert!(skipped_tag("script") && skipped_tag("nav") && !skipped_tag("p"));
        assert!(skipped_role("navigation") && !skipped_role("main"));
        assert!(skip(r#"<div hidden>x</div>"#, ALL));
        assert!(skip(r#"<div aria-hidden="true">x</div>"#, ALL));
        assert!(skip(r#"<div role="banner">x</div>"#, ALL));
        assert!(skip(r#"<div itemprop="comment">x</div>"#, ALL));
        assert!(skip(r#"<div style="display: none">x</div>"#, ALL));
        assert!(!skip(r#"<div style="color: red">x</div>"#, ALL));
        assert!(!skip(r#"<div>x</div>"#, ALL));
    }

    #[test]
    fn negative_words_are_rescued_and_comments_always_count() {
        assert!(skip(r#"<div class="share-bar">x</div>"#, ALL));
        assert!(!skip(r#"<div class="share-bar">x</div>"#, LAX));
        assert!(!skip(r#"<div class="related article-body">x</div>"#, ALL));
        assert!(skip(r#"<div id="comments">x</div>"#, LAX));
        assert!(skip(r#"<div class="sr-only">x</div>"#, ALL));
        // "adjacent" is not "ad": whole words only.
        assert!(!skip(r#"<div class="adjacent">x</div>"#, ALL));
    }

    #[test]
    fn amp_boilerplate_components() {
        let t = parse("<amp-ad>x</amp-ad><amp-img>y</amp-img>");
        assert!(skipped(&t, &t.first("amp-ad"), "amp-ad", ALL));
        assert!(!skipped(&t, &t.first("amp-img"), "amp-img", ALL));
    }
}
