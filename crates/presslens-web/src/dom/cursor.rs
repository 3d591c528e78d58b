//! The current annotation: the one the reader moved to with the keyboard
//! ([`super::nav`]) or chose in the panel. It is painted apart (the
//! `presslens-current` highlight, or `data-presslens-current` on its
//! `<mark>`s) so that sighted keyboard users see where they are, and the
//! next move starts from it.

use web_sys::{Element, Range};

use super::paint;
use super::spans::Hl;

/// The attribute on the `<mark>`s of the current annotation (fallback
/// paint); the page's CSS hook, like the highlight's name.
pub const CURRENT_ATTR: &str = "data-presslens-current";

/// Where the current annotation is painted.
enum Painted {
    Nothing,
    /// In the `presslens-current` highlight.
    Range(Range),
    /// Its marks carry [`CURRENT_ATTR`].
    Marks(Vec<Element>),
}

/// The current annotation, if any.
pub(super) struct Cursor {
    /// Its index among the painter's spans.
    pub(super) span: Option<usize>,
    painted: Painted,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            span: None,
            painted: Painted::Nothing,
        }
    }
}

impl Cursor {
    /// Makes span `i` current, painted over `range` (highlights) or on
    /// `marks` (the fallback; `range` is then not kept).
    pub(super) fn set(&mut self, i: usize, range: Option<&Range>, marks: Vec<Element>) {
        self.unpaint();
        self.span = Some(i);
        if !marks.is_empty() {
            for m in &marks {
                let _ = m.set_attribute(CURRENT_ATTR, "");
            }
            self.painted = Painted::Marks(marks);
        } else if let Some(r) = range {
            // A page that broke the Highlight API only loses the emphasis.
            if paint::hl_add(Hl::Current, r)
                .and_then(|()| paint::hl_show(Hl::Current))
                .is_ok()
            {
                self.painted = Painted::Range(r.clone());
            }
        }
    }

    /// No current annotation (a new pass, clear, or its marks re-wrapped).
    pub(super) fn reset(&mut self) {
        self.unpaint();
        self.span = None;
    }

    fn unpaint(&mut self) {
        match std::mem::replace(&mut self.painted, Painted::Nothing) {
            Painted::Nothing => {}
            Painted::Range(r) => {
                // A range the page keeps painted is only the current mark.
                let _ = paint::hl_remove(Hl::Current, &r);
            }
            Painted::Marks(ms) => {
                for m in ms {
                    let _ = m.remove_attribute(CURRENT_ATTR);
                }
            }
        }
    }
}
