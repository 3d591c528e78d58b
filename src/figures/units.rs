//! Units and currencies: what a number is measured in.
//!
//! One vocabulary, `data/figures_units.txt`, parsed once: each unit with
//! its [`Dimension`] and its forms after the number ("5 km", "100
//! shekels", "1,200€") and, for currencies, before it ("$5", "NIS 100").
//! Its hand-written part is the authority; its last part is imported from
//! quantulum3 by `scripts/import-quantulum3.py` (`make units`). Forms are
//! token sequences written with single spaces (`km / h`), matched longest
//! first against the figure tokens. Names are what
//! [`crate::report::Figure::unit`] says: singular full words ("mile per
//! hour", "pound sterling").
//!
//! Scales ("million", "bn", "k") are lines of the same file, of dimension
//! `scale`, their factor in the fourth column: never a unit, they are kept
//! apart in their own look-up ([`scale`]) that the number reader asks.

use std::sync::OnceLock;

use super::lex::{Ctx, Kind};
use crate::lexicon::{entries, FastMap, FastSet};

/// The unit vocabulary, compiled in and parsed at first use.
const VOCABULARY: &str = include_str!("../../data/figures_units.txt");

/// What a unit measures: the vocabulary's second column. A dimension the
/// vocabulary names that is not listed here makes its line invalid
/// ([`Entry::parse`]), so a typo cannot pass silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Currency,
    Percentage,
    Age,
    Time,
    Length,
    Area,
    Volume,
    VolumeRate,
    Mass,
    Speed,
    FuelEconomy,
    Frequency,
    Torque,
    Force,
    Power,
    Energy,
    ElectricPotential,
    Current,
    CurrentDensity,
    Charge,
    Capacitance,
    Data,
    DataRate,
    ImageResolution,
    SoundLevel,
    Pressure,
    Angle,
    Temperature,
    Concentration,
    Radioactivity,
    VolumetricFlow,
    /// "times", "-fold": a figure read as a multiplier.
    Multiplier,
    SportsStatistic,
    /// "million", "bn", "k": a word that multiplies the number before it
    /// ([`scale`]), never a figure's unit.
    Scale,
}

impl Dimension {
    /// The dimension a vocabulary line names.
    fn parse(s: &str) -> Option<Dimension> {
        use Dimension::*;
        Some(match s {
            "currency" => Currency,
            "percentage" => Percentage,
            "age" => Age,
            "time" => Time,
            "length" => Length,
            "area" => Area,
            "volume" => Volume,
            "volume rate" => VolumeRate,
            "mass" => Mass,
            "speed" => Speed,
            "fuel economy" => FuelEconomy,
            "frequency" => Frequency,
            "torque" => Torque,
            "force" => Force,
            "power" => Power,
            "energy" => Energy,
            "electric potential" => ElectricPotential,
            "current" => Current,
            "current density" => CurrentDensity,
            "charge" => Charge,
            "capacitance" => Capacitance,
            "data" => Data,
            "data rate" => DataRate,
            "image resolution" => ImageResolution,
            "sound level" => SoundLevel,
            "pressure" => Pressure,
            "angle" => Angle,
            "temperature" => Temperature,
            "concentration" => Concentration,
            "radioactivity" => Radioactivity,
            "volumetric flow" => VolumetricFlow,
            "multiplier" => Multiplier,
            "sports statistic" => SportsStatistic,
            "scale" => Scale,
            _ => return None,
        })
    }
}

/// One line of the vocabulary: `name | dimension | forms after [| forms
/// before]`, the forms separated by ";"; a scale's fourth column is its
/// factor (`million | scale | million ; mn ; m | 1e6`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    name: &'static str,
    dimension: Dimension,
    after: &'static str,
    before: &'static str,
    /// A scale's factor; 0 for any other unit.
    factor: f64,
}

/// Why a vocabulary line is no [`Entry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BadLine {
    /// Fewer than three or more than four columns.
    Columns,
    EmptyName,
    UnknownDimension,
    /// Forms before the number for a unit that is no currency.
    BeforeNotCurrency,
    /// A scale without a positive factor in its fourth column.
    ScaleFactor,
}

