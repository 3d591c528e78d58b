//! Export to the W3C Web Annotation Data Model (JSON-LD), so that a report
//! opens in Hypothesis-style tools.
//!
//! Each quote, party mention and figure becomes one `Annotation` whose target
//! carries both a `TextQuoteSelector` (exact text with 32 characters of
//! prefix and suffix, robust to page edits) and a `TextPositionSelector`
//! (offsets in Unicode code points into the annotated text, as the data
//! model counts characters). Bodies are `TextualBody` descriptions of what
//! PressLens found, with `purpose` "tagging" for the kind and "describing"
//! for the detail.

use serde::Serialize;

use crate::offsets::{self, Unit};
use crate::report::Report;

/// Characters of context kept on each side in a `TextQuoteSelector`.
const CONTEXT: usize = 32;

/// An `AnnotationCollection` of one report: every quote, party mention and
/// figure, one annotation each, in text order.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Collection {
    /// The data model's JSON-LD context, `http://www.w3.org/ns/anno.jsonld`.
    #[serde(rename = "@context")]
    pub context: &'static str,
    /// `AnnotationCollection`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// A human-readable title of the collection.
    pub label: String,
    /// How many annotations `items` holds.
    pub total: usize,
    /// The annotations, in text order.
    pub items: Vec<Annotation>,
}

/// One thing PressLens found, on one span of the text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Annotation {
    /// `Annotation`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Why it was made: `highlighting` (a span marked for the reader).
    pub motivation: &'static str,
    /// What kind it is (`purpose` tagging) and what was found (describing).
    pub body: Vec<Body>,
    /// The span it is about.
    pub target: Target,
}

/// A `TextualBody`: one plain-text statement about the target.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Body {
    /// `TextualBody`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `tagging` for the kind (quote, party, figure), `describing` for the
    /// detail (speaker, party kind and role, value and relations).
    pub purpose: &'static str,
    /// The statement.
    pub value: String,
    /// `text/plain`.
    pub format: &'static str,
}

/// The annotated span: the document and how to find the span in it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Target {
    /// The IRI of the annotated document (the page's URL).
    pub source: String,
    /// A quote selector and a position selector, both naming the span.
    pub selector: Vec<Selector>,
}

/// How a tool finds the span again.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "type")]
pub enum Selector {
    /// The exact text with some text on either side: holds when the page
    /// changes around the span.
    TextQuoteSelector {
        /// The span's text.
        exact: String,
        /// Up to 32 characters before it.
        prefix: String,
        /// Up to 32 characters after it.
        suffix: String,
    },
    /// The span's offsets in Unicode code points into the annotated text.
    TextPositionSelector {
        /// First character.
        start: usize,
        /// One past the last character.
        end: usize,
    },
}

fn body(purpose: &'static str, value: String) -> Body {
    Body {
        kind: "TextualBody",
        purpose,
        value,
        format: "text/plain",
    }
}

