//! The command-line tool proper (native builds only).

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use presslens::eval::{self, Scores};
use presslens::Unit;

const USAGE: &str = "\
presslens: marks quotes, named parties and claimed figures in news text

USAGE:
    presslens annotate [FILE]            text (file or stdin) -> one JSON report
    presslens annotate --jsonl [FILE]    lines {\"id\", \"text\"} -> lines {\"id\", report...}
    presslens eval GOLD.jsonl...         precision / recall / F1 per layer

Offsets are Unicode character offsets. Reports follow the schema in README.md.";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("annotate") => annotate(&args[1..]),
        Some("eval") => run_eval(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(true)
        }
        Some("-V" | "--version") => {
            println!("presslens {}", env!("CARGO_PKG_VERSION"));
            Ok(true)
        }
        _ => Err(format!("expected a command\n\n{USAGE}")),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("presslens: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reads a whole input (a file, or stdin for `None` or `-`) as bytes.
fn read_input(path: Option<&str>) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    match path {
        None | Some("-") => io::stdin().read_to_end(&mut buf).map_err(|e| format!("<stdin>: {e}"))?,
        Some(p) => return std::fs::read(p).map_err(|e| format!("{p}: {e}")),
    };
    Ok(buf)
}

fn name(path: Option<&str>) -> &str {
    match path {
        None | Some("-") => "<stdin>",
        Some(p) => p,
    }
}

/// Decodes UTF-8, naming the line and column of the first bad byte.
fn decode(bytes: Vec<u8>, what: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("{what}:{line}: invalid UTF-8 at byte {at}")
    })
}

/// Returns Ok(true) when every input was processed, Ok(false) when some lines
/// failed (they were reported, the rest still processed).
fn annotate(args: &[String]) -> Result<bool, String> {
    let jsonl = args.iter().any(|a| a == "--jsonl");
    let files: Vec<&str> = args.iter().map(String::as_str).filter(|a| *a != "--jsonl").collect();
    if let Some(bad) = files.iter().find(|a| a.starts_with("--")) {
        return Err(format!("unknown option {bad}"));
    }
    if files.len() > 1 {
        return Err("annotate takes at most one FILE".into());
    }
    let path = files.first().copied();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if !jsonl {
        let text = decode(read_input(path)?, name(path))?;
        let report = presslens::annotate_in(&text, Unit::Char);
        serde_json::to_writer_pretty(&mut out, &report).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
        return Ok(true);
    }
    let mut ok = true;
    for_each_line(path, |lineno, line| {
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(line);
        let obj = match parsed {
            Ok(serde_json::Value::Object(o)) => o,
            Ok(_) => return Err(format!("{}:{lineno}: expected a JSON object", name(path))),
            Err(e) => return Err(format!("{}:{lineno}: {e}", name(path))),
        };
        let Some(text) = obj.get("text").and_then(|t| t.as_str()) else {
            return Err(format!("{}:{lineno}: no \"text\" string", name(path)));
        };
        let report = presslens::annotate_in(text, Unit::Char);
        let mut line_out = serde_json::Map::new();
        line_out.insert("id".into(), obj.get("id").cloned().unwrap_or(serde_json::Value::Null));
        if let Ok(serde_json::Value::Object(r)) = serde_json::to_value(&report) {
            line_out.extend(r);
        }
        serde_json::to_writer(&mut out, &line_out).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())
    }, &mut ok)?;
    out.flush().map_err(|e| e.to_string())?;
    Ok(ok)
}

/// Calls `f` on each non-blank line of a file (or stdin). A line that is not
/// UTF-8 or that `f` rejects is reported on stderr and clears `ok`; the other
/// lines are still processed. Only a file that cannot be read at all is an
/// error.
fn for_each_line(
    path: Option<&str>,
    mut f: impl FnMut(usize, &str) -> Result<(), String>,
    ok: &mut bool,
) -> Result<(), String> {
    let reader: Box<dyn BufRead> = match path {
        None | Some("-") => Box::new(io::BufReader::new(io::stdin())),
        Some(p) => Box::new(io::BufReader::new(std::fs::File::open(p).map_err(|e| format!("{p}: {e}"))?)),
    };
    for (i, line) in reader.split(b'\n').enumerate() {
        let lineno = i + 1;
        let bytes = line.map_err(|e| format!("{}:{lineno}: {e}", name(path)))?;
        let line = match decode(bytes, name(path)) {
            Ok(l) => l,
            Err(_) => {
                eprintln!("presslens: {}:{lineno}: invalid UTF-8", name(path));
                *ok = false;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        if let Err(e) = f(lineno, &line) {
            eprintln!("presslens: {e}");
            *ok = false;
        }
    }
    Ok(())
}

fn run_eval(args: &[String]) -> Result<bool, String> {
    if args.is_empty() {
        return Err("eval needs at least one GOLD.jsonl".into());
    }
    let mut ok = true;
    let mut total = Scores::default();
    let mut per_file = Vec::new();
    for path in args {
        let mut scores = Scores::default();
        let res = for_each_line(Some(path), |lineno, line| {
            let doc: eval::GoldDoc = serde_json::from_str(line).map_err(|e| format!("{path}:{lineno}: {e}"))?;
            eval::eval_doc(&doc, &mut scores);
            Ok(())
        }, &mut ok);
        if let Err(e) = res {
            eprintln!("presslens: {e}");
            ok = false;
            continue;
        }
        per_file.push((path.clone(), scores));
    }
    for (path, scores) in &per_file {
        println!("== {path}");
        print!("{}", scores.table());
        total.merge(scores);
    }
    if per_file.len() > 1 {
        println!("== all");
        print!("{}", total.table());
    }
    Ok(ok)
}
