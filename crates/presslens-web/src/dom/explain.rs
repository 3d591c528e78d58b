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

/// What an annotation is, in words, for assistive technology: the same
/// facts as the tooltip's card, one sentence, no symbols. With its place
/// among its kind ("Quote 3 of 9, by Joe Biden, named source: …") when
/// `ordinal` is set (the live region and the panel's items), without it on
/// a `<mark>` (the reader's screen reader already says where it is).
pub fn describe(report: &Report, quoted: &Quoted, target: Target, ordinal: bool) -> Option<String> {
    let mut out = match target {
        Target::Quote(i) => {
            let q = report.quotes.get(i)?;
            [lead(report, target, ordinal)?, clip(&q.text, QUOTE_CHARS)].concat()
        }
        Target::Party(i, m) => {
            let p = report.parties.get(i)?;
            let mut s = ["Party: ", &p.name, ", ", party_kind(p.kind)].concat();
            if let Some(r) = &p.role {
                s.push_str(", ");
                s.push_str(r);
            }
            if ordinal {
                s.push_str(
                    &[
                        ", mention ",
                        &count(m + 1),
                        " of ",
                        &count(p.mentions.len()),
                    ]
                    .concat(),
                );
            } else {
                s.push_str(&[", ", &count(p.mentions.len()), " mentions"].concat());
            }
            let n = quoted.party(i);
            if n > 0 {
                s.push_str(&[", quoted ", &times(n)].concat());
            }
            s
        }
        Target::Figure(i) => {
            let f = report.figures.get(i)?;
            let mut s = [lead(report, target, ordinal)?, f.text.clone()].concat();
            for part in figure_facts(report, i) {
                s.push_str(", ");
                s.push_str(&part);
            }
            s
        }
    };
    out.truncate(out.trim_end().len());
    Some(out)
}

/// What is read before an annotation's own text: "Quote 3 of 9, by Joe
/// Biden, named source: ", "Figure 2 of 12: ", "Party: ". The panel puts
/// it, unseen, before each item's visible text, so that the item's name
/// says what the live region says and still contains what is seen (WCAG
/// 2.5.3, label in name).
pub fn lead(report: &Report, target: Target, ordinal: bool) -> Option<String> {
    let nth = |what: &str, i: usize, n: usize| {
        if ordinal {
            [what, " ", &count(i + 1), " of ", &count(n)].concat()
        } else {
            what.to_string()
        }
    };
    Some(match target {
        Target::Quote(i) => {
            let q = report.quotes.get(i)?;
            let mut s = nth("Quote", i, report.quotes.len());
            match &q.speaker {
                Some(sp) => {
                    s.push_str(", by ");
                    s.push_str(&sp.name);
                    if let Some(role) = sp
                        .party
                        .and_then(|p| report.parties.get(p))
                        .and_then(|p| p.role.as_deref())
                    {
                        s.push_str(", ");
                        s.push_str(role);
                    }
                    s.push_str(if sp.named {
                        ", named source"
                    } else {
                        ", anonymous source"
                    });
                }
                None => s.push_str(", unattributed"),
            }
            s.push_str(": ");
            s
        }
        Target::Party(..) => "Party: ".into(),
        Target::Figure(i) => [nth("Figure", i, report.figures.len()), ": ".into()].concat(),
    })
}

/// A figure's facts in words: its value (when the text does not already
/// say it), what it counts, and each relation ("in exchange for 400
/// security prisoners").
pub fn figure_facts(report: &Report, i: usize) -> Vec<String> {
    let Some(f) = report.figures.get(i) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(v) = figure_value(report, i).filter(|v| *v != f.text) {
        out.push(["value ", &v].concat());
    }
    if let Some(c) = &f.counts {
        out.push(["counts ", c].concat());
    }
    for r in &f.relations {
        if let Some(g) = report.figures.get(r.figure) {
            out.push([relation(r.kind), " ", &g.text].concat());
        }
    }
    out
}

/// How many quotes each party speaks, counted once for a whole report
/// (describing every mention of a long page asks it for each).
pub struct Quoted(Vec<usize>);

impl Quoted {
    pub fn of(report: &Report) -> Quoted {
        let mut n = vec![0; report.parties.len()];
        for q in &report.quotes {
            if let Some(c) = q
                .speaker
                .as_ref()
                .and_then(|s| s.party)
                .and_then(|p| n.get_mut(p))
            {
                *c += 1;
            }
        }
        Quoted(n)
    }

    /// How many quotes party `i` speaks.
    pub fn party(&self, i: usize) -> usize {
        self.0.get(i).copied().unwrap_or(0)
    }
}

/// Characters of a quote read out before "…".
const QUOTE_CHARS: usize = 160;

/// "once", "2 times".
pub fn times(n: usize) -> String {
    if n == 1 {
        "once".into()
    } else {
        [count(n), " times".into()].concat()
    }
}

/// `s` cut to `n` characters, with "…" when cut.
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_are_described_in_words_with_their_place() {
        let text = "“We will not give in,” said Benjamin Netanyahu. Israel freed 400 \
                    prisoners in exchange for 40 hostages, Netanyahu said.";
        let report = presslens::annotate_in(text, presslens::Unit::Utf16);
        let quoted = Quoted::of(&report);
        let q = describe(&report, &quoted, Target::Quote(0), true).unwrap();
        assert_eq!(
            q,
            "Quote 1 of 1, by Benjamin Netanyahu, named source: “We will not give in,”"
        );
        let p = (0..report.parties.len())
            .find(|&i| report.parties[i].name == "Benjamin Netanyahu")
            .unwrap();
        let said = describe(&report, &quoted, Target::Party(p, 1), true).unwrap();
        assert!(
            said.starts_with("Party: Benjamin Netanyahu, person")
                && said.contains("mention 2 of 2")
                && said.ends_with("quoted once"),
            "{said}"
        );
        let on_mark = describe(&report, &quoted, Target::Party(p, 1), false).unwrap();
        assert!(
            on_mark.contains("2 mentions") && !on_mark.contains(" of "),
            "{on_mark}"
        );
        let f = (0..report.figures.len())
            .find(|&i| report.figures[i].text.starts_with("400"))
            .unwrap();
        let said = describe(&report, &quoted, Target::Figure(f), true).unwrap();
        assert!(said.starts_with("Figure "), "{said}");
        assert!(said.contains("in exchange for 40 hostages"), "{said}");
        for d in [q, said] {
            assert!(
                !d.contains('↔') && !d.contains('×') && !d.contains('·'),
                "{d}"
            );
        }
    }

    #[test]
    fn clip_cuts_at_characters_and_trims_before_the_ellipsis() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("two words here", 4), "two…");
        assert_eq!(clip("ééééé", 3), "ééé…");
        assert_eq!(times(1), "once");
        assert_eq!(times(3), "3 times");
    }
}
