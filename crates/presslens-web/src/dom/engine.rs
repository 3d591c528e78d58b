//! The engine, run in slices: a long text is cut at paragraph breaks into
//! chunks the engine annotates one at a time (each well under a frame), and
//! the chunk reports are merged into one report over the whole text.
//!
//! Merging shifts offsets (UTF-16) by each chunk's start, merges parties by
//! canonical name and kind (re-pointing speakers at the merged party), and
//! shifts figure relations. Texts up to one chunk — nearly every article —
//! are annotated whole, exactly as `annotate_text` would.
//!
//! A text over one chunk annotated whole is annotated in two calls, the
//! parties ([`presslens::find_parties`]) and then the rest
//! ([`presslens::annotate_rest`]), perhaps in two slices: the same report,
//! and no call over two thirds of the whole in the JavaScript build.
//!
//! Where the chunks are cut depends on the text alone, never on how fast the
//! engine runs: the report is a function of the text, the same on a fast
//! machine or a slow one, in the wasm build or its JavaScript translation
//! (the fallback where a page forbids wasm). Time decides only how many
//! chunks one slice takes, and whether the engine is first warmed.
//!
//! Warming: the JavaScript build starts in the browser's interpreter, where
//! an 8 KB chunk took 50–160 ms (about 20 ms once compiled). Load warms it
//! on a sample ([`super::warm`]); then, when the
//! measured speed says the next chunk would take over [`CHUNK_TARGET_MS`],
//! the engine first reads a piece of that chunk ([`WARM_PIECE`]) in a call
//! of its own and the report is thrown away: the browser compiles what the
//! text makes hot, in short tasks. It stops when the chunk is expected to
//! fit, when warming stops paying (the speed gained under 10%), or after
//! [`MAX_WARM_CALLS`]. The wasm build never warms: it is fast from the
//! first call.

use std::cell::Cell;
use std::collections::HashMap;

use presslens::offsets::Unit;
use presslens::report::{Party, PartyKind, Report};

/// Texts up to this size (bytes) are annotated whole, in one call: every
/// article of ordinary length, with full context.
const WHOLE: usize = 24 * 1024;
/// Chunk size on longer texts, in bytes (cut back to a paragraph break): a
/// few milliseconds of the wasm engine, a few tens in its JavaScript build.
pub const CHUNK: usize = 8 * 1024;
/// What a chunk is expected to take before one has been measured (ms).
const FIRST_ESTIMATE_MS: f64 = 4.0;
/// What one engine call is planned to take (ms): half the 50 ms of a long
/// task, because chunks of one text differ in cost by half again (measured
/// in the JavaScript build on `readability/toc-missing`: 8 KB chunks of
/// 16–25 ms when warm), and because on a machine of two cores the
/// browser's compiler threads take the page's core in turns.
pub const CHUNK_TARGET_MS: f64 = 25.0;
/// The piece of the next chunk a warming call reads (bytes, cut back to a
/// paragraph break).
pub const WARM_PIECE: usize = 2 * 1024;
/// Warming calls before one chunk, at most.
pub const MAX_WARM_CALLS: u32 = 6;

thread_local! {
    /// Time spent in engine calls, in total and the longest single call (ms).
    pub static SPENT: Cell<f64> = const { Cell::new(0.0) };
    pub static LONGEST: Cell<f64> = const { Cell::new(0.0) };
    /// The engine's last measured speed (ms per byte), whoever called it
    /// (a run, or [`super::warm`] at load): the estimate for the next call.
    pub static RATE: Cell<f64> = const { Cell::new(FIRST_ESTIMATE_MS / CHUNK as f64) };
}

/// The next engine call of a run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Call {
    /// Annotate the next chunk.
    Chunk,
    /// First warm the engine on a piece of it (see the module's doc).
    Warm,
}

/// Whether a call on `len` bytes at speed `rate` (ms per byte) is expected
/// to take at most [`CHUNK_TARGET_MS`]: the one test of warming, at load
/// ([`super::warm`]) and in a run ([`plan`]).
pub fn fits(rate: f64, len: usize) -> bool {
    rate * len as f64 <= CHUNK_TARGET_MS
}

/// The next call for a chunk of `len` bytes at speed `rate` (ms per byte),
/// after `warm_calls` warming calls for it, the last of which started at
/// speed `before`.
pub fn plan(rate: f64, len: usize, warm_calls: u32, before: Option<f64>) -> Call {
    let stopped_paying = before.is_some_and(|b| rate > 0.9 * b);
    if fits(rate, len) || stopped_paying || warm_calls >= MAX_WARM_CALLS {
        Call::Chunk
    } else {
        Call::Warm
    }
}

