//! Numbers that are not figures: dates, times, years, ordinals, phone
//! numbers, addresses, page furniture, list numbering, footnote marks and
//! parts of names.
//!
//! [`blocked`] marks tokens that can never start or be part of a figure.
//! Some tests need to know what follows the number (a unit rescues "Tylenol
//! 500mg" from the name rule), so they are separate functions the caller
//! asks once it has read the unit: [`name_before`], [`is_year`].

use super::lex::{Ctx, Kind};
use crate::lexicon::{Class, WordSet};

/// Month names and abbreviations, as written.
fn month(w: &str) -> bool {
    Class::Month.contains(w)
}

/// Weekdays, any case ("monday", "MONDAY"; the lexicon lists "Monday").
pub fn weekday(w: &str) -> bool {
    let mut buf = [0u8; 9];
    if !w.is_ascii() || w.is_empty() || w.len() > buf.len() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    buf[0] = buf[0].to_ascii_uppercase();
    std::str::from_utf8(&buf[..w.len()]).is_ok_and(|s| Class::Weekday.contains(s))
}

fn int_value(c: &Ctx, i: usize) -> Option<u32> {
    let t = c.tok(i);
    if c.is_num(i) && !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

fn day_number(c: &Ctx, i: usize) -> bool {
    int_value(c, i).is_some_and(|v| (1..=31).contains(&v)) && c.tok(i).len() <= 2
}

fn year_number(c: &Ctx, i: usize) -> bool {
    c.tok(i).len() == 4 && int_value(c, i).is_some_and(|v| (1000..=2100).contains(&v))
}

fn ordinal_suffix(c: &Ctx, i: usize) -> bool {
    matches!(c.lower(i), "st" | "nd" | "rd" | "th") && c.stuck(i)
}

/// Words after which a number is a label, not a quantity: "category 4",
/// "Game 7", "No. 1", "page 3".
static LABELS: WordSet = WordSet::of(Class::FigureLabel);

/// Street words that end an address: "575 Wilbraham Road".
static STREETS: WordSet = WordSet::of(Class::Street);

/// Words that make a short line page furniture: "1 Comment", "12 shares".
static FURNITURE: WordSet = WordSet::of(Class::Furniture);

/// "am", "p.m." after an hour.
static MERIDIEMS: WordSet = WordSet::of(Class::Meridiem);

/// Other words that make a number an hour: "o'clock", "GMT" (lower-cased).
static TIME_WORDS: WordSet = WordSet::of(Class::TimeWord);

/// Words whose hyphenated number is a rank or a name: "top-10", "COVID-19".
static RANK_WORDS: WordSet = WordSet::of(Class::RankWord);

/// A rule that finds a non-figure: the token range `s..e` it blocks.
type Found = Option<(usize, usize)>;

/// A named rule over one run of glued tokens, one line (paragraph) or one
/// number: what it is called (for [`super::not_figures`]), and how it finds
/// its span.
struct Rule<F> {
    name: &'static str,
    find: F,
}

/// A rule over the token range `a..b` (a glued run, a line).
type RangeRule = Rule<fn(&Ctx, usize, usize) -> Found>;
/// A rule around the number at one token.
type NumberRule = Rule<fn(&Ctx, usize) -> Found>;

/// Rules over a run of tokens glued together (`r..e`).
const RUN_RULES: &[RangeRule] = &[Rule {
    name: "web address",
    find: web_address,
}];

/// Rules over a whole line (paragraph `p..e`).
const LINE_RULES: &[RangeRule] = &[
    Rule {
        name: "page furniture",
        find: page_furniture,
    },
    Rule {
        name: "list number",
        find: list_number,
    },
    Rule {
        name: "list number in parentheses",
        find: list_number_in_parentheses,
    },
];

/// Rules around the number at token `i`.
const NUMBER_RULES: &[NumberRule] = &[
    Rule {
        name: "footnote mark in brackets",
        find: footnote_in_brackets,
    },
    Rule {
        name: "footnote mark after a word",
        find: footnote_after_word,
    },
    Rule {
        name: "end of a span of years",
        find: end_of_year_span,
    },
    Rule {
        name: "code with a leading zero",
        find: leading_zero_code,
    },
    Rule {
        name: "page number after dot leaders",
        find: dot_leader_page,
    },
    Rule {
        name: "identifier or markup attribute",
        find: identifier,
    },
    Rule {
        name: "height in feet and inches",
        find: height,
    },
    Rule {
        name: "ordinal",
        find: ordinal,
    },
    Rule {
        name: "decade",
        find: decade,
    },
    Rule {
        name: "clock time",
        find: clock_time,
    },
    Rule {
        name: "hour with a time word",
        find: hour_with_time_word,
    },
    Rule {
        name: "date or phone number chain",
        find: number_chain,
    },
    Rule {
        name: "fixed expression (24/7, 9/11)",
        find: fixed_expression,
    },
    Rule {
        name: "international phone number",
        find: international_phone,
    },
    Rule {
        name: "phone number with area code",
        find: phone_with_area_code,
    },
    Rule {
        name: "date after a month",
        find: date_after_month,
    },
    Rule {
        name: "date before a month",
        find: date_before_month,
    },
    Rule {
        name: "number on a name or rank word",
        find: hyphenated_name,
    },
    Rule {
        name: "street address",
        find: street_address,
    },
    Rule {
        name: "ZIP code",
        find: zip_code,
    },
];

/// Marks the tokens that cannot be part of a figure.
pub fn blocked(c: &Ctx) -> Vec<bool> {
    blocked_by(c).into_iter().map(|r| r.is_some()).collect()
}

/// For each token, the first rule that blocks it, if any.
pub fn blocked_by(c: &Ctx) -> Vec<Option<&'static str>> {
    let n = c.len();
    let mut b: Vec<Option<&'static str>> = vec![None; n];
    let mut set = |name: &'static str, (s, e): (usize, usize)| {
        for x in b.iter_mut().take(e.min(n)).skip(s) {
            x.get_or_insert(name);
        }
    };
    let mut r = 0;
    while r < n {
        let mut e = r + 1;
        while e < n && c.stuck(e) {
            e += 1;
        }
        for rule in RUN_RULES {
            if let Some(found) = (rule.find)(c, r, e) {
                set(rule.name, found);
            }
        }
        r = e;
    }
    let mut p = 0;
    while p < n {
        let para = c.toks[p].para;
        let mut e = p;
        while e < n && c.toks[e].para == para {
            e += 1;
        }
        for rule in LINE_RULES {
            if let Some(found) = (rule.find)(c, p, e) {
                set(rule.name, found);
            }
        }
        p = e;
    }
    for i in (0..n).filter(|&i| c.is_num(i)) {
        for rule in NUMBER_RULES {
            if let Some(found) = (rule.find)(c, i) {
                set(rule.name, found);
            }
        }
    }
    b
}

