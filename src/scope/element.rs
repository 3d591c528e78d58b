//! Facts about one page element that the filter, the scorer and the
//! paywall rules all read: the words of its class and id, and whether the
//! page shows it.

use super::tree::Tree;

/// The class and id of `el` as lower-case words separated by spaces
/// (split at anything not a letter or digit and at camelCase
/// boundaries: "shareBar" is "share bar"); empty when it has neither.
pub fn hint_words<T: Tree + ?Sized>(tree: &T, el: &T::Node) -> String {
    let class = tree.attr(el, "class").unwrap_or_default();
    let id = tree.attr(el, "id").unwrap_or_default();
    if class.is_empty() && id.is_empty() {
        return String::new();
    }
    let mut hints = String::with_capacity(class.len() + id.len() + 1);
    for c in class.chars().chain(std::iter::once(' ')).chain(id.chars()) {
        if c.is_ascii_uppercase() && hints.chars().last().is_some_and(|p| p.is_ascii_lowercase()) {
            hints.push(' ');
        }
        hints.push(if c.is_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            ' '
        });
    }
    hints
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
}
