//! Every input the fuzzer (`make fuzz`) ever broke the engine with, kept
//! in `tests/fuzz-regressions/` and held to the same invariants as the
//! fuzz target checks.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[test]
fn fuzz_regressions_hold_the_invariants() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("the regressions folder") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        // As the fuzz target reads its input.
        common::invariants::hold(&String::from_utf8_lossy(&bytes));
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {dir}");
}
