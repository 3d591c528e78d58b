//! Features of a token for the tagger: hashed sparse indicators.
//!
//! Every feature is a template id and a value (a word, a prefix, a shape, a
//! lexicon class) hashed together into one of the model's buckets. The
//! per-token facts (lower-case form, shape, lexicon classes, gazetteer
//! matches) are worked out once per document; a token's features are then
//! written into a caller's fixed buffer, so the hot loop allocates nothing.
//! Training and inference call this same code on the engine's own tokens.

use super::super::context::Ctx;
use super::super::lex::{s, Entry};
use super::clusters;

/// Tokens decoded on each side of a window seed (see
/// [`DocFeatures::windows`]).
pub const REACH: usize = 2;

/// Most features one token can have (the buffer size).
pub const MAX_FEATURES: usize = 96;

/// Lexicon classes that are features (of the token and its neighbours).
const CLASS_BITS: u64 = s::ORG_SUFFIX
    | s::ORG_PREFIX
    | s::PLACE_SUFFIX
    | s::PLACE_PREFIX
    | s::COMPASS
    | s::TITLE
    | s::ROLE_HEAD
    | s::SPORT
    | s::PLACE_NOUN
    | s::ORG_NOUN
    | s::PERSON_NOUN
    | s::STOP
    | s::EVENT_SUFFIX
    | s::NUMBER
    | s::GIVEN
    | s::COUNTRY
    | s::TITLE_LOWER;

/// Gazetteer match a token is part of: the lexicon entry's kind and whether
/// the token opens it.
#[derive(Clone, Copy, Default)]
struct Gaz(u8);

impl Gaz {
    fn new(e: Entry, first: bool) -> Gaz {
        let k = match e {
            Entry::Place(_) => 1,
            Entry::Org(_) => 2,
            Entry::Demonym(_) => 3,
            Entry::People => 4,
            Entry::Title => 5,
        };
        Gaz(k * 2 + first as u8)
    }
}

/// Per-token facts of one document, computed once.
pub struct DocFeatures {
    /// Hash of the lower-cased word (possessive dropped).
    lower: Vec<u64>,
    /// Hash of the word as written.
    exact: Vec<u64>,
    /// Hash of the collapsed shape ("Xx", "X.X.", "d,d").
    shape: Vec<u64>,
    /// Lower-cased word text, all tokens concatenated; `spans[i]` its range.
    text: String,
    spans: Vec<(u32, u32)>,
    cls: Vec<u32>,
    /// Word cluster ids (`clusters::UNKNOWN` for words the table lacks).
    clus: Vec<clusters::Ids>,
    gaz: Vec<Gaz>,
    /// [`INITIAL`], [`HEADLINE`], [`POSSESSIVE`], [`ALLCAPS`],
    /// [`LOWER_ELSEWHERE`], [`CAP`], [`SEED`].
    flags: Vec<u8>,
    /// Token index → position in its line (first token = 0).
    pos: Vec<u16>,
    /// End of each token's line (exclusive).
    line_end: Vec<u32>,
    line_start: Vec<u32>,
}

/// Flag: the token opens a sentence.
const INITIAL: u8 = 1;
/// Flag: the token is on a headline line.
const HEADLINE: u8 = 2;
/// Flag: the word ends in a possessive.
const POSSESSIVE: u8 = 4;
/// Flag: a word in capitals ("IDF").
const ALLCAPS: u8 = 8;
/// Flag: the lower-case form is written elsewhere in the document.
const LOWER_ELSEWHERE: u8 = 16;
/// Flag: a capitalised word.
const CAP: u8 = 32;
/// Flag: holds a capital letter somewhere or opens a lexicon name (a
/// window seed, see [`DocFeatures::windows`]).
const SEED: u8 = 64;

const H0: u64 = 0xcbf2_9ce4_8422_2325;
const K: u64 = 0x0100_0000_01b3;

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = H0;
    for &x in b {
        h = (h ^ x as u64).wrapping_mul(K);
    }
    h
}

