//! Whole web pages on the command line: `annotate --html` (the article
//! scope of a saved page, then the report on its text) and `eval-scope`
//! (the native scope detector's token F1 on the human-gold page folders,
//! with the scorer of `tests/e2e/tokens.mjs`, to set beside the Chromium
//! run of `tests/e2e/scope-eval.mjs`).

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use presslens::Unit;
use presslens_html::Page;

/// Reads a saved page as text, its charset sniffed as a browser sniffs it
/// (a byte-order mark, `content_type`'s charset, a `<meta>` in the first
/// kilobyte, else UTF-8 or windows-1252: [`presslens_html::charset`]).
fn read_page(path: &str, content_type: Option<&str>) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(presslens_html::charset::decode(&bytes, content_type).text)
}

/// The dev page folders are UTF-8 whatever their `<meta>` says (their
/// README: "serve or read it as UTF-8"; Readability's test pages keep
/// the declarations of the sites they came from, such as qq's gb2312),
/// and the browser runs serve them so: read as if the server said so.
const DEV_PAGES: Option<&str> = Some("text/html; charset=utf-8");

/// `presslens annotate --html FILE [--url URL]`: one JSON object, the
/// report on the article's text plus its `scope`.
pub fn annotate_html(args: &[String]) -> Result<bool, String> {
    let (mut file, mut url, mut charset) = (None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--html" => file = Some(it.next().ok_or("--html needs a FILE")?.clone()),
            "--url" => url = Some(it.next().ok_or("--url needs a URL")?.clone()),
            "--charset" => {
                let label = it.next().ok_or("--charset needs a LABEL")?;
                // As an HTTP header would say it: it wins over the <meta>.
                charset = Some(format!("text/html; charset={label}"));
            }
            _ => return Err(format!("annotate --html: unexpected {a}")),
        }
    }
    let file = file.ok_or("--html needs a FILE")?;
    let html = read_page(&file, charset.as_deref())?;
    let page = presslens_html::annotate_page(&html, url, Unit::Char);
    // Through a `Value`, as every report the command line prints: its keys
    // in one (sorted) order.
    let obj = serde_json::to_value(&page).map_err(|e| e.to_string())?;
    let mut out = BufWriter::new(io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, &obj)
        .map_err(io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    written.map(|()| true).or_else(crate::output::output_closed)
}

/// Word tokens, lower-cased: maximal runs of letters and digits (the
/// scorer's `/[\p{L}\p{N}]+/gu`).
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphabetic() || c.is_numeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Token F1 of `got` against `want`, as multisets (`tokens.mjs`).
pub fn token_f1(got: &str, want: &str) -> f64 {
    let (g, w) = (tokens(got), tokens(want));
    if g.is_empty() && w.is_empty() {
        return 1.0;
    }
    if g.is_empty() || w.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for t in &w {
        *counts.entry(t).or_default() += 1;
    }
    let mut hit = 0;
    for t in &g {
        if let Some(n) = counts.get_mut(t.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            hit += 1;
        }
    }
    let p = hit as f64 / g.len() as f64;
    let r = hit as f64 / w.len() as f64;
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// FNV-1a (32 bits) of a name's UTF-16 units: `scope-eval.mjs`'s split.
fn fnv1a(s: &str) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for u in s.encode_utf16() {
        h ^= u32::from(u);
        h = h.wrapping_mul(0x01000193);
    }
    h
}

/// The validation third of a folder ("val"), fixed by page name.
fn split(name: &str) -> &'static str {
    if fnv1a(name) % 3 == 0 {
        "val"
    } else {
        "train"
    }
}

/// A page's gold: `expected.txt` (the human-gold folders) or
/// `expected.html` (Readability's test pages, whose gold is its output).
fn gold_path(page_dir: &Path) -> Option<PathBuf> {
    ["expected.txt", "expected.html"]
        .iter()
        .map(|f| page_dir.join(f))
        .find(|p| p.exists())
}

/// The gold text: `expected.txt` as it is, or the `textContent` of
/// `expected.html`'s body, as `readability.test.mjs` reads it.
fn read_gold(page_dir: &Path) -> Result<String, String> {
    let path = gold_path(page_dir).ok_or_else(|| format!("{}: no gold", page_dir.display()))?;
    let text = read_page(&path.to_string_lossy(), DEV_PAGES)?;
    if path.extension().is_some_and(|e| e == "html") {
        let page = Page::parse(&text);
        return Ok(page.body_text());
    }
    Ok(text)
}

/// `presslens eval-scope --help`.
const EVAL_SCOPE_USAGE: &str = "presslens eval-scope [--pages] [--json FILE] [DIR...]

The native scope detector on page folders (default ../shared/eval/pages/l3s-gn1
and dragnet; each DIR/NAME/ holds source.html and expected.txt or expected.html):
token F1 per folder and split (FNV-1a of the name, as in tests/e2e/scope-eval.mjs),
pages below 0.5, pages per second (parse, detect, read).
  --pages      one line per page on stderr
  --json FILE  one JSON line per page: folder, split, name, f1, seconds, root";

