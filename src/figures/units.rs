//! Units and currencies: what a number is measured in.
//!
//! Both lexicons live in `data/` (`figures_units.txt`,
//! `figures_currencies.txt`) and are parsed once. Forms are token sequences
//! written with single spaces (`km / h`), matched longest first against the
//! figure tokens. Names are what [`crate::report::Figure::unit`] says:
//! singular full words ("mile per hour", "pound sterling").

use std::sync::OnceLock;

use super::lex::{Ctx, Kind};
use crate::lexicon::{entries, FastMap, FastSet};

const UNITS_SRC: &str = include_str!("../../data/figures_units.txt");
const CURRENCIES_SRC: &str = include_str!("../../data/figures_currencies.txt");

/// How a form may be matched.
#[derive(Debug, Clone, Copy)]
struct Form {
    name: &'static str,
    /// Must touch the token before it (short forms: "37m", "5g").
    stuck: bool,
}

/// Room for a joined key while looking it up: longer than any form.
const KEY_ROOM: usize = 96;

/// A lookup table of forms: exact keys, and lowercase keys for forms that
/// are all lowercase and at least three characters long. Keys are built
/// once and kept for the life of the program.
#[derive(Default)]
struct Table {
    exact: FastMap<&'static str, Form>,
    folded: FastMap<&'static str, Form>,
    /// Lowercased first and last tokens of every form: a quick "no" for
    /// tokens that cannot start (end) one.
    firsts: FastSet<&'static str>,
    lasts: FastSet<&'static str>,
    max_parts: usize,
}

impl Table {
    fn add(&mut self, form: &str, name: &'static str, short_needs_stuck: bool) {
        let (spaced, form) = match form.strip_prefix('~') {
            Some(f) => (true, f.trim()),
            None => (false, form),
        };
        let mut key = String::new();
        for w in form.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w);
        }
        if key.is_empty() || key.len() + 2 > KEY_ROOM {
            return;
        }
        let key: &'static str = key.leak();
        let low: &'static str = key.to_lowercase().leak();
        self.firsts.insert(low.split(' ').next().unwrap_or(""));
        self.lasts.insert(key.rsplit(' ').next().unwrap_or(""));
        let stuck = short_needs_stuck && !spaced && key.chars().count() <= 2;
        let f = Form { name, stuck };
        self.max_parts = self.max_parts.max(key.split(' ').count());
        if key.chars().count() >= 3 && !key.chars().any(|c| c.is_uppercase()) {
            self.folded.insert(key, f);
        }
        self.exact.insert(key, f);
    }

    /// Whether a form may start at a token whose lowercased text is `w`
    /// (or at its singular, for the plural "s" of word forms).
    fn may_start(&self, w: &str) -> bool {
        self.firsts.contains(w) || w.strip_suffix('s').is_some_and(|x| self.firsts.contains(x))
    }

    /// Longest form starting at token `k`: (one past its last token, form).
    fn longest(&self, c: &Ctx, k: usize) -> Option<(usize, Form)> {
        if !self.may_start(c.lower(k)) {
            return None;
        }
        let (mut exact, mut folded) = ([0u8; KEY_ROOM], [0u8; KEY_ROOM]);
        for n in (1..=self.max_parts).rev() {
            let e = k + n;
            if e > c.len() || !c.same_sent(k, e - 1) {
                continue;
            }
            // No spaces inside symbol forms like "km/h" are required, but a
            // form never runs across a comma or a bracket.
            if (k + 1..e).any(|j| matches!(c.tok(j), "," | "(" | ")" | ";")) {
                continue;
            }
            if let Some(f) = c
                .join_into(k, e, false, &mut exact)
                .and_then(|key| self.exact.get(key))
            {
                return Some((e, *f));
            }
            let Some(low) = c.join_into(k, e, true, &mut folded) else {
                continue;
            };
            if let Some(f) = self.folded.get(low) {
                return Some((e, *f));
            }
            // Plural "s" of a word form: "miles", "shekels", "FEET" is listed.
            if c.is_word(e - 1) && low.len() > 3 && low.ends_with('s') && !low.ends_with("ss") {
                if let Some(f) = self.folded.get(&low[..low.len() - 1]) {
                    return Some((e, *f));
                }
            }
        }
        None
    }
}

struct Lexicons {
    units: Table,
    prefixes: Table,
    suffixes: Table,
}

