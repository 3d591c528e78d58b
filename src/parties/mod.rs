//! Named parties: people, organisations, places and groups.
//!
//! v0: runs of capitalised words, not counting a lone sentence-initial word,
//! merged when one run's last word is another's. Replaced by the full parties
//! layer.

use crate::report::{Mention, Party, PartyKind};
use crate::text::{Doc, TokenKind};

/// Finds the named parties in `doc`, with their mentions merged.
pub fn find(doc: &Doc) -> Vec<Party> {
    let mut runs: Vec<(usize, usize)> = Vec::new(); // byte spans
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let cap = |k: usize| doc.tokens[k].kind == TokenKind::Word && doc.tok(k).chars().next().is_some_and(char::is_uppercase);
        if !cap(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && cap(j) && doc.tokens[j].para == doc.tokens[i].para {
            j += 1;
        }
        let lone_initial = j == i + 1 && doc.is_sentence_initial(i);
        if !lone_initial {
            runs.push((doc.tokens[i].start, doc.tokens[j - 1].end));
        }
        i = j;
    }
    let mut parties: Vec<Party> = Vec::new();
    for (s, e) in runs {
        let text = &doc.text[s..e];
        let base = text.trim_end_matches("’s").trim_end_matches("'s");
        let mention = Mention { start: s, end: e, text: text.to_string() };
        let found = parties.iter_mut().find(|p| p.name == base || p.name.ends_with(&format!(" {base}")));
        match found {
            Some(p) => p.mentions.push(mention),
            None => {
                let kind = if base.contains(' ') { PartyKind::Person } else { PartyKind::Organization };
                parties.push(Party { name: base.to_string(), kind, role: None, mentions: vec![mention] });
            }
        }
    }
    parties
}