impl Entry {
    fn parse(line: &'static str) -> Result<Entry, BadLine> {
        let cols: Vec<&'static str> = line.split('|').map(str::trim).collect();
        if !(3..=4).contains(&cols.len()) {
            return Err(BadLine::Columns);
        }
        if cols[0].is_empty() {
            return Err(BadLine::EmptyName);
        }
        let dimension = Dimension::parse(cols[1]).ok_or(BadLine::UnknownDimension)?;
        let fourth = cols.get(3).copied().unwrap_or("");
        if dimension == Dimension::Scale {
            let factor = fourth.parse::<f64>().ok().filter(|f| *f > 0.0);
            return Ok(Entry {
                name: cols[0],
                dimension,
                after: cols[2],
                before: "",
                factor: factor.ok_or(BadLine::ScaleFactor)?,
            });
        }
        if !fourth.is_empty() && dimension != Dimension::Currency {
            return Err(BadLine::BeforeNotCurrency);
        }
        Ok(Entry {
            name: cols[0],
            dimension,
            after: cols[2],
            before: fourth,
            factor: 0.0,
        })
    }
}

/// How a form may be matched.
#[derive(Debug, Clone, Copy)]
struct Form {
    name: &'static str,
    dimension: Dimension,
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
    fn add(&mut self, form: &str, e: &Entry, short_needs_stuck: bool) {
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
        let f = Form {
            name: e.name,
            dimension: e.dimension,
            stuck,
        };
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

/// The vocabulary's look-up tables: forms after a number (units and
/// currencies alike, one table, so a form answers one way) and currency
/// forms before it.
struct Lexicons {
    after: Table,
    before: Table,
    /// Scale forms, lowercased: "million", "bn", "k".
    scales: FastMap<&'static str, Scale>,
}

/// A scale after a number: "2.5bn", "four million", "10k".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub factor: f64,
    /// The form is one letter ("m", "k"): a scale only stuck to its number
    /// and where the context says so, else a unit ("5m" is metres).
    pub letter: bool,
    /// The form is the scale's name, the word spelled out ("million"):
    /// it may close a spelled number ("two million").
    pub word: bool,
}

/// The scale whose form (lowercased) is `w`, from the vocabulary's lines
/// of dimension `scale`.
pub fn scale(w: &str) -> Option<Scale> {
    lexicons().scales.get(w).copied()
}

fn lexicons() -> &'static Lexicons {
    static L: OnceLock<Lexicons> = OnceLock::new();
    L.get_or_init(|| {
        let (mut after, mut before) = (Table::default(), Table::default());
        let mut scales = FastMap::default();
        // A line that does not parse is left out; `vocabulary_parses`
        // fails on it.
        for e in entries(VOCABULARY).filter_map(|l| Entry::parse(l).ok()) {
            if e.dimension == Dimension::Scale {
                for form in e.after.split(';').map(str::trim).filter(|f| !f.is_empty()) {
                    let low: &'static str = form.to_lowercase().leak();
                    let sc = Scale {
                        factor: e.factor,
                        letter: low.chars().count() == 1,
                        word: low == e.name,
                    };
                    scales.insert(low, sc);
                }
                continue;
            }
            for form in e.after.split(';') {
                after.add(form.trim(), &e, true);
            }
            for form in e.before.split(';') {
                before.add(form.trim(), &e, false);
            }
        }
        Lexicons {
            after,
            before,
            scales,
        }
    })
}

/// A unit found after a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// One past the last token of the unit.
    pub e: usize,
    pub name: String,
    pub dimension: Dimension,
}

/// A unit of measure starting at token `k` (right after a number, or after
/// a hyphen touching it: "six-week", "40-year-old").
pub fn measure(c: &Ctx, k: usize) -> Option<Unit> {
    after_amount(&lexicons().after, c, k)
}

