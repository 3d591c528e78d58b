//! The report: the one contract between the engine, the command-line tool, the
//! JS API and the tests.
//!
//! The engine fills a [`Report`] with UTF-8 byte offsets into the text it was
//! given. Before a report leaves the crate it is re-expressed in the offsets its
//! consumer speaks ([`Report::into_unit`]): UTF-16 code units for JS and the
//! DOM, Unicode characters for the command-line tool.

use serde::{Deserialize, Serialize};

use crate::offsets::{self, Unit};

/// Everything the engine found in one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Direct quotations, in text order.
    pub quotes: Vec<Quote>,
    /// Named parties, in order of first mention.
    pub parties: Vec<Party>,
    /// Claimed figures, in text order.
    pub figures: Vec<Figure>,
}

/// A direct quotation. `start..end` covers the quotation marks themselves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Offset of the opening mark.
    pub start: usize,
    /// Offset just past the closing mark (the paragraph's end if none).
    pub end: usize,
    /// The text of `start..end`.
    pub text: String,
    /// Who it is attributed to, if anyone.
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase of the attribution.
    pub cue: Option<Cue>,
}

/// Who a quote is attributed to.
///
/// `start..end` is the mention the attribution rests on (it may be a pronoun);
/// `name` is the canonical party name, or the descriptor itself for anonymous
/// sources ("a senior Israeli official", with `named == false`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The canonical name, or the description of an anonymous source.
    pub name: String,
    /// Offset of the mention the attribution rests on.
    pub start: usize,
    /// Offset just past that mention.
    pub end: usize,
    /// A named source (false: described only, "a senior official").
    pub named: bool,
    /// Index into [`Report::parties`] when the speaker is a known party.
    pub party: Option<usize>,
    /// What sort of source speaks. Reports without the field (other tools')
    /// read as a person.
    #[serde(default)]
    pub kind: SpeakerKind,
}

/// What sort of source a speaker is. Never a place or an event: a country or
/// city that "said" something is its government (an organisation), and event
/// names are not taken as speakers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person, named or not ("Jane Doe", "she").
    #[default]
    Person,
    /// An organisation or a group speaking as one ("the IDF", "the campaign").
    Organization,
    /// A description of an unnamed source ("a senior Israeli official").
    Anonymous,
    /// A document quoted as a source ("a statement", "the report").
    Document,
}

impl SpeakerKind {
    /// The kind's name in the report schema.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Document => "document",
        }
    }
}

/// The reporting verb or phrase that ties a quote to its speaker ("said",
/// "according to").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue's words as written.
    pub text: String,
    /// Offset of its first word.
    pub start: usize,
    /// Offset just past its last word.
    pub end: usize,
}

/// What sort of party a name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    /// A person ("Benjamin Netanyahu").
    Person,
    /// An organisation: a government, an army, a company, a party ("IDF").
    Organization,
    /// A place: a country, a city, a region ("Gaza City").
    Place,
    /// Peoples and collectives: "Palestinians", "Western allies".
    Group,
}

impl PartyKind {
    /// Every kind, in the schema's order.
    pub const ALL: [PartyKind; 4] = [
        PartyKind::Person,
        PartyKind::Organization,
        PartyKind::Place,
        PartyKind::Group,
    ];

    /// The kind named as in the report schema ("person", "organization",
    /// "place", "group"), as gold files name it too.
    pub fn from_name(name: &str) -> Option<PartyKind> {
        PartyKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The kind's name in the report schema (serde writes the same; a test
    /// holds them together).
    pub fn as_str(self) -> &'static str {
        match self {
            PartyKind::Person => "person",
            PartyKind::Organization => "organization",
            PartyKind::Place => "place",
            PartyKind::Group => "group",
        }
    }
}

/// A named party with all its mentions merged under one canonical name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    /// The canonical name ("Israel Defense Forces" for "IDF").
    pub name: String,
    /// What sort of party it is.
    pub kind: PartyKind,
    /// A person's role, from a title or an apposition ("prime minister").
    pub role: Option<String>,
    /// Every place the text names it, in text order.
    pub mentions: Vec<Mention>,
}

/// One place in the text where a party is named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Offset of the mention's first character.
    pub start: usize,
    /// Offset just past its last character.
    pub end: usize,
    /// The mention as written.
    pub text: String,
}

/// A claimed figure: a number with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Offset of the figure's first character.
    pub start: usize,
    /// Offset just past its last character.
    pub end: usize,
    /// The figure as written ("$2.5bn", "40 hostages").
    pub text: String,
    /// The normalised value: percentages as the number (30 for 30%), money in
    /// units of its currency (2.5e9 for $2.5bn).
    pub value: Option<f64>,
    /// The unit, as the figures layer names it ("percentage", "dollar").
    pub unit: Option<String>,
    /// What it counts ("hostages", "security prisoners").
    pub counts: Option<String>,
    /// Said as approximate ("about 40", "nearly half").
    pub approximate: bool,
    /// How it relates to other figures of the text.
    pub relations: Vec<Relation>,
}

/// How one figure relates to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// How they relate.
    pub kind: RelationKind,
    /// Index into [`Report::figures`].
    pub figure: usize,
}

/// How two figures relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    /// One is given for the other ("40 hostages in exchange for 400
    /// prisoners").
    Exchange,
    /// One changed into the other ("rose from 5% to 7%", "up 3%").
    Change,
    /// One is per the other ("$5 a gallon", "3 in 10").
    Ratio,
    /// One is set against the other ("twice as many as", "compared with").
    Comparison,
}

