//! The invariants every report holds, on any text: the one check shared by
//! the robustness tests, the fuzz regressions and the fuzz target itself
//! (`fuzz/`, which includes this file by path).

use presslens::{annotate, offsets, Unit};

/// Annotates `text` and panics, naming the text, if the report breaks an
/// invariant in bytes, UTF-16 code units or characters, or if the offset
/// conversion does not round-trip.
pub fn hold(text: &str) {
    let report = annotate(text);
    report
        .validate(text)
        .unwrap_or_else(|e| panic!("{e} in {text:?}"));
    for (unit, len) in [
        (Unit::Utf16, text.encode_utf16().count()),
        (Unit::Char, text.chars().count()),
    ] {
        let converted = report.clone().into_unit(text, unit);
        converted
            .check(len)
            .unwrap_or_else(|e| panic!("{e} in {unit:?} for {text:?}"));
        assert_eq!(
            converted.into_bytes(text, unit),
            report,
            "{unit:?} offsets round-trip for {text:?}"
        );
    }
    // Every char boundary converts and comes back, in increasing order.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    for unit in [Unit::Utf16, Unit::Char] {
        let mut v = bounds.clone();
        offsets::convert(text, unit, &mut v);
        assert!(v.windows(2).all(|w| w[0] < w[1]), "{unit:?} order");
        offsets::to_bytes(text, unit, &mut v);
        assert_eq!(v, bounds, "{unit:?} boundaries round-trip for {text:?}");
    }
}
