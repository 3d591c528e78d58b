//! Tokens, sentences and paragraphs: the one pass over the raw text that every
//! layer of the engine reads from.
//!
//! Offsets are UTF-8 byte offsets into the original text. No token ever
//! crosses a newline: a newline always ends a paragraph, because the DOM layer
//! turns every block boundary into one, and sentences must never run across
//! blocks.

/// What kind of run of characters a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits after a letter), with inner apostrophes and
    /// periods of initialisms: `Hamas’s`, `don't`, `U.S.`, `COVID`.
    Word,
    /// Digits with inner separators, starting with a digit: `40`, `2.5`,
    /// `1,000`. Letters stuck to it (`bn`, `th`) are a separate word token.
    Number,
    /// Any other single visible character: punctuation, quote marks,
    /// currency and other symbols.
    Punct,
}

/// A token: a maximal run of one kind, on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token's first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// What run of characters it is.
    pub kind: TokenKind,
    /// Whitespace stands between this token and the previous one.
    pub space_before: bool,
    /// Index of the paragraph (line) this token is in.
    pub para: usize,
    /// Index of the sentence this token is in (set by [`Doc::new`]).
    pub sent: usize,
    /// The token opens its sentence, past opening quote marks and brackets
    /// (`“We` counts as sentence-initial; set by [`Doc::new`]).
    pub initial: bool,
    /// Where the token's lower-case form lies in [`Doc::lower_text`] (set by
    /// [`Doc::new`]).
    pub lo: usize,
    /// End of that form (see `lo`).
    pub hi: usize,
}

impl Token {
    /// The token's text in `text`, the text it was read from.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// The token's runs of letters and of ASCII digits, as byte spans with
    /// whether each is digits: the tokenizer keeps digits after letters
    /// inside a word (`G7`, `US55`), which is right for names, while the
    /// figures layer reads `US55` as `US` + `55`. A token that is not a word
    /// with a digit is one run (`false`).
    pub fn letter_digit_runs(&self, text: &str) -> Runs {
        let w = self.text(text);
        if self.kind != TokenKind::Word || !w.bytes().any(|b| b.is_ascii_digit()) {
            return Runs::One(Some((self.start, self.end, false)));
        }
        let mut runs = Vec::new();
        let mut run_start = self.start;
        let mut run_digit = None::<bool>;
        for (o, c) in w.char_indices() {
            let d = c.is_ascii_digit();
            if let Some(prev) = run_digit.filter(|&p| p != d) {
                runs.push((run_start, self.start + o, prev));
                run_start = self.start + o;
            }
            run_digit = Some(d);
        }
        runs.push((run_start, self.end, run_digit == Some(true)));
        Runs::Many(runs.into_iter())
    }
}

/// The runs of [`Token::letter_digit_runs`]: no allocation for the token
/// that is one run (nearly all).
pub enum Runs {
    /// The whole token, once.
    One(Option<(usize, usize, bool)>),
    /// Several runs of letters and digits.
    Many(std::vec::IntoIter<(usize, usize, bool)>),
}

impl Iterator for Runs {
    type Item = (usize, usize, bool);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Runs::One(r) => r.take(),
            Runs::Many(it) => it.next(),
        }
    }
}

/// A tokenised text with its sentence and paragraph boundaries.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The text read.
    pub text: &'a str,
    /// Its tokens, in text order.
    pub tokens: Vec<Token>,
    /// Sentences as half-open ranges of token indices.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// Paragraphs (non-empty lines) as half-open ranges of token indices.
    pub paragraphs: Vec<std::ops::Range<usize>>,
    /// The text lowercased in ASCII (so an ASCII token's lower-case form lies
    /// where the token does), then the lower-case forms of the other tokens:
    /// one buffer for every layer instead of a `String` per token.
    lower: String,
}