impl Report {
    /// Visits every offset in the report, in a fixed order.
    fn offsets_mut(&mut self) -> Vec<&mut usize> {
        let mut out = Vec::new();
        for q in &mut self.quotes {
            out.push(&mut q.start);
            out.push(&mut q.end);
            if let Some(s) = &mut q.speaker {
                out.push(&mut s.start);
                out.push(&mut s.end);
            }
            if let Some(c) = &mut q.cue {
                out.push(&mut c.start);
                out.push(&mut c.end);
            }
        }
        for p in &mut self.parties {
            for m in &mut p.mentions {
                out.push(&mut m.start);
                out.push(&mut m.end);
            }
        }
        for f in &mut self.figures {
            out.push(&mut f.start);
            out.push(&mut f.end);
        }
        out
    }

    /// Re-expresses a report made over `text` (byte offsets) in `unit`.
    pub fn into_unit(self, text: &str, unit: Unit) -> Report {
        if unit == Unit::Byte {
            return self;
        }
        self.map_offsets(|values| offsets::convert(text, unit, values))
    }

    /// Applies `f` to all the report's offsets at once.
    fn map_offsets(mut self, f: impl FnOnce(&mut [usize])) -> Report {
        let mut refs = self.offsets_mut();
        let mut values: Vec<usize> = refs.iter().map(|r| **r).collect();
        f(&mut values);
        for (r, v) in refs.iter_mut().zip(values) {
            **r = v;
        }
        self
    }

    /// The inverse of [`Report::into_unit`]: re-expresses a report whose
    /// offsets are in `unit` over `text` as byte offsets (for a report that
    /// came back from JS).
    pub fn into_bytes(self, text: &str, unit: Unit) -> Report {
        self.map_offsets(|values| offsets::to_bytes(text, unit, values))
    }

    /// Checks the invariants every consumer relies on, for tests and fuzzing:
    /// spans are ordered, inside `len`, and every index points at something.
    pub fn check(&self, len: usize) -> Result<(), String> {
        let span = |what: &str, s: usize, e: usize| {
            if s <= e && e <= len {
                Ok(())
            } else {
                Err(format!("{what} span {s}..{e} outside 0..{len}"))
            }
        };
        for q in &self.quotes {
            span("quote", q.start, q.end)?;
            if let Some(s) = &q.speaker {
                span("speaker", s.start, s.end)?;
                if let Some(p) = s.party {
                    if p >= self.parties.len() {
                        return Err(format!("speaker party {p} out of range"));
                    }
                }
            }
            if let Some(c) = &q.cue {
                span("cue", c.start, c.end)?;
            }
        }
        for p in &self.parties {
            if p.mentions.is_empty() {
                return Err(format!("party {} has no mention", p.name));
            }
            for m in &p.mentions {
                span("mention", m.start, m.end)?;
            }
        }
        for f in &self.figures {
            span("figure", f.start, f.end)?;
            for r in &f.relations {
                if r.figure >= self.figures.len() {
                    return Err(format!("relation to figure {} out of range", r.figure));
                }
            }
        }
        Ok(())
    }

    /// Everything [`Report::check`] asks, and what only the text can tell:
    /// (byte) spans on char boundaries, each span's `text` the text it
    /// covers, figure values finite, figure relations two-way. Fuzzing and
    /// the robustness tests hold every report to this.
    pub fn validate(&self, text: &str) -> Result<(), String> {
        self.check(text.len())?;
        let span = |what: &str, s: usize, e: usize, said: Option<&str>| {
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                return Err(format!("{what} span {s}..{e} not on char boundaries"));
            }
            match said {
                Some(t) if t != &text[s..e] => Err(format!(
                    "{what} text {t:?} is not the text at {s}..{e} ({:?})",
                    &text[s..e]
                )),
                _ => Ok(()),
            }
        };
        for q in &self.quotes {
            span("quote", q.start, q.end, Some(&q.text))?;
            if let Some(s) = &q.speaker {
                span("speaker", s.start, s.end, None)?;
            }
            if let Some(c) = &q.cue {
                span("cue", c.start, c.end, Some(&c.text))?;
            }
        }
        for p in &self.parties {
            for m in &p.mentions {
                span("mention", m.start, m.end, Some(&m.text))?;
            }
        }
        for (i, f) in self.figures.iter().enumerate() {
            span("figure", f.start, f.end, Some(&f.text))?;
            if f.value.is_some_and(|v| !v.is_finite()) {
                return Err(format!("figure {i} has value {:?}", f.value));
            }
            for r in &f.relations {
                let back = &self.figures[r.figure].relations;
                if !back.iter().any(|b| b.figure == i && b.kind == r.kind) {
                    return Err(format!("relation {i} -> {} has no way back", r.figure));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{PartyKind, SpeakerKind};

    #[test]
    fn kind_names_are_the_schemas() {
        for k in PartyKind::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert_eq!(PartyKind::from_name(k.as_str()), Some(k));
        }
        assert_eq!(PartyKind::from_name("organisation"), None);
        for k in [
            SpeakerKind::Person,
            SpeakerKind::Organization,
            SpeakerKind::Anonymous,
            SpeakerKind::Document,
        ] {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
    }
}
