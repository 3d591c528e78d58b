//! What the overlay paints, as data: the three kinds of mark, the highlight
//! names that are also the page's CSS hooks, and a report's spans in UTF-16
//! offsets.
//!
//! Pure Rust (no DOM), so the painter, the `<mark>` fallback, the panel and
//! the tooltips all read the same names and the same span order, and native
//! tests reach it.

use presslens::report::Report;

/// A kind of mark the reader can show or hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Quote,
    Party,
    Figure,
}

impl Kind {
    /// Every kind, in panel and paint order (quotes lie under the parties
    /// and figures inside them).
    pub const ALL: [Kind; 3] = [Kind::Quote, Kind::Party, Kind::Figure];

    /// Position in [`Kind::ALL`] and in per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Option<Kind> {
        Kind::ALL.get(i).copied()
    }

    /// The kind an option or API argument names: singular or plural
    /// ("quote", "quotes").
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.names().contains(&name))
    }

    /// The option names of this kind: singular and plural.
    pub fn names(self) -> [&'static str; 2] {
        match self {
            Kind::Quote => ["quote", "quotes"],
            Kind::Party => ["party", "parties"],
            Kind::Figure => ["figure", "figures"],
        }
    }

    /// The highlight that paints this kind.
    pub fn highlight(self) -> Hl {
        match self {
            Kind::Quote => Hl::Quote,
            Kind::Party => Hl::Party,
            Kind::Figure => Hl::Figure,
        }
    }
}

/// Which kinds are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds([bool; 3]);

impl Kinds {
    pub const ALL: Kinds = Kinds([true; 3]);
    pub const NONE: Kinds = Kinds([false; 3]);

    pub fn shows(self, k: Kind) -> bool {
        self.0[k.index()]
    }

    pub fn set(&mut self, k: Kind, on: bool) {
        self.0[k.index()] = on;
    }

    /// Exactly the kinds named in `names` (singular or plural; unknown
    /// names are ignored).
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Kinds {
        let mut out = Kinds::NONE;
        for k in names.into_iter().filter_map(Kind::from_name) {
            out.set(k, true);
        }
        out
    }
}

impl Default for Kinds {
    fn default() -> Self {
        Kinds::ALL
    }
}

/// A named highlight in `CSS.highlights`. Its name is also the CSS hook for
/// theming (`::highlight(presslens-quote)`) and, in the `<mark>` fallback,
/// the mark's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hl {
    Quote,
    Party,
    Figure,
    /// The brief flash on the item a panel entry scrolls to.
    Flash,
    /// The annotation the reader moved to with the keyboard.
    Current,
}

impl Hl {
    pub const COUNT: usize = 5;

    pub fn index(self) -> usize {
        self as usize
    }

    pub const fn name(self) -> &'static str {
        match self {
            Hl::Quote => "presslens-quote",
            Hl::Party => "presslens-party",
            Hl::Figure => "presslens-figure",
            Hl::Flash => "presslens-flash",
            Hl::Current => "presslens-current",
        }
    }

    /// Painting priority: a later highlight is drawn over an earlier one.
    pub fn priority(self) -> i32 {
        self as i32
    }
}

/// What one painted span marks: an index in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Quote(usize),
    /// Party index and mention index.
    Party(usize, usize),
    Figure(usize),
}

impl Target {
    pub fn kind(self) -> Kind {
        match self {
            Target::Quote(_) => Kind::Quote,
            Target::Party(..) => Kind::Party,
            Target::Figure(_) => Kind::Figure,
        }
    }
}

/// A span of the text and what it marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub target: Target,
    pub start: u32,
    pub end: u32,
}

/// Every non-empty span of a report (UTF-16 offsets), sorted by start, the
/// longer first where two start together (so an enclosing quote comes
/// before the names inside it).
pub fn spans(report: &Report) -> Vec<Span> {
    let mut out = Vec::new();
    let mut add = |target, s: usize, e: usize| {
        if s < e {
            out.push(Span {
                target,
                start: s as u32,
                end: e as u32,
            });
        }
    };
    for (i, q) in report.quotes.iter().enumerate() {
        add(Target::Quote(i), q.start, q.end);
    }
    for (i, p) in report.parties.iter().enumerate() {
        for (j, m) in p.mentions.iter().enumerate() {
            add(Target::Party(i, j), m.start, m.end);
        }
    }
    for (i, f) in report.figures.iter().enumerate() {
        add(Target::Figure(i), f.start, f.end);
    }
    out.sort_by_key(|s| (s.start, u32::MAX - s.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_option_names() {
        let k = Kinds::from_names(["quotes", "figure", "bogus"]);
        assert!(k.shows(Kind::Quote) && k.shows(Kind::Figure) && !k.shows(Kind::Party));
        assert_eq!(Kinds::from_names([]), Kinds::NONE);
        assert_eq!(Kind::from_name("parties"), Some(Kind::Party));
        assert_eq!(Kind::from_name("Party"), None);
    }

    #[test]
    fn kinds_index_round_trip_and_highlight_names_differ() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_index(k.index()), Some(k));
        }
        assert_eq!(Kind::from_index(3), None);
        let names = [Hl::Quote, Hl::Party, Hl::Figure, Hl::Flash, Hl::Current].map(Hl::name);
        for (i, a) in names.iter().enumerate() {
            assert!(a.starts_with("presslens-"));
            assert!(names[i + 1..].iter().all(|b| b != a));
        }
    }

    #[test]
    fn spans_are_sorted_outer_first_and_skip_empty() {
        let report = presslens::annotate(
            "“We will not give in,” said Benjamin Netanyahu, citing 40 hostages.",
        );
        let s = spans(&report);
        assert!(!s.is_empty());
        assert!(s.iter().all(|x| x.start < x.end));
        assert!(s
            .windows(2)
            .all(|w| (w[0].start, u32::MAX - w[0].end) <= (w[1].start, u32::MAX - w[1].end)));
        for k in Kind::ALL {
            assert!(s.iter().any(|x| x.target.kind() == k), "{k:?} in {s:?}");
        }
    }
}