fn lexicons() -> &'static Lexicons {
    static L: OnceLock<Lexicons> = OnceLock::new();
    L.get_or_init(|| {
        let mut units = Table::default();
        for line in entries(UNITS_SRC) {
            let mut parts = line.splitn(2, '|');
            let name = parts.next().unwrap_or("").trim();
            for form in parts.next().unwrap_or("").split(';') {
                units.add(form.trim(), name, true);
            }
        }
        let (mut prefixes, mut suffixes) = (Table::default(), Table::default());
        for line in entries(CURRENCIES_SRC) {
            let mut parts = line.splitn(3, '|');
            let name = parts.next().unwrap_or("").trim();
            for form in parts.next().unwrap_or("").split(';') {
                prefixes.add(form.trim(), name, false);
            }
            for form in parts.next().unwrap_or("").split(';') {
                suffixes.add(form.trim(), name, true);
            }
        }
        Lexicons {
            units,
            prefixes,
            suffixes,
        }
    })
}

/// A unit found after a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// One past the last token of the unit.
    pub e: usize,
    pub name: String,
    pub currency: bool,
}

/// A unit of measure starting at token `k` (right after a number, or after
/// a hyphen touching it: "six-week", "40-year-old").
pub fn measure(c: &Ctx, k: usize) -> Option<Unit> {
    after_amount(&lexicons().units, c, k, false)
}

/// A currency written after an amount: "100 shekels", "1,200€", "110 JPY".
pub fn currency_suffix(c: &Ctx, k: usize) -> Option<Unit> {
    after_amount(&lexicons().suffixes, c, k, true)
}

/// The longest form of `table` starting at token `k`, if it sits right: a
/// form that must touch its number does, and a short letter form does not
/// run on into a word ("5 m long" and "5min" are fine, "4 in the" is not
/// inches).
fn after_amount(table: &Table, c: &Ctx, k: usize, currency: bool) -> Option<Unit> {
    let (e, f) = table.longest(c, k)?;
    if f.stuck && !c.stuck(k) {
        return None;
    }
    if c.stuck(e) && c.is_word(e) {
        return None;
    }
    Some(Unit {
        e,
        name: f.name.to_string(),
        currency,
    })
}

/// A currency written before an amount that starts at token `p`: "$",
/// "US $", "$US", "NIS", "PS" (a mangled "£"), "Y=". Returns the first
/// token of the prefix and the currency's name.
pub fn currency_prefix(c: &Ctx, p: usize) -> Option<(usize, &'static str)> {
    let table = &lexicons().prefixes;
    if p == 0 || !table.lasts.contains(c.tok(p - 1)) {
        return None;
    }
    let mut buf = [0u8; KEY_ROOM];
    for n in (1..=table.max_parts.min(p)).rev() {
        let k = p - n;
        if !c.same_sent(k, p) {
            continue;
        }
        let Some(key) = c.join_into(k, p, false, &mut buf) else {
            continue;
        };
        if let Some(f) = table.exact.get(key) {
            // Letter codes of two letters must touch the amount ("PS2.7m",
            // not "PS 5"), and a code must not be the end of a longer word.
            let letters = key.chars().all(|ch| ch.is_alphabetic());
            if letters && key == "PS" && !c.stuck(p) {
                continue;
            }
            if letters && c.stuck(k) && c.is_word(k.wrapping_sub(1)) {
                continue;
            }
            // A one-letter code must touch its symbol: "A$5", not "A $5".
            if (k..p).any(|j| c.is_word(j) && c.tok(j).chars().count() == 1 && !c.stuck(j + 1)) {
                continue;
            }
            // "$" inside a word like "Ke$ha" is not money.
            if k > 0
                && c.stuck(k)
                && c.kind(k - 1) == Some(Kind::Word)
                && !letters
                && key.starts_with('$')
            {
                continue;
            }
            return Some((k, f.name));
        }
    }
    None
}

/// Time units that "a"/"an" can make a rate of: "$3,500 a month".
fn rate_noun(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "minute"
            | "hour"
            | "day"
            | "night"
            | "week"
            | "month"
            | "year"
            | "decade"
            | "century"
            | "share"
            | "barrel"
            | "gallon"
            | "litre"
            | "liter"
            | "ounce"
            | "pound"
            | "kilo"
            | "kilogram"
            | "gram"
            | "head"
            | "person"
            | "piece"
            | "unit"
            | "ton"
            | "tonne"
            | "game"
            | "season"
            | "visit"
    )
}

