//! The command-line tool proper (native builds only).

use crate::output::output_closed;
use std::collections::{HashMap, HashSet};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use crate::eval::{self, Scores};
use presslens::{Report, Unit};

const USAGE: &str = "\
presslens: marks quotes, named parties and claimed figures in news text

USAGE:
    presslens annotate [FILE]            text (file or stdin) -> one JSON report
    presslens annotate --jsonl [FILE]    lines {\"id\", \"text\"} -> lines {\"id\", report...}
    presslens annotate --jsonl [FILE]    lines {\"id\", \"html\", \"url\"?} -> the same, plus \"scope\"
    presslens annotate --html PAGE.html [--url URL] [--charset LABEL]
                                         a saved web page: its article scope (html5ever,
                                         the browser's detector) -> the report on the
                                         scope's text, plus {\"scope\": {text, root,
                                         confidence, paywall}}; offsets index scope.text;
                                         its charset sniffed as a browser does (BOM,
                                         <meta>, else UTF-8 or windows-1252), or LABEL
    presslens eval-scope [--pages] [--json FILE] [DIR...]
                                         the native scope detector's token F1 per page
                                         folder and split (default ../shared/eval/pages/
                                         l3s-gn1 and dragnet), and pages per second
    presslens eval GOLD.jsonl...         precision / recall / F1 per layer; the figures
                                         rows \"sym.\" leave a value-less predicted figure
                                         out where the gold has a value-less one, as
                                         the gold's is left out (ignore regions)
    presslens eval --explain GOLD.jsonl...
                                         also each gold figure and party mention
                                         the engine missed, with the rules that
                                         dropped, joined or typed it
    presslens eval --predictions PRED.jsonl GOLD.jsonl...
                                         the same scores for another tool's lines
                                         {\"id\", \"quotes\", \"parties\", \"figures\"}
                                         (report schema, char offsets); a gold id
                                         with no line counts as an empty prediction
    presslens eval --tagger-only GOLD.jsonl...
                                         the parties tagger alone, without the rules
    presslens eval --model FILE|none GOLD.jsonl...
                                         with another parties model (none: rules alone)
    presslens eval --protocol [--data DIR] [--save DIR] [--bits N] [--level N]
                   [--epochs N] [--seed N] [--runs N] [GUM-DEV.jsonl]
                                         the parties layer on corpora it has never
                                         seen: leave one training corpus out (rules,
                                         tagger, shipped), then the shipped model on
                                         CoNLL dev and GUM dev (--save: each
                                         fold's model; the others: training
                                         options, as for train parties)
    presslens train <parties|speakers|all> [OPTIONS]
                                         rebuilds a learned model from ../shared/train
                                         (presslens train parties --help for options;
                                         train speakers --cv K: K-fold cross-validation,
                                         writes nothing)

Offsets are Unicode character offsets. Reports follow the schema in README.md.
Exit status: 0 done; 1 some lines or documents were bad (each reported on
stderr, the others processed); 2 the command could not run (usage, an input
that cannot be read, an output that cannot be written). A closed output pipe
ends the run quietly (status 0).";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("annotate") if args.iter().any(|a| a == "--html") => {
            crate::page::annotate_html(&args[1..])
        }
        Some("annotate") => annotate(&args[1..]),
        Some("eval-scope") => crate::page::eval_scope(&args[1..]),
        Some("eval") => run_eval(&args[1..]),
        Some("train") => crate::train::run(&args[1..]),
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
        None | Some("-") => io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("<stdin>: {e}"))?,
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
    let files: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| *a != "--jsonl")
        .collect();
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
        check_size(text.len(), name(path))?;
        let report = presslens::annotate_in(&text, Unit::Char);
        let written = serde_json::to_writer_pretty(&mut out, &report)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
            .and_then(|()| out.flush());
        return written.map(|()| true).or_else(output_closed);
    }
    let mut ok = true;
    let res = for_each_line(
        path,
        |lineno, line| {
            let line_out = annotate_line(name(path), lineno, line)?;
            // Each line's report leaves before the next line is read, so a
            // long line never holds back the ones before it.
            serde_json::to_writer(&mut out, &line_out)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
                .and_then(|()| out.flush())
                .map_err(LineError::Output)
        },
        &mut ok,
    );
    match res {
        Ok(()) => Ok(ok),
        Err(Stop::Input(e)) => Err(e),
        Err(Stop::Output(e)) => output_closed(e),
    }
}