/// Runs one engine call, recording its time; returns what it returned and
/// the time (ms).
fn time<R>(call: impl FnOnce() -> R) -> (R, f64) {
    let t0 = js_sys::Date::now();
    let r = call();
    // Date.now counts whole milliseconds.
    let ms = (js_sys::Date::now() - t0).max(0.5);
    SPENT.with(|c| c.set(c.get() + ms));
    LONGEST.with(|c| c.set(c.get().max(ms)));
    (r, ms)
}

/// Annotates `text` (UTF-16 offsets) and records the call's time and
/// speed; returns the report and the time (ms).
pub fn timed(text: &str) -> (Report, f64) {
    let (r, ms) = time(|| presslens::annotate_in(text, Unit::Utf16));
    RATE.with(|c| c.set(ms / text.len().max(1) as f64));
    (r, ms)
}

/// A text being annotated chunk by chunk.
pub struct Run {
    /// Byte start of the next chunk.
    at: usize,
    /// UTF-16 offset of `at`.
    at16: usize,
    /// Warming calls made for the chunk at `at`, and the speed before the
    /// last of them.
    warm_calls: u32,
    warm_before: Option<f64>,
    /// A text over [`CHUNK`] annotated whole is annotated in two calls
    /// (`presslens::find_parties`, then `annotate_rest`, maybe in the next
    /// slice): the first call's parties and time (ms).
    halfway: Option<(Vec<Party>, f64)>,
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
            warm_calls: 0,
            warm_before: None,
            halfway: None,
            report: Report::default(),
            by_name: HashMap::new(),
        }
    }

    /// Annotates chunks of `text` until done or `deadline` (ms) passes;
    /// returns whether the whole text is done. With no deadline (one go),
    /// nothing is warmed.
    pub fn step(&mut self, text: &str, deadline: f64) -> bool {
        let mut first = true;
        while self.at < text.len() {
            let end = if text.len() <= WHOLE {
                text.len()
            } else {
                cut(text, self.at, CHUNK)
            };
            let rate = RATE.with(Cell::get);
            // The second of two calls reads what the first read; a warming
            // call reads a piece.
            let warm = self.halfway.is_none()
                && deadline.is_finite()
                && plan(rate, end - self.at, self.warm_calls, self.warm_before) == Call::Warm;
            let until = if warm {
                cut(text, self.at, WARM_PIECE).min(end)
            } else {
                end
            };
            // Another call only if it should fit before the deadline.
            if !first && js_sys::Date::now() + rate * (until - self.at) as f64 > deadline {
                break;
            }
            first = false;
            let piece = &text[self.at..until];
            let r = if let Some((parties, first_ms)) = self.halfway.take() {
                let (r, ms) = time(|| presslens::annotate_rest(piece, parties, Unit::Utf16));
                RATE.with(|c| c.set((first_ms + ms) / piece.len().max(1) as f64));
                r
            } else if !warm && piece.len() > CHUNK && deadline.is_finite() {
                let (parties, ms) = time(|| presslens::find_parties(piece));
                self.halfway = Some((parties, ms));
                continue;
            } else {
                timed(piece).0
            };
            if warm {
                self.warm_calls += 1;
                self.warm_before = Some(rate);
                continue;
            }
            self.warm_calls = 0;
            self.warm_before = None;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// µs per byte, as ms per byte.
    const fn us(x: f64) -> f64 {
        x / 1000.0
    }

    /// The warming rule as a table: (speed, chunk bytes, warming calls so
    /// far, speed before the last of them, the call).
    const CASES: &[(f64, usize, u32, Option<f64>, Call)] = &[
        // The wasm build: an 8 KB chunk in about 1 ms.
        (us(0.12), CHUNK, 0, None, Call::Chunk),
        // A cold JavaScript build: 8 KB would take about 100 ms.
        (us(12.0), CHUNK, 0, None, Call::Warm),
        // Warming pays: the speed doubled.
        (us(6.0), CHUNK, 1, Some(us(12.0)), Call::Warm),
        // Compiled: 8 KB in about 25 ms.
        (us(3.0), CHUNK, 2, Some(us(6.0)), Call::Chunk),
        // A long text annotated whole, warm: no faster for more warming.
        (us(2.5), WHOLE, 1, Some(us(2.6)), Call::Chunk),
        // At most MAX_WARM_CALLS.
        (us(12.0), CHUNK, MAX_WARM_CALLS, Some(us(20.0)), Call::Chunk),
    ];

    #[test]
    fn warming_runs_while_a_chunk_would_be_long_and_warming_pays() {
        for &(rate, len, calls, before, want) in CASES {
            assert_eq!(
                plan(rate, len, calls, before),
                want,
                "{rate} ms/B, {len} B, {calls} calls, {before:?}"
            );
        }
    }

    #[test]
    fn chunks_end_at_paragraph_breaks() {
        let text = "one two.\n\nthree four.\n\nfive.";
        assert_eq!(cut(text, 0, 16), 10);
        assert_eq!(&text[10..cut(text, 10, 16)], "three four.\n\n");
        assert_eq!(cut(text, 23, 16), text.len());
    }
}