/// URLs, e-mail and domain names, query strings: a glued run `r..e` with a
/// web mark and a letter.
fn web_address(c: &Ctx, r: usize, e: usize) -> Found {
    if e - r < 2 {
        return None;
    }
    let (a, z) = c.span(r, e);
    let run = &c.text[a..z];
    // Every mark below holds one of these bytes, or a period before a
    // letter or after a "w".
    let rb = run.as_bytes();
    let marked = |j: usize| match rb[j] {
        b':' | b'@' | b'%' | b'?' | b'&' => true,
        b'.' => {
            rb.get(j + 1).is_some_and(|x| x.is_ascii_alphabetic())
                || j > 0 && rb[j - 1] | 0x20 == b'w'
        }
        _ => false,
    };
    if !(0..rb.len()).any(marked) {
        return None;
    }
    let low = run.to_ascii_lowercase();
    let web = WEB_MARKS.iter().any(|m| low.contains(m));
    (web && run.contains(|ch: char| ch.is_ascii_alphabetic())).then_some((r, e))
}

/// What makes a glued run a web address.
const WEB_MARKS: [&str; 12] = [
    "://", "www.", "@", ".com", ".org", ".net", ".io", ".html", "%2f", "%3a", "?id=", "&amp;",
];

/// A short line of numbers and furniture words ("1 Comment", "12 shares"),
/// pagination ("3 of 12"), or a line that is only a number (a counter or a
/// rating widget).
fn page_furniture(c: &Ctx, p: usize, e: usize) -> Found {
    let has_num = (p..e).any(|k| c.is_num(k));
    let furniture = e - p <= 6
        && has_num
        && (p..e).all(|k| {
            c.is_num(k) || c.kind(k) == Some(Kind::Punct) || FURNITURE.contains(c.lower(k))
        })
        && (p..e).any(|k| c.is_word(k));
    let pagination = e - p == 3 && c.is_num(p) && c.lower(p + 1) == "of" && c.is_num(p + 2);
    let bare = e - p <= 3
        && has_num
        && (p..e).all(|k| {
            c.is_num(k) || matches!(c.tok(k), "." | "/" | "|" | "(" | ")" | "-" | "–" | "•")
        });
    (furniture || pagination || bare).then_some((p, e))
}

