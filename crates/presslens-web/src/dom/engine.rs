//! The engine, run in slices: a long text is cut at paragraph breaks into
//! chunks the engine annotates one at a time (each well under a frame), and
//! the chunk reports are merged into one report over the whole text.
//!
//! Merging shifts offsets (UTF-16) by each chunk's start, merges parties by
//! canonical name and kind (re-pointing speakers at the merged party), and
//! shifts figure relations. Texts up to one chunk — nearly every article —
//! are annotated whole, exactly as `annotate_text` would.
//!
//! Where the chunks are cut depends on the text alone, never on how fast the
//! engine runs: the report is a function of the text, the same on a fast
//! machine or a slow one, in the wasm build or its JavaScript translation
//! (the fallback where a page forbids wasm). Time decides only how many
//! chunks one slice takes.

use std::cell::Cell;
use std::collections::HashMap;

use presslens::offsets::Unit;
use presslens::report::{Party, PartyKind, Report};

/// Texts up to this size (bytes) are annotated whole, in one call: every
/// article of ordinary length, with full context.
const WHOLE: usize = 24 * 1024;
/// Chunk size on longer texts, in bytes (cut back to a paragraph break): a
/// few milliseconds of the wasm engine, a few tens in its JavaScript build.
const CHUNK: usize = 8 * 1024;
/// What a chunk is expected to take before one has been measured (ms).
const FIRST_ESTIMATE_MS: f64 = 4.0;

thread_local! {
    /// Time spent in engine calls, in total and the longest single call (ms).
    pub static SPENT: Cell<f64> = const { Cell::new(0.0) };
    pub static LONGEST: Cell<f64> = const { Cell::new(0.0) };
}

/// A text being annotated chunk by chunk.
pub struct Run {
    /// Byte start of the next chunk.
    at: usize,
    /// UTF-16 offset of `at`.
    at16: usize,
    /// How long the last chunk took (ms): the estimate for the next.
    last_ms: f64,
    report: Report,
    by_name: HashMap<(String, PartyKind), usize>,
}

impl Default for Run {
    fn default() -> Self {
        Self::new()
    }
}

impl Run {
    pub fn new() -> Run {
        Run {
            at: 0,
            at16: 0,
            last_ms: FIRST_ESTIMATE_MS,
            report: Report::default(),
            by_name: HashMap::new(),
        }
    }

    /// Annotates chunks of `text` until done or `deadline` (ms) passes;
    /// returns whether the whole text is done.
    pub fn step(&mut self, text: &str, deadline: f64) -> bool {
        let mut first = true;
        while self.at < text.len() {
            // Another chunk only if it should fit before the deadline.
            if !first && js_sys::Date::now() + self.last_ms > deadline {
                break;
            }
            first = false;
            let end = if text.len() <= WHOLE {
                text.len()
            } else {
                cut(text, self.at, CHUNK)
            };
            let piece = &text[self.at..end];
            let t0 = js_sys::Date::now();
            let r = presslens::annotate_in(piece, Unit::Utf16);
            let ms = (js_sys::Date::now() - t0).max(0.5);
            SPENT.with(|c| c.set(c.get() + ms));
            LONGEST.with(|c| c.set(c.get().max(ms)));
            self.last_ms = ms;
            self.merge(r);
            self.at = end;
            self.at16 += piece.encode_utf16().count();
        }
        self.at >= text.len()
    }

    /// Adds one chunk's report, its offsets relative to `self.at16`.
    fn merge(&mut self, r: Report) {
        let base = self.at16;
        let fig_base = self.report.figures.len();
        let mut party_ix = Vec::with_capacity(r.parties.len());
        for p in r.parties {
            let Party {
                name,
                kind,
                role,
                mentions,
            } = p;
            let key = (name, kind);
            let ix = match self.by_name.get(&key) {
                Some(&i) => i,
                None => {
                    let i = self.report.parties.len();
                    self.report.parties.push(Party {
                        name: key.0.clone(),
                        kind,
                        role: None,
                        mentions: Vec::new(),
                    });
                    self.by_name.insert(key, i);
                    i
                }
            };
            let dst = &mut self.report.parties[ix];
            if dst.role.is_none() {
                dst.role = role;
            }
            dst.mentions.extend(mentions.into_iter().map(|mut m| {
                m.start += base;
                m.end += base;
                m
            }));
            party_ix.push(ix);
        }
        for mut q in r.quotes {
            q.start += base;
            q.end += base;
            if let Some(s) = &mut q.speaker {
                s.start += base;
                s.end += base;
                s.party = s.party.and_then(|p| party_ix.get(p).copied());
            }
            if let Some(c) = &mut q.cue {
                c.start += base;
                c.end += base;
            }
            self.report.quotes.push(q);
        }
        for mut f in r.figures {
            f.start += base;
            f.end += base;
            for rel in &mut f.relations {
                rel.figure += fig_base;
            }
            self.report.figures.push(f);
        }
    }

    pub fn finish(self) -> Report {
        self.report
    }
}

/// The end of a chunk starting at `at`: the last paragraph break before
/// `at + size`, else the last line break, else a char boundary.
fn cut(text: &str, at: usize, size: usize) -> usize {
    if text.len() - at <= size {
        return text.len();
    }
    let mut lim = at + size;
    while !text.is_char_boundary(lim) {
        lim -= 1;
    }
    let window = &text[at..lim];
    if let Some(i) = window.rfind("\n\n") {
        if i > 0 {
            return at + i + 2;
        }
    }
    if let Some(i) = window.rfind('\n') {
        if i > 0 {
            return at + i + 1;
        }
    }
    lim.max(at + 1).min(text.len())
}
