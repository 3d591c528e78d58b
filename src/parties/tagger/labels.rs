//! The tagger's labels: BIO over five kinds of name.

/// What a tagged name is. `Other` (events, works, nationalities used as
/// adjectives: CoNLL's MISC) is learnt as a class of its own so that such
/// names are not forced into one of the four party kinds, and is then
/// dropped by the parties layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A place.
    Place,
    /// A people or a collective ("Palestinians").
    Group,
    /// Any other name (an event, a work, a nationality as an adjective).
    Other,
}

impl Kind {
    /// Every kind, in label order.
    pub const ALL: [Kind; 5] = [
        Kind::Person,
        Kind::Organization,
        Kind::Place,
        Kind::Group,
        Kind::Other,
    ];

    fn index(self) -> usize {
        self as usize
    }

    /// The report's kind of a tagged name; `Other` (CoNLL's MISC: events,
    /// works, nationalities) is no party.
    pub fn party_kind(self) -> Option<crate::report::PartyKind> {
        use crate::report::PartyKind;
        Some(match self {
            Kind::Person => PartyKind::Person,
            Kind::Organization => PartyKind::Organization,
            Kind::Place => PartyKind::Place,
            Kind::Group => PartyKind::Group,
            Kind::Other => return None,
        })
    }
}

/// Number of labels: O, then B and I of each kind.
pub const LABELS: usize = 1 + 2 * Kind::ALL.len();

/// Label O (outside any name).
pub const OUT: u8 = 0;

/// The label opening a name of kind `k`.
pub fn begin(k: Kind) -> u8 {
    (1 + 2 * k.index()) as u8
}

/// The label continuing a name of kind `k`.
pub fn inside(k: Kind) -> u8 {
    (2 + 2 * k.index()) as u8
}

/// The kind of a B or I label.
pub fn kind_of(label: u8) -> Option<Kind> {
    if label == OUT || label as usize >= LABELS {
        return None;
    }
    Some(Kind::ALL[(label as usize - 1) / 2])
}

pub fn is_begin(label: u8) -> bool {
    label != OUT && label % 2 == 1
}

/// BIO: an I label may only follow the B or I of the same kind.
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    if cur == OUT || is_begin(cur) {
        return true;
    }
    prev.is_some_and(|p| p != OUT && kind_of(p) == kind_of(cur))
}

/// Token ranges `a..b` and kinds of the names a label sequence spells.
pub fn spans(labels: &[u8], offset: usize, out: &mut Vec<(usize, usize, Kind)>) {
    let mut open: Option<(usize, Kind)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let k = kind_of(l);
        let continues = !is_begin(l) && k.is_some() && open.is_some_and(|(_, ok)| Some(ok) == k);
        if continues {
            continue;
        }
        if let Some((a, ok)) = open.take() {
            out.push((offset + a, offset + i, ok));
        }
        if let Some(k) = k {
            open = Some((i, k));
        }
    }
    if let Some((a, ok)) = open {
        out.push((offset + a, offset + labels.len(), ok));
    }
}