/// List numbering opening a line: "1." or "1)" or "12.3.".
fn list_number(c: &Ctx, p: usize, e: usize) -> Found {
    (c.is_num(p)
        && (int_value(c, p).is_some_and(|v| v < 1000)
            || c.tok(p).len() <= 5 && c.tok(p).contains('.'))
        && matches!(c.tok(p + 1), "." | ")")
        && c.stuck(p + 1)
        && p + 2 < e)
        .then_some((p, p + 2))
}

/// "(1)" opening a line.
fn list_number_in_parentheses(c: &Ctx, p: usize, e: usize) -> Found {
    (c.tok(p) == "(" && c.is_num(p + 1) && c.tok(p + 2) == ")" && p + 3 < e).then_some((p, p + 3))
}

/// "[1]".
fn footnote_in_brackets(c: &Ctx, i: usize) -> Found {
    (c.tok(i.wrapping_sub(1)) == "[" && c.tok(i + 1) == "]" && c.stuck(i) && c.stuck(i + 1))
        .then(|| (i - 1, i + 2))
}

/// "said.1", "end”2".
fn footnote_after_word(c: &Ctx, i: usize) -> Found {
    (i >= 2
        && c.stuck(i)
        && matches!(c.tok(i - 1), "." | "”" | "\"" | ")" | "’" | ",")
        && c.stuck(i - 1)
        && c.is_word(i - 2)
        && !c.stuck(i + 1))
    .then_some((i, i + 1))
}

/// "2008-9", "2019-20".
fn end_of_year_span(c: &Ctx, i: usize) -> Found {
    (i >= 2
        && c.stuck(i)
        && matches!(c.tok(i - 1), "-" | "–")
        && c.stuck(i - 1)
        && year_number(c, i - 2)
        && c.tok(i).len() <= 2)
        .then_some((i, i + 1))
}

/// Digit strings with a leading zero are codes and phone numbers: "020
/// 7946 0958", "007".
fn leading_zero_code(c: &Ctx, i: usize) -> Found {
    let t = c.tok(i);
    if t.len() >= 3
        && t.starts_with('0')
        && t.bytes().all(|x| x.is_ascii_digit())
        && !(c.stuck(i) && c.tok(i.wrapping_sub(1)) == ".")
        && !c.is_num(i.wrapping_sub(1))
    {
        let mut e = i + 1;
        while c.is_num(e) && !c.stuck(e) && c.same_sent(i, e) {
            e += 1;
        }
        return Some((i, e));
    }
    None
}

/// Page numbers after dot leaders in a table of contents: "....3".
fn dot_leader_page(c: &Ctx, i: usize) -> Found {
    (i >= 2 && c.stuck(i) && c.tok(i - 1) == "." && c.tok(i - 2) == ".").then_some((i, i + 1))
}

