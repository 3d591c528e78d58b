//! Claimed figures: numbers with what they count.
//!
//! v0: digit numbers with the word after them as what they count, skipping
//! four-digit years. Replaced by the full figures layer.

use crate::report::Figure;
use crate::text::{Doc, TokenKind};

/// Finds the figures in `doc`.
pub fn find(doc: &Doc) -> Vec<Figure> {
    let mut out = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Number {
            continue;
        }
        let raw = doc.tok(i);
        let value: Option<f64> = raw.replace(',', "").parse().ok();
        if raw.len() == 4 && value.is_some_and(|v| (1800.0..2100.0).contains(&v)) {
            continue;
        }
        let next = doc.tokens.get(i + 1).filter(|n| n.kind == TokenKind::Word && n.para == t.para);
        let end = next.map_or(t.end, |n| n.end);
        out.push(Figure {
            start: t.start,
            end,
            text: doc.text[t.start..end].to_string(),
            value,
            unit: None,
            counts: next.map(|n| n.text(doc.text).to_string()),
            approximate: false,
            relations: Vec::new(),
        });
    }
    out
}
