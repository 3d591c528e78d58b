//! `presslens train MODEL`: learns one of the engine's models from
//! `../shared/train` and writes its model file under `data/`.
//! One module per model; `all` trains every one in turn, with its defaults.

pub mod parties;
pub mod protocol;
pub mod speakers;

pub const USAGE: &str = "\
presslens train <parties|speakers|all> [OPTIONS]
    parties    the parties tagger -> data/parties.model
               (presslens train parties --help for options)
    speakers   the speaker ranking -> data/quotes_speakers.model
               [--data FILE.jsonl] [--out FILE] [--cv K] [--epochs N] [--seed S]
    all        every model above, with their default options. The speaker
               candidates are the parties layer's mentions, found with the
               parties model compiled into this binary: after a new parties
               model, rebuild and train speakers again (make train does)";

/// Runs `presslens train ARGS`; Ok(true) when it succeeded.
pub fn run(args: &[String]) -> Result<bool, String> {
    match args.first().map(String::as_str) {
        Some("parties") => parties::run(&args[1..]),
        Some("speakers") => speakers::run(&args[1..]),
        Some("all") => {
            if args.len() > 1 {
                return Err("train all takes no options".into());
            }
            Ok(parties::run(&[])? && speakers::run(&[])?)
        }
        Some(other) => Err(format!("unknown model {other}\n\n{USAGE}")),
        None => Err(format!("train needs a model\n\n{USAGE}")),
    }
}
