//! Named parties: people, organisations, places and groups.
//!
//! A learned tagger finds the names and their kinds; rules and compact
//! lexicons around it keep the product's conventions, over the
//! per-document facts of `context` (sentence starts, headline lines, words
//! seen capitalised mid-sentence or in lower case):
//! 1. `detect`: the rules' candidate names (titles, sentence position,
//!    headlines, cue words, acronyms, hyphenated pairs, multi-word places
//!    from the lexicons), and the runs they know are no names;
//! 2. `tagger` and `combine`: the tagger's names, with the rules'
//!    candidates kept where they know better (see `combine`);
//! 3. `kinds` and `roles`: a kind for names neither the tagger nor a
//!    lexicon types, from their contexts, and roles from titles and
//!    appositions;
//! 4. `merge`: mentions joined into parties (aliases, acronyms, demonyms,
//!    possessives, surnames and first names).
//!
//! Mention spans are the name only (no title, no leading "the"); a possessive
//! ’s stays in the span but not in the party's name. Every person mention,
//! surname-only ones included, is a mention, so that the quotes layer can
//! resolve a speaker by the mention covering it. A place named inside a
//! longer name ("Texas" in "University of Texas") is a mention of its own,
//! nested in the longer one.
//!
//! The lexicons live in `data/parties_*.txt` (see `lex`).

mod combine;
mod context;
mod detect;
mod kinds;
mod lex;
mod merge;
mod roles;
mod rule;
pub mod tagger;

pub use rule::Rule;

use crate::report::Party;
use crate::text::Doc;

/// Finds the named parties in `doc`, with their mentions merged. Offsets are
/// UTF-8 byte offsets; parties come in order of first mention.
pub fn find(doc: &Doc) -> Vec<Party> {
    find_with(doc, tagger::shipped())
}

/// [`find`] with the given tagger (`None`: the rules alone).
pub fn find_with(doc: &Doc, tagger: Option<&tagger::Model>) -> Vec<Party> {
    run(&mut context::Ctx::new(doc), tagger)
}

/// The layer's steps over one context: the rules' candidates, the tagger's
/// names combined with them, the merge into parties.
fn run(ctx: &mut context::Ctx, tagger: Option<&tagger::Model>) -> Vec<Party> {
    let mut cands = detect::detect(ctx);
    if let Some(m) = tagger {
        let tagged = tagger::tag(ctx, m);
        cands = combine::combine(ctx, cands, &tagged);
    }
    merge::merge(ctx, cands)
}

/// Every named rule that took, dropped, joined or typed a span while
/// finding `doc`'s parties, in the order they fired: byte start, byte end,
/// rule. For explaining a miss (`presslens eval --explain`), not for
/// annotating.
pub fn explain(doc: &Doc) -> Vec<(usize, usize, Rule)> {
    explain_with(doc, tagger::shipped())
}

/// [`explain`] with the given tagger (`None`: the rules alone).
pub fn explain_with(doc: &Doc, tagger: Option<&tagger::Model>) -> Vec<(usize, usize, Rule)> {
    let mut ctx = context::Ctx::new(doc);
    ctx.trace = Some(Default::default());
    run(&mut ctx, tagger);
    let trace = ctx.trace.take().map(|t| t.into_inner()).unwrap_or_default();
    trace
        .into_iter()
        .filter(|&(a, b, _)| a < b && b <= doc.tokens.len())
        .map(|(a, b, rule)| (doc.tokens[a].start, doc.tokens[b - 1].end, rule))
        .collect()
}
