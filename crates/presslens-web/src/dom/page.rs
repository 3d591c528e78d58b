//! The page as the DOM layer sees it: its document, the marker on every
//! element of ours, and the one error type of the layer.
//!
//! Every submodule reaches the document through here rather than through
//! `mod.rs`, so the overlay (in `mod.rs`) sits on top of its parts and no
//! part imports it back.

use std::fmt;

use web_sys::Document;

/// The class on our own UI host; the scope and the text collector skip it.
pub const UI_CLASS: &str = "presslens-ui";

/// Why the DOM layer could not do what it was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// No `window.document` (a worker, or a detached realm).
    NoDocument,
    /// The document has no `<body>` (and, where that is needed, no root
    /// element either).
    NoBody,
    /// The root selector does not parse.
    InvalidSelector(String),
    /// The root selector matches nothing.
    NoMatch(String),
    /// The root is neither an element, a selector nor nothing.
    BadRoot,
    /// A browser API we need is missing or refused (`DOMParser`, a shadow
    /// root, an element).
    Unavailable(&'static str),
    /// A report given to `paint` does not fit the collected text.
    BadReport(String),
    /// An option has the wrong type.
    BadOptions(String),
    /// A page API threw (the page replaced or broke it).
    Page { api: &'static str, detail: String },
    /// A pass failed with `cause` and everything it had changed was taken
    /// back out of the page.
    Undone(Box<Error>),
    /// `cause` kept PressLens from putting `nodes` text nodes back: the
    /// page still shows them wrapped in marks (never twice), and the next
    /// `clear()` tries again.
    Leftover { cause: Box<Error>, nodes: usize },
    /// `cause` kept PressLens from taking its own UI or highlights out of
    /// the page (`what`); the next `clear()` tries again.
    Left {
        cause: Box<Error>,
        what: &'static str,
    },
}

impl Error {
    /// The message without the "presslens: " prefix.
    fn body(&self) -> String {
        let s = self.to_string();
        s.strip_prefix("presslens: ").unwrap_or(&s).to_string()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("presslens: ")?;
        match self {
            Error::NoDocument => f.write_str("no document"),
            Error::NoBody => f.write_str("the document has no body"),
            Error::InvalidSelector(s) => write!(f, "invalid selector {s}"),
            Error::NoMatch(s) => write!(f, "no element matches {s}"),
            Error::BadRoot => f.write_str("root must be an element, a selector or nothing"),
            Error::Unavailable(what) => write!(f, "cannot use {what}"),
            Error::BadReport(why) => write!(f, "the report does not fit the text: {why}"),
            Error::BadOptions(why) => write!(f, "bad options: {why}"),
            Error::Page { api, detail } => write!(f, "the page's {api} threw ({detail})"),
            Error::Undone(cause) => write!(f, "{}; the pass was undone", cause.body()),
            Error::Leftover { cause, nodes } => write!(
                f,
                "{}; {nodes} text node(s) of the page are still wrapped in marks \
                 (shown once, never twice): call clear() again to put them back",
                cause.body()
            ),
            Error::Left { cause, what } => write!(
                f,
                "{}; {what} could not be removed: call clear() again",
                cause.body()
            ),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// The page's document.
pub fn document() -> Result<Document> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or(Error::NoDocument)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_product_and_the_cause() {
        assert_eq!(
            Error::NoMatch("#story".into()).to_string(),
            "presslens: no element matches #story"
        );
        assert_eq!(
            Error::Unavailable("DOMParser").to_string(),
            "presslens: cannot use DOMParser"
        );
        let threw = Error::Page {
            api: "Node.prototype.removeChild",
            detail: "nope".into(),
        };
        assert_eq!(
            Error::Undone(Box::new(threw.clone())).to_string(),
            "presslens: the page's Node.prototype.removeChild threw (nope); the pass was undone"
        );
        let left = Error::Leftover {
            cause: Box::new(threw),
            nodes: 3,
        };
        assert!(left
            .to_string()
            .starts_with("presslens: the page's Node.prototype.removeChild threw (nope); 3 text"));
    }
}