/// Singular of a plural noun, roughly: "shares" → "share", "cities" → "city".
pub fn singular(w: &str) -> String {
    let l = w.to_lowercase();
    if let Some(s) = l.strip_suffix("ies").filter(|s| s.len() > 1) {
        return format!("{s}y");
    }
    if l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
    {
        return l[..l.len() - 1].to_string();
    }
    l
}

/// "per gram", "a month", "/h", "per square foot" after a unit ending
/// before token `k`: returns one past the rate and the per-part's name.
pub fn rate(c: &Ctx, k: usize) -> Option<(usize, String)> {
    let (e, name) = rate_inner(c, k)?;
    // "$8 a year ago", "$6.8bn a year earlier": a time, not a rate.
    if matches!(
        c.lower(e),
        "ago" | "earlier" | "later" | "before" | "after" | "previously"
    ) {
        return None;
    }
    Some((e, name))
}

fn rate_inner(c: &Ctx, k: usize) -> Option<(usize, String)> {
    let w = c.lower(k);
    let hy = w == "-"
        && c.stuck(k)
        && matches!(c.lower(k + 1), "a" | "an" | "per")
        && c.tok(k + 2) == "-";
    let (kw, k) = if hy { (c.lower(k + 1), k + 1) } else { (w, k) };
    if !matches!(kw, "per" | "a" | "an" | "/" | "each") || !c.same_sent(k, k + 1) {
        return None;
    }
    let mut j = k + 1;
    if hy && c.tok(j) == "-" {
        j += 1;
    }
    if let Some((e, f)) = lexicons().units.longest(c, j) {
        // A "/" unit only when glued to the number ("5/kg"), never a rate or a percentage.
        let glued_slash = kw != "/" || c.stuck(j);
        if glued_slash && !f.name.contains(" per ") && f.name != "percentage" {
            let name = f.name.trim_end_matches(" of age");
            if matches!(kw, "a" | "an" | "each")
                && !rate_noun(name.rsplit(' ').next().unwrap_or(name))
            {
                return None;
            }
            return Some((e, name.to_string()));
        }
    }
    if c.is_word(j) && c.lower(j).chars().all(|ch| ch.is_alphabetic()) {
        let noun = singular(c.tok(j));
        if matches!(kw, "per" | "/") && !super::counts::is_stop(c.lower(j)) || rate_noun(&noun) {
            return Some((j + 1, noun));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn unit_at(text: &str, k: usize) -> Option<String> {
        let doc = Doc::new(text);
        let c = Ctx::new(&doc);
        measure(&c, k).map(|u| u.name)
    }

    #[test]
    fn lexicons_load_and_match() {
        assert_eq!(unit_at("87 mph", 1).as_deref(), Some("mile per hour"));
        assert_eq!(
            unit_at("140 km/h", 1).as_deref(),
            Some("kilometre per hour")
        );
        assert_eq!(unit_at("30 yards", 1).as_deref(), Some("yard"));
        assert_eq!(unit_at("11 FEET", 1).as_deref(), Some("foot"));
        assert_eq!(unit_at("19 per cent", 1).as_deref(), Some("percentage"));
        assert_eq!(unit_at("37m long", 1).as_deref(), Some("metre"));
        assert_eq!(unit_at("37 m long", 1), None);
        assert_eq!(unit_at("4 in the", 1), None);
        assert_eq!(unit_at("40-year-old", 2).as_deref(), Some("year of age"));
    }

    #[test]
    fn currencies() {
        let text = "US $58.24 and NIS 100 and PS2.7m and PS 5";
        let doc = Doc::new(text);
        let c = Ctx::new(&doc);
        let at = |s: &str| (0..c.len()).find(|&i| c.tok(i) == s).unwrap();
        assert_eq!(currency_prefix(&c, at("58.24")), Some((0, "dollar")));
        assert_eq!(currency_prefix(&c, at("100")).map(|p| p.1), Some("shekel"));
        assert_eq!(
            currency_prefix(&c, at("2")).map(|p| p.1),
            Some("pound sterling")
        );
        assert_eq!(currency_prefix(&c, at("5")), None);
        assert_eq!(singular("shares"), "share");
    }
}
