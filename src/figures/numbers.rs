//! Numbers: digits, number words, scales, fractions and vague amounts.
//!
//! [`parse`] reads one number expression at a token and returns its token
//! span and value: `1,000`, `2.5`, `1 000`, `.001`, `-5`, `minus 5`, `1/16`,
//! `2.5bn`, `4 hundred million`, `forty`, `two hundred and fifty`,
//! `forty-two`, `a dozen`, `a couple`, `half`, `two-thirds`, `a third`,
//! `one and a half million`, and vague amounts without a value (`dozens`,
//! `tens of thousands`, `several hundred`). It knows nothing of units or
//! context beyond what makes the number itself: the caller decides whether
//! the number is a figure.

use super::lex::{Ctx, Kind};
use super::units;
use crate::lexicon::{self, section_bytes, Class, WordSet};

/// A number expression found at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// First token (a sign or "a" of "a dozen" included).
    pub s: usize,
    /// One past the last token.
    pub e: usize,
    pub value: Option<f64>,
    /// Written in words ("forty", "a dozen").
    pub spelled: bool,
    /// An amount without a value: "dozens", "tens of thousands".
    pub vague: bool,
    /// A fraction: "two-thirds", "1/16", "half".
    pub fraction: bool,
    /// A multiplier: "twice", "double".
    pub multiplier: bool,
    /// Carries a scale word or suffix ("million", "bn", "k").
    pub scaled: bool,
}

fn small(w: &str) -> Option<f64> {
    const W: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    W.iter().position(|x| *x == w).map(|p| p as f64)
}

fn tens(w: &str) -> Option<f64> {
    const W: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    W.iter()
        .position(|x| *x == w)
        .map(|p| (p as f64 + 2.0) * 10.0)
}

/// Large scale words, written out: they close a group ("two million").
/// The vocabulary's scales ([`units::scale`]) of a thousand and more.
fn big_scale(w: &str) -> Option<f64> {
    units::scale(w)
        .filter(|s| s.word && s.factor >= 1e3)
        .map(|s| s.factor)
}

/// A scale word spelled out, any factor: "dozen", "hundred", "million".
fn scale_word(w: &str) -> bool {
    units::scale(w).is_some_and(|s| s.word)
}

/// Denominators of spelled fractions: "thirds", "quarter", "half".
fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// Whether `w` is a number word that can start a spelled number.
pub fn is_number_word(w: &str) -> bool {
    small(w).is_some() || tens(w).is_some() || scale_word(w)
}

/// Parses a digit string with `,` thousands separators and one `.` decimal
/// point: "1,000.5" → 1000.5. Rejects "1.2.3" and "3,4".
pub fn parse_digits(s: &str) -> Option<f64> {
    if s.is_empty() || s.matches('.').count() > 1 {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() || (int.contains(',') && first.len() > 3) {
        return None;
    }
    let mut clean = String::with_capacity(s.len());
    clean.push_str(first);
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        clean.push_str(g);
    }
    if let Some(f) = frac {
        if f.is_empty() || f.contains(',') {
            return None;
        }
        clean.push('.');
        clean.push_str(f);
    }
    decimal(&clean)
}

/// Parses plain digits with at most one decimal point ("1000.5"). A small
/// parser of its own keeps the float-parsing tables of `core` out of the
/// wasm payload; it is exact for up to 15 significant digits (the quotient
/// of two exactly represented integers is correctly rounded).
pub fn decimal(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut m = 0f64;
    for b in int.bytes().chain(frac.bytes()) {
        m = m * 10.0 + f64::from(b - b'0');
    }
    let scale = 10f64.powi(i32::try_from(frac.len()).ok()?);
    Some(m / scale)
}

/// Whether the text between two tokens is one space-like character.
fn one_space(c: &Ctx, a: usize, b: usize) -> bool {
    match (c.toks.get(a), c.toks.get(b)) {
        (Some(x), Some(y)) => matches!(
            c.text.get(x.end..y.start),
            Some(" " | "\u{a0}" | "\u{2009}" | "\u{202f}")
        ),
        _ => false,
    }
}

