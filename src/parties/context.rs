//! Per-document facts the parties rules read: which tokens are capitalised
//! words, which lines are headlines, which words the document also uses in
//! lower case or capitalised mid-sentence.

use crate::lexicon::Class;
use std::borrow::Cow;

use super::lex::{lex, lower_cow, Entry, Lex};
use crate::lexicon::FastSet;
use crate::text::{Doc, TokenKind};

const WORD: u8 = 1;
const CAP: u8 = 2;
const ALLCAPS: u8 = 4;

/// What the rules ask of every token, worked out once.
#[derive(Clone, Copy, Default)]
struct Info {
    /// `WORD`, `CAP`, `ALLCAPS`.
    flags: u8,
    /// Bytes of a possessive ’s / 's at the end.
    poss: u8,
    /// Lexicon classes (`s::*` bits) of the word without possessive, as
    /// written and lowercased.
    cls: u64,
    lcls: u64,
}

impl Info {
    /// What the rules ask of token `k` of `doc` (written `w`): its flags,
    /// possessive and lexicon classes, looked up in `lx` once so that each
    /// rule's question is a bit test.
    fn of(lx: &Lex, doc: &Doc, k: usize, w: &str) -> Info {
        let mut x = Info::default();
        let base = crate::text::strip_possessive(w);
        x.poss = (w.len() - base.len()) as u8;
        if doc.tokens[k].kind == TokenKind::Word {
            x.flags = WORD;
            let first = w.chars().next().unwrap_or(' ');
            if first.is_uppercase() {
                x.flags |= CAP;
            }
            if !first.is_lowercase()
                && base.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && base.chars().all(|c| !c.is_lowercase())
            {
                x.flags |= ALLCAPS;
            }
        }
        x.cls = lx.class(base);
        // The document's lower-case form, less the possessive (an ASCII
        // word's: lowercasing a non-ASCII one may depend on what follows,
        // as a final sigma does).
        x.lcls = if w.is_ascii() || x.poss == 0 {
            let low = doc.lower(k);
            let low = &low[..low.len() - x.poss as usize];
            // A word already in lower case has the classes just found.
            if low == base {
                x.cls
            } else {
                lx.class(low)
            }
        } else {
            lx.class(&lower_cow(base))
        };
        x
    }
}

/// The rules that fired, as token spans and rule names ([`Ctx::note`]).
pub type Trace = std::cell::RefCell<Vec<(usize, usize, super::Rule)>>;