/// One line of `annotate --jsonl` (`{"id", "text"}`, or a web page
/// `{"id", "html", "url"?}` whose article scope is annotated and printed
/// beside the report): the line to print. `src` names the input for errors.
fn annotate_line(
    src: &str,
    lineno: usize,
    line: &str,
) -> Result<serde_json::Map<String, serde_json::Value>, LineError> {
    let parsed: Result<serde_json::Value, _> = serde_json::from_str(line);
    let obj = match parsed {
        Ok(serde_json::Value::Object(o)) => o,
        Ok(_) => return Err(format!("{}:{lineno}: expected a JSON object", src).into()),
        Err(e) => return Err(format!("{}:{lineno}: {e}", src).into()),
    };
    // A line of a web page ({"id", "html", "url"?}): its article
    // scope is annotated, and the scope printed beside the report.
    let page = match obj.get("html") {
        None => None,
        Some(serde_json::Value::String(html)) => {
            check_size(html.len(), &format!("{}:{lineno}", src))?;
            let url = obj.get("url").and_then(|u| u.as_str()).map(String::from);
            Some(presslens_html::scope_summary(html, url))
        }
        Some(_) => return Err(format!("{}:{lineno}: \"html\" is not a string", src).into()),
    };
    let text = match (&page, obj.get("text").and_then(|t| t.as_str())) {
        (Some(p), _) => p.text.as_str(),
        (None, Some(text)) => text,
        (None, None) => {
            return Err(format!("{}:{lineno}: no \"text\" or \"html\" string", src).into())
        }
    };
    check_size(text.len(), &format!("{}:{lineno}", src))?;
    let report = presslens::annotate_in(text, Unit::Char);
    let mut line_out = serde_json::Map::new();
    line_out.insert(
        "id".into(),
        obj.get("id").cloned().unwrap_or(serde_json::Value::Null),
    );
    if let Ok(serde_json::Value::Object(r)) = serde_json::to_value(&report) {
        line_out.extend(r);
    }
    if let Some(Ok(scope)) = page.as_ref().map(serde_json::to_value) {
        line_out.insert("scope".into(), scope);
    }
    Ok(line_out)
}

/// The largest text annotated in one go, in bytes. The engine is linear, but
/// a single text beyond this (a whole dump pasted as one line) would hold
/// its input, its report and their JSON in memory at once: such a line is
/// refused with this error, and the next lines go on.
const MAX_TEXT: usize = 64 << 20;

fn check_size(len: usize, what: &str) -> Result<(), String> {
    if len > MAX_TEXT {
        return Err(format!(
            "{what}: text of {len} bytes is over the {} MiB limit; split it",
            MAX_TEXT >> 20
        ));
    }
    Ok(())
}

/// What went wrong with one line.
enum LineError {
    /// This line is bad: reported, and the next lines go on.
    Input(String),
    /// The output cannot be written: nothing more can be done.
    Output(io::Error),
}

impl From<String> for LineError {
    fn from(e: String) -> Self {
        LineError::Input(e)
    }
}

/// Why a pass over lines stopped early.
enum Stop {
    /// The input could not be read.
    Input(String),
    Output(io::Error),
}

/// Calls `f` on each non-blank line of a file (or stdin). A line that is not
/// UTF-8 or that `f` rejects is reported on stderr and clears `ok`; the other
/// lines are still processed. Only a file that cannot be read at all is an
/// error.
fn for_each_line(
    path: Option<&str>,
    mut f: impl FnMut(usize, &str) -> Result<(), LineError>,
    ok: &mut bool,
) -> Result<(), Stop> {
    let reader: Box<dyn BufRead> = match path {
        None | Some("-") => Box::new(io::BufReader::new(io::stdin())),
        Some(p) => Box::new(io::BufReader::new(
            std::fs::File::open(p).map_err(|e| Stop::Input(format!("{p}: {e}")))?,
        )),
    };
    for (i, line) in reader.split(b'\n').enumerate() {
        let lineno = i + 1;
        let bytes = line.map_err(|e| Stop::Input(format!("{}:{lineno}: {e}", name(path))))?;
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
        match f(lineno, &line) {
            Ok(()) => {}
            Err(LineError::Input(e)) => {
                eprintln!("presslens: {e}");
                *ok = false;
            }
            Err(LineError::Output(e)) => return Err(Stop::Output(e)),
        }
    }
    Ok(())
}

/// The message of a pass over lines that stopped early (reading
/// predictions and gold files writes nothing, so only input stops it).
fn stop_message(s: Stop) -> String {
    match s {
        Stop::Input(e) => e,
        Stop::Output(e) => format!("<stdout>: {e}"),
    }
}

/// Predictions read from `--predictions` files: id -> (report, "file:line").
type Predictions = HashMap<String, (Report, String)>;