/// Reads digits at token `i`: joins separators the tokenizer left apart
/// (`55` `,` `931,000` after a split currency code; `1 000` grouped with a
/// space). Returns one past the last token and the value.
pub fn digits(c: &Ctx, i: usize) -> Option<(usize, f64)> {
    if !c.is_num(i) {
        return None;
    }
    let start = c.toks[i].start;
    let mut j = i; // last token taken
    loop {
        let sep = c.tok(j + 1);
        if (sep == "," || sep == ".") && c.stuck(j + 1) && c.is_num(j + 2) && c.stuck(j + 2) {
            let so_far = &c.text[start..c.toks[j].end];
            let next = c.tok(j + 2);
            let ok = if sep == "," {
                !so_far.contains('.')
                    && next.len() >= 3
                    && next
                        .as_bytes()
                        .get(3)
                        .is_none_or(|b| *b == b',' || *b == b'.')
            } else {
                !so_far.contains('.')
            };
            if ok {
                j += 2;
                continue;
            }
        }
        break;
    }
    // "1 000 000": space-grouped thousands after a group of one to three digits.
    let mut text: String = c.text[start..c.toks[j].end].to_string();
    if text.len() <= 3
        && text.bytes().all(|b| b.is_ascii_digit())
        && !(i > 0 && c.is_num(i - 1) && one_space(c, i - 1, i))
    {
        let mut k = j;
        while c.is_num(k + 1)
            && c.tok(k + 1).len() == 3
            && c.tok(k + 1).bytes().all(|b| b.is_ascii_digit())
            && one_space(c, k, k + 1)
        {
            k += 1;
            text.push_str(c.tok(k));
        }
        j = k;
    }
    parse_digits(&text).map(|v| (j + 1, v))
}

/// Whether a number expression can start at token `i`: a quick "no" for
/// most tokens, before [`parse`] looks closer.
pub fn may_start(c: &Ctx, i: usize) -> bool {
    const SRC: &[u8] = section_bytes(lexicon::SOURCE.as_bytes(), b"number_start");
    static STARTS: WordSet = WordSet::of(Class::NumberStart);
    const MASK: Option<[[u32; 10]; 2]> = start_mask(SRC);
    let Some(t) = c.toks.get(i) else {
        return false;
    };
    match t.kind {
        Kind::Num => true,
        Kind::Punct => matches!(c.tok(i), "-" | "−" | "+" | ".") || vulgar(c.tok(i)).is_some(),
        Kind::Word => {
            let n = t.end - t.start;
            let b = c.text.as_bytes();
            let (first, last) = (
                b[t.start].to_ascii_lowercase(),
                b[t.end - 1].to_ascii_lowercase(),
            );
            // Only "K" (Kelvin) lowercases to an ASCII letter, and no word
            // listed holds a "k": a word with other bytes is none of them.
            let maybe = match MASK {
                Some([f, l]) => {
                    n < 10
                        && first.is_ascii_lowercase()
                        && last.is_ascii_lowercase()
                        && f[n] >> (first - b'a') & 1 == 1
                        && l[n] >> (last - b'a') & 1 == 1
                }
                None => true,
            };
            // "a"/"an" make a number only before "dozen", "few", "half"...
            maybe
                && STARTS.contains(c.lower(i))
                && (!matches!(c.lower(i), "a" | "an") || after_a(c.lower(i + 1)))
        }
    }
}