impl<'a> Doc<'a> {
    /// Reads `text` in one pass: tokens, paragraphs, sentences, lower-case
    /// forms.
    pub fn new(text: &'a str) -> Doc<'a> {
        let mut tokens = tokenize(text);
        let paragraphs = paragraphs(&tokens);
        let sentences = sentences(text, &tokens, &paragraphs);
        mark_sentences(text, &mut tokens, &sentences);
        let lower = lower_forms(text, &mut tokens);
        Doc {
            text,
            tokens,
            sentences,
            paragraphs,
            lower,
        }
    }

    /// The lower-case form of token `i` (`str::to_lowercase` of its text),
    /// or "" out of range.
    pub fn lower(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| &self.lower[t.lo..t.hi])
    }

    /// The buffer [`Token::lo`] and [`Token::hi`] index: the text lowercased
    /// in ASCII, then the lower-case forms of non-ASCII tokens.
    pub fn lower_text(&self) -> &str {
        &self.lower
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The index of the token holding byte `at`, or of the first token after
    /// it, clamped to the last token (0 for a text without tokens): where a
    /// quote's or a name's byte offset falls among the tokens.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens
            .partition_point(|t| t.end <= at)
            .min(self.tokens.len().saturating_sub(1))
    }

    /// Index of the sentence containing token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.tokens.get(i).map_or(self.sentences.len(), |t| t.sent)
    }

    /// Token `i` exists and is a word.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The first character of token `i` if it is a word.
    #[inline]
    pub fn first_char(&self, i: usize) -> Option<char> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        match self.text.as_bytes().get(t.start) {
            Some(&b) if b < 0x80 => Some(b as char),
            _ => self.text.get(t.start..t.end)?.chars().next(),
        }
    }

    /// Token `i` is a word starting with a capital letter.
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.first_char(i).is_some_and(char::is_uppercase)
    }

    /// Token `i` is a word starting with a lower-case letter.
    #[inline]
    pub fn is_lower(&self, i: usize) -> bool {
        self.first_char(i).is_some_and(char::is_lowercase)
    }

    /// Tokens `a` and `b` exist and are on one line (paragraph).
    pub fn same_para(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => x.para == y.para,
            _ => false,
        }
    }

    /// Whether token `i` opens its sentence, looking past opening quote marks
    /// and brackets (so `“We` counts as sentence-initial).
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.initial)
    }

    /// Whether token `i` is a name's initial: one capital letter and its
    /// full stop, as one token or two ("A. Dale"). The tokenizer leaves the
    /// stop to the sentence splitter after a short letter ("Plan A."), so
    /// the two-token form is the common one.
    pub fn is_name_initial(&self, i: usize) -> bool {
        let Some(w) = self.tokens.get(i).map(|t| t.text(self.text)) else {
            return false;
        };
        if let Some(letter) = w.strip_suffix('.') {
            return is_capital_letter(letter);
        }
        is_capital_letter(w)
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.text(self.text) == ".")
    }
}

/// Whether `w` is one capital letter ("A", "Ö"): an initial when a full
/// stop follows. The one reading of a lone capital for every layer.
pub fn is_capital_letter(w: &str) -> bool {
    let mut ch = w.chars();
    ch.next().is_some_and(char::is_uppercase) && ch.as_str().is_empty()
}

/// The possessive endings, in the two apostrophes news text writes: the one
/// list every layer reads a possessive by.
const POSSESSIVES: [&str; 2] = ["’s", "'s"];

/// Whether `w` ends in a possessive ’s / 's, even with nothing before it:
/// the figures layer splits "F1’s" into "F", "1" and "’s", and that last
/// token ends in a possessive too (where [`possessive_base`] has no base).
pub fn ends_possessive(w: &str) -> bool {
    POSSESSIVES.iter().any(|p| w.ends_with(p))
}

/// A word less its possessive ’s / 's ("Hamas’s" → "Hamas"), if it has one
/// and something is left: the one reading of a possessive for every layer.
pub fn possessive_base(w: &str) -> Option<&str> {
    POSSESSIVES
        .iter()
        .find_map(|p| w.strip_suffix(p))
        .filter(|b| !b.is_empty())
}

/// A word without its possessive ’s / 's, if it has one.
pub fn strip_possessive(w: &str) -> &str {
    possessive_base(w).unwrap_or(w)
}

