//! Keyboard access: the shortcuts (one table, which the panel and the
//! README list), and moving through the annotations in reading order.
//!
//! Pure Rust over key names and spans, so native tests reach it; the
//! overlay ([`super::Overlay::shortcut`]) does what a shortcut says.
//!
//! Why Alt+Shift and physical keys: single letters are the quick keys of
//! screen readers' browse modes (NVDA and JAWS read "q" as the next block
//! quote), Ctrl+Shift letters are the browsers' own, and Alt+Shift with a
//! letter is neither a browser's nor a screen reader's command in
//! Chromium or Firefox (Firefox's page access keys are Alt+Shift, which is
//! why a page that defines `accesskey="p"` keeps its key: see
//! [`Shortcut::of`]). `KeyboardEvent.code` names the key whatever the
//! layout, and on a Mac Option+Shift turns `key` into a symbol.

use super::spans::{Kinds, Span};

/// What a PressLens shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Moves to the next annotation of a shown kind, in reading order.
    Next,
    /// Moves to the previous one.
    Previous,
    /// Opens the panel and moves focus into it (or back to the page when
    /// focus is already in it).
    Panel,
    /// Shows or hides every kind of mark at once.
    Highlights,
}

/// One shortcut: its key (`KeyboardEvent.code`, with Alt+Shift), how the
/// panel and the README write it, and what it does.
pub struct Binding {
    pub shortcut: Shortcut,
    pub code: &'static str,
    pub keys: &'static str,
    pub does: &'static str,
}

/// Every shortcut; the panel's help and the README list this table.
pub const BINDINGS: &[Binding] = &[
    Binding {
        shortcut: Shortcut::Next,
        code: "Period",
        keys: "Alt+Shift+.",
        does: "Next annotation (quote, party or figure), read out",
    },
    Binding {
        shortcut: Shortcut::Previous,
        code: "Comma",
        keys: "Alt+Shift+,",
        does: "Previous annotation",
    },
    Binding {
        shortcut: Shortcut::Panel,
        code: "KeyP",
        keys: "Alt+Shift+P",
        does: "Open the panel and move to it; again: back to the page",
    },
    Binding {
        shortcut: Shortcut::Highlights,
        code: "KeyH",
        keys: "Alt+Shift+H",
        does: "Show or hide all marks",
    },
];

/// The modifier keys held with a key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mods {
    pub alt: bool,
    pub shift: bool,
    pub ctrl: bool,
    pub meta: bool,
}

impl Shortcut {
    /// The shortcut a key press is: Alt+Shift and one of [`BINDINGS`]'
    /// keys, no Ctrl or Meta (Ctrl+Alt is AltGr on Windows, where it types
    /// characters). `in_field`: the press goes to a text field or an
    /// editable element of the page, where it is the reader's typing.
    /// `access_key`: the page has an `accesskey` for that letter, which
    /// Firefox binds to Alt+Shift: the page's own key wins.
    pub fn of(code: &str, mods: Mods, in_field: bool, access_key: bool) -> Option<Shortcut> {
        if !(mods.alt && mods.shift) || mods.ctrl || mods.meta || in_field || access_key {
            return None;
        }
        BINDINGS.iter().find(|b| b.code == code).map(|b| b.shortcut)
    }
}

/// The letter of a `KeyX` code, for the page's `accesskey` check.
pub fn letter(code: &str) -> Option<char> {
    let c = code.strip_prefix("Key")?;
    let mut chars = c.chars();
    let l = chars.next()?;
    (chars.next().is_none() && l.is_ascii_uppercase()).then(|| l.to_ascii_lowercase())
}