/// Long digit strings are identifiers ("1474387200"), as are numbers in
/// markup attributes (`id="42"`).
fn identifier(c: &Ctx, i: usize) -> Found {
    (c.tok(i).len() >= 10 && c.tok(i).bytes().all(|x| x.is_ascii_digit())
        || c.stuck(i)
            && matches!(c.tok(i.wrapping_sub(1)), "=" | "\"")
            && c.tok(i.wrapping_sub(2)) == "=")
        .then_some((i, i + 1))
}

/// 6'3", 5′11″.
fn height(c: &Ctx, i: usize) -> Found {
    (matches!(c.tok(i + 1), "'" | "′" | "’") && c.stuck(i + 1) && c.is_num(i + 2) && c.stuck(i + 2))
        .then_some((i, i + 3))
}

/// "3rd", "96th".
fn ordinal(c: &Ctx, i: usize) -> Found {
    ordinal_suffix(c, i + 1).then_some((i, i + 2))
}

/// "1990s", "’90s", "2018s".
fn decade(c: &Ctx, i: usize) -> Found {
    (c.lower(i + 1) == "s" && c.stuck(i + 1) && (c.tok(i).ends_with('0') || year_number(c, i)))
        .then_some((i, i + 2))
}

/// "10:59", "4:39", with "am"/"pm" after.
fn clock_time(c: &Ctx, i: usize) -> Found {
    if c.tok(i + 1) == ":" && c.stuck(i + 1) && c.is_num(i + 2) && c.stuck(i + 2) {
        let mut e = i + 3;
        if MERIDIEMS.contains(c.lower(e)) {
            e += 1;
        }
        return Some((i, e));
    }
    None
}

/// "5am", "10.45pm", "7 p.m.", "9 GMT", "10.30 am".
fn hour_with_time_word(c: &Ctx, i: usize) -> Found {
    let w = c.lower(i + 1);
    ((MERIDIEMS.contains(w) || TIME_WORDS.contains(w))
        && (c.stuck(i + 1)
            || w.contains('.')
            || w.len() > 2
            || int_value(c, i).is_some_and(|v| v <= 12)
            || dotted_hour(c.tok(i)))
        && c.tok(i).len() <= 5)
        .then_some((i, i + 2))
}

