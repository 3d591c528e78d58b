//! How sure the automatic scope is of its root, in named terms the panel
//! can act on: when it is low, the reader is told and offered the whole
//! page or a root of their own choosing.
//!
//! The thresholds were set on the train split of the human-gold page sets
//! (`make eval-scope` prints the confidence per page; see the README's
//! "Article scope, measured"), never on the validation split.

/// Whether the page's own metadata agrees with the detected root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// A semantic marker (`[itemprop=articleBody]`, `<article>`, `<main>`)
    /// holds the root or sits inside it, or the JSON-LD `articleBody`
    /// begins in the root's text.
    Agrees,
    /// The page has no such metadata.
    Silent,
    /// The JSON-LD `articleBody` does not begin anywhere in the root's text:
    /// the root is something else than the article the page describes.
    Disagrees,
}

impl Agreement {
    /// The agreement's name, as the panel and the e2e runs print it.
    pub fn name(self) -> &'static str {
        match self {
            Agreement::Agrees => "agrees",
            Agreement::Silent => "silent",
            Agreement::Disagrees => "disagrees",
        }
    }
}

/// The evidence for one detected root.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Confidence {
    /// `1 − rival / best`: how far the winning candidate's score is ahead of
    /// the best-scoring candidate that is neither inside the root nor around
    /// it (1 when there is no rival, 0 when there is no winner at all).
    pub margin: f32,
    /// The root's share of the page's kept text (0..1).
    pub share: f32,
    /// Characters of kept text in the root (the scorer's count; once the
    /// text is read, the browser's overlay gives the annotated text's).
    pub chars: u32,
    /// What the page's metadata says about the root.
    pub metadata: Agreement,
}

/// A root holding less than this share of the page's text is doubtful when
/// a rival is close ([`MIN_MARGIN`]): a caption or a teaser beside the
/// real story.
pub const MIN_SHARE: f32 = 0.15;
/// Below this margin a rival container is close enough to be the article
/// instead.
pub const MIN_MARGIN: f32 = 0.5;
/// Below this many characters of annotated text (about 35 words) the root
/// holds a caption, a teaser or a table cell rather than an article.
pub const MIN_CHARS: u32 = 200;

impl Confidence {
    /// The confidence of a root the scorer did not find (nothing scored:
    /// the whole body is used).
    pub fn none(chars: u32) -> Confidence {
        Confidence {
            margin: 0.0,
            share: 1.0,
            chars,
            metadata: Agreement::Silent,
        }
    }

    /// Whether the panel should say that the article was not found with
    /// confidence: the metadata contradicts the root, or the root is too
    /// short to be an article, or it holds a small share of the page while a
    /// rival is close and no metadata backs it.
    pub fn low(&self) -> bool {
        match self.metadata {
            Agreement::Disagrees => true,
            _ if self.chars < MIN_CHARS => true,
            Agreement::Agrees => false,
            Agreement::Silent => self.share < MIN_SHARE && self.margin < MIN_MARGIN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(margin: f32, share: f32, chars: u32, metadata: Agreement) -> Confidence {
        Confidence {
            margin,
            share,
            chars,
            metadata,
        }
    }

    #[test]
    fn each_named_term_can_make_it_low() {
        let (close, small) = (MIN_MARGIN / 2.0, MIN_SHARE / 2.0);
        assert!(!c(0.9, 0.5, 3000, Agreement::Silent).low());
        assert!(c(0.9, 0.5, 3000, Agreement::Disagrees).low());
        assert!(c(0.9, 0.5, MIN_CHARS - 1, Agreement::Agrees).low());
        assert!(c(close, small, 3000, Agreement::Silent).low());
        // A close rival alone, or a small share alone, is not enough.
        assert!(!c(close, 0.5, 3000, Agreement::Silent).low());
        assert!(!c(0.9, small, 3000, Agreement::Silent).low());
        // Metadata backs a small winner with a close rival.
        assert!(!c(close, small, 3000, Agreement::Agrees).low());
        // Nothing scored: a short page is doubtful, a long one is the page.
        assert!(Confidence::none(100).low());
    }
}