/// Reads prediction files; bad lines are reported and skipped (their gold
/// documents then count as empty predictions) and clear `ok`.
fn read_predictions(paths: &[&str], ok: &mut bool) -> Result<Predictions, String> {
    let mut out: Predictions = HashMap::new();
    for &path in paths {
        for_each_line(
            Some(path),
            |lineno, line| {
                let (id, report) =
                    eval::parse_prediction(line).map_err(|e| format!("{path}:{lineno}: {e}"))?;
                let at = format!("{path}:{lineno}");
                if let Some((_, first)) = out.get(&id) {
                    return Err(format!(
                        "{at}: id {id} already predicted at {first}; this line is ignored"
                    )
                    .into());
                }
                out.insert(id, (report, at));
                Ok(())
            },
            ok,
        )
        .map_err(stop_message)?;
    }
    Ok(out)
}

fn run_eval(args: &[String]) -> Result<bool, String> {
    if args.first().is_some_and(|a| a == "--protocol") {
        return run_protocol(&args[1..]);
    }
    let a = EvalArgs::parse(args)?;
    let mut ok = true;
    let predictions = if a.pred_paths.is_empty() {
        None
    } else {
        let mut read_ok = true;
        let p = read_predictions(&a.pred_paths, &mut read_ok)?;
        ok &= read_ok;
        Some(p)
    };
    let mut used = HashSet::new();
    let mut unreadable = 0;
    let mut per_file = Vec::new();
    let mut misses = Misses::default();
    for &path in &a.gold_paths {
        let mut scores = Scores::default();
        let res = for_each_line(
            Some(path),
            |lineno, line| {
                let doc: eval::GoldDoc =
                    serde_json::from_str(line).map_err(|e| format!("{path}:{lineno}: {e}"))?;
                let Some(preds) = &predictions else {
                    let report = a.score(&doc, &mut scores);
                    if a.explain {
                        misses.explain(&doc, &report);
                    }
                    return Ok(());
                };
                let empty = (Report::default(), String::new());
                let (report, at) = preds.get(&doc.id).unwrap_or(&empty);
                used.insert(doc.id.clone());
                if let Err(e) = eval::score_prediction(&doc, report, &mut scores) {
                    // Scored as an empty prediction, so the gold still counts.
                    eval::score(&doc, &Report::default(), &mut scores);
                    return Err(format!("{at}: id {}: {e} (scored as empty)", doc.id).into());
                }
                Ok(())
            },
            &mut ok,
        );
        if let Err(e) = res {
            // A gold file that cannot be read is the error it is for
            // `annotate` (exit 2), once the others are scored.
            eprintln!("presslens: {}", stop_message(e));
            unreadable += 1;
            continue;
        }
        per_file.push((path, scores));
    }
    if let Some(preds) = &predictions {
        let unmatched = preds.keys().filter(|id| !used.contains(*id)).count();
        if unmatched > 0 {
            eprintln!("presslens: note: {unmatched} predicted id(s) match no gold document and were not scored");
        }
    }
    print_tables(&per_file);
    if a.explain {
        misses.print();
    }
    if unreadable > 0 {
        return Err(format!("{unreadable} gold file(s) could not be read"));
    }
    Ok(ok)
}

/// `presslens eval --protocol [OPTIONS] [GUM-DEV]`: the parties layer left
/// one corpus out ([`crate::train::protocol`]).
fn run_protocol(args: &[String]) -> Result<bool, String> {
    let mut data = "../shared/train".to_string();
    let mut gum_dev = "../shared/eval/parties-gum-dev.jsonl".to_string();
    let mut save = None;
    let mut opts = presslens::parties::tagger::train::Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or(format!("{a} needs a value"));
        let num = |v: &String| {
            v.parse::<u64>()
                .map_err(|_| format!("{a}: not a number: {v}"))
        };
        match a.as_str() {
            "--data" => data = val()?.clone(),
            "--save" => save = Some(val()?.clone()),
            "--bits" | "--level" | "--epochs" | "--runs" | "--seed" => {
                crate::train::parties::set_option(&mut opts, a, num(val()?)?)
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => gum_dev = a.clone(),
        }
    }
    crate::train::protocol::run(&data, &gum_dev, save.as_deref(), &opts)
}

/// Which parties tagger `presslens eval` annotates with.
enum Tagger {
    /// The compiled-in model.
    Shipped,
    /// `--model none`: the rules alone.
    RulesAlone,
    /// `--model FILE`.
    File(presslens::parties::tagger::Model),
}