/// A document with the token facts the parties rules need.
pub struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub lex: &'static Lex,
    /// Token opens a sentence, a line, a quotation or follows a colon.
    pub initial: Vec<bool>,
    /// Paragraph is a headline-like line: every content word capitalised.
    pub headline: Vec<bool>,
    /// Bases of words seen capitalised, not sentence-initial, in body text.
    cap_mid: FastSet<Cow<'a, str>>,
    /// Lowercased sentence-initial capitalised words, and those of them the
    /// document also writes in lower case.
    wanted: FastSet<Cow<'a, str>>,
    lower_seen: FastSet<Cow<'a, str>>,
    /// Token is part of a title ("Prime Minister", "Secretary of State").
    pub title_tok: Vec<bool>,
    /// Token is in a run the rules know is no party ("Air Force One", "in
    /// May", "Image:"): the tagger's names over it are dropped.
    veto: Vec<std::cell::Cell<bool>>,
    /// Token is inside a title-case stretch of a body line ("Israel-Hamas
    /// Talks Resume in Qatar as Fighting Rages"): a headline quoted in text.
    pub titled_span: Vec<bool>,
    info: Vec<Info>,
    /// The text of every token.
    toks: Vec<&'a str>,
    /// When explaining ([`super::explain`]): every rule that took, dropped,
    /// joined or typed a token span, in the order they fired.
    pub trace: Option<Trace>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>) -> Self {
        let n = doc.tokens.len();
        let lx = lex();
        let toks: Vec<&'a str> = doc.tokens.iter().map(|t| t.text(doc.text)).collect();
        let info = (0..n).map(|k| Info::of(lx, doc, k, toks[k])).collect();
        let mut c = Ctx {
            doc,
            lex: lx,
            initial: vec![false; n],
            headline: vec![false; doc.paragraphs.len()],
            cap_mid: FastSet::with_capacity_and_hasher(n / 16, Default::default()),
            wanted: FastSet::default(),
            lower_seen: FastSet::default(),
            title_tok: vec![false; n],
            veto: vec![std::cell::Cell::new(false); n],
            titled_span: vec![false; n],
            info,
            toks,
            trace: None,
        };
        c.mark_initials();
        for (p, r) in doc.paragraphs.iter().enumerate() {
            c.headline[p] = c.is_headline(r.clone());
        }
        c.mark_titled_spans();
        c.note_case_evidence();
        c
    }

    /// Marks the tokens a capital does not make a name of: the first word
    /// of each sentence, past opening marks (one pass, where
    /// `Doc::is_sentence_initial` would rescan each sentence), and every
    /// token that opens a line or follows a colon, an opening quote or
    /// bracket, a dash, a bar, a bullet or a semicolon.
    fn mark_initials(&mut self) {
        let doc = self.doc;
        for s in &doc.sentences {
            let mut j = s.start;
            while j < s.end && doc.tokens[j].kind == TokenKind::Punct {
                self.initial[j] = true;
                j += 1;
            }
            if j < s.end {
                self.initial[j] = true;
            }
        }
        for i in 0..self.n() {
            // (Only punctuation tokens can be one of these marks.)
            let prev = if i == 0 || doc.tokens[i - 1].para != doc.tokens[i].para {
                None
            } else if doc.tokens[i - 1].kind != TokenKind::Punct {
                Some("")
            } else {
                Some(self.toks[i - 1])
            };
            self.initial[i] |= matches!(
                prev,
                None | Some(":" | "“" | "\"" | "‘" | "(" | "[" | "—" | "–" | "|" | "•" | ";")
            );
        }
    }

    /// Gathers what the document says of its words' case, for
    /// [`Ctx::seen_mid`] and [`Ctx::seen_lower`]: the words written
    /// capitalised mid-sentence in body text, and which capitalised
    /// sentence-initial words it also writes in lower case. Needs the
    /// initials, headlines and titled spans marked first.
    fn note_case_evidence(&mut self) {
        let n = self.n();
        for i in 0..n {
            if self.initial[i] && self.is_cap(i) {
                self.wanted.insert(lower_cow(self.base(i)));
            }
        }
        for i in 0..n {
            let t = self.doc.tokens[i];
            if t.kind != TokenKind::Word {
                continue;
            }
            if self.is_cap(i) {
                if !self.initial[i] && !self.headline[t.para] && !self.titled_span[i] {
                    let w = self.base(i);
                    self.cap_mid.insert(if w.contains('’') {
                        Cow::Owned(w.replace('’', "'"))
                    } else {
                        Cow::Borrowed(w)
                    });
                }
            } else {
                let l = lower_cow(self.toks[i]);
                if self.wanted.contains(l.as_ref()) {
                    self.lower_seen.insert(l);
                }
            }
        }
    }

    /// A line where every content word is capitalised (and which has at least
    /// one), or which is written all in capitals.
    fn is_headline(&self, r: std::ops::Range<usize>) -> bool {
        let mut content = 0;
        for i in r {
            if self.doc.tokens[i].kind != TokenKind::Word {
                continue;
            }
            let w = self.toks[i];
            if self.is_cap(i) {
                content += 1;
            } else if !Class::HeadlineMinor.contains(w)
                && w.chars().next().is_none_or(|c| c.is_alphabetic())
            {
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
                } else if self.is_word(j) && Class::HeadlineMinor.contains(w) {
                    minor += Class::SpanMinor.contains(w) as usize;
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
            self.cap_mid.contains(w.replace('’', "'").as_str())
        } else {
            self.cap_mid.contains(w)
        }
    }

    /// Whether the document writes `w` in lower case somewhere.
    pub fn seen_lower(&self, w: &str) -> bool {
        let l = lower_cow(w);
        if self.wanted.contains(l.as_ref()) {
            return self.lower_seen.contains(l.as_ref());
        }
        (0..self.n()).any(|k| self.is_word(k) && !self.is_cap(k) && lower_cow(self.tok(k)) == l)
    }

    /// Marks tokens `a..b` as a run the rules know is no party: the
    /// tagger's names over it are dropped. Set while detecting, through a
    /// shared borrow like [`Ctx::note`].
    pub fn veto_span(&self, a: usize, b: usize) {
        for v in &self.veto[a.min(self.veto.len())..b.min(self.veto.len())] {
            v.set(true);
        }
    }

    /// Whether token `t` is in a vetoed run ([`Ctx::veto_span`]).
    pub fn vetoed(&self, t: usize) -> bool {
        self.veto.get(t).is_some_and(|v| v.get())
    }

    /// Notes that `rule` fired on tokens `a..b` (when explaining).
    pub fn note(&self, a: usize, b: usize, rule: super::Rule) {
        if let Some(t) = &self.trace {
            t.borrow_mut().push((a, b, rule));
        }
    }

    pub fn n(&self) -> usize {
        self.doc.tokens.len()
    }

    pub fn tok(&self, i: usize) -> &'a str {
        self.toks[i]
    }

    fn flag(&self, i: usize, f: u8) -> bool {
        self.info.get(i).is_some_and(|x| x.flags & f != 0)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.flag(i, WORD)
    }

    /// A word starting with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.flag(i, CAP)
    }

    /// A word of two or more letters, all capitals ("IDF", "U.S.", "M5S").
    pub fn is_allcaps(&self, i: usize) -> bool {
        self.flag(i, ALLCAPS)
    }

    /// The word without a possessive ’s / 's.
    pub fn base(&self, i: usize) -> &'a str {
        let w = self.tok(i);
        &w[..w.len() - self.info[i].poss as usize]
    }

    /// The word ends in a possessive ’s / 's.
    pub fn poss(&self, i: usize) -> bool {
        self.info[i].poss != 0
    }

    /// Lexicon classes of token `i` as written.
    pub fn cls_tok(&self, i: usize) -> u64 {
        let x = self.info[i];
        if x.poss == 0 {
            x.cls
        } else {
            self.lex.class(self.tok(i))
        }
    }

    /// Whether a class in `bits` lists token `i` without its possessive.
    pub fn has_base(&self, i: usize, bits: u64) -> bool {
        self.info[i].cls & bits != 0
    }

    /// Whether a class in `bits` lists token `i` as written.
    pub fn has_tok(&self, i: usize, bits: u64) -> bool {
        self.cls_tok(i) & bits != 0
    }

    /// Whether a class in `bits` lists token `i` without its possessive,
    /// lowercased.
    pub fn has_lower_base(&self, i: usize, bits: u64) -> bool {
        self.info[i].lcls & bits != 0
    }

    /// Whether a class in `bits` lists token `i` lowercased.
    pub fn has_lower_tok(&self, i: usize, bits: u64) -> bool {
        let x = self.info[i];
        let cls = if x.poss == 0 {
            x.lcls
        } else {
            self.lex.class_lower(self.tok(i))
        };
        cls & bits != 0
    }

    /// Tokens `a..b` and `b` directly adjoin (no space between them).
    pub fn glued(&self, b: usize) -> bool {
        b < self.n()
            && !self.doc.tokens[b].space_before
            && b > 0
            && self.doc.tokens[b].para == self.doc.tokens[b - 1].para
    }

    /// Tokens `a..b` (`a < b`) joined with single spaces where the text has
    /// space, borrowed from the text when it is written that way.
    fn joined(&self, a: usize, b: usize) -> Cow<'a, str> {
        let (t, text) = (&self.doc.tokens, self.doc.text);
        if (a + 1..b).all(|k| !t[k].space_before || &text[t[k - 1].end..t[k].start] == " ") {
            return Cow::Borrowed(&text[t[a].start..t[b - 1].end]);
        }
        let mut s = String::new();
        for (k, tok) in t.iter().enumerate().take(b).skip(a) {
            if k > a && tok.space_before {
                s.push(' ');
            }
            s.push_str(self.tok(k));
        }
        Cow::Owned(s)
    }

    /// Bytes of the possessive ’s / 's ending token `i`, if any.
    fn poss_len(&self, i: usize) -> usize {
        self.info[i].poss as usize
    }

    /// The surface of tokens `a..b` with single spaces, the last token
    /// without its possessive.
    pub fn surface(&self, a: usize, b: usize) -> String {
        if a >= b {
            return String::new();
        }
        let j = self.joined(a, b);
        j[..j.len() - self.poss_len(b - 1)].to_string()
    }

    /// The lexicon entry for the surface of `i..b`, and whether a longer
    /// span from `i` may still name one.
    fn entry_at(&self, i: usize, b: usize) -> (Option<Entry>, bool) {
        let full = self.joined(i, b);
        let surface = &full[..full.len() - self.poss_len(b - 1)];
        self.lex.get_prefix(surface, &full)
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
            let (e, more) = self.entry_at(i, b);
            // Entries end on a word, followed by a word boundary.
            if self.is_word(b - 1) || self.tok(b - 1) == "." {
                if let Some(e) = e {
                    best = Some((b, e));
                }
            }
            if !more {
                break;
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
            let (e, more) = self.entry_at(i, b);
            if e.is_some_and(|e| e != Entry::Title) {
                return true;
            }
            if !more {
                break;
            }
        }
        false
    }
}