/// Builds the collection for `report`, made over `text` with byte offsets.
/// `source` is the IRI of the annotated document (the page URL).
pub fn web_annotations(report: &Report, text: &str, source: &str) -> Collection {
    // (start, end, bodies) in byte offsets.
    let mut items: Vec<(usize, usize, Vec<Body>)> = Vec::new();
    for q in &report.quotes {
        let mut b = vec![body("tagging", "quote".into())];
        let who = match &q.speaker {
            Some(s) if s.named => format!("Quote attributed to {}", s.name),
            Some(s) => format!("Quote attributed to an anonymous source: {}", s.name),
            None => "Quote with no attributed speaker".into(),
        };
        b.push(body("describing", who));
        items.push((q.start, q.end, b));
    }
    for p in &report.parties {
        let mut detail = format!("{} ({})", p.name, p.kind.as_str());
        if let Some(r) = &p.role {
            detail.push_str(&format!(", {r}"));
        }
        for m in &p.mentions {
            items.push((
                m.start,
                m.end,
                vec![
                    body("tagging", "party".into()),
                    body("describing", detail.clone()),
                ],
            ));
        }
    }
    for f in &report.figures {
        let mut detail = String::from("Figure");
        if let Some(v) = f.value {
            detail.push_str(&format!(": {v}"));
        }
        if let Some(u) = &f.unit {
            detail.push_str(&format!(" {u}"));
        }
        if let Some(c) = &f.counts {
            detail.push_str(&format!(", counting {c}"));
        }
        if f.approximate {
            detail.push_str(" (approximate)");
        }
        items.push((
            f.start,
            f.end,
            vec![body("tagging", "figure".into()), body("describing", detail)],
        ));
    }
    let mut positions: Vec<usize> = items.iter().flat_map(|(s, e, _)| [*s, *e]).collect();
    offsets::convert(text, Unit::Char, &mut positions);
    let items: Vec<Annotation> = items
        .into_iter()
        .zip(positions.chunks(2))
        .map(|((s, e, body), pos)| Annotation {
            kind: "Annotation",
            motivation: "highlighting",
            body,
            target: Target {
                source: source.to_string(),
                selector: vec![
                    quote_selector(text, s, e),
                    Selector::TextPositionSelector {
                        start: pos[0],
                        end: pos[1],
                    },
                ],
            },
        })
        .collect();
    Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        kind: "AnnotationCollection",
        label: "PressLens annotations".into(),
        total: items.len(),
        items,
    }
}

/// The exact text of `s..e` with up to [`CONTEXT`] characters either side.
fn quote_selector(text: &str, s: usize, e: usize) -> Selector {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (s, e) = (floor(s), floor(e));
    let (s, e) = (s.min(e), e);
    let prefix: String = {
        let before: Vec<char> = text[..s].chars().rev().take(CONTEXT).collect();
        before.into_iter().rev().collect()
    };
    let suffix: String = text[e..].chars().take(CONTEXT).collect();
    Selector::TextQuoteSelector {
        exact: text[s..e].to_string(),
        prefix,
        suffix,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Mention, Party, PartyKind};

    #[test]
    fn selectors_use_code_points_and_context() {
        let text = "😀 Paris is lovely.";
        let s = text.find("Paris").unwrap();
        let report = Report {
            parties: vec![Party {
                name: "Paris".into(),
                kind: PartyKind::Place,
                role: None,
                mentions: vec![Mention {
                    start: s,
                    end: s + 5,
                    text: "Paris".into(),
                }],
            }],
            ..Report::default()
        };
        let c = web_annotations(&report, text, "https://example.org/a");
        assert_eq!(c.total, 1);
        let sel = &c.items[0].target.selector;
        assert_eq!(
            sel[0],
            Selector::TextQuoteSelector {
                exact: "Paris".into(),
                prefix: "😀 ".into(),
                suffix: " is lovely.".into()
            }
        );
        assert_eq!(sel[1], Selector::TextPositionSelector { start: 2, end: 7 });
        assert_eq!(c.items[0].body[1].value, "Paris (place)");
    }

    #[test]
    fn json_ld_shape() {
        let text = "“We will win this race easily,” said Jane Doe.";
        let report = crate::annotate(text);
        let v = serde_json::to_value(web_annotations(&report, text, "urn:x")).unwrap();
        assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["type"], "AnnotationCollection");
        let first = &v["items"][0];
        assert_eq!(first["type"], "Annotation");
        assert_eq!(first["target"]["selector"][0]["type"], "TextQuoteSelector");
        assert_eq!(
            first["target"]["selector"][1]["type"],
            "TextPositionSelector"
        );
    }

    #[test]
    fn bad_offsets_do_not_panic() {
        let text = "é";
        let report = Report {
            figures: vec![crate::report::Figure {
                start: 1,
                end: 99,
                text: String::new(),
                value: None,
                unit: None,
                counts: None,
                approximate: false,
                relations: vec![],
            }],
            ..Report::default()
        };
        let c = web_annotations(&report, text, "");
        assert_eq!(c.total, 1);
    }
}