/// The longest form of `table` starting at token `k`, if it sits right: a
/// form that must touch its number does, and a short letter form does not
/// run on into a word ("5 m long" and "5min" are fine, "4 in the" is not
/// inches).
fn after_amount(table: &Table, c: &Ctx, k: usize) -> Option<Unit> {
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
        dimension: f.dimension,
    })
}

/// A currency written before an amount that starts at token `p`: "$",
/// "US $", "$US", "NIS", "PS" (a mangled "£"), "Y=". Returns the first
/// token of the prefix and the currency's name.
pub fn currency_prefix(c: &Ctx, p: usize) -> Option<(usize, &'static str)> {
    let table = &lexicons().before;
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
    if let Some((e, f)) = lexicons().after.longest(c, j) {
        // A "/" unit only when glued to the number ("5/kg"), never a rate or a percentage.
        let glued_slash = kw != "/" || c.stuck(j);
        if glued_slash && !f.name.contains(" per ") && f.dimension != Dimension::Percentage {
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

    /// Every line of the vocabulary parses: a typo in a dimension or a
    /// column count fails here rather than silently dropping a unit.
    #[test]
    fn vocabulary_parses() {
        let bad: Vec<(&str, BadLine)> = entries(VOCABULARY)
            .filter_map(|l| Entry::parse(l).err().map(|e| (l, e)))
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(
            Entry::parse("metre | length | m"),
            Ok(Entry {
                name: "metre",
                dimension: Dimension::Length,
                after: "m",
                before: "",
                factor: 0.0,
            })
        );
        assert_eq!(
            Entry::parse("million | scale | million ; m | 1e6").map(|e| e.factor),
            Ok(1e6)
        );
        assert_eq!(
            Entry::parse("million | scale | million"),
            Err(BadLine::ScaleFactor)
        );
        assert_eq!(
            Entry::parse("metre | lenght | m"),
            Err(BadLine::UnknownDimension)
        );
        assert_eq!(
            Entry::parse("metre | length | m | $"),
            Err(BadLine::BeforeNotCurrency)
        );
        assert_eq!(Entry::parse("metre | m"), Err(BadLine::Columns));
    }

    /// Lowercase "t" and "g" are tonnes and grams after a space too: no
    /// word, initial or grade is written so after a number ("C", "F", "L"
    /// are, and must touch it).
    #[test]
    fn spaced_letter_symbols() {
        assert_eq!(
            unit_at("It carried 500 t of grain.", 3).as_deref(),
            Some("tonne")
        );
        assert_eq!(
            unit_at("It holds 40 g of sugar.", 3).as_deref(),
            Some("gram")
        );
        assert_eq!(unit_at("It was 12 C in the shade.", 3), None);
        assert_eq!(
            unit_at("It was 12C in the shade.", 3).as_deref(),
            Some("celsius")
        );
    }

    /// Scales answer from their own look-up, never as units.
    #[test]
    fn scales_are_no_units() {
        assert_eq!(scale("bn").map(|s| s.factor), Some(1e9));
        assert_eq!(
            scale("million").map(|s| (s.factor, s.word)),
            Some((1e6, true))
        );
        assert_eq!(scale("mln").map(|s| s.word), Some(false));
        assert_eq!(scale("k").map(|s| s.letter), Some(true));
        assert_eq!(scale("metre"), None);
        assert_eq!(unit_at("It is 2.5 bn away.", 3), None);
    }

    /// Units and currencies after a number answer from one table, with
    /// their dimension.
    #[test]
    fn one_table_after_the_number() {
        let dim = |text: &str, k: usize| {
            let doc = Doc::new(text);
            let c = Ctx::new(&doc);
            measure(&c, k).map(|u| (u.name, u.dimension))
        };
        assert_eq!(
            dim("40 euros", 1),
            Some(("euro".into(), Dimension::Currency))
        );
        assert_eq!(
            dim("110 JPY", 1),
            Some(("japanese yen".into(), Dimension::Currency))
        );
        assert_eq!(
            dim("5 km", 1),
            Some(("kilometre".into(), Dimension::Length))
        );
        assert_eq!(
            dim("6.5 times", 1),
            Some(("count".into(), Dimension::Multiplier))
        );
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
