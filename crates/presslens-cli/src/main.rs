//! `presslens`: annotate text or JSONL to JSON, and score the engine against
//! gold data. Offsets in its output are Unicode character offsets.

mod cli;
mod eval;
mod train;

fn main() -> std::process::ExitCode {
    cli::main()
}
