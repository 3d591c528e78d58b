//! `presslens`: annotate text or JSONL to JSON, score the engine against
//! gold data, and train its learned models. Offsets in its output are Unicode character offsets.

mod cli;
mod eval;
mod output;
mod page;
mod train;

fn main() -> std::process::ExitCode {
    cli::main()
}