/// Lowercases every token once: the text in ASCII, which keeps byte
/// offsets, then each token with a non-ASCII letter that lowercasing
/// changes, in full after it.
fn lower_forms(text: &str, tokens: &mut [Token]) -> String {
    let mut lower = text.to_ascii_lowercase();
    for t in tokens {
        let w = &text[t.start..t.end];
        // Where lowercasing leaves every non-ASCII character as it is
        // (punctuation, “quotes”, lower-case letters), the ASCII-lowered
        // text already holds the token's lower-case form.
        let in_place = w.is_ascii() || w.chars().all(|c| c.is_ascii() || c.to_lowercase().eq([c]));
        if in_place {
            (t.lo, t.hi) = (t.start, t.end);
        } else {
            t.lo = lower.len();
            lower.push_str(&w.to_lowercase());
            t.hi = lower.len();
        }
    }
    lower
}

/// Sets every token's sentence and sentence-initial flag, in one pass, so
/// that no layer rescans a sentence to ask. A token no sentence holds (none
/// does today) counts as the next sentence's and as initial.
fn mark_sentences(text: &str, tokens: &mut [Token], sentences: &[std::ops::Range<usize>]) {
    let mut next = 0; // the first sentence that ends after the token
    let mut opening = true; // every token so far in the sentence is an opening mark
    for (i, t) in tokens.iter_mut().enumerate() {
        while next < sentences.len() && sentences[next].end <= i {
            next += 1;
        }
        let inside = sentences.get(next).is_some_and(|s| s.start <= i);
        if inside && sentences[next].start == i {
            opening = true;
        }
        t.sent = next;
        t.initial = !inside || opening;
        if inside {
            opening &= t.kind == TokenKind::Punct && is_opening_punct(t.text(text));
        }
    }
}

/// Marks that may stand before the first word of a sentence.
fn is_opening_punct(s: &str) -> bool {
    matches!(
        s,
        "“" | "\""
            | "‘"
            | "'"
            | "«"
            | "‹"
            | "„"
            | "‚"
            | "「"
            | "("
            | "["
            | "—"
            | "–"
            | "-"
            | "•"
            | "*"
    )
}

/// Apostrophes that may stand inside a word.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Splits `text` into tokens. Runs in one pass, never panics.
///
/// ASCII bytes (most of any English article) are classified directly; other
/// characters are decoded one at a time.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut para = 0usize;
    let mut space_before = false;
    let mut line_has_tokens = false;
    let mut i = 0;
    while i < bytes.len() {
        let (c, width) = char_at(text, i);
        if c == '\n' {
            if line_has_tokens {
                para += 1;
                line_has_tokens = false;
            }
            space_before = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            space_before = true;
            i += width;
            continue;
        }
        let (end, kind) = if c.is_ascii_digit() {
            (scan_number(bytes, i, width), TokenKind::Number)
        } else if c.is_alphabetic() {
            (scan_word(text, i), TokenKind::Word)
        } else {
            (i + width, TokenKind::Punct)
        };
        tokens.push(Token {
            start: i,
            end,
            kind,
            space_before,
            para,
            sent: 0,
            initial: false,
            lo: 0,
            hi: 0,
        });
        line_has_tokens = true;
        space_before = false;
        i = end;
    }
    tokens
}

/// The character starting at byte `i` and its width, ASCII without decoding.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (b as char, 1),
        _ => decode(text, i),
    }
}

/// Decodes the (non-ASCII) character starting at byte `i`.
#[inline]
fn decode(text: &str, i: usize) -> (char, usize) {
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}

