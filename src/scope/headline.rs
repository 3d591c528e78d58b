//! The headline rule: the page's `<h1>` belongs to the article even when
//! it sits just outside the detected root (an annotator wants the
//! headline's quotes and names).

use super::filter::{skipped, Filter};
use super::tree::{parent_element, Query, Tree};

/// The page's `<h1>` if it is outside `root`, before it, close to it (their
/// common ancestor at most four levels above the root) and not boilerplate.
pub fn headline<T: Tree + ?Sized>(tree: &T, root: &T::Node, filter: Filter) -> Option<T::Node> {
    for h in tree.find(Query::Headlines) {
        if tree.contains(root, &h) {
            return None; // the root has its own headline
        }
        // The headline must come before the root.
        if !tree.follows(&h, root) {
            return None;
        }
        let text = tree.text_content(&h);
        if text.trim().chars().count() < 10 {
            continue;
        }
        // Near the root, and nothing on the way up from it is skipped.
        let mut anc = parent_element(tree, root);
        let mut up = 0;
        while let Some(a) = anc.clone() {
            if tree.contains(&a, &h) || up >= 4 {
                break;
            }
            anc = parent_element(tree, &a);
            up += 1;
        }
        let Some(common) = anc.filter(|a| tree.contains(a, &h)) else {
            continue;
        };
        let mut cur = Some(h.clone());
        let mut ok = true;
        while let Some(c) = cur {
            if c == common {
                break;
            }
            if skipped(tree, &c, &tree.local_name(&c), filter) {
                ok = false;
                break;
            }
            cur = parent_element(tree, &c);
        }
        if ok {
            return Some(h);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testing::parse;
    use super::*;

    const F: Filter = Filter {
        hints: true,
        css: true,
    };

    #[test]
    fn a_close_headline_before_the_root_is_taken() {
        let t =
            parse(r#"<div><h1>Council votes to expand</h1><div id="r"><p>Text</p></div></div>"#);
        assert_eq!(headline(&t, &t.by_id("r"), F), Some(t.first("h1")));
    }

    #[test]
    fn no_headline_inside_after_short_or_in_boilerplate() {
        let t = parse(r#"<div id="r"><h1>Council votes to expand</h1><p>Text</p></div>"#);
        assert_eq!(headline(&t, &t.by_id("r"), F), None);
        let t =
            parse(r#"<div><div id="r"><p>Text</p></div><h1>Council votes to expand</h1></div>"#);
        assert_eq!(headline(&t, &t.by_id("r"), F), None);
        let t = parse(r#"<div><h1>Short</h1><div id="r"><p>Text</p></div></div>"#);
        assert_eq!(headline(&t, &t.by_id("r"), F), None);
        let t = parse(
            r#"<div><div class="sidebar"><h1>Council votes to expand</h1></div><div id="r"><p>Text</p></div></div>"#,
        );
        assert_eq!(headline(&t, &t.by_id("r"), F), None);
    }
}
