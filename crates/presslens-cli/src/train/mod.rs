//! `presslens train MODEL`: learns one of the engine's models from
//! `../shared/train` and writes its model file under `crates/presslens/data/`.
//! One module per model.

pub mod speakers;

pub const USAGE: &str = "\
presslens train speakers [--data FILE.jsonl] [--out FILE] [--cv K] [--epochs N] [--seed S]";

/// Runs `presslens train ARGS`; Ok(true) when it succeeded.
pub fn run(args: &[String]) -> Result<bool, String> {
    match args.first().map(String::as_str) {
        Some("speakers") => speakers::run(&args[1..]),
        _ => Err(format!("train: expected a model name\n\n{USAGE}")),
    }
}