/// The options of `presslens eval` (but `--protocol`).
struct EvalArgs<'a> {
    pred_paths: Vec<&'a str>,
    gold_paths: Vec<&'a str>,
    tagger_only: bool,
    explain: bool,
    /// The parties model to annotate with (`--model FILE|none`).
    model: Tagger,
}

impl<'a> EvalArgs<'a> {
    fn parse(args: &'a [String]) -> Result<EvalArgs<'a>, String> {
        let mut e = EvalArgs {
            pred_paths: Vec::new(),
            gold_paths: Vec::new(),
            tagger_only: false,
            explain: false,
            model: Tagger::Shipped,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if a == "--explain" {
                e.explain = true;
            } else if a == "--tagger-only" {
                e.tagger_only = true;
            } else if a == "--model" {
                let p = it.next().ok_or("--model needs a FILE (or none)")?;
                e.model = if p == "none" {
                    Tagger::RulesAlone
                } else {
                    let b = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
                    Tagger::File(
                        presslens::parties::tagger::Model::from_bytes(&b)
                            .map_err(|e| format!("{p}: not a tagger model ({e:?})"))?,
                    )
                };
            } else if a == "--predictions" {
                e.pred_paths
                    .push(it.next().ok_or("--predictions needs a FILE")?.as_str());
            } else if let Some(p) = a.strip_prefix("--predictions=") {
                e.pred_paths.push(p);
            } else if a.starts_with("--") {
                return Err(format!("unknown option {a}"));
            } else {
                e.gold_paths.push(a.as_str());
            }
        }
        if e.gold_paths.is_empty() {
            return Err("eval needs at least one GOLD.jsonl".into());
        }
        Ok(e)
    }

    /// Annotates a gold document as the options say and scores it.
    fn score(&self, doc: &eval::GoldDoc, scores: &mut Scores) -> Report {
        let m = match &self.model {
            Tagger::Shipped => presslens::parties::tagger::shipped(),
            Tagger::RulesAlone => None,
            Tagger::File(m) => Some(m),
        };
        if self.tagger_only {
            eval::eval_tagger(doc, m, scores)
        } else if matches!(self.model, Tagger::Shipped) {
            eval::eval_doc(doc, scores)
        } else {
            eval::eval_doc_with(doc, m, scores)
        }
    }
}

/// `eval --explain`: every missed figure and party mention, one a line,
/// then how many each rule missed.
#[derive(Default)]
struct Misses {
    figures: std::collections::BTreeMap<&'static str, usize>,
    /// Figures found with the gold value but another unit, by the rule
    /// that gave the unit.
    misunited: std::collections::BTreeMap<&'static str, usize>,
    parties: std::collections::BTreeMap<&'static str, usize>,
}

impl Misses {
    fn explain(&mut self, doc: &eval::GoldDoc, report: &Report) {
        for (text, rule) in eval::figure_misses(doc, report) {
            *self.figures.entry(rule).or_insert(0) += 1;
            println!("missed figure\t{}\t{text:?}\t{rule}", doc.id);
        }
        for (text, rule) in eval::figure_misunited(doc, report) {
            *self.misunited.entry(rule).or_insert(0) += 1;
            println!("mis-united figure\t{}\t{text:?}\t{rule}", doc.id);
        }
        for (text, kind, rules) in eval::party_misses(doc, report) {
            let last = rules
                .last()
                .copied()
                .unwrap_or("not detected: no rule fired");
            *self.parties.entry(last).or_insert(0) += 1;
            println!(
                "missed party\t{}\t{text:?}\t{kind}\t{}",
                doc.id,
                rules.join("; ")
            );
        }
    }

    fn print(&self) {
        if !self.figures.is_empty() {
            println!("== missed figures by rule");
            for (rule, n) in &self.figures {
                println!("{rule:<24}{n:>6}");
            }
        }
        if !self.misunited.is_empty() {
            println!("== mis-united figures by the rule that gave the unit");
            for (rule, n) in &self.misunited {
                println!("{rule:<28}{n:>6}");
            }
        }
        if !self.parties.is_empty() {
            println!("== missed party mentions by the last rule that fired on them");
            let mut by: Vec<_> = self.parties.iter().collect();
            by.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (rule, n) in by {
                println!("{rule:<48}{n:>6}");
            }
        }
    }
}

/// Each gold file's scores, then all of them together.
fn print_tables(per_file: &[(&str, Scores)]) {
    let mut total = Scores::default();
    for (path, scores) in per_file {
        println!("== {path}");
        print!("{}", scores.table());
        total.merge(scores);
    }
    if per_file.len() > 1 {
        println!("== all");
        print!("{}", total.table());
    }
}
