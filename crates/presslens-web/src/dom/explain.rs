//! Explanations: what a mark means, as plain strings for the tooltip and the
//! panel. Everything here is text; callers insert it with `textContent`.

use super::spans::Target;
use presslens::report::{PartyKind, RelationKind, Report};

/// One explanation: a kind label, a title and labelled lines.
pub struct Card {
    pub kind: &'static str,
    pub title: String,
    pub lines: Vec<(&'static str, String)>,
}

/// A number for reading: whole numbers with thousands separators
/// (`2500000000` → "2,500,000,000"), others as JS writes them.
pub fn number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return js_sys::Number::from(v)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
    }
    let digits = (v.abs() as u64).to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count, plainly (no locale formatting: it is called per panel item, and
/// `toLocaleString` is slow).
pub fn count(n: usize) -> String {
    n.to_string()
}

/// The tooltip's word for a party kind, in the interface's spelling
/// ("organisation"); the schema's names are [`PartyKind::as_str`]'s.
pub fn party_kind(kind: PartyKind) -> &'static str {
    match kind {
        PartyKind::Person => "person",
        PartyKind::Organization => "organisation",
        PartyKind::Place => "place",
        PartyKind::Group => "group",
    }
}

fn relation(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Exchange => "in exchange for",
        RelationKind::Change => "change from",
        RelationKind::Ratio => "ratio to",
        RelationKind::Comparison => "compared with",
    }
}

/// Words in a text, as the share-of-voice counts them. ASCII is tested
/// without the Unicode tables (the panel counts the words of every quote:
/// 20 ms for 20,000 quotes with the tables alone).
pub fn words(text: &str) -> usize {
    let word = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '\''
        } else {
            c.is_alphanumeric() || c == '’'
        }
    };
    text.split(|c: char| !word(c))
        .filter(|w| !w.is_empty())
        .count()
}

/// A figure's normalised value with its unit ("2,500,000,000 USD", "30 %").
pub fn figure_value(report: &Report, i: usize) -> Option<String> {
    let f = report.figures.get(i)?;
    let v = f.value?;
    let mut s = String::new();
    if f.approximate {
        s.push_str("about ");
    }
    s.push_str(&number(v));
    if let Some(u) = &f.unit {
        s.push(' ');
        s.push_str(u);
    }
    Some(s)
}

/// How many quotes each party speaks.
fn quoted(report: &Report, party: usize) -> usize {
    report
        .quotes
        .iter()
        .filter(|q| q.speaker.as_ref().is_some_and(|s| s.party == Some(party)))
        .count()
}

/// The explanation of one mark.
pub fn card(report: &Report, target: Target) -> Option<Card> {
    match target {
        Target::Quote(i) => quote_card(report, i),
        Target::Party(i, _) => party_card(report, i),
        Target::Figure(i) => figure_card(report, i),
    }
}

/// Quote `i`: its speaker (role, named or anonymous), cue and length.
fn quote_card(report: &Report, i: usize) -> Option<Card> {
    let q = report.quotes.get(i)?;
    let mut lines = Vec::new();
    let title = match &q.speaker {
        Some(s) => {
            lines.push(("Speaker", s.name.clone()));
            if let Some(role) = s
                .party
                .and_then(|p| report.parties.get(p))
                .and_then(|p| p.role.clone())
            {
                lines.push(("Role", role));
            }
            lines.push((
                "Source",
                if s.named {
                    "named".into()
                } else {
                    "anonymous".into()
                },
            ));
            s.name.clone()
        }
        None => {
            lines.push(("Speaker", "not attributed".into()));
            "Unattributed quote".into()
        }
    };
    if let Some(c) = &q.cue {
        lines.push(("Cue", c.text.clone()));
    }
    lines.push(("Words", count(words(&q.text))));
    Some(Card {
        kind: "Quote",
        title,
        lines,
    })
}

/// Party `i`: its kind, role, mentions and how often it is quoted.
fn party_card(report: &Report, i: usize) -> Option<Card> {
    let p = report.parties.get(i)?;
    let mut lines = vec![("Kind", party_kind(p.kind).to_string())];
    if let Some(r) = &p.role {
        lines.push(("Role", r.clone()));
    }
    lines.push(("Mentions", count(p.mentions.len())));
    let n = quoted(report, i);
    if n > 0 {
        lines.push((
            "Quoted",
            [count(n), (if n == 1 { " time" } else { " times" }).into()].concat(),
        ));
    }
    Some(Card {
        kind: "Party",
        title: p.name.clone(),
        lines,
    })
}

/// Figure `i`: its value, what it counts and the figures it relates to.
fn figure_card(report: &Report, i: usize) -> Option<Card> {
    let f = report.figures.get(i)?;
    let mut lines = Vec::new();
    if let Some(v) = figure_value(report, i) {
        lines.push(("Value", v));
    }
    if let Some(c) = &f.counts {
        lines.push(("Counts", c.clone()));
    }
    for r in &f.relations {
        if let Some(g) = report.figures.get(r.figure) {
            lines.push(("Related", [relation(r.kind), " ", &g.text].concat()));
        }
    }
    Some(Card {
        kind: "Figure",
        title: f.text.clone(),
        lines,
    })
}
