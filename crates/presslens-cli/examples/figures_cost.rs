//! The figures layer's cost in instructions, for `make bench-figures`:
//! `figures_cost (docs|figures) FILES…` tokenises the texts of FILES (plain
//! texts or gold JSONL) into documents and, with `figures`, also finds
//! their figures, `REPEAT` times (default 1). Run under
//! `valgrind --tool=callgrind`, the difference of the two modes' instruction
//! counts is what the figures layer costs, without the noise of timing on
//! a shared machine. Prints how many figures it found, so that the work
//! cannot be optimised away and two builds can be compared.

#[path = "common/texts.rs"]
mod common;
use common::texts;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let figures = match args.next().as_deref() {
        Some("figures") => true,
        Some("docs") => false,
        _ => {
            eprintln!("usage: figures_cost (docs|figures) FILES…");
            return std::process::ExitCode::from(2);
        }
    };
    let repeat: usize = std::env::var("REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let mut docs = Vec::new();
    for path in args {
        match texts(&path) {
            Ok(t) => docs.extend(t),
            Err(e) => {
                eprintln!("figures_cost: {e}");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    let (mut found, mut tokens) = (0usize, 0usize);
    for _ in 0..repeat {
        for text in &docs {
            let doc = presslens::text::Doc::new(text);
            tokens += doc.tokens.len();
            if figures {
                found += std::hint::black_box(presslens::figures::find(&doc)).len();
            }
        }
    }
    println!("{} docs, {tokens} tokens, {found} figures", docs.len());
    std::process::ExitCode::SUCCESS
}