/// One folder's and split's sums.
#[derive(Default)]
struct Tally {
    pages: u32,
    f1: f64,
    below: u32,
    seconds: f64,
}

/// What `eval-scope` was asked: the folders, and where per-page rows go.
struct EvalScope {
    dirs: Vec<PathBuf>,
    /// One line per page on stderr.
    per_page: bool,
    /// One JSON line per page.
    json: Option<std::fs::File>,
}

impl EvalScope {
    /// Reads the options; `None` for `--help` (printed).
    fn parse(args: &[String]) -> Result<Option<EvalScope>, String> {
        let mut e = EvalScope {
            dirs: Vec::new(),
            per_page: false,
            json: None,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--pages" => e.per_page = true,
                "--json" => {
                    let path = it.next().ok_or("--json needs a file")?;
                    let f = std::fs::File::create(path).map_err(|err| format!("{path}: {err}"))?;
                    e.json = Some(f);
                }
                "-h" | "--help" => {
                    println!("{EVAL_SCOPE_USAGE}");
                    return Ok(None);
                }
                s if s.starts_with('-') => {
                    return Err(format!("unknown option {s}\n\n{EVAL_SCOPE_USAGE}"))
                }
                s => e.dirs.push(PathBuf::from(s)),
            }
        }
        if e.dirs.is_empty() {
            let base = Path::new("../shared/eval/pages");
            e.dirs = ["l3s-gn1", "dragnet"]
                .iter()
                .map(|f| base.join(f))
                .collect();
        }
        Ok(Some(e))
    }
}

/// `presslens eval-scope [--pages] [--json FILE] [DIR...]`: the native
/// detector on each page folder (default: `../shared/eval/pages/l3s-gn1`
/// and `dragnet`; a folder of Readability's test pages is scored against
/// its `expected.html`), mean token F1 per folder and split, pages per
/// second (parse, detect and read; no annotation). `--pages`: one line per
/// page too; `--json FILE`: one JSON line per page (folder, split, name,
/// f1, seconds, root), which `scripts/eval-scope-table.mjs` joins with the
/// browser's and the peers'.
pub fn eval_scope(args: &[String]) -> Result<bool, String> {
    let Some(mut e) = EvalScope::parse(args)? else {
        return Ok(true);
    };
    println!("| folder | split | pages | native F1 | below 0.5 | pages/s |");
    println!("|---|---|---|---|---|---|");
    for dir in std::mem::take(&mut e.dirs) {
        eval_folder(&dir, &mut e)?;
    }
    Ok(true)
}

/// One folder of `eval-scope`: a row per split.
fn eval_folder(dir: &Path, e: &mut EvalScope) -> Result<(), String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|err| format!("{}: {err}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            entry.path().join("source.html").exists() && gold_path(&entry.path()).is_some()
        })
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let folder = dir
        .file_name()
        .map_or("?".into(), |f| f.to_string_lossy().into_owned());
    let mut tallies: [(&str, Tally); 3] = [
        ("train", Tally::default()),
        ("val", Tally::default()),
        ("all", Tally::default()),
    ];
    for name in &names {
        let page_dir = dir.join(name);
        let html = read_page(&page_dir.join("source.html").to_string_lossy(), DEV_PAGES)?;
        let gold = read_gold(&page_dir)?;
        let start = Instant::now();
        let page = Page::parse(&html);
        let article = page.article();
        let seconds = start.elapsed().as_secs_f64();
        let text = article.as_ref().map_or("", |a| a.text.as_str());
        let f1 = token_f1(text, &gold);
        let sp = split(name);
        for (k, t) in tallies.iter_mut() {
            if *k == sp || *k == "all" {
                t.pages += 1;
                t.f1 += f1;
                t.below += u32::from(f1 < 0.5);
                t.seconds += seconds;
            }
        }
        if e.json.is_none() && !e.per_page {
            continue;
        }
        let root = article
            .as_ref()
            .map_or("-".into(), |a| page.describe(a.scope.root));
        if let Some(f) = e.json.as_mut() {
            let row = serde_json::json!({
                "folder": folder, "split": sp, "name": name,
                "f1": f1, "seconds": seconds, "root": root,
            });
            writeln!(f, "{row}").map_err(|err| err.to_string())?;
        }
        if e.per_page {
            eprintln!(
                "{folder:8} {sp:5} {name:36} PL {f1:.3}  {:6.1} ms  {root}",
                seconds * 1e3
            );
        }
    }
    for (k, t) in &tallies {
        if t.pages > 0 {
            println!(
                "| {folder} | {k} | {} | {:.3} | {} | {:.0} |",
                t.pages,
                t.f1 / f64::from(t.pages),
                t.below,
                f64::from(t.pages) / t.seconds.max(1e-9)
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_f1_as_the_e2e_scorer() {
        assert_eq!(token_f1("", ""), 1.0);
        assert_eq!(token_f1("a", ""), 0.0);
        assert_eq!(token_f1("The cat, the hat", "the CAT the hat"), 1.0);
        let f = token_f1("a b c d", "a b");
        assert!((f - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(split("R866"), split("R866"));
        // FNV-1a of "" is the offset basis.
        assert_eq!(fnv1a(""), 0x811c9dc5);
    }
}
