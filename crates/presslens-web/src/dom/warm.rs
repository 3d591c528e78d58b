//! Readying the engine at load, so that the first pass meets neither of the
//! engine's first-use costs: its lexicons, built on first use, and in the
//! JavaScript build (wasm2js, for pages whose CSP forbids wasm) the
//! browser's interpreter, where the engine starts.
//!
//! Measured in Chromium on `readability/toc-missing`, whose CSP refuses
//! wasm: cold, its 8 KB chunks took 50–160 ms; once the browser had
//! compiled the engine, 16–25 ms. Warming annotates a short sample
//! (`warm.txt`, an invented story written for this: quotes, named parties,
//! figures), its reports thrown away: the first call builds the lexicons,
//! the next ones run once per task until the measured speed says a chunk
//! fits in [`CHUNK_TARGET_MS`](super::engine::CHUNK_TARGET_MS), or [`MAX_SPENT_MS`] is spent. The browser
//! compiles hot functions whatever text made them hot. A pass still warms
//! on its own text where its measured speed calls for it
//! ([`super::engine`]).
//!
//! The wasm build is fast once its lexicons are built: the second call
//! shows it, and warming ends there, in the same task. Outside a page (no
//! `window`: Node.js) warming ends there too, so no task is queued that
//! would keep a script alive. Time decides only how long warming goes on;
//! reports never depend on it.

use std::cell::Cell;

use wasm_bindgen::JsValue;

use super::engine::{fits, timed, CHUNK, RATE};
use super::{safe, task};

/// The sample: a short news story of invented towns and people.
const SAMPLE: &str = include_str!("warm.txt");
/// Warming stops after this much engine time (ms), warm or not, so that a
/// slow machine does not wait long for its first pass.
pub const MAX_SPENT_MS: f64 = 1000.0;

/// Where warming stands after one more sample call.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Next {
    /// Another sample call, in a task of its own.
    Again,
    /// A chunk is expected to fit in [`CHUNK_TARGET_MS`](super::engine::CHUNK_TARGET_MS).
    Warm,
    /// [`MAX_SPENT_MS`] spent before that.
    GaveUp,
}

/// What to do at speed `rate` (ms per byte, the last sample call's), with
/// `spent` ms spent so far.
pub fn next(rate: f64, spent: f64) -> Next {
    if fits(rate, CHUNK) {
        Next::Warm
    } else if spent >= MAX_SPENT_MS {
        Next::GaveUp
    } else {
        Next::Again
    }
}

/// Warms the engine: two sample calls now, then one per task while
/// [`next`] says so. The Promise resolves to the number of sample calls;
/// it never rejects (where no task can be queued, warming stops there).
pub fn warm_up() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _reject| {
        let (_, ms) = timed(SAMPLE);
        step(resolve, ms, 2);
    })
}

/// One more sample call; then another task, or the Promise resolved.
fn step(resolve: js_sys::Function, spent: f64, calls: u32) {
    let (_, ms) = timed(SAMPLE);
    let spent = spent + ms;
    let on_page = web_sys::window().is_some();
    if on_page && next(RATE.with(Cell::get), spent) == Next::Again {
        let again = resolve.clone();
        if task::later(move || step(again, spent, calls + 1)).is_ok() {
            return;
        }
    }
    safe::settle(&resolve, &JsValue::from(calls));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule as a table: (the last sample call's speed in ms per byte,
    /// spent so far, next).
    const CASES: &[(f64, f64, Next)] = &[
        // The wasm build: an 8 KB chunk in about 1 ms.
        (0.000_12, 90.0, Next::Warm),
        // A cold JavaScript build: 8 KB would take about 100 ms.
        (0.012, 300.0, Next::Again),
        // Compiled: 8 KB in about 20 ms.
        (0.0025, 700.0, Next::Warm),
        // A slow machine: gives up at the cap, warm or not.
        (0.012, MAX_SPENT_MS, Next::GaveUp),
    ];

    #[test]
    fn warming_stops_when_a_chunk_fits_or_the_cap_is_spent() {
        for &(rate, spent, want) in CASES {
            assert_eq!(next(rate, spent), want, "{rate} ms/B, {spent} ms spent");
        }
    }

    #[test]
    fn the_sample_exercises_every_layer() {
        let r = presslens::annotate(SAMPLE);
        assert!(r.quotes.iter().filter(|q| q.speaker.is_some()).count() >= 2);
        assert!(r.parties.len() >= 5);
        assert!(r.figures.len() >= 10);
    }
}