fn shape_hash(w: &str) -> u64 {
    let mut h = H0;
    let mut last = '\0';
    let mut n = 0;
    for ch in w.chars() {
        let c = if ch.is_uppercase() {
            'X'
        } else if ch.is_lowercase() {
            'x'
        } else if ch.is_ascii_digit() {
            'd'
        } else if ch.is_alphabetic() {
            'a'
        } else {
            ch
        };
        if c != last {
            h = (h ^ c as u64).wrapping_mul(K);
            last = c;
        }
        n += 1;
    }
    mix(h, n.min(5))
}

/// Appends `w` lower-cased to `text`, with one apostrophe for all
/// ("O’Neill" = "O'Neill"), and returns the hash of `w` as written (its
/// apostrophes unified too). ASCII words, nearly all, take the short way:
/// no apostrophe to unify but '\'', one byte a letter.
fn push_forms(text: &mut String, w: &str) -> u64 {
    let start = text.len();
    if w.is_ascii() {
        text.push_str(w);
        let exact = hash_bytes(&text.as_bytes()[start..]);
        text[start..].make_ascii_lowercase();
        return exact;
    }
    for ch in w.chars() {
        let ch = if crate::text::is_apostrophe(ch) {
            '\''
        } else {
            ch
        };
        text.push(ch);
    }
    let exact = hash_bytes(&text.as_bytes()[start..]);
    text.truncate(start);
    for ch in w.chars() {
        if crate::text::is_apostrophe(ch) {
            text.push('\'');
        } else {
            text.extend(ch.to_lowercase());
        }
    }
    exact
}

/// The flags token `i` (written `w`, less its possessive) has on its own;
/// [`LOWER_ELSEWHERE`] and a lexicon name's [`SEED`] come from later passes.
fn token_flags(c: &Ctx, i: usize, w: &str) -> u8 {
    let mut fl = 0u8;
    if c.initial[i] {
        fl |= INITIAL;
    }
    if c.headline
        .get(c.doc.tokens[i].para)
        .copied()
        .unwrap_or(false)
    {
        fl |= HEADLINE;
    }
    if c.is_word(i) && c.poss(i) {
        fl |= POSSESSIVE;
    }
    if c.is_allcaps(i) {
        fl |= ALLCAPS;
    }
    if c.is_cap(i) {
        fl |= CAP;
    }
    if w.bytes().any(|b| b.is_ascii_uppercase())
        || !w.is_ascii() && w.chars().any(char::is_uppercase)
    {
        fl |= SEED;
    }
    fl
}

impl DocFeatures {
    pub fn new(c: &Ctx) -> DocFeatures {
        let mut f = DocFeatures::with_capacity(c);
        for i in 0..c.n() {
            f.push_token(c, i);
        }
        f.mark_lower_elsewhere(c);
        f.mark_lines(c);
        f.mark_gazetteer(c);
        f
    }

    /// Empty tables sized for `c`'s document: each is allocated once per
    /// document, so reading a token allocates nothing.
    fn with_capacity(c: &Ctx) -> DocFeatures {
        let n = c.n();
        DocFeatures {
            lower: Vec::with_capacity(n),
            exact: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            text: String::with_capacity(c.doc.text.len()),
            spans: Vec::with_capacity(n),
            cls: Vec::with_capacity(n),
            clus: Vec::with_capacity(n),
            gaz: vec![Gaz::default(); n],
            flags: Vec::with_capacity(n),
            pos: vec![0; n],
            line_end: vec![0; n],
            line_start: vec![0; n],
        }
    }

    /// Appends the facts of token `i` that its own text tells (forms,
    /// shape, classes, clusters, flags): the per-token pass of [`Self::new`],
    /// before the passes that need the whole document.
    fn push_token(&mut self, c: &Ctx, i: usize) {
        let w = c.base(i);
        let start = self.text.len();
        let exact = push_forms(&mut self.text, w);
        let l = &self.text[start..];
        self.clus.push(clusters::of(l));
        self.lower.push(hash_bytes(l.as_bytes()));
        self.exact.push(exact);
        self.shape.push(shape_hash(w));
        self.spans.push((start as u32, self.text.len() as u32));
        self.cls.push(if c.is_word(i) {
            // Every class bit is below 32 (`lex::s` asserts it).
            (c.cls_tok(i) & CLASS_BITS) as u32
        } else {
            0
        });
        self.flags.push(token_flags(c, i, w));
    }

