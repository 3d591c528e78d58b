//! `presslens`: annotate text or JSONL to JSON, and score the engine against
//! gold data. Offsets in its output are Unicode character offsets.
//!
//! The tool is native only; on wasm32 (where `cargo test --target wasm32`
//! builds every target) it compiles to an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