/// The span to move to from `current` (`None`: from before the first, or
/// after the last, span), forward or back, among the spans of a shown kind
/// that are painted (`painted(i)`); wraps around at either end. `None` when
/// no span qualifies.
pub fn step(
    spans: &[Span],
    kinds: Kinds,
    painted: impl Fn(usize) -> bool,
    current: Option<usize>,
    forward: bool,
) -> Option<usize> {
    let n = spans.len();
    if n == 0 {
        return None;
    }
    let ok = |i: usize| kinds.shows(spans[i].target.kind()) && painted(i);
    // Positions in visiting order, starting after (or before) `current`.
    let first = match (current, forward) {
        (Some(c), true) => c + 1,
        (Some(c), false) => c + n - 1,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    (0..n)
        .map(|k| {
            if forward {
                (first + k) % n
            } else {
                (first + n - k % n) % n
            }
        })
        .find(|&i| ok(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::spans::{Kind, Target};

    const ALT_SHIFT: Mods = Mods {
        alt: true,
        shift: true,
        ctrl: false,
        meta: false,
    };

    #[test]
    fn every_binding_is_its_own_key_and_is_found_by_it() {
        for b in BINDINGS {
            assert_eq!(
                Shortcut::of(b.code, ALT_SHIFT, false, false),
                Some(b.shortcut)
            );
            assert!(b.keys.starts_with("Alt+Shift+"), "{}", b.keys);
            assert!(!b.does.is_empty());
            assert_eq!(BINDINGS.iter().filter(|c| c.code == b.code).count(), 1);
        }
    }

    #[test]
    fn typing_other_modifiers_and_the_pages_access_keys_are_left_alone() {
        // (code, modifiers, in a text field, page has that access key)
        let cases: &[(&str, Mods, bool, bool)] = &[
            ("Period", Mods::default(), false, false),
            (
                "Period",
                Mods {
                    ctrl: true,
                    ..ALT_SHIFT
                },
                false,
                false,
            ),
            (
                "Period",
                Mods {
                    meta: true,
                    ..ALT_SHIFT
                },
                false,
                false,
            ),
            (
                "Period",
                Mods {
                    shift: false,
                    ..ALT_SHIFT
                },
                false,
                false,
            ),
            ("Period", ALT_SHIFT, true, false),
            ("KeyP", ALT_SHIFT, false, true),
            ("KeyZ", ALT_SHIFT, false, false),
        ];
        for &(code, mods, field, access) in cases {
            assert_eq!(
                Shortcut::of(code, mods, field, access),
                None,
                "{code} {mods:?}"
            );
        }
    }

    #[test]
    fn the_readme_lists_every_shortcut() {
        let readme = include_str!("../../../../README.md");
        for b in BINDINGS {
            let row = ["| ", b.keys, " |"].concat();
            assert!(
                readme.contains(&row),
                "README's Accessibility table: {}",
                b.keys
            );
        }
    }

    #[test]
    fn letters_of_key_codes() {
        assert_eq!(letter("KeyP"), Some('p'));
        assert_eq!(letter("Period"), None);
        assert_eq!(letter("Key"), None);
    }

    fn span(target: Target, start: u32) -> Span {
        Span {
            target,
            start,
            end: start + 5,
        }
    }

    #[test]
    fn steps_wrap_around_and_skip_hidden_kinds_and_unpainted_spans() {
        let spans = [
            span(Target::Quote(0), 0),
            span(Target::Party(0, 0), 2),
            span(Target::Figure(0), 10),
            span(Target::Quote(1), 20),
        ];
        let all = |_| true;
        assert_eq!(step(&spans, Kinds::ALL, all, None, true), Some(0));
        assert_eq!(step(&spans, Kinds::ALL, all, None, false), Some(3));
        assert_eq!(step(&spans, Kinds::ALL, all, Some(3), true), Some(0));
        assert_eq!(step(&spans, Kinds::ALL, all, Some(0), false), Some(3));
        assert_eq!(step(&spans, Kinds::ALL, all, Some(1), true), Some(2));
        let mut quotes = Kinds::NONE;
        quotes.set(Kind::Quote, true);
        assert_eq!(step(&spans, quotes, all, Some(0), true), Some(3));
        assert_eq!(step(&spans, quotes, all, Some(3), true), Some(0));
        assert_eq!(step(&spans, Kinds::ALL, |i| i != 1, Some(0), true), Some(2));
        assert_eq!(step(&spans, Kinds::NONE, all, None, true), None);
        assert_eq!(step(&[], Kinds::ALL, all, None, true), None);
    }
}
