//! Per-document facts the parties rules read: which tokens are capitalised
//! words, which lines are headlines, which words the document also uses in
//! lower case or capitalised mid-sentence.

use std::collections::HashSet;

use super::lex::{lex, Entry, Lex};
use crate::text::{Doc, TokenKind};

/// A document with the token facts the parties rules need.
pub struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub lex: &'static Lex,
    /// Token opens a sentence, a line, a quotation or follows a colon.
    pub initial: Vec<bool>,
    /// Paragraph is a headline-like line: every content word capitalised.
    pub headline: Vec<bool>,
    /// Bases of words seen capitalised, not sentence-initial, in body text.
    cap_mid: HashSet<String>,
    /// Lowercased forms of words the document writes in lower case.
    pub lower_seen: HashSet<String>,
    /// Token is part of a title ("Prime Minister", "Secretary of State").
    pub title_tok: Vec<bool>,
    /// Token is inside a title-case stretch of a body line ("Israel-Hamas
    /// Talks Resume in Qatar as Fighting Rages"): a headline quoted in text.
    pub titled_span: Vec<bool>,
}

/// Minor words that, unlike "of" and "the", do not occur inside names.
const SPAN_MINOR: &[&str] = &[
    "in", "as", "at", "on", "to", "with", "by", "amid", "over", "after", "vs", "from", "into",
    "is", "are",
];

/// Function words a title-case headline leaves in lower case.
const MINOR: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "as",
    "with", "from", "into", "over", "amid", "vs", "via", "per", "is", "are", "be", "am", "pm",
    "de", "la", "le", "du", "von", "van", "after", "before", "about", "than", "up",
];

