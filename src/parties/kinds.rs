//! Kinds for names no lexicon or cue word types: votes from each mention's
//! context, summed over a party's mentions.
//!
//! - person: a given name first, a title or role before, an apposition with a
//!   role ("…, a senior official"), "who" after, a reporting verb after;
//! - place: "in/at/near …" before, an apposition with a place noun
//!   ("…, a neighborhood");
//! - organisation: "the …" before, an apposition with an organisation noun.
//!
//! Without votes a name of two or more words is a person, one word an
//! organisation.

use super::context::Ctx;
use super::detect::Cand;
use super::roles::{apposition, role_before, Appos};
use crate::lexicon::Class;
use crate::report::PartyKind;

/// Votes for (person, organization, place).
#[derive(Debug, Default, Clone, Copy)]
pub struct Votes {
    pub person: i32,
    pub org: i32,
    pub place: i32,
}

impl Votes {
    pub fn add(&mut self, o: Votes) {
        self.person += o.person;
        self.org += o.org;
        self.place += o.place;
    }

    /// The winning kind, if any vote was cast.
    pub fn winner(&self) -> Option<PartyKind> {
        let best = self.person.max(self.org).max(self.place);
        if best <= 0 {
            None
        } else if self.person == best {
            Some(PartyKind::Person)
        } else if self.place == best {
            Some(PartyKind::Place)
        } else {
            Some(PartyKind::Organization)
        }
    }
}

/// The context votes of one mention.
pub fn votes(c: &Ctx, m: &Cand) -> Votes {
    let mut v = Votes::default();
    if m.person_hint {
        v.person += 3;
    }
    if role_before(c, m.a).is_some() {
        v.person += 3;
    }
    let acronym = m.b - m.a == 1 && c.is_allcaps(m.a);
    if m.a > 0 && c.doc.tokens[m.a - 1].para == c.doc.tokens[m.a].para {
        let p = c.tok(m.a - 1);
        if Class::PlacePrep.contains(p) && !acronym {
            v.place += if p == "to" { 1 } else { 2 };
        } else if p == "the" || p == "The" {
            v.org += 2;
        } else if matches!(p, "Mr" | "Mrs" | "Ms" | "Dr")
            || p == "." && m.a > 1 && matches!(c.tok(m.a - 2), "Mr" | "Mrs" | "Ms" | "Dr")
        {
            v.person += 3;
        }
    }
    let n = c.n();
    let b = m.b;
    if b < n {
        let next = c.tok(b);
        if next == "who" || next == "," && b + 1 < n && c.tok(b + 1) == "who" {
            v.person += 2;
        } else if Class::ReportingVerb.contains(next) && !c.poss(b - 1) {
            v.person += 1;
        }
    }
    match apposition(c, b) {
        Some((_, _, Appos::Role | Appos::Person)) => v.person += 3,
        Some((_, _, Appos::Place)) => v.place += 4,
        Some((_, _, Appos::Org)) => v.org += 4,
        None => {}
    }
    v
}