/// Zero-width characters that pages sprinkle in text (soft hyphens,
/// zero-width spaces and joiners, BOM): treated as space between tokens.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Scans a word starting at `start`: letters, digits and combining marks, with
/// inner apostrophes (`don't`, `Hamas’s`) and the periods of initialisms
/// (`U.S.`, `D.C.`).
fn scan_word(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut i = start;
    let mut initialism = true; // single letters separated by periods so far
    let mut letters_since_dot = 0;
    while i < bytes.len() {
        let (c, width) = char_at(text, i);
        if c.is_alphanumeric() || is_mark(c) {
            i += width;
            end = i;
            letters_since_dot += 1;
            if letters_since_dot > 1 {
                initialism = false;
            }
            continue;
        }
        let next = bytes.get(i + width).map(|&nb| {
            if nb < 0x80 {
                nb as char
            } else {
                decode(text, i + width).0
            }
        });
        if is_apostrophe(c) && next.is_some_and(|n| n.is_alphabetic()) {
            i += width;
            end = i;
            initialism = false;
            continue;
        }
        if c == '.' && initialism && letters_since_dot == 1 {
            // "U.S." / "D.C." / "U.S": take the period; continue only into a
            // further single letter.
            i += 1;
            end = i;
            letters_since_dot = 0;
            match next {
                Some(n) if n.is_alphabetic() => continue,
                _ => break,
            }
        }
        break;
    }
    // A lone "A." is an initial, but leave the period to the sentence splitter
    // when only one letter was taken: "Plan A." ends a sentence.
    let word = &text[start..end];
    if word.len() <= 3 && word.ends_with('.') && word.matches('.').count() == 1 {
        end -= 1;
    }
    end
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Scans a number starting at `start`: ASCII digits with `,` or `.` between
/// digit groups (`1,000`, `2.5`). A non-ASCII digit (`width` bytes) is a
/// token of its own.
fn scan_number(bytes: &[u8], start: usize, width: usize) -> usize {
    if width > 1 {
        return start + width;
    }
    let mut end = start;
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            i += 1;
            end = i;
        } else if (b == b',' || b == b'.')
            && i + 1 < bytes.len()
            && bytes[i + 1].is_ascii_digit()
            && i > start
        {
            i += 1;
        } else {
            break;
        }
    }
    end.max(start + 1)
}

fn paragraphs(tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut s = 0;
    for i in 1..=tokens.len() {
        if i == tokens.len() || tokens[i].para != tokens[i - 1].para {
            out.push(s..i);
            s = i;
        }
    }
    out
}

/// Whether a period after `word` does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    crate::lexicon::Class::Abbrev.contains(word)
}

/// Closing marks that may follow a sentence-final period and stay in the
/// sentence: `.”` `.)`.
fn is_closing_punct(s: &str) -> bool {
    matches!(
        s,
        "”" | "\"" | "’" | "'" | "»" | "›" | "“" | "」" | ")" | "]"
    )
}

