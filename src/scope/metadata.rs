//! What a page says about itself: the JSON-LD blocks (`articleBody`,
//! `isAccessibleForFree`). Read once per detection, after the
//! scoring pass; used to judge the scope ([`super::confidence`]) and to spot
//! paywall stubs ([`super::paywall`]).
//!
//! JSON-LD is scanned for the two keys, not parsed: the payload carries no
//! JSON parser for this, the keys are unambiguous, and a malformed block
//! (common on real pages) still gives what it can.

use super::tree::{NodeKind, Query, Tree, Walk};

/// The metadata the scope rules read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageMeta {
    /// The first words of a JSON-LD `articleBody` (lower-case letters and
    /// digits, at most [`BODY_WORDS`]), when the page gives one.
    pub body_start: Vec<String>,
    /// A JSON-LD block says `"isAccessibleForFree": false` (Google's
    /// markup for paywalled content).
    pub not_free: bool,
}

/// How many words of `articleBody` are compared with the root's text:
/// enough to be specific, few enough to sit inside the first paragraph.
pub const BODY_WORDS: usize = 8;

/// JSON-LD text read per page at most (some pages inline megabytes of
/// product data): the keys sit near the start of the article's block.
const MAX_LD: usize = 512 * 1024;

impl PageMeta {
    /// Reads the page's JSON-LD scripts.
    pub fn read<T: Tree + ?Sized>(tree: &T) -> PageMeta {
        let mut meta = PageMeta::default();
        let mut read = 0;
        for script in tree.find(Query::LinkedData) {
            let text = tree.text_content(&script);
            if read > MAX_LD {
                break;
            }
            read += text.len();
            meta.scan_ld(&text);
        }
        meta
    }

    /// Takes what one JSON-LD block says.
    fn scan_ld(&mut self, json: &str) {
        if self.body_start.is_empty() {
            if let Some(body) = string_value(json, "articleBody") {
                self.body_start = words(&strip_markup(&body)).take(BODY_WORDS).collect();
            }
        }
        self.not_free |= not_free(json);
    }
}

/// Lower-case words of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether the word sequence `needle` occurs in `text`'s words (the start
/// of `articleBody` in the root's text).
pub fn contains_words(text: &str, needle: &[String]) -> bool {
    if needle.is_empty() {
        return false;
    }
    let hay: Vec<String> = words(text).collect();
    hay.windows(needle.len()).any(|w| w == needle)
}

/// `text` without tags (`<p>`) and character references (`&amp;`), which
/// some sites leave in `articleBody`.
fn strip_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut skip: Option<char> = None;
    for c in text.chars() {
        match (skip, c) {
            (None, '<') => skip = Some('>'),
            (None, '&') => skip = Some(';'),
            (None, c) => out.push(c),
            (Some(end), c) if c == end || c.is_whitespace() => {
                skip = None;
                out.push(' ');
            }
            (Some(_), _) => {}
        }
    }
    out
}

/// The position just after `"key"` and the colon that follows it.
fn after_key(json: &str, key: &str) -> Option<usize> {
    let quoted = ["\"", key, "\""].concat();
    let mut from = 0;
    while let Some(at) = json[from..].find(&quoted) {
        let end = from + at + quoted.len();
        let rest = &json[end..];
        let trimmed = rest.trim_start();
        if let Some(value) = trimmed.strip_prefix(':') {
            return Some(json.len() - value.len());
        }
        from = end;
    }
    None
}

