//! Speech or not: scare quotes (“objective”), titles (a film, a book, a
//! slogan) and nicknames are quoted too, but they are not speech.
//!
//! The decision weighs length, the cue, and the shape of the quoted words:
//! - a quotation that continues over paragraphs, or opens its paragraph, is
//!   speech;
//! - a long quotation is speech unless it is written like a title (every word
//!   capitalised) and nothing attributes it;
//! - a short one (a few words) is speech only when a reporting verb attributes
//!   it directly (`“Not now,” she said`, `he said, “never”`);
//! - a partial quotation woven into the reporter's sentence, with a word right
//!   before its opening mark (`said the plan would “fail miserably.”`), is
//!   not reported as a quotation of its own unless it reads as a whole
//!   attributed utterance (capitalised, a few words at least); nor is one
//!   that ends without punctuation with the sentence running on after it
//!   (`“…the breaking point” to drive up the price`).

use crate::text::{Doc, TokenKind};

use super::attribution::How;
use super::marks::QuoteSpan;
use super::words;

/// Words from which a quotation is long enough to be speech on its own.
pub const LONG: usize = 8;
/// Words from which a quotation with sentence punctuation is speech.
pub const MEDIUM: usize = 4;

/// What the decision looks at.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub words: usize,
    /// Every word capitalised, as in a title: “Shark Tank”.
    pub title_case: bool,
    /// Ends with sentence or clause punctuation inside the marks: `,”` `.”`.
    pub punct_end: bool,
    /// The opening mark is the first token of its paragraph.
    pub opens_para: bool,
    /// A word stands right before the opening mark, with no punctuation
    /// between: the quotation is woven into the reporter's sentence
    /// (`said the plan would “fail miserably.”`).
    pub embedded: bool,
    /// The quoted words start with a lower-case letter.
    pub lower_start: bool,
    /// The quotation ends without punctuation and the reporter's sentence
    /// runs on after it in lower case (`“…the breaking point” to drive up`).
    pub tail_embedded: bool,
}

/// Measures the quoted words of `q`.
pub fn shape(doc: &Doc, q: &QuoteSpan) -> Shape {
    let inner = q.inner.clone();
    let words: Vec<usize> = inner
        .clone()
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .collect();
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "and"
                | "or"
                | "in"
                | "on"
                | "to"
                | "for"
                | "with"
                | "at"
                | "by"
                | "from"
                | "is"
        )
    };
    // A title does not open with a personal pronoun ("We're America.").
    let pronoun_first = words.first().is_some_and(|&k| {
        let w = doc.tok(k);
        let base = w.split(['’', '\'']).next().unwrap_or(w);
        matches!(
            base,
            "I" | "We" | "You" | "He" | "She" | "They" | "It" | "Don" | "Let"
        )
    });
    let title_case = !words.is_empty()
        && !pronoun_first
        && words.iter().all(|&k| {
            doc.tok(k).chars().next().is_some_and(|c| c.is_uppercase()) || small(doc.tok(k))
        });
    let punct_end = inner.end > inner.start
        && matches!(
            doc.tok(inner.end - 1),
            "," | "." | "?" | "!" | "…" | ";" | "—"
        );
    let opens_para = doc
        .paragraphs
        .get(q.para)
        .is_some_and(|p| p.start == q.open);
    let embedded = !opens_para && q.open > 0 && doc.tokens[q.open - 1].kind != TokenKind::Punct;
    let lower_start = words
        .first()
        .is_some_and(|&k| doc.tok(k).chars().next().is_some_and(char::is_lowercase));
    let tail_embedded = q.close.is_some_and(|c| {
        let next = c + 1;
        !punct_end
            && inner.end > inner.start
            && doc.tokens[inner.end - 1].kind != TokenKind::Punct
            && next < doc.tokens.len()
            && doc.tokens[next].para == q.para
            && doc.tokens[next].kind == TokenKind::Word
            && doc.tok(next).chars().next().is_some_and(char::is_lowercase)
            && !words::is_reporting_verb(doc.tok(next))
            && words::pronoun(doc.tok(next)).is_none()
    });
    Shape {
        tail_embedded,
        words: words.len(),
        title_case,
        punct_end,
        opens_para,
        embedded,
        lower_start,
    }
}

/// Whether `q` is speech, given how (if at all) it is attributed.
pub fn is_speech(s: &Shape, q: &QuoteSpan, how: Option<How>) -> bool {
    if s.words == 0 {
        return false;
    }
    if q.cont_prev || q.cont_next {
        return true;
    }
    let direct = matches!(how, Some(How::After | How::Before | How::Dash | How::Colon));
    if s.tail_embedded {
        return false;
    }
    if s.embedded {
        // A partial quotation inside the reporter's sentence: reported only
        // when it reads as a whole utterance of its own.
        return !s.lower_start && !s.title_case && s.words >= MEDIUM && how.is_some();
    }
    if s.words >= LONG {
        return !s.title_case || direct;
    }
    if s.words == 1 {
        // One word is speech only with a cue right after it: “No,” she said.
        return how == Some(How::After) && s.punct_end;
    }
    if direct {
        return true;
    }
    if s.words >= MEDIUM && !s.title_case {
        return s.punct_end && (s.opens_para || how.is_some());
    }
    // A short sentence of its own after a sentence that reports speech:
    // "Graham asked. “Neither do I.”"
    s.words >= 2 && !s.title_case && !s.lower_start && s.punct_end && how.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::find_spans;

    fn speech(t: &str, how: Option<How>) -> bool {
        let d = Doc::new(t);
        let q = find_spans(&d)[0].clone();
        is_speech(&shape(&d, &q), &q, how)
    }

    #[test]
    fn scare_quotes_and_titles_are_not_speech() {
        assert!(!speech("an “objective” journalist", None));
        assert!(!speech(
            "the film “The Good, the Bad and the Ugly Return Again Later Today Now”",
            None
        ));
        assert!(!speech("known as “the Donald”", None));
        // Positive counterparts.
        assert!(speech("“Not now,” she said.", Some(How::After)));
        assert!(speech(
            "“The Good, the Bad and the Ugly Return Again Later Today Now,” he said",
            Some(How::After)
        ));
        // A quotation the reporter's sentence runs on from is not one.
        assert!(!speech(
            "“You squeezed employees to the breaking point” to drive up the price, she said.",
            Some(How::After)
        ));
        assert!(speech(
            "“You squeezed employees to the breaking point,” she said.",
            Some(How::After)
        ));
        // Embedded partial quotations are not quotations of their own.
        assert!(!speech(
            "he said the plan would “fail miserably in every way we can see.”",
            Some(How::BeforeFar)
        ));
        assert!(speech(
            "He left. “We will know in a couple of days what happens next.”",
            None
        ));
    }
}
