//! PressLens marks quotes, named parties and claimed figures in news text.
//!
//! The engine is pure Rust over text: [`annotate`] takes an article's text and
//! returns a [`Report`] with UTF-8 byte offsets. Everything around it adapts
//! that one call, in crates of their own: the command line (`presslens-cli`)
//! re-expresses offsets as Unicode characters, the JS API (`presslens-web`) as
//! UTF-16 code units, and its DOM layer turns them into ranges on the page.
//! This crate has no wasm or JSON dependency.
//!
//! Data flows one way: text → [`text::Doc`] (tokens, sentences, paragraphs) →
//! [`parties`] → [`quotes`] (speakers resolved against the parties) and
//! [`figures`] → [`Report`].
//!
//! The public surface is what the command line, the web crate and the
//! trainers need: [`annotate`] and the report's types at the root; the
//! layers' entry points, the tagger and the speaker ranking with their
//! trainers below. The rest is `pub(crate)`, and every public item says
//! what it is (`missing_docs`).
#![warn(missing_docs)]

pub mod export;
pub mod figures;
pub(crate) mod lexicon;
pub mod offsets;
pub mod parties;
pub mod quotes;
pub mod report;
pub mod scope;
mod shuffle;
pub mod text;

pub use offsets::Unit;
pub use report::{
    Cue, Figure, Mention, Party, PartyKind, Quote, Relation, RelationKind, Report, Speaker,
    SpeakerKind,
};

/// Annotates `text`, returning offsets as UTF-8 byte offsets into it.
///
/// Never panics, whatever the input; an empty text gives an empty report.
pub fn annotate(text: &str) -> Report {
    annotate_with(text, parties::tagger::shipped())
}

/// [`annotate`] with another parties tagger than the compiled-in one (or
/// none: the rules alone), to compare models without rebuilding.
pub fn annotate_with(text: &str, tagger: Option<&parties::tagger::Model>) -> Report {
    let doc = text::Doc::new(text);
    let parties = parties::find_with(&doc, tagger);
    after_parties(&doc, parties)
}

/// The layers after the parties: quotes (speakers resolved against the
/// parties) and figures.
fn after_parties(doc: &text::Doc, parties: Vec<Party>) -> Report {
    let quotes = quotes::find(doc, &parties);
    let figures = figures::find(doc);
    Report {
        quotes,
        parties,
        figures,
    }
}

/// Annotates `text`, returning offsets in `unit`.
pub fn annotate_in(text: &str, unit: Unit) -> Report {
    annotate(text).into_unit(text, unit)
}

/// [`annotate_in`] in two calls, for a caller that must keep each call
/// short (the browser's JavaScript build, on a long text annotated whole):
/// `annotate_rest(text, find_parties(text), unit)` is exactly
/// `annotate_in(text, unit)`. Step one: the parties (UTF-8 offsets), about
/// two thirds of the work.
pub fn find_parties(text: &str) -> Vec<Party> {
    parties::find_with(&text::Doc::new(text), parties::tagger::shipped())
}

/// Step two of [`find_parties`]: quotes and figures, and the report in
/// `unit`. The text is read again (tokens, sentences), a tenth of the work.
pub fn annotate_rest(text: &str, parties: Vec<Party>, unit: Unit) -> Report {
    after_parties(&text::Doc::new(text), parties).into_unit(text, unit)
}
