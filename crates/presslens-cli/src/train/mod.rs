//! `presslens train <model>`: rebuilds a learned model of the engine from
//! `shared/train` and writes the file the engine compiles in. One module per
//! model; `all` trains every one in turn.

mod parties;

const USAGE: &str = "\
presslens train <parties|all> [OPTIONS]
    parties    the parties tagger -> crates/presslens/data/parties.model
    all        every model above, with their default options";

/// Runs `presslens train ARGS`.
pub fn run(args: &[String]) -> Result<bool, String> {
    match args.first().map(String::as_str) {
        Some("parties") => parties::run(&args[1..]),
        Some("all") => {
            if args.len() > 1 {
                return Err("train all takes no options".into());
            }
            parties::run(&[])
        }
        Some(other) => Err(format!("unknown model {other}\n\n{USAGE}")),
        None => Err(format!("train needs a model\n\n{USAGE}")),
    }
}
