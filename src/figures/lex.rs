//! Figure tokens: the document's tokens, re-split where letters meet digits.
//!
//! The shared tokenizer keeps digits after letters inside a word (`G7`,
//! `US55`, `RM23`), which is right for names but hides the numbers of
//! currency codes stuck to amounts. Here every word is one token per run of
//! letters or of ASCII digits ([`crate::text::Token::letter_digit_runs`]),
//! so `US55` is `US` + `55`, with no space between them. Each token keeps
//! its sentence and its lower-case form from the [`Doc`].

use crate::text::{Doc, TokenKind};

/// What a figure token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// ASCII digits with inner `,` `.` separators, as the shared tokenizer
    /// makes them, or a digit run split out of a word.
    Num,
    Punct,
}

/// A token for the figures layer.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace stands between this token and the previous one.
    pub space: bool,
    /// Index of the sentence (of the shared [`Doc`]) the token is in.
    pub sent: usize,
    /// Index of the paragraph (line) the token is in.
    pub para: usize,
    /// Where its lowercased text lies in [`Ctx`]'s buffer.
    lo: usize,
    hi: usize,
}

/// The tokens of one document, with lowercased texts, and safe accessors
/// that answer "" / false out of range, so callers never index past the end.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// The document's lower-case forms ([`Doc::lower_text`]).
    low: &'a str,
    /// Lower-case forms the document does not hold (the parts of a non-ASCII
    /// word split at its digits), indexed past `low.len()`.
    extra: String,
    /// Index of the first token of each token's sentence.
    sent_first: Vec<usize>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Doc<'a>) -> Ctx<'a> {
        let text = doc.text;
        let mut toks = Vec::with_capacity(doc.tokens.len() + 8);
        for t in &doc.tokens {
            let kind = match t.kind {
                TokenKind::Word => Kind::Word,
                TokenKind::Number => Kind::Num,
                TokenKind::Punct => Kind::Punct,
            };
            for (k, (start, end, digits)) in t.letter_digit_runs(text).enumerate() {
                toks.push(Tok {
                    start,
                    end,
                    kind: if digits { Kind::Num } else { kind },
                    space: k == 0 && t.space_before,
                    sent: t.sent,
                    para: t.para,
                    lo: 0,
                    hi: 0,
                });
            }
        }
        // The document's lower-case forms serve every token it has; a
        // non-ASCII part of a split word is lowercased here.
        let low = doc.lower_text();
        let mut extra = String::new();
        let mut k = 0; // the document token a figure token lies in
        for t in toks.iter_mut() {
            while k + 1 < doc.tokens.len() && doc.tokens[k].end < t.end {
                k += 1;
            }
            if let Some(d) = doc
                .tokens
                .get(k)
                .filter(|d| (d.start, d.end) == (t.start, t.end))
            {
                (t.lo, t.hi) = (d.lo, d.hi);
            } else if text.as_bytes()[t.start..t.end].is_ascii() {
                (t.lo, t.hi) = (t.start, t.end);
            } else {
                t.lo = low.len() + extra.len();
                extra.push_str(&text[t.start..t.end].to_lowercase());
                t.hi = low.len() + extra.len();
            }
        }
        let mut sent_first = Vec::with_capacity(toks.len());
        for (i, t) in toks.iter().enumerate() {
            let first = if i > 0 && toks[i - 1].sent == t.sent {
                sent_first[i - 1]
            } else {
                i
            };
            sent_first.push(first);
        }
        Ctx {
            text,
            toks,
            low,
            extra,
            sent_first,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i`, or "" out of range.
    #[inline]
    pub fn tok(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    /// The lowercased text of token `i`, or "" out of range.
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.hi <= self.low.len() => &self.low[t.lo..t.hi],
            Some(t) => &self.extra[t.lo - self.low.len()..t.hi - self.low.len()],
            None => "",
        }
    }

    /// The lowercased text of the token `back` places before `i`, or "".
    #[inline]
    pub fn lower_back(&self, i: usize, back: usize) -> &str {
        if back > i {
            ""
        } else {
            self.lower(i - back)
        }
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    #[inline]
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    /// Token `i` exists and touches the one before it (no whitespace).
    #[inline]
    pub fn stuck(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space) && i > 0
    }

    /// Tokens `i` and `j` exist and are in the same sentence.
    #[inline]
    pub fn same_sent(&self, i: usize, j: usize) -> bool {
        match (self.toks.get(i), self.toks.get(j)) {
            (Some(a), Some(b)) => a.sent == b.sent,
            _ => false,
        }
    }

    /// Index of the first token of token `i`'s sentence.
    pub fn sent_start(&self, i: usize) -> usize {
        self.sent_first.get(i).copied().unwrap_or(i)
    }

    /// Token `i` opens its sentence, looking past opening quotes and brackets.
    pub fn sentence_initial(&self, i: usize) -> bool {
        let s = self.sent_start(i);
        (s..i).all(|k| {
            self.kind(k) == Some(Kind::Punct)
                && matches!(
                    self.tok(k),
                    "“" | "\"" | "‘" | "'" | "(" | "[" | "—" | "–" | "-" | "•" | "*" | ":"
                )
        })
    }

    /// Token `i` is a word starting with an uppercase letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.tok(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// Token `i` is a word with an uppercase letter anywhere (`iPhone`).
    pub fn has_upper(&self, i: usize) -> bool {
        self.is_word(i) && self.tok(i).chars().any(|c| c.is_uppercase())
    }

    /// Byte span of tokens `s..e` (exclusive), clamped.
    pub fn span(&self, s: usize, e: usize) -> (usize, usize) {
        let n = self.toks.len();
        if n == 0 || s >= e || s >= n {
            return (0, 0);
        }
        let e = e.min(n);
        (self.toks[s].start, self.toks[e - 1].end)
    }

    /// Writes the texts (lowercased with `low`) of tokens `s..e`, joined by
    /// single spaces, into `buf`; `None` if they do not fit.
    pub fn join_into<'b>(
        &self,
        s: usize,
        e: usize,
        low: bool,
        buf: &'b mut [u8],
    ) -> Option<&'b str> {
        let mut n = 0;
        for k in s..e.min(self.len()) {
            let t = if low { self.lower(k) } else { self.tok(k) };
            let sp = usize::from(k > s);
            let end = n + sp + t.len();
            if end > buf.len() {
                return None;
            }
            if sp == 1 {
                buf[n] = b' ';
            }
            buf[n + sp..end].copy_from_slice(t.as_bytes());
            n = end;
        }
        std::str::from_utf8(&buf[..n]).ok()
    }

    /// Lowercased texts of tokens `s..e` joined by single spaces.
    pub fn join_low(&self, s: usize, e: usize) -> String {
        let mut out = String::new();
        for k in s..e.min(self.len()) {
            if k > s {
                out.push(' ');
            }
            out.push_str(self.lower(k));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_letters_from_digits() {
        let text = "$US55,931,000 and G7 and RM23.50";
        let doc = Doc::new(text);
        let c = Ctx::new(&doc);
        let v: Vec<&str> = (0..c.len()).map(|i| c.tok(i)).collect();
        assert_eq!(
            v,
            vec!["$", "US", "55", ",", "931,000", "and", "G", "7", "and", "RM", "23", ".", "50"]
        );
        assert!(c.stuck(2) && !c.stuck(5));
    }
}
