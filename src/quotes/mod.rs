//! Direct quotations and who said them.
//!
//! v0: pairs double quotation marks inside a paragraph, keeps those long
//! enough to be speech, and attributes them through a reporting verb next to
//! the quote ("…,” said X / “…,” X said / X said: “…”). Replaced by the full
//! quotes layer.

use crate::lexicon::REPORTING_VERBS;
use crate::report::{Cue, Party, Quote, Speaker};
use crate::text::{Doc, TokenKind};

/// Finds the direct quotations in `doc`, resolving speakers against `parties`.
pub fn find(doc: &Doc, parties: &[Party]) -> Vec<Quote> {
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        let mut open: Option<usize> = None;
        for i in p.clone() {
            let t = doc.tok(i);
            if doc.tokens[i].kind != TokenKind::Punct {
                continue;
            }
            match (t, open) {
                ("“", _) => open = Some(i),
                ("\"", None) => open = Some(i),
                ("”" | "\"", Some(o)) => {
                    open = None;
                    let words = (o + 1..i).filter(|&k| doc.tokens[k].kind == TokenKind::Word).count();
                    if words < 4 {
                        continue;
                    }
                    let (start, end) = (doc.tokens[o].start, doc.tokens[i].end);
                    let (speaker, cue) = attribute(doc, o, i, parties);
                    out.push(Quote { start, end, text: doc.text[start..end].to_string(), speaker, cue });
                }
                _ => {}
            }
        }
    }
    out
}

fn is_cap(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word && doc.tok(i).chars().next().is_some_and(char::is_uppercase)
}

/// Looks for a reporting verb right after the quote, then right before it.
fn attribute(doc: &Doc, open: usize, close: usize, parties: &[Party]) -> (Option<Speaker>, Option<Cue>) {
    let para = doc.tokens[open].para;
    let same_para = |k: usize| k < doc.tokens.len() && doc.tokens[k].para == para;
    // After: skip punctuation, then "said X" or "X said".
    let mut k = close + 1;
    while same_para(k) && doc.tokens[k].kind == TokenKind::Punct && doc.tok(k) != "“" {
        k += 1;
    }
    let window: Vec<usize> = (k..k + 12).take_while(|&j| same_para(j) && doc.tok(j) != "“" && doc.tok(j) != ".").collect();
    if let Some(pos) = window.iter().position(|&j| REPORTING_VERBS.contains(doc.tok(j))) {
        let verb = window[pos];
        let subject = if pos == 0 { window.get(1..).unwrap_or(&[]) } else { &window[..pos] };
        if let Some(s) = speaker_in(doc, subject, parties) {
            return (Some(s), Some(cue(doc, verb)));
        }
    }
    // Before: "X said:" / "X said," just before the opening mark.
    let mut j = open;
    let mut before = Vec::new();
    while j > 0 && before.len() < 10 {
        j -= 1;
        if !same_para(j) || doc.tok(j) == "”" || doc.tok(j) == "." {
            break;
        }
        before.push(j);
    }
    before.reverse();
    if let Some(pos) = before.iter().rposition(|&j| REPORTING_VERBS.contains(doc.tok(j))) {
        if let Some(s) = speaker_in(doc, &before[..pos], parties) {
            return (Some(s), Some(cue(doc, before[pos])));
        }
    }
    (None, None)
}

fn cue(doc: &Doc, i: usize) -> Cue {
    let t = doc.tokens[i];
    Cue { text: doc.tok(i).to_string(), start: t.start, end: t.end }
}

/// The speaker in a span of tokens: the last run of capitalised words, or a
/// descriptor opened by "a"/"an" for anonymous sources.
fn speaker_in(doc: &Doc, span: &[usize], parties: &[Party]) -> Option<Speaker> {
    let words: Vec<usize> = span.iter().copied().take_while(|&j| doc.tok(j) != ",").collect();
    if words.is_empty() {
        return None;
    }
    let first = doc.tok(words[0]).to_lowercase();
    if first == "a" || first == "an" {
        let (s, e) = (doc.tokens[words[0]].start, doc.tokens[*words.last()?].end);
        return Some(Speaker { name: doc.text[s..e].to_string(), start: s, end: e, named: false, party: None });
    }
    let caps: Vec<usize> = words.iter().copied().filter(|&j| is_cap(doc, j)).collect();
    let (&a, &b) = (caps.first()?, caps.last()?);
    let (s, e) = (doc.tokens[a].start, doc.tokens[b].end);
    let party = parties.iter().position(|p| p.mentions.iter().any(|m| m.start <= s && e <= m.end || s <= m.start && m.end <= e));
    let name = party.map(|p| parties[p].name.clone()).unwrap_or_else(|| doc.text[s..e].to_string());
    Some(Speaker { name, start: s, end: e, named: true, party })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(t: &str) -> Vec<Quote> {
        find(&Doc::new(t), &[])
    }

    #[test]
    fn said_after_and_before() {
        let q = quotes("“We will win this election easily,” said Jane Doe.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_ref().unwrap().name, "Jane Doe");
        let q = quotes("Jane Doe said: “We will win this election easily.”");
        assert_eq!(q[0].speaker.as_ref().unwrap().name, "Jane Doe");
    }

    #[test]
    fn short_scare_quotes_are_not_speech() {
        assert!(quotes("He called it “objective” journalism.").is_empty());
    }

    #[test]
    fn anonymous_source() {
        let q = quotes("“We are awaiting a response from them,” said a senior official.");
        let s = q[0].speaker.as_ref().unwrap();
        assert!(!s.named);
        assert_eq!(s.name, "a senior official");
    }
}