/// "10.30", "4.45": an hour (to 12) and two digits of minutes (under 60)
/// joined by a dot, the British way of writing a time; before a spaced
/// "am" or "pm" it is one, as "10 am" is.
fn dotted_hour(t: &str) -> bool {
    let Some((h, m)) = t.split_once('.') else {
        return false;
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    digits(h)
        && h.len() <= 2
        && h.parse::<u8>().is_ok_and(|h| h <= 12)
        && m.len() == 2
        && digits(m)
        && m.parse::<u8>().is_ok_and(|m| m < 60)
}

/// Chains of three or more numbers joined by "-", "/" or ".": dates
/// ("2024-07-10", "10/7/2024") and phone numbers.
fn number_chain(c: &Ctx, i: usize) -> Found {
    let mut e = i;
    let mut parts = 1;
    while matches!(c.tok(e + 1), "-" | "/" | "." | "–")
        && c.stuck(e + 1)
        && c.is_num(e + 2)
        && c.stuck(e + 2)
    {
        e += 2;
        parts += 1;
    }
    (parts >= 3).then_some((i, e + 1))
}

/// "24/7", "9/11".
fn fixed_expression(c: &Ctx, i: usize) -> Found {
    (c.tok(i + 1) == "/"
        && c.stuck(i + 1)
        && matches!((c.tok(i), c.tok(i + 2)), ("24", "7") | ("9", "11")))
    .then_some((i, i + 3))
}

/// "+44 20 7946 0958".
fn international_phone(c: &Ctx, i: usize) -> Found {
    if c.tok(i.wrapping_sub(1)) == "+" && c.stuck(i) && c.is_num(i + 1) && c.is_num(i + 2) {
        let mut e = i;
        while c.is_num(e + 1) && !c.stuck(e + 1) {
            e += 1;
        }
        return Some((i, e + 1));
    }
    None
}

/// "(020) 7946 0958".
fn phone_with_area_code(c: &Ctx, i: usize) -> Found {
    (c.tok(i.wrapping_sub(1)) == "(" && c.tok(i + 1) == ")" && c.is_num(i + 2) && c.is_num(i + 3))
        .then_some((i, i + 4))
}

/// "July 4, 2016", "Feb. 21", "March 29", "September 16-19".
fn date_after_month(c: &Ctx, i: usize) -> Found {
    if !((c.toks[i].space && month(c.tok(i.wrapping_sub(1)))
        || c.tok(i.wrapping_sub(1)) == "." && month(c.tok(i.wrapping_sub(2))))
        && (day_number(c, i) || year_number(c, i)))
    {
        return None;
    }
    let mut e = i + 1;
    if ordinal_suffix(c, e) {
        e += 1;
    }
    if c.tok(e) == "," && year_number(c, e + 1) {
        e += 2;
    } else if year_number(c, e) && day_number(c, i) {
        e += 1;
    } else if matches!(c.tok(e), "-" | "–") && day_number(c, e + 1) {
        e += 2;
    }
    Some((i, e))
}

/// "8 July 2021", "14-15 November", "4th of July".
fn date_before_month(c: &Ctx, i: usize) -> Found {
    if !day_number(c, i) {
        return None;
    }
    let mut k = i + 1;
    if ordinal_suffix(c, k) {
        k += 1;
    }
    if matches!(c.tok(k), "-" | "–") && day_number(c, k + 1) && month(c.tok(k + 2)) {
        k += 2;
    }
    if c.lower(k) == "of" {
        k += 1;
    }
    if month(c.tok(k)) && (c.tok(k) != "May" || year_number(c, k + 1)) {
        let mut e = k + 1;
        if year_number(c, e) {
            e += 1;
        }
        return Some((i, e));
    }
    None
}

/// Numbers after a hyphen on a name or a rank word: "COVID-19", "TA-35",
/// "last-32", "top-10" (but "sub-7 nanometer", "now-18 month-old" are
/// amounts).
fn hyphenated_name(c: &Ctx, i: usize) -> Found {
    if c.tok(i.wrapping_sub(1)) == "-" && c.stuck(i) && c.is_word(i.wrapping_sub(2)) {
        let w = c.lower(i.wrapping_sub(2));
        if c.has_upper(i.wrapping_sub(2)) || c.stuck(i.wrapping_sub(1)) && RANK_WORDS.contains(w) {
            return Some((i, i + 1));
        }
    }
    None
}

/// "575 Wilbraham Road", "16-18 Industrial Avenue".
fn street_address(c: &Ctx, i: usize) -> Found {
    let mut k = i + 1;
    if matches!(c.tok(k), "-" | "–") && c.is_num(k + 1) {
        k += 2;
    }
    let start = k;
    while k < start + 4 && (c.is_cap(k) || c.is_num(k) || ordinal_suffix(c, k)) && c.same_sent(i, k)
    {
        if (k > start || c.is_cap(k + 1)) && STREETS.contains(c.lower(k)) {
            return Some((i, k));
        }
        k += 1;
    }
    None
}

/// A number right before "ZIP" is part of the code's label.
fn zip_code(c: &Ctx, i: usize) -> Found {
    matches!(c.tok(i + 1), "ZIP" | "Zip").then_some((i, i + 1))
}

/// Whether the number at `i` stands right after a name or a label, so that
/// without a unit it is part of a name: "Big 12", "Fox 5", "S&P 500",
/// "iPhone 11", "category 4", "No. 1".
pub fn name_before(c: &Ctx, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let mut p = i - 1;
    if c.tok(p) == "." && p > 0 && matches!(c.lower(p - 1), "no" | "nos" | "vol" | "fig") {
        return true;
    }
    if c.tok(p) == "#" {
        return true;
    }
    if !c.same_sent(p, i) || !c.is_word(p) {
        return false;
    }
    let w = c.lower(p);
    if LABELS.contains(w) && !c.stuck(i) {
        return true;
    }
    if !c.has_upper(p) || weekday(w) || month(c.tok(p)) || w == "i" {
        return false;
    }
    // "In 2018", "About 70%": a capitalised first word is not a name...
    // (but "Formula 1" opening a sentence still is one).
    if c.sentence_initial(p)
        && !c.tok(p).chars().skip(1).any(|ch| ch.is_uppercase())
        && (super::counts::is_stop(w) || Class::Approx.contains(w) || w.ends_with("ly"))
    {
        return false;
    }
    // ...and a currency code is handled as money.
    if matches!(
        c.tok(p),
        "US" | "U.S." | "USD" | "EUR" | "GBP" | "NIS" | "JPY"
    ) {
        return false;
    }
    while p > 0 && c.tok(p - 1) == "-" {
        p -= 1;
    }
    true
}

/// Whether a number at `i` followed by a product word is a model name:
/// "737 Max", "11 Pro", "20 Ultra".
pub fn model_after(c: &Ctx, k: usize) -> bool {
    matches!(
        c.tok(k),
        "Pro"
            | "Max"
            | "Ultra"
            | "Plus"
            | "Mini"
            | "Series"
            | "Edition"
            | "XL"
            | "Lite"
            | "SE"
            | "Note"
            | "Dreamliner"
    )
}

/// Whether a bare integer at token `i` (no unit, no currency) is a year.
/// `plural_counted` says a plural noun follows ("2000 people").
pub fn is_year(c: &Ctx, i: usize, plural_counted: bool) -> bool {
    let before = c.lower_back(i, 1);
    let far = c.tok(i).len() == 4
        && int_value(c, i).is_some_and(|v| (2101..=2199).contains(&v))
        && matches!(before, "by" | "in" | "until" | "to" | "before");
    if far {
        return true;
    }
    if !year_number(c, i) {
        return false;
    }
    let year_prep = matches!(
        before,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "during"
            | "before"
            | "after"
            | "early"
            | "late"
            | "mid"
            | "between"
            | "and"
            | "to"
            | "through"
            | "circa"
            | "c."
            | "fy"
            | "year"
            | "season"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "-"
            | "’"
            | "'"
            | "–"
            | "the"
    );
    // "below 2005 levels", "the 2016 elections": a year naming a time.
    let modified = matches!(
        c.lower(i + 1),
        "levels"
            | "elections"
            | "figures"
            | "prices"
            | "rates"
            | "numbers"
            | "standards"
            | "values"
            | "terms"
            | "dollars"
            | "games"
            | "olympics"
            | "results"
            | "polls"
            | "campaigns"
            | "models"
            | "seasons"
            | "midterms"
            | "primaries"
            | "budgets"
            | "accounts"
    );
    year_prep || modified || !plural_counted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn blocked_texts(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let c = Ctx::new(&doc);
        let b = blocked(&c);
        (0..c.len())
            .filter(|&i| b[i] && c.is_num(i))
            .map(|i| c.tok(i).to_string())
            .collect()
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(
            blocked_texts("Jul 10, 2024 10:59 am"),
            vec!["10", "2024", "10", "59"]
        );
        assert_eq!(
            blocked_texts("on 8 July 2021 and Feb. 21 at 5am"),
            vec!["8", "2021", "21", "5"]
        );
        assert_eq!(
            blocked_texts("on 2024-07-10 or 10/7/2024"),
            vec!["2024", "07", "10", "10", "7", "2024"]
        );
        assert!(blocked_texts("May 5 people").contains(&"5".to_string()));
    }

    #[test]
    fn furniture_lists_footnotes() {
        assert_eq!(blocked_texts("Story.\n1 Comment\n"), vec!["1"]);
        assert_eq!(blocked_texts("1. Norman Roth"), vec!["1"]);
        assert_eq!(blocked_texts("as shown.[3] Then 40 hostages"), vec!["3"]);
        assert!(blocked_texts("1 comment on the 40 hostages").is_empty());
        assert_eq!(
            blocked_texts("call +44 20 7946 0958 now"),
            vec!["44", "20", "7946", "0958"]
        );
    }

    #[test]
    fn ordinals_decades_names() {
        assert_eq!(
            blocked_texts("the 96th minute in the 1990s and COVID-19"),
            vec!["96", "1990", "19"]
        );
        assert_eq!(blocked_texts("at 575 Wilbraham Road"), vec!["575"]);
    }

    /// The rule that blocks the number `num` (its first occurrence) in
    /// `text`, if one does.
    fn rule_for(text: &str, num: &str) -> Option<&'static str> {
        let doc = Doc::new(text);
        let c = Ctx::new(&doc);
        let by = blocked_by(&c);
        let i = (0..c.len()).find(|&i| c.tok(i) == num)?;
        by[i]
    }

    /// One example per rule, and what each leaves alone.
    const EXAMPLES: &[(&str, &str, Option<&str>)] = &[
        ("see www.example.com/2024/page", "2024", Some("web address")),
        ("Story ends.\n12 shares\n", "12", Some("page furniture")),
        ("1. Norman Roth spoke", "1", Some("list number")),
        (
            "(2) Next item here",
            "2",
            Some("list number in parentheses"),
        ),
        ("as shown.[3] Then", "3", Some("footnote mark in brackets")),
        ("they said.4 Then", "4", Some("footnote mark after a word")),
        ("the 2008-9 season", "9", Some("end of a span of years")),
        (
            "call 020 7946 0958",
            "020",
            Some("code with a leading zero"),
        ),
        (
            "Contents....17",
            "17",
            Some("page number after dot leaders"),
        ),
        (
            "record 1474387200 was",
            "1474387200",
            Some("identifier or markup attribute"),
        ),
        ("he is 6'3\" tall", "6", Some("height in feet and inches")),
        ("the 96th minute", "96", Some("ordinal")),
        ("in the 1990s", "1990", Some("decade")),
        ("at 10:59 today", "10", Some("clock time")),
        ("at 5am today", "5", Some("hour with a time word")),
        ("on 10/7/2024 we", "10", Some("date or phone number chain")),
        ("open 24/7 now", "24", Some("fixed expression (24/7, 9/11)")),
        ("call +44 20 7946", "44", Some("international phone number")),
        (
            "call (212) 555 0199",
            "212",
            Some("phone number with area code"),
        ),
        ("on July 4, 2016 it", "4", Some("date after a month")),
        ("on 8 July 2021 it", "8", Some("date before a month")),
        (
            "the COVID-19 crisis",
            "19",
            Some("number on a name or rank word"),
        ),
        ("at 575 Wilbraham Road", "575", Some("street address")),
        (
            "code 02139 ZIP area",
            "02139",
            Some("code with a leading zero"),
        ),
        ("code 2139 ZIP area", "2139", Some("ZIP code")),
        // Figures every rule leaves alone.
        ("40 hostages for 400 prisoners", "40", None),
        ("a sub-7 nanometer chip", "7", None),
        ("it rose 30% to $2.5bn", "30", None),
        ("May 5 people came", "5", Some("date after a month")),
        ("in 10 hrs of talks", "10", None),
    ];

    #[test]
    fn each_rule_blocks_its_example_and_leaves_figures_alone() {
        for (text, num, want) in EXAMPLES {
            assert_eq!(rule_for(text, num), *want, "{num} in {text:?}");
        }
    }

    #[test]
    fn every_rule_has_an_example() {
        let names = RUN_RULES
            .iter()
            .map(|r| r.name)
            .chain(LINE_RULES.iter().map(|r| r.name))
            .chain(NUMBER_RULES.iter().map(|r| r.name));
        for name in names {
            assert!(
                EXAMPLES.iter().any(|e| e.2 == Some(name)),
                "no example for the rule {name:?}"
            );
        }
    }
}