fn sentences(
    text: &str,
    tokens: &[Token],
    paragraphs: &[std::ops::Range<usize>],
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for p in paragraphs {
        let mut s = p.start;
        let mut i = p.start;
        while i < p.end {
            let t = tokens[i];
            let tx = t.text(text);
            let terminal = t.kind == TokenKind::Punct && matches!(tx, "." | "!" | "?" | "…");
            if terminal && i > s {
                // Take following closing marks and repeated terminals.
                let mut j = i + 1;
                while j < p.end
                    && !tokens[j].space_before
                    && tokens[j].kind == TokenKind::Punct
                    && (is_closing_punct(tokens[j].text(text))
                        || matches!(tokens[j].text(text), "." | "!" | "?"))
                {
                    j += 1;
                }
                let prev = tokens[i - 1];
                let prev_tx = prev.text(text);
                let abbrev = tx == "."
                    && !t.space_before
                    && prev.kind == TokenKind::Word
                    && (is_abbreviation(prev_tx)
                        || prev_tx.chars().count() == 1
                            && prev_tx.chars().all(|c| c.is_uppercase()));
                let next_ok = j >= p.end || {
                    let n = tokens[j];
                    let ntx = n.text(text);
                    let first = ntx.chars().next().unwrap_or(' ');
                    n.space_before
                        && (first.is_uppercase()
                            || first.is_numeric()
                            || n.kind == TokenKind::Punct)
                };
                if next_ok && (!abbrev || j >= p.end) {
                    out.push(s..j);
                    s = j;
                    i = j;
                    continue;
                }
                // An initialism ending the sentence ("in the U.S. The ...").
                if tx == "." && next_ok && abbrev {
                    // keep together: abbreviations rarely end sentences
                }
            }
            i += 1;
        }
        if s < p.end {
            out.push(s..p.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn token_facts_are_set_once() {
        let doc = Doc::new("“We won,” said ÉLYSÉE Aides. US55 rose.");
        let lows: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.lower(i)).collect();
        for (i, l) in lows.iter().enumerate() {
            assert_eq!(*l, doc.tok(i).to_lowercase());
        }
        assert!(lows.contains(&"élysée"));
        let initial: Vec<&str> = (0..doc.tokens.len())
            .filter(|&i| doc.is_sentence_initial(i))
            .map(|i| doc.tok(i))
            .collect();
        assert_eq!(initial, vec!["“", "We", "US55"]);
        let last = doc.tokens.len() - 1;
        assert_eq!(doc.sentence_of(0), 0);
        assert_eq!(doc.sentence_of(last), 1);
        assert_eq!(doc.sentence_of(last + 1), doc.sentences.len());
        assert_eq!(doc.lower(last + 1), "");
        // US55: a letter run and a digit run; "rose" one run.
        let us = doc
            .tokens
            .iter()
            .position(|t| t.text(doc.text) == "US55")
            .unwrap();
        let runs: Vec<(&str, bool)> = doc.tokens[us]
            .letter_digit_runs(doc.text)
            .map(|(s, e, d)| (&doc.text[s..e], d))
            .collect();
        assert_eq!(runs, vec![("US", false), ("55", true)]);
        assert_eq!(doc.tokens[us + 1].letter_digit_runs(doc.text).count(), 1);
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(
            words("Hamas’s 1,000 troops, $2.5bn."),
            vec!["Hamas’s", "1,000", "troops", ",", "$", "2.5", "bn", "."]
        );
        assert_eq!(
            words("six-week U.S. don't"),
            vec!["six", "-", "week", "U.S.", "don't"]
        );
        assert_eq!(
            words("“Hi,” he said."),
            vec!["“", "Hi", ",", "”", "he", "said", "."]
        );
    }

    #[test]
    fn apostrophe_at_word_edge_is_punct() {
        assert_eq!(
            words("’90s rock ’n’ roll"),
            vec!["’", "90", "s", "rock", "’", "n", "’", "roll"]
        );
    }

    #[test]
    fn plan_a_keeps_its_period_for_the_sentence() {
        assert_eq!(words("Plan A."), vec!["Plan", "A", "."]);
    }

    #[test]
    fn sentences_split_on_terminals_not_abbreviations() {
        let t = "Mr. Smith went to Washington. He said “Hello.” Then Dr. Jones left!\nNew line";
        let d = Doc::new(t);
        let s: Vec<&str> = d
            .sentences
            .iter()
            .map(|r| &t[d.tokens[r.start].start..d.tokens[r.end - 1].end])
            .collect();
        assert_eq!(
            s,
            vec![
                "Mr. Smith went to Washington.",
                "He said “Hello.”",
                "Then Dr. Jones left!",
                "New line"
            ]
        );
    }

    #[test]
    fn paragraphs_are_lines() {
        let d = Doc::new("One two.\n\nThree.\nFour");
        assert_eq!(d.paragraphs.len(), 3);
        assert_eq!(d.tokens.last().unwrap().para, 2);
    }

    #[test]
    fn sentence_initial_looks_past_quote_marks() {
        let t = "He left. “We won,” she said.";
        let d = Doc::new(t);
        let we = d.tokens.iter().position(|x| x.text(t) == "We").unwrap();
        let she = d.tokens.iter().position(|x| x.text(t) == "she").unwrap();
        assert!(d.is_sentence_initial(we));
        assert!(!d.is_sentence_initial(she));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "\n\n",
            "...",
            "“",
            "a\u{301}\u{301}",
            "😀😀 1.2.3,4",
            "\u{FEFF}x",
            "1.",
        ] {
            let d = Doc::new(t);
            for tok in &d.tokens {
                assert!(tok.start < tok.end && tok.end <= t.len());
            }
        }
    }
}
