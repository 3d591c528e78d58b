//! PressLens marks quotes, named parties and claimed figures in news text.
//!
//! The engine is pure Rust over text: [`annotate`] takes an article's text and
//! returns a [`Report`] with UTF-8 byte offsets. Everything around it adapts
//! that one call: the command-line tool (`src/bin/presslens.rs`) re-expresses
//! offsets as Unicode characters, the wasm API ([`wasm`], wasm32 only) as
//! UTF-16 code units, and the DOM layer ([`dom`], wasm32 only) turns them into
//! ranges on the page.
//!
//! Data flows one way: text → [`text::Doc`] (tokens, sentences, paragraphs) →
//! [`parties`] → [`quotes`] (speakers resolved against the parties) and
//! [`figures`] → [`Report`].

pub mod export;
pub mod figures;
pub mod lexicon;
pub mod offsets;
pub mod parties;
pub mod quotes;
pub mod report;
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod eval;

#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use offsets::Unit;
pub use report::{Cue, Figure, Mention, Party, PartyKind, Quote, Relation, RelationKind, Report, Speaker};

/// Annotates `text`, returning offsets as UTF-8 byte offsets into it.
///
/// Never panics, whatever the input; an empty text gives an empty report.
pub fn annotate(text: &str) -> Report {
    let doc = text::Doc::new(text);
    let parties = parties::find(&doc);
    let quotes = quotes::find(&doc, &parties);
    let figures = figures::find(&doc);
    Report { quotes, parties, figures }
}

/// Annotates `text`, returning offsets in `unit`.
pub fn annotate_in(text: &str, unit: Unit) -> Report {
    annotate(text).into_unit(text, unit)
}
