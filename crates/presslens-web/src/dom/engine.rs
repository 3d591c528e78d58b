//! The engine, run in slices: a long text is cut at paragraph breaks into
//! chunks the engine annotates one at a time (each well under a frame), and
//! the chunk reports are merged into one report over the whole text.
//!
//! Merging shifts offsets (UTF-16) by each chunk's start, merges parties by
//! canonical name and kind (re-pointing speakers at the merged party), and
//! shifts figure relations. Texts up to one chunk — nearly every article —
//! are annotated whole, exactly as `annotate_text` would.

use std::cell::Cell;
use std::collections::HashMap;

use presslens::offsets::Unit;
use presslens::report::{Party, PartyKind, Report};

/// Texts up to this size (bytes) are annotated whole, in one call: every
/// article of ordinary length, with full context.
const WHOLE: usize = 24 * 1024;
/// Chunk size to start with on longer texts, in bytes; later chunks are
/// sized from the measured speed to take about [`TARGET_MS`].
const FIRST_CHUNK: usize = 1024;
const MIN_CHUNK: usize = 512;
const MAX_CHUNK: usize = 16 * 1024;
const TARGET_MS: f64 = 4.0;

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
    chunk: usize,
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
            chunk: FIRST_CHUNK,
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
            if !first && js_sys::Date::now() + TARGET_MS > deadline {
                break;
            }
            first = false;
            let end = if text.len() <= WHOLE {
                text.len()
            } else {
                cut(text, self.at, self.chunk)
            };
            let piece = &text[self.at..end];
            let t0 = js_sys::Date::now();
            let r = presslens::annotate_in(piece, Unit::Utf16);
            let ms = (js_sys::Date::now() - t0).max(0.5);
            SPENT.with(|c| c.set(c.get() + ms));
            LONGEST.with(|c| c.set(c.get().max(ms)));
            // Shrink at once, grow at most twofold: the engine's speed varies
            // with what a chunk holds.
            let fit = (piece.len() as f64 * TARGET_MS / ms) as usize;
            self.chunk = fit.min(piece.len() * 2).clamp(MIN_CHUNK, MAX_CHUNK);
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
