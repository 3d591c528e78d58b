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
    /// Bits: 1 sentence-initial, 2 headline line, 4 possessive, 8 all caps,
    /// 16 the lower-case form is written elsewhere in the document,
    /// 32 capitalised, 64 holds a capital letter somewhere or opens a
    /// lexicon name (a window seed, see [`DocFeatures::windows`]).
    flags: Vec<u8>,
    /// Token index → position in its line (first token = 0).
    pos: Vec<u16>,
    /// End of each token's line (exclusive).
    line_end: Vec<u32>,
    line_start: Vec<u32>,
}

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

impl DocFeatures {
    pub fn new(c: &Ctx) -> DocFeatures {
        let n = c.n();
        let doc = c.doc;
        let mut f = DocFeatures {
            lower: Vec::with_capacity(n),
            exact: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            text: String::with_capacity(doc.text.len()),
            spans: Vec::with_capacity(n),
            cls: Vec::with_capacity(n),
            clus: Vec::with_capacity(n),
            gaz: vec![Gaz::default(); n],
            flags: Vec::with_capacity(n),
            pos: vec![0; n],
            line_end: vec![0; n],
            line_start: vec![0; n],
        };
        for i in 0..n {
            let w = c.base(i);
            // One apostrophe for all ("O’Neill" = "O'Neill"), as written
            // and lower-cased.
            let start = f.text.len();
            let exact;
            if w.is_ascii() {
                // Most words: no apostrophe to unify but '\'', one byte a
                // letter.
                f.text.push_str(w);
                exact = hash_bytes(&f.text.as_bytes()[start..]);
                f.text[start..].make_ascii_lowercase();
            } else {
                for ch in w.chars() {
                    let ch = if crate::text::is_apostrophe(ch) {
                        '\''
                    } else {
                        ch
                    };
                    f.text.push(ch);
                }
                exact = hash_bytes(&f.text.as_bytes()[start..]);
                f.text.truncate(start);
                for ch in w.chars() {
                    if crate::text::is_apostrophe(ch) {
                        f.text.push('\'');
                    } else {
                        f.text.extend(ch.to_lowercase());
                    }
                }
            }
            let l = &f.text[start..];
            f.clus.push(clusters::of(l));
            f.lower.push(hash_bytes(l.as_bytes()));
            f.exact.push(exact);
            f.shape.push(shape_hash(w));
            f.spans.push((start as u32, f.text.len() as u32));
            f.cls.push(if c.is_word(i) {
                // Every class bit is below 32 (`lex::s` asserts it).
                (c.cls_tok(i) & CLASS_BITS) as u32
            } else {
                0
            });
            let t = doc.tokens[i];
            let mut fl = 0u8;
            if c.initial[i] {
                fl |= 1;
            }
            if c.headline.get(t.para).copied().unwrap_or(false) {
                fl |= 2;
            }
            if c.is_word(i) && c.poss(i) {
                fl |= 4;
            }
            if c.is_allcaps(i) {
                fl |= 8;
            }
            if c.is_cap(i) {
                fl |= 32;
            }
            if w.bytes().any(|b| b.is_ascii_uppercase())
                || !w.is_ascii() && w.chars().any(char::is_uppercase)
            {
                fl |= 64;
            }
            f.flags.push(fl);
        }
        // Lower-case forms written somewhere in lower case (an all-caps or
        // sentence-initial word that is also a common word of the text).
        let mut low: crate::lexicon::FastSet<u64> = Default::default();
        for i in 0..n {
            if c.is_word(i) && !c.is_cap(i) {
                low.insert(f.lower[i]);
            }
        }
        for i in 0..n {
            if c.is_word(i) && c.is_cap(i) && low.contains(&f.lower[i]) {
                f.flags[i] |= 16;
            }
        }
        for r in &doc.paragraphs {
            for k in r.clone() {
                f.pos[k] = (k - r.start).min(u16::MAX as usize) as u16;
                f.line_start[k] = r.start as u32;
                f.line_end[k] = r.end as u32;
            }
        }
        let mut i = 0;
        while i < n {
            // Entries start capitalised, or lower-case before a hyphen
            // ("al-Qaeda"), as the rules look them up.
            let may_start = c.is_cap(i) || i + 1 < n && c.tok(i + 1) == "-";
            if c.is_word(i) && may_start {
                if let Some((b, e)) = c.lookup(i) {
                    for k in i..b {
                        f.gaz[k] = Gaz::new(e, k == i);
                    }
                    f.flags[i] |= 64;
                    i = b;
                    continue;
                }
            }
            i += 1;
        }
        f
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
            if self.flags[i] & 64 == 0 {
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
    pub fn token(&self, i: usize, out: &mut [u64; MAX_FEATURES]) -> usize {
        let mut n = 0;
        let mut put = |t: u64, v: u64| {
            if n < MAX_FEATURES {
                out[n] = mix(mix(H0, t), v);
                n += 1;
            }
        };
        let (ls, le) = (self.line_start[i] as usize, self.line_end[i] as usize);
        const PAD_L: u64 = 0x9e37_79b9;
        const PAD_R: u64 = 0x7f4a_7c15;
        let at = |off: isize, v: &Vec<u64>, pad: u64| -> u64 {
            let j = i as isize + off;
            if j < ls as isize {
                pad
            } else if j >= le as isize {
                pad ^ 1
            } else {
                v[j as usize]
            }
        };
        put(0, 0);
        put(1, self.lower[i]);
        put(2, self.exact[i]);
        put(3, self.shape[i]);
        let l = self.lower_str(i);
        // Prefixes 1-3 and suffixes 1-4, in characters (shorter words
        // than that have none: the word itself is a feature already).
        let nch = l.chars().count();
        for m in 1..=3usize {
            if nch > m {
                let e = l.char_indices().nth(m).map_or(l.len(), |x| x.0);
                put(4 + m as u64, hash_bytes(&l.as_bytes()[..e]));
            }
        }
        for m in 1..=4usize {
            if nch > m {
                let p = l.char_indices().rev().nth(m - 1).map_or(0, |x| x.0);
                put(8 + m as u64, hash_bytes(&l.as_bytes()[p..]));
            }
        }
        put(13, at(-1, &self.lower, PAD_L));
        put(14, at(1, &self.lower, PAD_R));
        put(15, at(-2, &self.lower, PAD_L));
        put(16, at(2, &self.lower, PAD_R));
        let (sp, sn) = (at(-1, &self.shape, PAD_L), at(1, &self.shape, PAD_R));
        put(17, sp);
        put(18, sn);
        put(19, mix(mix(sp, self.shape[i]), sn));
        put(20, mix(at(-1, &self.lower, PAD_L), self.lower[i]));
        put(21, mix(self.lower[i], at(1, &self.lower, PAD_R)));
        let fl = self.flags[i];
        put(22, mix(self.shape[i], (fl & 0b11_1111) as u64));
        put(23, (fl & 0b1_1011) as u64);
        put(24, mix(self.shape[i], self.pos[i].min(3) as u64));
        put(25, mix(at(-2, &self.shape, PAD_L), sp));
        put(26, mix(sn, at(2, &self.shape, PAD_R)));
        let bits = |t: u64, cls: u32, put: &mut dyn FnMut(u64, u64)| {
            let mut x = cls;
            while x != 0 {
                let b = x.trailing_zeros();
                put(t, b as u64);
                x &= x - 1;
            }
        };
        bits(30, self.cls[i], &mut put);
        if i > ls {
            bits(31, self.cls[i - 1], &mut put);
        }
        if i + 1 < le {
            bits(32, self.cls[i + 1], &mut put);
        }
        put(33, self.gaz[i].0 as u64);
        let gp = if i > ls { self.gaz[i - 1].0 } else { 255 };
        let gn = if i + 1 < le { self.gaz[i + 1].0 } else { 255 };
        put(34, mix(gp as u64, gn as u64));
        put(35, mix(self.gaz[i].0 as u64, self.shape[i]));
        // Word clusters, coarse to fine: the token's at each level, its
        // neighbours' middle ones, coarse bigrams, and the finest with the
        // token's shape.
        let c = self.clus[i];
        let none = [u16::MAX - 1; clusters::LEVELS];
        let cp = if i > ls { self.clus[i - 1] } else { none };
        let cn = if i + 1 < le { self.clus[i + 1] } else { none };
        for (lv, &id) in c.iter().enumerate() {
            put(40 + lv as u64, id as u64);
        }
        put(43, cp[1] as u64);
        put(44, cn[1] as u64);
        put(45, mix(cp[0] as u64, c[0] as u64));
        put(46, mix(c[0] as u64, cn[0] as u64));
        put(47, mix(c[2] as u64, self.shape[i]));
        // Wider context, which tells the kind of a name its neighbours do
        // not ("… the island of Socotra, where …"): the words three away,
        // the middle clusters of the words three and four away as a bag
        // (leave one corpus out: +0.6 points of typed F1) …
        put(48, at(-3, &self.lower, PAD_L));
        put(49, at(3, &self.lower, PAD_R));
        for off in [-4isize, -3, 3, 4] {
            let j = i as isize + off;
            if j >= ls as isize && j < le as isize {
                put(50, self.clus[j as usize][1] as u64);
            }
        }
        // … and the coarse clusters of the words five and six away.
        for off in [-6isize, -5, 5, 6] {
            let j = i as isize + off;
            if j >= ls as isize && j < le as isize {
                put(51, self.clus[j as usize][0] as u64);
            }
        }
        n
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