impl<'d, 'a> Ctx<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>) -> Self {
        let n = doc.tokens.len();
        let mut c = Ctx {
            doc,
            lex: lex(),
            initial: vec![false; n],
            headline: vec![false; doc.paragraphs.len()],
            cap_mid: HashSet::new(),
            lower_seen: HashSet::new(),
            title_tok: vec![false; n],
            titled_span: vec![false; n],
        };
        // The first word of each sentence, past opening marks (one pass,
        // where `Doc::is_sentence_initial` would rescan each sentence).
        for s in &doc.sentences {
            let mut j = s.start;
            while j < s.end && doc.tokens[j].kind == TokenKind::Punct {
                c.initial[j] = true;
                j += 1;
            }
            if j < s.end {
                c.initial[j] = true;
            }
        }
        for i in 0..n {
            let prev = if i == 0 || doc.tokens[i - 1].para != doc.tokens[i].para {
                None
            } else {
                Some(doc.tok(i - 1))
            };
            c.initial[i] |= matches!(
                prev,
                None | Some(":" | "“" | "\"" | "‘" | "(" | "[" | "—" | "–" | "|" | "•" | ";")
            );
        }
        for (p, r) in doc.paragraphs.iter().enumerate() {
            c.headline[p] = c.is_headline(r.clone());
        }
        c.mark_titled_spans();
        for i in 0..n {
            let t = doc.tokens[i];
            if t.kind != TokenKind::Word {
                continue;
            }
            if c.is_cap(i) {
                if !c.initial[i] && !c.headline[t.para] && !c.titled_span[i] {
                    c.cap_mid.insert(c.base(i).replace('’', "'"));
                }
            } else {
                c.lower_seen.insert(doc.tok(i).to_lowercase());
            }
        }
        c
    }

    /// A line where every content word is capitalised (and which has at least
    /// one), or which is written all in capitals.
    fn is_headline(&self, r: std::ops::Range<usize>) -> bool {
        let mut content = 0;
        for i in r {
            if self.doc.tokens[i].kind != TokenKind::Word {
                continue;
            }
            let w = self.doc.tok(i);
            if self.is_cap(i) {
                content += 1;
            } else if !MINOR.contains(&w) && !w.chars().next().is_some_and(|c| !c.is_alphabetic()) {
                return false;
            }
        }
        content >= 1
    }

    /// Marks stretches of six or more words, at least four capitalised and
    /// two minor words such as "in" or "as", all other words minor.
    fn mark_titled_spans(&mut self) {
        let n = self.n();
        let mut i = 0;
        while i < n {
            if !self.is_cap(i) {
                i += 1;
                continue;
            }
            let para = self.doc.tokens[i].para;
            let (mut j, mut caps, mut minor, mut words) = (i, 0, 0, 0);
            while j < n && self.doc.tokens[j].para == para {
                let w = self.tok(j);
                if self.is_cap(j) {
                    caps += 1;
                } else if self.is_word(j) && MINOR.contains(&w) {
                    minor += SPAN_MINOR.contains(&w) as usize;
                } else if !(w == "-" && self.glued(j)) {
                    break;
                }
                words += self.is_word(j) as usize;
                j += 1;
            }
            if caps >= 4 && minor >= 2 && words >= 6 {
                for k in i..j {
                    self.titled_span[k] = true;
                }
            }
            i = j.max(i + 1);
        }
    }

    /// Whether `w` is written capitalised mid-sentence somewhere in the body
    /// (any apostrophe).
    pub fn seen_mid(&self, w: &str) -> bool {
        if w.contains('’') {
            self.cap_mid.contains(&w.replace('’', "'"))
        } else {
            self.cap_mid.contains(w)
        }
    }

    pub fn n(&self) -> usize {
        self.doc.tokens.len()
    }

    pub fn tok(&self, i: usize) -> &'a str {
        self.doc.tok(i)
    }

    pub fn is_word(&self, i: usize) -> bool {
        i < self.n() && self.doc.tokens[i].kind == TokenKind::Word
    }

    /// A word starting with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.tok(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A word of two or more letters, all capitals ("IDF", "U.S.", "M5S").
    pub fn is_allcaps(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.base(i);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    }

    /// The word without a possessive ’s / 's.
    pub fn base(&self, i: usize) -> &'a str {
        let w = self.tok(i);
        w.strip_suffix("’s")
            .or_else(|| w.strip_suffix("'s"))
            .filter(|b| !b.is_empty())
            .unwrap_or(w)
    }

    /// The word ends in a possessive ’s / 's.
    pub fn poss(&self, i: usize) -> bool {
        self.base(i).len() != self.tok(i).len()
    }

    /// Tokens `a..b` and `b` directly adjoin (no space between them).
    pub fn glued(&self, b: usize) -> bool {
        b < self.n()
            && !self.doc.tokens[b].space_before
            && b > 0
            && self.doc.tokens[b].para == self.doc.tokens[b - 1].para
    }

    /// The surface of tokens `a..b` with single spaces, the last token
    /// without its possessive.
    pub fn surface(&self, a: usize, b: usize) -> String {
        let mut s = String::new();
        for i in a..b {
            if i > a && self.doc.tokens[i].space_before {
                s.push(' ');
            }
            s.push_str(if i + 1 == b {
                self.base(i)
            } else {
                self.tok(i)
            });
        }
        s
    }

    /// The longest lexicon entry starting at token `i`, within its line:
    /// (end token, entry). Inner tokens may not be possessive.
    pub fn lookup(&self, i: usize) -> Option<(usize, Entry)> {
        if !self.is_word(i) {
            return None;
        }
        let para = self.doc.tokens[i].para;
        let mut best = None;
        let mut b = i;
        while b < self.n() && b - i < self.lex.max_tokens && self.doc.tokens[b].para == para {
            if b > i && self.poss(b - 1) {
                break;
            }
            b += 1;
            if !self.is_word(b - 1) && !matches!(self.tok(b - 1), "." | "-" | "," | "&" | "'" | "’")
            {
                break;
            }
            // Entries end on a word, followed by a word boundary.
            if self.is_word(b - 1) || self.tok(b - 1) == "." {
                if let Some(e) = self.lex.get(&self.surface(i, b)) {
                    best = Some((b, e));
                }
            }
        }
        // An entry cut off inside a hyphenated word ("Georgia-Pacific") only
        // counts where the rest is a known name too ("Israel-Hamas").
        if let Some((b, _)) = best {
            if b + 1 < self.n()
                && self.tok(b) == "-"
                && self.glued(b)
                && self.glued(b + 1)
                && self.is_word(b + 1)
            {
                let rest_known = self
                    .lex
                    .get(self.base(b + 1))
                    .is_some_and(|e| e != Entry::Title)
                    || self.lookup_simple(b + 1);
                if !rest_known && self.is_cap(b + 1) {
                    return None;
                }
            }
        }
        best
    }

    fn lookup_simple(&self, i: usize) -> bool {
        let para = self.doc.tokens[i].para;
        let mut b = i;
        while b < self.n() && b - i < 4 && self.doc.tokens[b].para == para {
            b += 1;
            if self
                .lex
                .get(&self.surface(i, b))
                .is_some_and(|e| e != Entry::Title)
            {
                return true;
            }
        }
        false
    }
}
