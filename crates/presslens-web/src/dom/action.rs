//! The panel's buttons, named once: the panel writes an [`Action`] into a
//! button's `data-action`, the overlay's click listeners read it back. Both
//! sides (`panel` renders, `mod` and `pick` act) use this leaf module and
//! none of each other, and no action is matched as a string anywhere else.
//! [`ScopeNote`], what the panel says about the article scope, sits here for
//! the same reason: `pick` and the overlay make it, `panel` shows it.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::download::Export;

/// What a panel button asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Close the panel.
    Close,
    /// Save the report as a file.
    Download(Export),
    /// Annotate the whole page (the scope was not confident).
    WholePage,
    /// Let the reader pick the article's block.
    Pick,
    /// Leave pick mode.
    CancelPick,
    /// Make room for the panel beside the page, or lay it over the page
    /// again.
    SideBySide,
}

impl Action {
    pub const ALL: [Action; 7] = [
        Action::Close,
        Action::Download(Export::Report),
        Action::Download(Export::WebAnnotations),
        Action::WholePage,
        Action::Pick,
        Action::CancelPick,
        Action::SideBySide,
    ];

    /// The button's `data-action` value.
    pub fn name(self) -> &'static str {
        match self {
            Action::Close => "close",
            Action::Download(Export::Report) => "download-report",
            Action::Download(Export::WebAnnotations) => "download-w3c",
            Action::WholePage => "scope-page",
            Action::Pick => "scope-pick",
            Action::CancelPick => "scope-cancel",
            Action::SideBySide => "side-by-side",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Writes the action on a panel button.
    pub fn mark(self, button: &Element) {
        let _ = button.set_attribute("data-action", self.name());
    }

    /// The action of the button a click landed in, if any.
    pub fn of_click(e: &Event) -> Option<Action> {
        let button = e
            .target()?
            .dyn_into::<Element>()
            .ok()?
            .closest("[data-action]")
            .ok()
            .flatten()?;
        Action::from_name(&button.get_attribute("data-action")?)
    }
}

/// What the panel says about the article scope, above the summary.
#[derive(Clone, Copy, Debug, Default)]
pub struct ScopeNote {
    /// The automatic scope is not confident ([`super::confidence`]): say so
    /// and offer the whole page or a root picked by the reader.
    pub low: bool,
    /// A paywall rule matched ([`super::paywall`]).
    pub paywall: bool,
    /// The reader is picking a root ([`super::pick`]).
    pub picking: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_name_that_reads_back() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
        assert_eq!(Action::from_name("download"), None);
    }
}