/// For each word length below ten, the first and the last letters of the
/// listed words of that length (bit 0 for "a"); `None` if some entry is not
/// a lowercase ASCII word shorter than ten bytes without a "k" (then the
/// masks cannot filter).
const fn start_mask(src: &[u8]) -> Option<[[u32; 10]; 2]> {
    let mut m = [[0u32; 10]; 2];
    let mut i = 0;
    while i < src.len() {
        if src[i] == b'#' {
            while i < src.len() && src[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if src[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let s = i;
        while i < src.len() && !src[i].is_ascii_whitespace() && src[i] != b'#' {
            i += 1;
        }
        let e = i;
        let mut k = s;
        while k < e {
            if !src[k].is_ascii_lowercase() || src[k] == b'k' {
                return None;
            }
            k += 1;
        }
        if e - s >= 10 {
            return None;
        }
        m[0][e - s] |= 1 << (src[s] - b'a');
        m[1][e - s] |= 1 << (src[e - 1] - b'a');
    }
    Some(m)
}

/// Parses the number expression starting at token `i`. `money` says a
/// currency stands before it, which makes `m` and `b` scales.
pub fn parse(c: &Ctx, i: usize, money: bool) -> Option<Num> {
    if i >= c.len() {
        return None;
    }
    let w = c.lower(i);
    // Signs: "-5", "−5" (after a space or a currency), "minus 5", "minus-5".
    let (sign, at) = if matches!(w, "-" | "−" | "+")
        && c.is_num(i + 1)
        && c.stuck(i + 1)
        && (i == 0 || c.toks[i].space || money)
    {
        (if w == "+" { 1.0 } else { -1.0 }, i + 1)
    } else if w == "minus" {
        let k = if c.tok(i + 1) == "-" && c.stuck(i + 1) {
            i + 2
        } else {
            i + 1
        };
        if !c.is_num(k) && !c.kind(k).is_some_and(|k| k == Kind::Word) {
            return None;
        }
        (-1.0, k)
    } else {
        (1.0, i)
    };
    let mut n = if c.is_num(at) {
        digit_number(c, at, money)?
    } else if let Some(v) = vulgar(c.tok(at)) {
        // "½ tbsp", "¾ of the vote"
        Num {
            s: at,
            e: at + 1,
            value: Some(v),
            spelled: false,
            vague: false,
            fraction: true,
            multiplier: false,
            scaled: false,
        }
    } else if c.tok(at) == "."
        && c.is_num(at + 1)
        && c.stuck(at + 1)
        && (at == 0 || c.toks[at].space)
    {
        // ".001"
        let v = decimal(&format!("0.{}", c.tok(at + 1)))?;
        let mut n = Num {
            s: at,
            e: at + 2,
            value: Some(v),
            spelled: false,
            vague: false,
            fraction: false,
            multiplier: false,
            scaled: false,
        };
        scales(c, &mut n, money);
        n
    } else if c.is_word(at) {
        if sign < 0.0 && at == i {
            return None;
        }
        word_number(c, at)?
    } else {
        return None;
    };
    if sign < 0.0 {
        n.value = n.value.map(|v| -v);
    }
    n.s = i;
    fraction_of_scale(c, &mut n);
    Some(n)
}

/// "a quarter of a million", "three-quarters of a billion": a fraction of
/// a scale is one amount (250,000), no longer a fraction.
fn fraction_of_scale(c: &Ctx, n: &mut Num) {
    let k = n.e;
    if !n.fraction || c.lower(k) != "of" || !matches!(c.lower(k + 1), "a" | "an") {
        return;
    }
    if let Some(f) = big_scale(c.lower(k + 2)).filter(|_| c.same_sent(k, k + 2)) {
        n.value = n.value.map(|v| v * f);
        n.e = k + 3;
        n.fraction = false;
        n.scaled = true;
    }
}

/// The value of a vulgar fraction character: "½", "¾", "⅓".
fn vulgar(t: &str) -> Option<f64> {
    const VULGAR: &[(&str, f64)] = &[
        ("½", 1.0 / 2.0),
        ("⅓", 1.0 / 3.0),
        ("⅔", 2.0 / 3.0),
        ("¼", 1.0 / 4.0),
        ("¾", 3.0 / 4.0),
        ("⅕", 1.0 / 5.0),
        ("⅖", 2.0 / 5.0),
        ("⅗", 3.0 / 5.0),
        ("⅘", 4.0 / 5.0),
        ("⅙", 1.0 / 6.0),
        ("⅚", 5.0 / 6.0),
        ("⅛", 1.0 / 8.0),
        ("⅜", 3.0 / 8.0),
        ("⅝", 5.0 / 8.0),
        ("⅞", 7.0 / 8.0),
    ];
    VULGAR.iter().find(|(f, _)| *f == t).map(|&(_, v)| v)
}

/// A proper fraction after a whole number ending at token `e`: a vulgar
/// fraction stuck to it ("3½") or a digit fraction after a space ("2
/// 1/2"). Its value and one past it.
fn fraction_after_whole(c: &Ctx, e: usize) -> Option<(f64, usize)> {
    if c.stuck(e) {
        return vulgar(c.tok(e)).map(|f| (f, e + 1));
    }
    let slash = matches!(c.tok(e + 1), "/" | "⁄") && c.stuck(e + 1) && c.stuck(e + 2);
    if !(c.is_num(e) && slash && c.is_num(e + 2)) || c.stuck(e + 3) && c.is_num(e + 3) {
        return None;
    }
    if matches!(c.tok(e + 3), "/" | "⁄") {
        return None;
    }
    let (a, b) = (parse_digits(c.tok(e))?, parse_digits(c.tok(e + 2))?);
    (a.fract() == 0.0 && b.fract() == 0.0 && 0.0 < a && a < b && b <= 64.0).then(|| (a / b, e + 3))
}

/// A number written with digits at `i`, with its fraction and scale.
fn digit_number(c: &Ctx, i: usize, money: bool) -> Option<Num> {
    let (mut e, mut v) = digits(c, i)?;
    let mut fraction = false;
    // "1/16", "1⁄32": a proper fraction with small whole numbers.
    if matches!(c.tok(e), "/" | "⁄")
        && c.stuck(e)
        && c.is_num(e + 1)
        && c.stuck(e + 1)
        && !matches!(c.tok(e + 2), "/" | "⁄")
    {
        if let (Some(a), Some(b)) = (parse_digits(c.tok(i)), parse_digits(c.tok(e + 1))) {
            if e == i + 1 && a.fract() == 0.0 && b.fract() == 0.0 && a < b && b <= 1000.0 {
                v = a / b;
                e += 2;
                fraction = true;
            }
        }
    }
    // A whole number and a fraction: "3½", "2 1/2".
    if !fraction && e == i + 1 && v.fract() == 0.0 {
        if let Some((f, k)) = fraction_after_whole(c, e) {
            v += f;
            e = k;
        }
    }
    // "1.99×10−30", "3 x 10^8"
    if !fraction
        && matches!(c.tok(e), "×" | "x")
        && c.tok(e + 1) == "10"
        && (c.stuck(e + 1) || c.stuck(e))
    {
        let mut k = e + 2;
        let neg = matches!(c.tok(k), "−" | "-") && c.stuck(k);
        if neg || c.tok(k) == "^" {
            k += 1;
        }
        if let Some(x) =
            parse_digits(c.tok(k)).filter(|x| *x <= 300.0 && x.fract() == 0.0 && c.stuck(k))
        {
            v *= 10f64.powi(if neg { -(x as i32) } else { x as i32 });
            e = k + 1;
        }
    }
    let mut n = Num {
        s: i,
        e,
        value: Some(v),
        spelled: false,
        vague: false,
        fraction,
        multiplier: false,
        scaled: false,
    };
    if !fraction {
        scales(c, &mut n, money);
    }
    Some(n)
}

/// Applies scale words and suffixes after a number: "2.5bn", "4 hundred
/// million", "€40m", "$2.2T", "10k", "3 dozen".
fn scales(c: &Ctx, n: &mut Num, money: bool) {
    loop {
        let k = n.e;
        if !c.same_sent(k, n.s) {
            return;
        }
        // "$400-million-a-year": a scale word hyphened on.
        let k = if c.tok(k) == "-"
            && c.stuck(k)
            && c.stuck(k + 1)
            && big_scale(c.lower(k + 1)).is_some()
        {
            k + 1
        } else {
            k
        };
        let w = c.lower(k);
        let raw = c.tok(k);
        let stuck = c.stuck(k) || c.tok(k.wrapping_sub(1)) == "-";
        let next_caps = c.has_upper(k + 1) && c.stuck(k + 1);
        let Some(sc) = units::scale(w) else {
            return;
        };
        // A one-letter scale touches its number, and its context must say
        // it is one: money for all; "1.5M", "1.5m people" for a million;
        // "10k" and "1.5k" (not "4K", a screen) for a thousand: a name or
        // code has no decimals.
        let letter_ok = || {
            stuck
                && (money
                    || sc.factor == 1e6 && (raw == "M" || million_noun(c, k + 1))
                    || sc.factor == 1e3
                        && !next_caps
                        && !c.is_cap(k + 1)
                        && n.value.is_some_and(|v| v >= 10.0 || v.fract() != 0.0))
        };
        if sc.letter && !letter_ok() {
            return;
        }
        // "$50K" but not "4K" even for money.
        if sc.letter && sc.factor == 1e3 && (next_caps || c.is_cap(k + 1)) {
            return;
        }
        let f = sc.factor;
        // "a 5-billion-dollar" is fine; "five hundred" handled by words.
        n.value = n.value.map(|v| v * f);
        n.e = k + 1;
        n.scaled = true;
    }
}

/// Whether the word at `k` is a plural noun that "1.5m" counts in millions
/// ("1.5m people"), rather than a word after metres ("1.5m long").
fn million_noun(c: &Ctx, k: usize) -> bool {
    let w = c.lower(k);
    c.is_word(k)
        && !c.stuck(k)
        && (super::counts::is_plural(w) && !super::counts::is_stop(w)
            || matches!(w, "people" | "staff" | "more"))
}

/// Words that may follow "a"/"an" to make a number: a scale word ("a
/// dozen", "a million") or a fraction or few.
fn after_a(w: &str) -> bool {
    scale_word(w)
        || matches!(
            w,
            "couple" | "half" | "third" | "quarter" | "fifth" | "tenth" | "few"
        )
}

/// A number written in words at `i`: the rules below, asked in order.
fn word_number(c: &Ctx, i: usize) -> Option<Num> {
    let w = c.lower(i);
    let n = Num {
        s: i,
        e: i,
        value: None,
        spelled: true,
        vague: false,
        fraction: false,
        multiplier: false,
        scaled: false,
    };
    if number_in_name(c, i, w) {
        return None;
    }
    if let Some(m) = multiplier_value(w) {
        return multiplier(c, i, w, m, n);
    }
    if vague_start(c, i, w) {
        return vague_amount(c, i, w, n);
    }
    let start = match w {
        "a" | "an" => match article(c, i, n)? {
            Article::Done(n) => return Some(n),
            Article::One => Tally::new(i + 1, 1.0, true),
        },
        "half" => return half(c, i, n),
        _ => Tally::new(i, 0.0, false),
    };
    compound(c, i, start, n)
}

/// Mid-sentence capitalised number words after a name are part of it:
/// "Air Force One", "BBC One", "Channel Four".
fn number_in_name(c: &Ctx, i: usize, w: &str) -> bool {
    c.is_cap(i)
        && !c.sentence_initial(i)
        && (is_number_word(w) || w == "half")
        && (i > 0 && c.is_cap(i - 1) || c.is_cap(i + 1))
}

/// The value of a multiplier word: "twice", "double", "triple".
fn multiplier_value(w: &str) -> Option<f64> {
    match w {
        "twice" => Some(2.0),
        "double" => Some(2.0),
        "triple" | "treble" => Some(3.0),
        "quadruple" => Some(4.0),
        _ => None,
    }
}

/// A multiplier, where what follows makes it one: "twice as loud as",
/// "double the", "twice more", "nearly triple".
fn multiplier(c: &Ctx, i: usize, w: &str, m: f64, mut n: Num) -> Option<Num> {
    let next = c.lower(i + 1);
    let before = c.lower_back(i, 1);
    // "twice as loud as": a second "as" must follow.
    let as_as = next == "as"
        && (matches!(c.lower(i + 2), "many" | "much")
            || (i + 3..i + 6).any(|k| c.lower(k) == "as" && c.same_sent(i, k)));
    let ok = as_as
        || matches!(
            next,
            "the" | "that" | "what" | "its" | "their" | "his" | "her" | "than"
        )
        || (w == "twice"
            && matches!(
                next,
                "more" | "higher" | "larger" | "bigger" | "faster" | "many" | "much"
            ))
        || matches!(
            before,
            "than" | "nearly" | "almost" | "about" | "over" | "roughly" | "around"
        );
    if !ok || c.tok(i + 1) == "-" {
        return None;
    }
    n.e = i + 1;
    n.value = Some(m);
    n.multiplier = true;
    Some(n)
}

/// Whether a vague amount starts at `i`: "dozens", "hundreds", "tens of
/// millions", "several thousand", "a few hundred".
fn vague_start(c: &Ctx, i: usize, w: &str) -> bool {
    matches!(
        w,
        "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "tens"
            | "scores"
            | "several"
            | "few"
    ) || (w == "a"
        && c.lower(i + 1) == "few"
        && big_scale(c.lower(i + 2))
            .or(if c.lower(i + 2) == "hundred" {
                Some(1.0)
            } else {
                None
            })
            .is_some())
}

/// A vague amount (no value): "dozens", "hundreds of thousands", "tens of
/// millions".
fn vague_amount(c: &Ctx, i: usize, w: &str, mut n: Num) -> Option<Num> {
    let mut e = i + 1;
    match w {
        "tens" | "scores" => {
            if c.lower(i + 1) != "of" {
                return None;
            }
            if w == "tens" {
                if !matches!(c.lower(i + 2), "thousands" | "millions" | "billions") {
                    return None;
                }
                e = i + 3;
            }
        }
        "several" | "few" => {
            if !scale_word(c.lower(i + 1)) {
                return None;
            }
            e = i + 2;
        }
        "a" => e = i + 3,
        _ => {}
    }
    // "hundreds of thousands"
    if matches!(c.lower(e), "of")
        && matches!(c.lower(e + 1), "thousands" | "millions" | "billions")
        && w != "tens"
    {
        e += 2;
    }
    n.e = e;
    n.vague = true;
    Some(n)
}

/// What "a"/"an" starts.
enum Article {
    /// A whole number: "a dozen", "a couple", "a third of".
    Done(Num),
    /// One of a compound: "a hundred", "a thousand".
    One,
}

/// "a dozen", "a couple", "a half", "a third of", "a quarter of"; "a"
/// before a scale is one.
fn article(c: &Ctx, i: usize, mut n: Num) -> Option<Article> {
    let next = c.lower(i + 1);
    if !after_a(next) || next == "few" {
        return None;
    }
    if matches!(next, "third" | "quarter" | "fifth" | "tenth")
        && c.lower(i + 2) != "of"
        && c.lower_back(i, 1) != "by"
    {
        return None;
    }
    if next == "couple" {
        n.e = i + 2;
        n.value = Some(2.0);
        return Some(Article::Done(n));
    }
    if let Some(d) = denominator(next) {
        n.e = i + 2;
        n.value = Some(1.0 / d);
        n.fraction = true;
        return Some(Article::Done(n));
    }
    Some(Article::One)
}

/// "half of", "half the", "half a million".
fn half(c: &Ctx, i: usize, mut n: Num) -> Option<Num> {
    if !matches!(
        c.lower(i + 1),
        "of" | "the" | "a" | "its" | "their" | "his" | "her" | "all"
    ) || c.stuck(i + 1) && c.tok(i + 1) == "-"
    {
        return None;
    }
    n.e = i + 1;
    n.value = Some(0.5);
    n.fraction = true;
    if c.lower(i + 1) == "a" {
        if let Some(f) = big_scale(c.lower(i + 2)) {
            n.e = i + 3;
            n.value = Some(0.5 * f);
            n.fraction = false;
            n.scaled = true;
        }
    }
    Some(n)
}

/// A compound number from the tally's next word on: "forty-two", "three
/// hundred and five", "two million", "one and a half million", and
/// fractions ("two-thirds", "three quarters"). `i`: the number's first token.
fn compound(c: &Ctx, i: usize, mut t: Tally, mut n: Num) -> Option<Num> {
    t.read(c, i);
    if !t.any {
        return None;
    }
    let k = t.k;
    let value = t.total + t.cur;
    n.e = k;
    n.scaled |= t.scaled;
    // "one and a half (million)"
    if c.lower(k) == "and" && c.lower(k + 1) == "a" && c.lower(k + 2) == "half" {
        return Some(and_a_half(c, k, value, n));
    }
    // "two-thirds", "three quarters", "one fifth"
    if value > 0.0 && value < 20.0 && t.total == 0.0 {
        if let Some(f) = fraction(c, k, value, n) {
            return Some(f);
        }
    }
    n.value = Some(value);
    Some(n)
}

/// A number in words being added up, word by word: "two million three
/// hundred and five" is `total` 2,000,000 and `cur` 305 when read.
struct Tally {
    /// The next token to read.
    k: usize,
    /// The parts a scale word closed ("two million").
    total: f64,
    /// The part since the last scale word.
    cur: f64,
    /// A number word was read (the "a" of "a hundred" counts as one).
    any: bool,
    /// A scale word was read ("million").
    scaled: bool,
}

impl Tally {
    /// A tally starting at token `k` with `cur` counted (1 after "a").
    fn new(k: usize, cur: f64, any: bool) -> Tally {
        Tally {
            k,
            total: 0.0,
            cur,
            any,
            scaled: false,
        }
    }

    /// Reads number words, within the sentence of token `i`, for as long
    /// as they make one number: not "one two", and "and" only inside a
    /// number that has a hundred or a scale ("three hundred and five").
    fn read(&mut self, c: &Ctx, i: usize) {
        let mut last_was_and = false;
        loop {
            let k = self.k;
            let w = c.lower(k);
            if k != i && !c.same_sent(k, i) {
                break;
            }
            if let Some(v) = small(w) {
                if self.any && self.cur % 100.0 != 0.0 {
                    break; // "one two"
                }
                self.cur += v;
                self.any = true;
            } else if let Some(v) = tens(w) {
                if self.any && self.cur % 100.0 != 0.0 {
                    break;
                }
                self.cur += v;
                self.any = true;
                // "forty-two"
                if c.tok(k + 1) == "-" && c.stuck(k + 1) && c.stuck(k + 2) {
                    if let Some(u) = small(c.lower(k + 2)).filter(|u| (1.0..10.0).contains(u)) {
                        self.cur += u;
                        self.k += 2;
                    }
                }
            } else if let Some(f) = units::scale(w)
                .filter(|s| s.word && s.factor < 1e3 && self.any)
                .map(|s| s.factor)
            {
                // "three hundred", "two dozen": multiplies the group.
                self.cur = self.cur.max(1.0) * f;
            } else if let Some(f) = big_scale(w).filter(|_| self.any) {
                self.total += self.cur.max(1.0) * f;
                self.cur = 0.0;
                self.scaled = true;
            } else if w == "and"
                && self.any
                && !last_was_and
                && (small(c.lower(k + 1)).is_some() || tens(c.lower(k + 1)).is_some())
                && (self.total > 0.0 || self.cur >= 100.0)
            {
                last_was_and = true;
                self.k += 1;
                continue;
            } else {
                break;
            }
            last_was_and = false;
            self.k += 1;
        }
    }
}

/// "one and a half", "two and a half million": `value` and a half from
/// token `k` ("and") on, times a scale word after it.
fn and_a_half(c: &Ctx, k: usize, value: f64, mut n: Num) -> Num {
    let mut value = value + 0.5;
    n.e = k + 3;
    if let Some(f) = big_scale(c.lower(k + 3)) {
        value *= f;
        n.e = k + 4;
        n.scaled = true;
    }
    n.value = Some(value);
    n
}

/// A fraction whose numerator `value` (under 20) was read and whose
/// denominator is at token `k`, hyphened or not: "two-thirds", "three
/// quarters", "one fifth"; the plural must agree with the numerator ("two
/// third" is none), and a singular "quarter" needs "of" ("one quarter of").
fn fraction(c: &Ctx, k: usize, value: f64, mut n: Num) -> Option<Num> {
    let hy = c.tok(k) == "-" && c.stuck(k);
    let dk = if hy { k + 1 } else { k };
    let d = denominator(c.lower(dk))?;
    let plural = c.lower(dk).ends_with('s');
    if (plural != (value == 1.0) || c.lower(dk) == "half")
        && !(c.lower(dk) == "quarter" && c.lower(dk + 1) != "of")
        && value < d
    {
        n.e = dk + 1;
        n.value = Some(value / d);
        n.fraction = true;
        return Some(n);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn num(text: &str, money: bool) -> Option<(String, Option<f64>)> {
        let doc = Doc::new(text);
        let c = Ctx::new(&doc);
        let n = parse(&c, 0, money)?;
        let (s, e) = c.span(n.s, n.e);
        Some((text[s..e].to_string(), n.value))
    }

    #[test]
    fn digit_forms() {
        assert_eq!(
            num("1,000 people", false),
            Some(("1,000".into(), Some(1000.0)))
        );
        assert_eq!(num("2.5 tonnes", false), Some(("2.5".into(), Some(2.5))));
        assert_eq!(
            num("1\u{202f}000 troops", false),
            Some(("1\u{202f}000".into(), Some(1000.0)))
        );
        assert_eq!(
            num(".001 per cent", false),
            Some((".001".into(), Some(0.001)))
        );
        assert_eq!(num("2.5bn", true), Some(("2.5bn".into(), Some(2.5e9))));
        assert_eq!(
            num("4 hundred million people", false),
            Some(("4 hundred million".into(), Some(4e8)))
        );
        assert_eq!(num("40m", true).unwrap().1, Some(4e7));
        assert_eq!(num("40m", false).unwrap().1, Some(40.0));
        assert_eq!(num("1/16 of", false).unwrap().1, Some(0.0625));
        assert_eq!(num("minus-5 yards", false).unwrap().1, Some(-5.0));
        assert_eq!(num("1.2.3", false), None);
    }

    #[test]
    fn decimals_parse_exactly() {
        for s in [
            "0",
            "58.24",
            "1000.5",
            "0.001",
            "3.1396",
            "419.2",
            "2483805",
            "7.5",
            "123456789.123",
        ] {
            assert_eq!(decimal(s), s.parse::<f64>().ok(), "{s}");
        }
        assert_eq!(decimal("."), None);
        assert_eq!(decimal("1.2.3"), None);
        assert_eq!(parse_digits("1,463.78"), Some(1463.78));
    }

    #[test]
    fn every_listed_start_passes_the_quick_filter() {
        let src = section_bytes(lexicon::SOURCE.as_bytes(), b"number_start");
        assert!(start_mask(src).is_some());
        for w in lexicon::entries_in(Class::NumberStart) {
            let text = format!("{w} dozen");
            let doc = Doc::new(&text);
            assert!(may_start(&Ctx::new(&doc), 0), "{w}");
        }
        let doc = Doc::new("The said - a house");
        let c = Ctx::new(&doc);
        assert!(!may_start(&c, 0) && !may_start(&c, 1) && may_start(&c, 2) && !may_start(&c, 3));
    }

    /// One case per rule of [`word_number`], each for what it keeps and what
    /// it drops.
    #[test]
    fn word_number_rules() {
        let w = |t: &str| num(t, false);
        // number_in_name: "One" (token 2) after a name, but "One" opening a
        // sentence is a number.
        let at = |t: &str, i: usize| {
            let doc = Doc::new(t);
            parse(&Ctx::new(&doc), i, false).map(|n| n.value)
        };
        assert_eq!(at("Air Force One flew", 2), None);
        assert_eq!(at("He said. One flew", 3), Some(Some(1.0)));
        // multiplier
        assert_eq!(w("twice as many as"), Some(("twice".into(), Some(2.0))));
        assert_eq!(w("twice a week"), None);
        // vague_amount
        assert_eq!(
            w("tens of thousands of people").map(|x| x.0),
            Some("tens of thousands".into())
        );
        assert_eq!(w("tens more"), None);
        assert_eq!(w("a few hundred people").map(|x| x.1), Some(None));
        // article
        assert_eq!(
            w("a third of them"),
            Some(("a third".into(), Some(1.0 / 3.0)))
        );
        assert_eq!(w("a third party"), None);
        assert_eq!(w("a couple of days"), Some(("a couple".into(), Some(2.0))));
        assert_eq!(w("a hundred men"), Some(("a hundred".into(), Some(100.0))));
        // half
        assert_eq!(
            w("half a million"),
            Some(("half a million".into(), Some(500_000.0)))
        );
        assert_eq!(w("half-time"), None);
        // compound
        assert_eq!(
            w("three hundred and five"),
            Some(("three hundred and five".into(), Some(305.0)))
        );
        assert_eq!(w("forty-two"), Some(("forty-two".into(), Some(42.0))));
        assert_eq!(
            w("two-thirds"),
            Some(("two-thirds".into(), Some(2.0 / 3.0)))
        );
        assert_eq!(
            w("one and a half million").map(|x| x.1),
            Some(Some(1_500_000.0))
        );
    }

    #[test]
    fn word_forms() {
        assert_eq!(num("forty hostages", false).unwrap().1, Some(40.0));
        assert_eq!(
            num("two hundred and fifty people", false),
            Some(("two hundred and fifty".into(), Some(250.0)))
        );
        assert_eq!(num("forty-two", false).unwrap().1, Some(42.0));
        assert_eq!(num("a dozen eggs", false).unwrap().1, Some(12.0));
        assert_eq!(num("a couple of days", false).unwrap().1, Some(2.0));
        assert_eq!(num("two-thirds of", false).unwrap().1, Some(2.0 / 3.0));
        assert_eq!(num("half of them", false).unwrap().1, Some(0.5));
        assert_eq!(num("three thousand tests", false).unwrap().1, Some(3000.0));
        assert_eq!(num("one and a half million", false).unwrap().1, Some(1.5e6));
        let d = num("dozens of people", false).unwrap();
        assert_eq!(d, ("dozens".into(), None));
        assert_eq!(
            num("tens of thousands of", false).unwrap().0,
            "tens of thousands"
        );
        assert_eq!(num("a house", false), None);
        assert_eq!(num("a third time", false), None);
        assert_eq!(num("half-time", false), None);
    }
}
