//! Readying the engine at load, so that the first pass meets neither of the
//! engine's two first-use costs unprepared.
//!
//! The engine builds its lexicons on first use: one call on a short sample
//! (`warm.txt`, an invented story written for this: quotes, named parties,
//! figures) builds them at load. A second call measures the engine's speed
//! once they are built ([`super::engine::RATE`]), so that the first chunk of
//! a pass is planned with a speed, not a guess: in the JavaScript build
//! (wasm2js, for pages whose CSP forbids wasm) the browser starts the
//! engine in its interpreter, and a pass then warms it on its own text
//! before its first chunk ([`super::engine`]). The reports are thrown away.

use presslens::report::Report;

use super::engine::timed;

/// The sample: a short news story of invented towns and people.
const SAMPLE: &str = include_str!("warm.txt");

/// Builds the lexicons, then measures the engine's speed (two calls on the
/// sample).
pub fn warm_up() {
    let _: Report = timed(SAMPLE);
    let _: Report = timed(SAMPLE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_exercises_every_layer() {
        let r = presslens::annotate(SAMPLE);
        assert!(r.quotes.iter().filter(|q| q.speaker.is_some()).count() >= 2);
        assert!(r.parties.len() >= 5);
        assert!(r.figures.len() >= 10);
    }
}
