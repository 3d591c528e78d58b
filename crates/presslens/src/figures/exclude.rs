//! Numbers that are not figures: dates, times, years, ordinals, phone
//! numbers, addresses, page furniture, list numbering, footnote marks and
//! parts of names.
//!
//! [`blocked`] marks tokens that can never start or be part of a figure.
//! Some tests need to know what follows the number (a unit rescues "Tylenol
//! 500mg" from the name rule), so they are separate functions the caller
//! asks once it has read the unit: [`name_before`], [`is_year`].

use super::lex::{Ctx, Kind};
use crate::lexicon::WordSet;

fn month(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

pub fn weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

fn int_value(c: &Ctx, i: usize) -> Option<u32> {
    let t = c.t(i);
    if c.is_num(i) && !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

fn day_number(c: &Ctx, i: usize) -> bool {
    int_value(c, i).is_some_and(|v| (1..=31).contains(&v)) && c.t(i).len() <= 2
}

fn year_number(c: &Ctx, i: usize) -> bool {
    c.t(i).len() == 4 && int_value(c, i).is_some_and(|v| (1000..=2100).contains(&v))
}

fn ordinal_suffix(c: &Ctx, i: usize) -> bool {
    matches!(c.l(i), "st" | "nd" | "rd" | "th") && c.stuck(i)
}

/// Words after which a number is a label, not a quantity: "category 4",
/// "Game 7", "No. 1", "page 3".
static LABELS: WordSet = WordSet::new(include_str!("../../data/figures_labels.txt"));

/// Street words that end an address: "575 Wilbraham Road".
static STREETS: WordSet = WordSet::new(include_str!("../../data/figures_streets.txt"));

/// Words that make a short line page furniture: "1 Comment", "12 shares".
static FURNITURE: WordSet = WordSet::new(include_str!("../../data/figures_furniture.txt"));

/// Marks the tokens that cannot be part of a figure.
pub fn blocked(c: &Ctx) -> Vec<bool> {
    let n = c.len();
    let mut b = vec![false; n];
    let set = |b: &mut Vec<bool>, s: usize, e: usize| {
        for x in b.iter_mut().take(e.min(n)).skip(s) {
            *x = true;
        }
    };
    // Addresses on the web: URLs, e-mail and domain names, query strings.
    let mut r = 0;
    while r < n {
        let mut e = r + 1;
        while e < n && c.stuck(e) {
            e += 1;
        }
        if e - r < 2 {
            r = e;
            continue;
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
            r = e;
            continue;
        }
        let low = run.to_ascii_lowercase();
        let web = [
            "://", "www.", "@", ".com", ".org", ".net", ".io", ".html", "%2f", "%3a", "?id=",
            "&amp;",
        ]
        .iter()
        .any(|m| low.contains(m));
        if web && e - r > 1 && run.contains(|ch: char| ch.is_ascii_alphabetic()) {
            set(&mut b, r, e);
        }
        r = e;
    }
    // Page furniture: a short line of numbers and furniture words.
    let mut p = 0;
    while p < n {
        let para = c.toks[p].para;
        let mut e = p;
        while e < n && c.toks[e].para == para {
            e += 1;
        }
        let has_num = (p..e).any(|k| c.is_num(k));
        let furniture = e - p <= 6
            && has_num
            && (p..e).all(|k| {
                c.is_num(k) || c.kind(k) == Some(Kind::Punct) || FURNITURE.contains(c.l(k))
            })
            && (p..e).any(|k| c.is_word(k));
        let pagination = e - p == 3 && c.is_num(p) && c.l(p + 1) == "of" && c.is_num(p + 2);
        // A line that is only a number: a counter or a rating widget.
        let bare = e - p <= 3
            && has_num
            && (p..e).all(|k| {
                c.is_num(k) || matches!(c.t(k), "." | "/" | "|" | "(" | ")" | "-" | "–" | "•")
            });
        if furniture || pagination || bare {
            set(&mut b, p, e);
        }
        // List numbering: "1." or "1)" or "(1)" or "12.3." opening a line.
        if c.is_num(p)
            && (int_value(c, p).is_some_and(|v| v < 1000)
                || c.t(p).len() <= 5 && c.t(p).contains('.'))
            && matches!(c.t(p + 1), "." | ")")
            && c.stuck(p + 1)
            && p + 2 < e
        {
            set(&mut b, p, p + 2);
        }
        if c.t(p) == "(" && c.is_num(p + 1) && c.t(p + 2) == ")" && p + 3 < e {
            set(&mut b, p, p + 3);
        }
        p = e;
    }
    for i in 0..n {
        if !c.is_num(i) {
            continue;
        }
        // Footnote marks: "[1]", "said.1".
        if c.t(i.wrapping_sub(1)) == "[" && c.t(i + 1) == "]" && c.stuck(i) && c.stuck(i + 1) {
            set(&mut b, i - 1, i + 2);
        }
        if i >= 2
            && c.stuck(i)
            && matches!(c.t(i - 1), "." | "”" | "\"" | ")" | "’" | ",")
            && c.stuck(i - 1)
            && c.is_word(i - 2)
            && !c.stuck(i + 1)
        {
            set(&mut b, i, i + 1);
        }
        // The end of a span of years: "2008-9", "2019-20".
        if i >= 2
            && c.stuck(i)
            && matches!(c.t(i - 1), "-" | "–")
            && c.stuck(i - 1)
            && year_number(c, i - 2)
            && c.t(i).len() <= 2
        {
            set(&mut b, i, i + 1);
        }
        // Digit strings with a leading zero are codes and phone numbers:
        // "020 7946 0958", "007".
        if c.t(i).len() >= 3
            && c.t(i).starts_with('0')
            && c.t(i).bytes().all(|x| x.is_ascii_digit())
            && !(c.stuck(i) && c.t(i.wrapping_sub(1)) == ".")
            && !c.is_num(i.wrapping_sub(1))
        {
            let mut e = i + 1;
            while c.is_num(e) && !c.stuck(e) && c.same_sent(i, e) {
                e += 1;
            }
            set(&mut b, i, e);
        }
        // Page numbers after dot leaders in a table of contents: "....3".
        if i >= 2 && c.stuck(i) && c.t(i - 1) == "." && c.t(i - 2) == "." {
            set(&mut b, i, i + 1);
        }
        // Long digit strings are identifiers ("1474387200"), as are numbers
        // in markup attributes (`id="42"`).
        if c.t(i).len() >= 10 && c.t(i).bytes().all(|x| x.is_ascii_digit())
            || c.stuck(i)
                && matches!(c.t(i.wrapping_sub(1)), "=" | "\"")
                && c.t(i.wrapping_sub(2)) == "="
        {
            set(&mut b, i, i + 1);
        }
        // Heights: 6'3", 5′11″.
        if matches!(c.t(i + 1), "'" | "′" | "’")
            && c.stuck(i + 1)
            && c.is_num(i + 2)
            && c.stuck(i + 2)
        {
            set(&mut b, i, i + 3);
        }
        // Ordinals: "3rd", "96th".
        if ordinal_suffix(c, i + 1) {
            set(&mut b, i, i + 2);
        }
        // Decades: "1990s", "’90s", "2018s".
        if c.l(i + 1) == "s" && c.stuck(i + 1) && c.t(i).ends_with('0')
            || c.l(i + 1) == "s" && c.stuck(i + 1) && year_number(c, i)
        {
            set(&mut b, i, i + 2);
        }
        // Clock times: "10:59", "4:39", with "am"/"pm" after.
        if c.t(i + 1) == ":" && c.stuck(i + 1) && c.is_num(i + 2) && c.stuck(i + 2) {
            let mut e = i + 3;
            if matches!(c.l(e), "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m") {
                e += 1;
            }
            set(&mut b, i, e);
        }
        // "5am", "10.45pm", "7 p.m."
        if matches!(
            c.l(i + 1),
            "am" | "pm"
                | "a.m."
                | "p.m."
                | "a.m"
                | "p.m"
                | "o'clock"
                | "o’clock"
                | "hrs"
                | "gmt"
                | "utc"
                | "bst"
                | "est"
                | "et"
                | "pt"
                | "pdt"
                | "edt"
        ) && (c.stuck(i + 1)
            || c.l(i + 1).contains('.')
            || c.l(i + 1).len() > 2
            || int_value(c, i).is_some_and(|v| v <= 12))
            && c.t(i).len() <= 5
            && c.l(i + 1) != "hrs"
        {
            set(&mut b, i, i + 2);
        }
        // Chains of three or more numbers joined by "-", "/" or ".":
        // dates ("2024-07-10", "10/7/2024") and phone numbers.
        let mut e = i;
        let mut parts = 1;
        while matches!(c.t(e + 1), "-" | "/" | "." | "–")
            && c.stuck(e + 1)
            && c.is_num(e + 2)
            && c.stuck(e + 2)
        {
            e += 2;
            parts += 1;
        }
        if parts >= 3 {
            set(&mut b, i, e + 1);
        }
        // "24/7", "9/11".
        if matches!(c.t(i + 1), "/")
            && c.stuck(i + 1)
            && matches!((c.t(i), c.t(i + 2)), ("24", "7") | ("9", "11"))
        {
            set(&mut b, i, i + 3);
        }
        // Phone numbers: "+44 20 7946 0958", "(020) 7946 0958".
        if c.t(i.wrapping_sub(1)) == "+" && c.stuck(i) && c.is_num(i + 1) && c.is_num(i + 2) {
            let mut e = i;
            while c.is_num(e + 1) && !c.stuck(e + 1) {
                e += 1;
            }
            set(&mut b, i, e + 1);
        }
        if c.t(i.wrapping_sub(1)) == "(" && c.t(i + 1) == ")" && c.is_num(i + 2) && c.is_num(i + 3)
        {
            set(&mut b, i, i + 4);
        }
        // Dates: "July 4, 2016", "Feb. 21", "March 29", "8 July 2021".
        if (c.toks[i].space && month(c.t(i.wrapping_sub(1)))
            || c.t(i.wrapping_sub(1)) == "." && month(c.t(i.wrapping_sub(2))))
            && (day_number(c, i) || year_number(c, i))
        {
            let mut e = i + 1;
            if ordinal_suffix(c, e) {
                e += 1;
            }
            if c.t(e) == "," && year_number(c, e + 1) {
                e += 2;
            } else if year_number(c, e) && day_number(c, i) {
                e += 1;
            } else if matches!(c.t(e), "-" | "–") && day_number(c, e + 1) {
                e += 2; // "September 16-19"
            }
            set(&mut b, i, e);
        }
        if day_number(c, i) {
            let mut k = i + 1;
            if ordinal_suffix(c, k) {
                k += 1;
            }
            // "14-15 November"
            if matches!(c.t(k), "-" | "–") && day_number(c, k + 1) && month(c.t(k + 2)) {
                k += 2;
            }
            if c.l(k) == "of" {
                k += 1;
            }
            if month(c.t(k)) && (c.t(k) != "May" || year_number(c, k + 1)) {
                let mut e = k + 1;
                if year_number(c, e) {
                    e += 1;
                }
                set(&mut b, i, e);
            }
        }
        // Numbers after a hyphen on a name or a rank word: "COVID-19",
        // "TA-35", "last-32", "top-10" (but "sub-7 nanometer", "now-18
        // month-old" are amounts).
        if c.t(i.wrapping_sub(1)) == "-" && c.stuck(i) && c.is_word(i.wrapping_sub(2)) {
            let w = c.l(i.wrapping_sub(2));
            if c.has_upper(i.wrapping_sub(2))
                || c.stuck(i.wrapping_sub(1))
                    && matches!(
                        w,
                        "last"
                            | "top"
                            | "bottom"
                            | "under"
                            | "post"
                            | "pre"
                            | "mid"
                            | "round"
                            | "covid"
                            | "sars"
                            | "group"
                            | "best"
                            | "worst"
                            | "final"
                            | "g"
                            | "u"
                            | "no"
                            | "number"
                            | "level"
                            | "grade"
                            | "type"
                            | "class"
                            | "category"
                    )
            {
                set(&mut b, i, i + 1);
            }
        }
        // Addresses: "575 Wilbraham Road", "16-18 Industrial Avenue".
        let mut k = i + 1;
        if matches!(c.t(k), "-" | "–") && c.is_num(k + 1) {
            k += 2;
        }
        let start = k;
        while k < start + 4
            && (c.capitalised(k) || c.is_num(k) || ordinal_suffix(c, k))
            && c.same_sent(i, k)
        {
            if (k > start || c.capitalised(k + 1)) && STREETS.contains(c.l(k)) {
                set(&mut b, i, k);
                break;
            }
            k += 1;
        }
        if matches!(c.t(i + 1), "ZIP" | "Zip") {
            set(&mut b, i, i + 1);
        }
    }
    b
}

/// Whether the number at `i` stands right after a name or a label, so that
/// without a unit it is part of a name: "Big 12", "Fox 5", "S&P 500",
/// "iPhone 11", "category 4", "No. 1".
pub fn name_before(c: &Ctx, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let mut p = i - 1;
    if c.t(p) == "." && p > 0 && matches!(c.l(p - 1), "no" | "nos" | "vol" | "fig") {
        return true;
    }
    if c.t(p) == "#" {
        return true;
    }
    if !c.same_sent(p, i) || !c.is_word(p) {
        return false;
    }
    let w = c.l(p);
    if LABELS.contains(w) && !c.stuck(i) {
        return true;
    }
    if !c.has_upper(p) || weekday(w) || month(c.t(p)) || w == "i" {
        return false;
    }
    // "In 2018", "About 70%": a capitalised first word is not a name...
    // (but "Formula 1" opening a sentence still is one).
    if c.sentence_initial(p)
        && !c.t(p).chars().skip(1).any(|ch| ch.is_uppercase())
        && (super::counts::is_stop(w) || super::APPROX.contains(&w) || w.ends_with("ly"))
    {
        return false;
    }
    // ...and a currency code is handled as money.
    if matches!(
        c.t(p),
        "US" | "U.S." | "USD" | "EUR" | "GBP" | "NIS" | "JPY"
    ) {
        return false;
    }
    while p > 0 && c.t(p - 1) == "-" {
        p -= 1;
    }
    true
}

/// Whether a number at `i` followed by a product word is a model name:
/// "737 Max", "11 Pro", "20 Ultra".
pub fn model_after(c: &Ctx, k: usize) -> bool {
    matches!(
        c.t(k),
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
    let before = c.lb(i, 1);
    let far = c.t(i).len() == 4
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
        c.l(i + 1),
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
            .map(|i| c.t(i).to_string())
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
}
