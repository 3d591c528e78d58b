//! Any bytes, read as text the way the command line reads a file, through
//! `annotate` and the offset conversions: no panic, and every report holds
//! the invariants of `tests/common/invariants.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::hold(&String::from_utf8_lossy(data));
});