    /// Flags capitalised words whose lower-case form the document also
    /// writes in lower case (an all-caps or sentence-initial word that is
    /// also a common word of the text): known only once every token is read.
    fn mark_lower_elsewhere(&mut self, c: &Ctx) {
        let n = c.n();
        let mut low: crate::lexicon::FastSet<u64> = Default::default();
        for i in 0..n {
            if c.is_word(i) && !c.is_cap(i) {
                low.insert(self.lower[i]);
            }
        }
        for i in 0..n {
            if c.is_word(i) && c.is_cap(i) && low.contains(&self.lower[i]) {
                self.flags[i] |= LOWER_ELSEWHERE;
            }
        }
    }

    /// Each token's line bounds and place in its line, which the features
    /// of [`Self::token`] look within (they never cross a line).
    fn mark_lines(&mut self, c: &Ctx) {
        for r in &c.doc.paragraphs {
            for k in r.clone() {
                self.pos[k] = (k - r.start).min(u16::MAX as usize) as u16;
                self.line_start[k] = r.start as u32;
                self.line_end[k] = r.end as u32;
            }
        }
    }

    /// Marks the tokens of the lexicon names the rules would look up (the
    /// gazetteer features), and makes each name's first token a window seed
    /// even in lower case ("al-Qaeda").
    fn mark_gazetteer(&mut self, c: &Ctx) {
        let n = c.n();
        let mut i = 0;
        while i < n {
            // Entries start capitalised, or lower-case before a hyphen
            // ("al-Qaeda"), as the rules look them up.
            let may_start = c.is_cap(i) || i + 1 < n && c.tok(i + 1) == "-";
            if c.is_word(i) && may_start {
                if let Some((b, e)) = c.lookup(i) {
                    for k in i..b {
                        self.gaz[k] = Gaz::new(e, k == i);
                    }
                    self.flags[i] |= SEED;
                    i = b;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// The windows of the line `r` the tagger decodes: every token with a
    /// capital letter or opening a lexicon name, with [`REACH`] tokens on
    /// each side, overlapping and touching ones merged. A name has a
    /// capital or is a lexicon entry ("al-Qaeda"), so tokens farther from
    /// any are outside every name: they are never scored nor decoded,
    /// which halves the tagger's work on running text. (Training learns
    /// from whole sentences.)
    pub fn windows(&self, r: std::ops::Range<usize>, out: &mut Vec<std::ops::Range<usize>>) {
        out.clear();
        for i in r.clone() {
            if self.flags[i] & SEED == 0 {
                continue;
            }
            let (a, b) = (
                i.saturating_sub(REACH).max(r.start),
                (i + REACH + 1).min(r.end),
            );
            match out.last_mut() {
                Some(w) if w.end >= a => w.end = w.end.max(b),
                _ => out.push(a..b),
            }
        }
    }

    pub fn len(&self) -> usize {
        self.lower.len()
    }

    fn lower_str(&self, i: usize) -> &str {
        let (a, b) = self.spans[i];
        &self.text[a as usize..b as usize]
    }

    /// Writes the feature hashes of token `i` into `out`; returns how many.
    /// The groups are written in a fixed order: the model's weights are
    /// summed in it, and a token with more than [`MAX_FEATURES`] features
    /// keeps the first ones.
    pub fn token(&self, i: usize, out: &mut [u64; MAX_FEATURES]) -> usize {
        let mut s = Sink { out, n: 0 };
        let at = Around {
            i,
            ls: self.line_start[i] as usize,
            le: self.line_end[i] as usize,
        };
        self.word_features(i, &mut s);
        self.neighbour_features(&at, &mut s);
        self.lexicon_features(&at, &mut s);
        self.cluster_features(&at, &mut s);
        self.wide_features(&at, &mut s);
        s.n
    }

    /// The token's own word: a bias, its forms and shape, and its prefixes
    /// of 1-3 and suffixes of 1-4 characters (shorter words than that have
    /// none: the word itself is a feature already).
    #[inline]
    fn word_features(&self, i: usize, s: &mut Sink) {
        s.put(0, 0);
        s.put(1, self.lower[i]);
        s.put(2, self.exact[i]);
        s.put(3, self.shape[i]);
        let l = self.lower_str(i);
        let nch = l.chars().count();
        for m in 1..=3usize {
            if nch > m {
                let e = l.char_indices().nth(m).map_or(l.len(), |x| x.0);
                s.put(4 + m as u64, hash_bytes(&l.as_bytes()[..e]));
            }
        }
        for m in 1..=4usize {
            if nch > m {
                let p = l.char_indices().rev().nth(m - 1).map_or(0, |x| x.0);
                s.put(8 + m as u64, hash_bytes(&l.as_bytes()[p..]));
            }
        }
    }

    /// The words and shapes up to two tokens away, alone and with the
    /// token's, and the token's flags and place in its line with its shape.
    #[inline]
    fn neighbour_features(&self, at: &Around, s: &mut Sink) {
        let i = at.i;
        s.put(13, at.get(-1, &self.lower, PAD_L));
        s.put(14, at.get(1, &self.lower, PAD_R));
        s.put(15, at.get(-2, &self.lower, PAD_L));
        s.put(16, at.get(2, &self.lower, PAD_R));
        let (sp, sn) = (
            at.get(-1, &self.shape, PAD_L),
            at.get(1, &self.shape, PAD_R),
        );
        s.put(17, sp);
        s.put(18, sn);
        s.put(19, mix(mix(sp, self.shape[i]), sn));
        s.put(20, mix(at.get(-1, &self.lower, PAD_L), self.lower[i]));
        s.put(21, mix(self.lower[i], at.get(1, &self.lower, PAD_R)));
        let fl = self.flags[i];
        let own = INITIAL | HEADLINE | POSSESSIVE | ALLCAPS | LOWER_ELSEWHERE | CAP;
        s.put(22, mix(self.shape[i], (fl & own) as u64));
        let case = INITIAL | HEADLINE | ALLCAPS | LOWER_ELSEWHERE;
        s.put(23, (fl & case) as u64);
        s.put(24, mix(self.shape[i], self.pos[i].min(3) as u64));
        s.put(25, mix(at.get(-2, &self.shape, PAD_L), sp));
        s.put(26, mix(sn, at.get(2, &self.shape, PAD_R)));
    }

    /// The lexicon classes of the token and its neighbours, and the
    /// gazetteer names they are part of.
    #[inline]
    fn lexicon_features(&self, at: &Around, s: &mut Sink) {
        let i = at.i;
        s.bits(30, self.cls[i]);
        if let Some(p) = at.prev() {
            s.bits(31, self.cls[p]);
        }
        if let Some(n) = at.next() {
            s.bits(32, self.cls[n]);
        }
        s.put(33, self.gaz[i].0 as u64);
        let gp = at.prev().map_or(255, |p| self.gaz[p].0);
        let gn = at.next().map_or(255, |n| self.gaz[n].0);
        s.put(34, mix(gp as u64, gn as u64));
        s.put(35, mix(self.gaz[i].0 as u64, self.shape[i]));
    }

    /// Word clusters, coarse to fine: the token's at each level, its
    /// neighbours' middle ones, coarse bigrams, and the finest with the
    /// token's shape.
    #[inline]
    fn cluster_features(&self, at: &Around, s: &mut Sink) {
        let c = self.clus[at.i];
        let none = [u16::MAX - 1; clusters::LEVELS];
        let cp = at.prev().map_or(none, |p| self.clus[p]);
        let cn = at.next().map_or(none, |n| self.clus[n]);
        for (lv, &id) in c.iter().enumerate() {
            s.put(40 + lv as u64, id as u64);
        }
        s.put(43, cp[1] as u64);
        s.put(44, cn[1] as u64);
        s.put(45, mix(cp[0] as u64, c[0] as u64));
        s.put(46, mix(c[0] as u64, cn[0] as u64));
        s.put(47, mix(c[2] as u64, self.shape[at.i]));
    }

    /// Wider context, which tells the kind of a name its neighbours do not
    /// ("… the island of Socotra, where …"): the words three away, the
    /// middle clusters of the words three and four away as a bag (leave one
    /// corpus out: +0.6 points of typed F1), and the coarse clusters of the
    /// words five and six away.
    #[inline]
    fn wide_features(&self, at: &Around, s: &mut Sink) {
        s.put(48, at.get(-3, &self.lower, PAD_L));
        s.put(49, at.get(3, &self.lower, PAD_R));
        for off in [-4isize, -3, 3, 4] {
            if let Some(j) = at.in_line(off) {
                s.put(50, self.clus[j][1] as u64);
            }
        }
        for off in [-6isize, -5, 5, 6] {
            if let Some(j) = at.in_line(off) {
                s.put(51, self.clus[j][0] as u64);
            }
        }
    }
}

/// What a neighbour outside the line reads as, before it and after it (the
/// two edges differ: `PAD_L ^ 1` marks the far side of the end).
const PAD_L: u64 = 0x9e37_79b9;
const PAD_R: u64 = 0x7f4a_7c15;

/// The caller's feature buffer being filled: features past
/// [`MAX_FEATURES`] are dropped, so a token never writes out of bounds.
struct Sink<'o> {
    out: &'o mut [u64; MAX_FEATURES],
    n: usize,
}

impl Sink<'_> {
    /// Writes the feature of template `t` with value `v`.
    #[inline]
    fn put(&mut self, t: u64, v: u64) {
        if self.n < MAX_FEATURES {
            self.out[self.n] = mix(mix(H0, t), v);
            self.n += 1;
        }
    }

    /// Writes one feature of template `t` per lexicon class set in `cls`.
    #[inline]
    fn bits(&mut self, t: u64, cls: u32) {
        let mut x = cls;
        while x != 0 {
            let b = x.trailing_zeros();
            self.put(t, b as u64);
            x &= x - 1;
        }
    }
}

/// Token `i` and the bounds of its line `ls..le`: features look at
/// neighbours within the line only.
struct Around {
    i: usize,
    ls: usize,
    le: usize,
}

impl Around {
    /// The token `off` away, if it is in the line.
    #[inline]
    fn in_line(&self, off: isize) -> Option<usize> {
        let j = self.i as isize + off;
        (j >= self.ls as isize && j < self.le as isize).then_some(j as usize)
    }

    /// The previous token, if it is in the line.
    #[inline]
    fn prev(&self) -> Option<usize> {
        (self.i > self.ls).then(|| self.i - 1)
    }

    /// The next token, if it is in the line.
    #[inline]
    fn next(&self) -> Option<usize> {
        (self.i + 1 < self.le).then_some(self.i + 1)
    }

    /// `v` of the token `off` away, or `pad` before the line's start and
    /// `pad ^ 1` past its end.
    #[inline]
    fn get(&self, off: isize, v: &[u64], pad: u64) -> u64 {
        let j = self.i as isize + off;
        if j < self.ls as isize {
            pad
        } else if j >= self.le as isize {
            pad ^ 1
        } else {
            v[j as usize]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn windows(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let c = Ctx::new(&doc);
        let f = DocFeatures::new(&c);
        let mut out = Vec::new();
        let mut wins = Vec::new();
        for r in &doc.sentences {
            f.windows(r.clone(), &mut wins);
            for w in &wins {
                let t = &doc.tokens;
                out.push(text[t[w.start].start..t[w.end - 1].end].to_string());
            }
        }
        out
    }

    #[test]
    fn windows_cover_capitals_and_their_neighbours_only() {
        // REACH tokens each side of a capitalised word; close ones merge.
        assert_eq!(
            windows("the cat sat on the mat and then it ran to the big house near Anna Berg today or so"),
            vec!["house near Anna Berg today or"]
        );
        assert_eq!(
            windows("we saw the Bank of England and a dog and a cat and the Met"),
            vec!["saw the Bank of England and a", "and the Met"]
        );
        // A lower-case word that opens a lexicon name is a seed too.
        assert!(windows("they said that al-Qaeda was behind it")
            .iter()
            .any(|w| w.contains("al-Qaeda")));
        // No capital, no window: the tagger has nothing to decode.
        assert!(windows("nothing here is a name at all, none of it").is_empty());
    }
}
