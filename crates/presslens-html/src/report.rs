//! A web page's report: the article scope of the page and the engine's
//! report on the scope's text, as one value.
//!
//! Assembled here, once, because three callers print it and must agree:
//! `presslens annotate --html` and the `{"id", "html"}` lines of
//! `presslens annotate --jsonl` (the command line), and
//! `presslens.annotate_html` (the Python package, which the tests compare
//! with the command line field by field).

use presslens::{Report, Unit};
use serde::Serialize;

use crate::{Article, Page};

/// The report on a page's article text, with the `scope` it was read from.
/// Serialises as the report's fields plus `"scope"`.
#[derive(Clone, Debug, Serialize)]
pub struct PageReport {
    /// The engine's report; its offsets index `scope.text`.
    #[serde(flatten)]
    pub report: Report,
    /// The article scope: its text and how it was found.
    pub scope: ScopeSummary,
}

/// The article scope as the report carries it: the text the report's
/// offsets index, and how it was found.
#[derive(Clone, Debug, Serialize)]
pub struct ScopeSummary {
    /// The article text (what was annotated); empty for a page without a
    /// body.
    pub text: String,
    /// The root element, as `tag#id.class`; `None` when the page has no
    /// body.
    pub root: Option<String>,
    /// The detector's confidence; `None` when the page has no body.
    pub confidence: Option<ConfidenceSummary>,
    /// The paywall rule the root matches, if any.
    pub paywall: Option<&'static str>,
    /// The page's address, when the caller gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The detector's confidence in the root (see `presslens::scope::confidence`).
#[derive(Clone, Debug, Serialize)]
pub struct ConfidenceSummary {
    /// Whether the root is a weak guess (metadata disagrees, or too little
    /// text, or too narrow a margin).
    pub low: bool,
    /// 1 − the best rival's score / the root's.
    ///
    /// `f64` although the detector computes `f32`: the JSON a caller sees
    /// is the widened value whichever way it is serialised (the command
    /// line goes through `serde_json::Value`, which holds only `f64`), so
    /// Python and the command line print the same digits.
    pub margin: f64,
    /// The root's share of the page's text (`f64`: see `margin`).
    pub share: f64,
    /// Characters of annotated text in the root.
    pub chars: u32,
    /// Whether the page's metadata agrees: `agrees`, `silent`, `disagrees`.
    pub metadata: &'static str,
}

impl ScopeSummary {
    /// The summary of `article` on `page` (none: a page without a body,
    /// whose text is empty).
    fn of(page: &Page, article: Option<&Article>, url: Option<String>) -> ScopeSummary {
        let Some(a) = article else {
            return ScopeSummary {
                text: String::new(),
                root: None,
                confidence: None,
                paywall: None,
                url,
            };
        };
        ScopeSummary {
            text: a.text.clone(),
            root: Some(page.describe(a.scope.root)),
            confidence: a.scope.confidence.map(|c| ConfidenceSummary {
                low: c.low(),
                margin: f64::from(c.margin),
                share: f64::from(c.share),
                chars: c.chars,
                metadata: c.metadata.name(),
            }),
            paywall: a.scope.paywall.map(|p| p.name()),
            url,
        }
    }
}

/// The article scope of the page `html` (at `url`, if given). Never fails:
/// any input parses (html5ever recovers as a browser does), at worst to an
/// empty scope.
pub fn scope_summary(html: &str, url: Option<String>) -> ScopeSummary {
    let page = Page::parse(html);
    let article = page.article();
    ScopeSummary::of(&page, article.as_ref(), url)
}

/// The page `html` annotated: its article scope, and the engine's report on
/// the scope's text with offsets in `unit`.
pub fn annotate_page(html: &str, url: Option<String>, unit: Unit) -> PageReport {
    let scope = scope_summary(html, url);
    let report = presslens::annotate_in(&scope.text, unit);
    PageReport { report, scope }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_on_the_scope_text_in_code_points() {
        let html = "<html><body><article><h1>Talks</h1><p>“We will not give up,” \
                    said Maria Lopez, the union’s leader, on Tuesday in Madrid. \
                    The strike involved 4,000 workers at three plants.</p></article>\
                    </body></html>";
        let page = annotate_page(html, Some("https://example.org/a".into()), Unit::Char);
        assert!(page.scope.text.contains("We will not give up"));
        assert_eq!(page.scope.url.as_deref(), Some("https://example.org/a"));
        let q = page.report.quotes.first().expect("a quote");
        let chars: Vec<char> = page.scope.text.chars().collect();
        let span: String = chars[q.start..q.end].iter().collect();
        assert_eq!(span, q.text);
    }

    #[test]
    fn empty_and_broken_pages_give_an_empty_report() {
        for html in [
            "",
            "<",
            "<html><frameset></frameset></html>",
            "\u{0}<p>\u{0}",
        ] {
            let page = annotate_page(html, None, Unit::Char);
            assert!(page.report.quotes.is_empty(), "{html:?}");
            assert!(page.scope.url.is_none());
        }
        let frames = annotate_page("<html><frameset></frameset></html>", None, Unit::Char);
        assert!(frames.scope.root.is_none() && frames.scope.text.is_empty());
    }
}