/// The string value of the first `"key": "…"` in `json`, unescaped (the
/// first 2,000 characters of it at most).
pub fn string_value(json: &str, key: &str) -> Option<String> {
    let at = after_key(json, key)?;
    let mut chars = json[at..].trim_start().chars();
    if chars.next() != Some('"') {
        return None;
    }
    let mut out = String::new();
    while let Some(c) = chars.next() {
        if out.len() >= 2000 {
            break;
        }
        match c {
            '"' => break,
            '\\' => match chars.next()? {
                'n' | 'r' | 't' | '/' => out.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let ch = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                    out.push(ch.unwrap_or(' '));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    Some(out)
}

/// Whether `json` says `"isAccessibleForFree": false` (or `"False"`, as
/// some sites quote it).
pub fn not_free(json: &str) -> bool {
    let Some(at) = after_key(json, "isAccessibleForFree") else {
        return false;
    };
    let v = json[at..].trim_start().trim_start_matches('"');
    v.get(..5).is_some_and(|w| w.eq_ignore_ascii_case("false"))
}

/// Root text compared with the JSON-LD `articleBody` at most (its start
/// sits near the root's start).
pub const MAX_COMPARED: usize = 256 * 1024;

/// The text under `root` outside scripts, styles and templates (the
/// JSON-LD block itself must not agree with the root), about `max` bytes
/// at most; a loop over the tree, not a recursion.
pub fn prose<T: Tree + ?Sized>(tree: &T, root: &T::Node, max: usize) -> String {
    let mut out = String::new();
    let mut walk = Walk::new(tree, root);
    let mut descend = false;
    while let Some(n) = walk.next(tree, descend) {
        descend = false;
        match tree.kind(&n) {
            NodeKind::Text => {
                out.push_str(&tree.text(&n));
                out.push(' ');
                if out.len() > max {
                    break;
                }
            }
            NodeKind::Element => {
                let tag = tree.local_name(&n);
                descend = !matches!(&*tag, "script" | "style" | "noscript" | "template");
            }
            NodeKind::Other => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_body_is_read_unescaped() {
        let ld = r#"{"@type":"NewsArticle", "headline":"x", "articleBody" : "The council \"voted\" on\nTuesday \u00e0 la carte"}"#;
        assert_eq!(
            string_value(ld, "articleBody").as_deref(),
            Some("The council \"voted\" on Tuesday à la carte")
        );
        assert_eq!(string_value(ld, "missing"), None);
        // A key that is a value elsewhere, then the real key.
        let ld = r#"{"name":"articleBody","articleBody":"Text"}"#;
        assert_eq!(string_value(ld, "articleBody").as_deref(), Some("Text"));
        // Broken input never panics.
        for bad in [
            "\"articleBody\":",
            "\"articleBody\": \"abc\\",
            "\"articleBody\":\"\\u12",
        ] {
            let _ = string_value(bad, "articleBody");
        }
    }

    #[test]
    fn accessible_for_free_false_in_any_spelling() {
        assert!(not_free(r#"{"isAccessibleForFree": false}"#));
        assert!(not_free(r#"{"isAccessibleForFree":"False"}"#));
        assert!(!not_free(r#"{"isAccessibleForFree": true}"#));
        assert!(!not_free(r#"{"headline": "false"}"#));
    }

    #[test]
    fn linked_data_is_read_from_the_page_and_prose_skips_scripts() {
        let t = super::super::testing::parse(
            r#"<script type="application/ld+json">{"articleBody":"The council voted","isAccessibleForFree":false}</script><div id="r"><p>The council voted.</p><script>var x;</script></div>"#,
        );
        let m = PageMeta::read(&t);
        assert_eq!(m.body_start, ["the", "council", "voted"]);
        assert!(m.not_free);
        assert_eq!(prose(&t, &t.by_id("r"), 1000), "The council voted. ");
    }

    #[test]
    fn body_start_is_found_in_the_root_text_whatever_the_spacing() {
        let mut m = PageMeta::default();
        m.scan_ld(r#"{"articleBody":"The council voted, on Tuesday, to expand the programme to three districts."}"#);
        assert_eq!(m.body_start.len(), BODY_WORDS);
        assert!(contains_words(
            "Council expands\nThe council  voted on Tuesday to expand the programme to three",
            &m.body_start
        ));
        assert!(!contains_words("The council met on Tuesday", &m.body_start));
        assert!(!contains_words("anything", &[]));
        let mut m = PageMeta::default();
        m.scan_ld(r#"{"articleBody":"<p>The council&nbsp;voted</p>"}"#);
        assert_eq!(m.body_start, ["the", "council", "voted"]);
    }
}
