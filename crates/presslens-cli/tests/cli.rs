//! The command-line tool: reports are schema-valid, offsets are Unicode
//! characters, and bad input is reported with file and line, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn presslens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_presslens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run presslens");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn seed(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn is_uint(v: &Value) -> bool {
    v.as_u64().is_some()
}

fn check_span(v: &Value, text: &[char], what: &str) {
    let (s, e) = (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    );
    assert!(s <= e && e <= text.len(), "{what} span {s}..{e}");
    if let Some(t) = v.get("text").and_then(Value::as_str) {
        let slice: String = text[s..e].iter().collect();
        assert_eq!(slice, t, "{what} text must be the text at its char offsets");
    }
}

/// Validates a report against the schema in README.md, field by field.
fn check_schema(r: &Value, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let obj = r.as_object().expect("report is an object");
    for key in ["quotes", "parties", "figures"] {
        assert!(obj[key].is_array(), "{key} is an array");
    }
    let n_parties = r["parties"].as_array().unwrap().len();
    let n_figures = r["figures"].as_array().unwrap().len();
    for q in r["quotes"].as_array().unwrap() {
        assert!(is_uint(&q["start"]) && is_uint(&q["end"]) && q["text"].is_string());
        check_span(q, &chars, "quote");
        match &q["speaker"] {
            Value::Null => {}
            s => {
                assert!(s["name"].is_string() && s["named"].is_boolean());
                assert!(
                    matches!(
                        s["kind"].as_str(),
                        Some("person" | "organization" | "anonymous" | "document")
                    ),
                    "speaker kind {}",
                    s["kind"]
                );
                check_span(s, &chars, "speaker");
                assert!(
                    s["party"].is_null()
                        || s["party"]
                            .as_u64()
                            .is_some_and(|p| (p as usize) < n_parties)
                );
            }
        }
        match &q["cue"] {
            Value::Null => {}
            c => {
                assert!(c["text"].is_string());
                check_span(c, &chars, "cue");
            }
        }
    }
    for p in r["parties"].as_array().unwrap() {
        assert!(p["name"].is_string());
        assert!(
            matches!(
                p["kind"].as_str(),
                Some("person" | "organization" | "place" | "group")
            ),
            "{p}"
        );
        assert!(p["role"].is_null() || p["role"].is_string());
        let mentions = p["mentions"].as_array().unwrap();
        assert!(!mentions.is_empty());
        for m in mentions {
            check_span(m, &chars, "mention");
        }
    }
    for f in r["figures"].as_array().unwrap() {
        check_span(f, &chars, "figure");
        assert!(f["value"].is_null() || f["value"].is_number());
        assert!(f["unit"].is_null() || f["unit"].is_string());
        assert!(f["counts"].is_null() || f["counts"].is_string());
        assert!(f["approximate"].is_boolean());
        for rel in f["relations"].as_array().unwrap() {
            assert!(matches!(
                rel["kind"].as_str(),
                Some("exchange" | "change" | "ratio" | "comparison")
            ));
            assert!(rel["figure"]
                .as_u64()
                .is_some_and(|i| (i as usize) < n_figures));
        }
    }
}

#[test]
fn annotate_seed_file_prints_a_schema_valid_report() {
    let out = presslens(&["annotate", &seed("article.txt")], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = std::fs::read_to_string(seed("article.txt")).unwrap();
    check_schema(&report, &text);
    assert!(!report["quotes"].as_array().unwrap().is_empty());
}

#[test]
fn annotate_stdin_uses_char_offsets() {
    let text = "😀 é “We will win this election by a mile,” said Jane Doe.";
    let out = presslens(&["annotate"], text.as_bytes());
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    check_schema(&report, text);
    let q = &report["quotes"][0];
    assert_eq!(q["start"], 4, "char offset: emoji, space, é, space");
}

#[test]
fn jsonl_keeps_going_past_bad_lines_and_exits_non_zero() {
    let input = b"{\"id\": 1, \"text\": \"\xe2\x80\x9cWe will win this race by a mile,\xe2\x80\x9d said Jane Doe.\"}\nnot json\n{\"id\": \"b\"}\n\xff\xfe\n{\"id\": 3, \"text\": \"\"}\n";
    let out = presslens(&["annotate", "--jsonl"], input);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:2:"), "{stderr}");
    assert!(stderr.contains("<stdin>:3: no \"text\""), "{stderr}");
    assert!(stderr.contains("<stdin>:4: invalid UTF-8"), "{stderr}");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[1]["id"], 3);
    assert!(lines[0]["quotes"].is_array());
}

#[test]
fn missing_file_and_invalid_utf8_are_clear_errors() {
    let out = presslens(&["annotate", "/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
    let out = presslens(&["annotate"], b"line one\nbad \xff byte");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:2: invalid UTF-8"));
    let out = presslens(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = presslens(&["eval", "/no/such/gold.jsonl"], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/gold.jsonl"));
}

#[test]
fn eval_prints_a_table() {
    let gold = r#"{"id":"t","text":"“We will win this race by a mile,” said Jane Doe.","layers":["quotes"],"quotes":[{"start":1,"end":32,"speaker":"Jane Doe","speaker_spans":[[39,47]]}]}"#;
    let dir = std::env::temp_dir().join(format!("presslens-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("gold.jsonl");
    std::fs::write(&path, gold.as_bytes()).unwrap();
    let out = presslens(&["eval", path.to_str().unwrap()], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("quotes (IoU>=0.5)"), "{table}");
    assert!(table.contains("speaker accuracy"), "{table}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn eval_scores_external_predictions() {
    let gold = concat!(
        r#"{"id":"a","text":"😀 “We will win this race by a mile,” said Jane Doe.","layers":["quotes"],"quotes":[{"start":3,"end":34,"speaker":"Jane Doe","speaker_spans":[[42,50]]}]}"#,
        "\n",
        r#"{"id":"b","text":"“Second,” said Bob Roe.","layers":["quotes"],"quotes":[{"start":1,"end":7,"speaker":"Bob Roe","speaker_spans":[[15,22]]}]}"#,
        "\n",
        r#"{"id":"c","text":"“Third,” said Al Poe.","layers":["quotes"],"quotes":[{"start":1,"end":6,"speaker":"Al Poe","speaker_spans":[[14,20]]}]}"#,
        "\n",
    );
    // "a": right, in char offsets past an emoji (UTF-16 offsets would miss);
    // "b": a malformed line (reported with file:line, gold counted as missed);
    // "c": no line at all (an empty prediction); "zz": matches no gold.
    let preds = concat!(
        r#"{"id":"a","quotes":[{"start":2,"end":36,"text":null,"speaker":{"name":"Jane Doe","start":42,"end":50}}],"parties":null,"figures":[]}"#,
        "\n",
        r#"{"id":"b","quotes":[{"start":"x"}]}"#,
        "\n",
        r#"{"id":"zz","quotes":[]}"#,
        "\n",
    );
    let dir = std::env::temp_dir().join(format!("presslens-preds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (gold_path, pred_path) = (dir.join("gold.jsonl"), dir.join("pred.jsonl"));
    std::fs::write(&gold_path, gold).unwrap();
    std::fs::write(&pred_path, preds).unwrap();
    let out = presslens(
        &[
            "eval",
            "--predictions",
            pred_path.to_str().unwrap(),
            gold_path.to_str().unwrap(),
        ],
        b"",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "a malformed line makes the exit non-zero"
    );
    assert!(
        stderr.contains(&format!("{}:2:", pred_path.display())),
        "{stderr}"
    );
    let table = String::from_utf8(out.stdout).unwrap();
    let row = table
        .lines()
        .find(|l| l.starts_with("quotes (IoU>=0.5)"))
        .expect(&table);
    let cols: Vec<&str> = row.split_whitespace().collect();
    // 3 gold quotes, 1 predicted and right: P 1, R 1/3.
    assert_eq!(
        &cols[cols.len() - 5..],
        ["3", "3", "1.000", "0.333", "0.500"],
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("speaker accuracy") && l.ends_with("1.000")),
        "{table}"
    );

    // Without --predictions the engine still runs on the same gold.
    let ours = presslens(&["eval", gold_path.to_str().unwrap()], b"");
    assert!(
        ours.status.success(),
        "{}",
        String::from_utf8_lossy(&ours.stderr)
    );
    let bad = presslens(&["eval", "--predictions"], b"");
    assert_eq!(bad.status.code(), Some(2));
    std::fs::remove_dir_all(dir).ok();
}

/// The training files `train parties` and the protocol read, and the dev
/// file (the first corpus's score file).
const PARTIES_FILES: [&str; 7] = [
    "parties-conll2003-train.jsonl",
    "parties-gum-train.jsonl",
    "parties-crossner-politics-train.jsonl",
    "parties-wikigold.jsonl",
    "parties-btc.jsonl",
    "parties-wnut17-train.jsonl",
    "parties-conll2003-dev.jsonl",
];

/// Writes every file of [`PARTIES_FILES`] into `dir`, each the same three
/// sentences with a person and a place: enough for the trainer and the
/// protocol to run in a second.
fn write_tiny_parties_corpora(dir: &std::path::Path) {
    let mut lines = String::new();
    for (who, place) in [
        ("Anna Berg", "Oslo"),
        ("Karl Lund", "Bergen"),
        ("Eva Dahl", "Oslo"),
    ] {
        let text = format!("{who} arrived in {place} on Monday.");
        let p = text.find(place).unwrap();
        lines += &serde_json::json!({
            "id": who, "text": text, "layers": ["parties"],
            "parties": [
                {"start": 0, "end": who.chars().count(), "kind": "person"},
                {"start": p, "end": p + place.len(), "kind": "place"},
            ],
        })
        .to_string();
        lines.push('\n');
    }
    for f in PARTIES_FILES {
        std::fs::write(dir.join(f), &lines).unwrap();
    }
}

/// Asserts that a run succeeded, showing its stderr when it did not.
fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn train_parties_writes_a_model_that_eval_can_load() {
    let dir = std::env::temp_dir().join(format!("presslens-train-parties-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    write_tiny_parties_corpora(&dir);
    let model = dir.join("parties.model");
    let (d, m) = (dir.to_str().unwrap(), model.to_str().unwrap());
    let out = presslens(
        &[
            "train", "parties", "--data", d, "--out", m, "--epochs", "3", "--bits", "10",
        ],
        b"",
    );
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("epoch  3"));
    let dev = dir.join("parties-conll2003-dev.jsonl");
    let dev = dev.to_str().unwrap();
    let out = presslens(&["eval", "--model", m, dev], b"");
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("parties typed"));
    // The protocol trains one model per held-out corpus and prints the
    // table, its mean and worst rows.
    let out = presslens(
        &[
            "eval",
            "--protocol",
            "--data",
            d,
            "--epochs",
            "2",
            "--bits",
            "10",
            dev,
        ],
        b"",
    );
    assert_success(&out);
    let table = String::from_utf8_lossy(&out.stdout);
    for row in [
        "CoNLL-2003",
        "GUM train",
        "wikigold",
        "mean",
        "worst",
        "the shipped model",
    ] {
        assert!(table.contains(row), "{row}: {table}");
    }
    // Unknown models and bad model files are clear errors.
    let out = presslens(&["train", "nothing"], b"");
    assert!(!out.status.success());
    let bad = dir.join("bad.model");
    std::fs::write(&bad, b"not a model").unwrap();
    let out = presslens(&["eval", "--model", bad.to_str().unwrap(), dev], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a tagger model"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn train_speakers_writes_a_model_and_cross_validates() {
    let dir = std::env::temp_dir().join(format!("presslens-train-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("tiny.jsonl");
    let mut lines = String::new();
    for (i, (a, b)) in [
        ("Jane Doe", "Bob Roe"),
        ("Ann Lee", "Al Poe"),
        ("Eva Berg", "Jon Alm"),
    ]
    .iter()
    .enumerate()
    {
        let text = format!("{a} read out what {b} sent. \u{201c}We will not sign this deal,\u{201d} the memo said.");
        let chars: Vec<char> = text.chars().collect();
        let open = chars.iter().position(|&c| c == '\u{201c}').unwrap();
        let close = chars.iter().position(|&c| c == '\u{201d}').unwrap();
        let line = serde_json::json!({
            "id": format!("t{i}"), "text": text, "layers": ["quotes"],
            "quotes": [{"start": open + 1, "end": close, "speaker": a,
                        "speaker_spans": [[0, a.chars().count()]]}]
        });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    std::fs::write(&data, lines).unwrap();
    let out = dir.join("speakers.model");
    let (d, o) = (data.to_str().unwrap(), out.to_str().unwrap());
    let r = presslens(&["train", "speakers", "--data", d, "--out", o], b"");
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let model = std::fs::read(&out).unwrap();
    assert_eq!(&model[..4], b"PLSK");
    let r = presslens(&["train", "speakers", "--data", d, "--cv", "3"], b"");
    let table = String::from_utf8_lossy(&r.stdout);
    assert!(r.status.success() && table.contains("worst"), "{table}");
    // Negative: a bad option or a missing file is an error, not a panic.
    let r = presslens(&["train", "speakers", "--cv", "1"], b"");
    assert_eq!(r.status.code(), Some(2));
    let r = presslens(&["train", "speakers", "--data", "/nonexistent.jsonl"], b"");
    assert_eq!(r.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    let line = b"{\"id\": 1, \"text\": \"\\u201cWe will win,\\u201d said Jane Doe.\"}\n";
    let input: Vec<u8> = line
        .iter()
        .copied()
        .cycle()
        .take(line.len() * 20_000)
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_presslens"))
        .args(["annotate", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    // Read one line, then close the pipe, as `| head -1` would.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let _ = feeder.join();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "status {:?}: {err}", out.status);
    assert!(!err.contains("Broken pipe"), "{err}");
}

#[test]
fn an_unreadable_input_is_exit_status_2_for_every_command() {
    for args in [
        &["annotate", "/nonexistent/a.txt"][..],
        &["annotate", "--jsonl", "/nonexistent/a.jsonl"][..],
        &["eval", "/nonexistent/gold.jsonl"][..],
        &["eval", &seed("../../../presslens-cli/tests/nope.jsonl")][..],
    ] {
        let out = presslens(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("No such file"));
    }
}

#[test]
fn a_text_over_the_size_limit_is_refused_and_the_next_lines_go_on() {
    let big = "a".repeat((64 << 20) + 1);
    let mut input = format!("{{\"id\": \"big\", \"text\": \"{big}\"}}\n").into_bytes();
    input.extend_from_slice(b"{\"id\": \"small\", \"text\": \"Jane Doe said so.\"}\n");
    let out = presslens(&["annotate", "--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("MiB limit"));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "small");
}

/// Writes `html` to a file of its own under the target's temp dir.
fn page_file(name: &str, html: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(name);
    std::fs::write(&path, html).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn annotate_html_reports_on_the_scope_text() {
    let story = "<p>\u{201c}We will build it,\u{201d} said Mayor Jane Smith on Tuesday, after a long debate in the council.</p>".repeat(6);
    let html = format!(
        r#"<html><body><nav><a href="/">Home</a></nav><h1>Council approves the new bridge</h1><div id="story">{story}</div><footer>Contact us</footer></body></html>"#
    );
    let path = page_file("annotate-html.html", &html);
    let out = presslens(
        &[
            "annotate",
            "--html",
            &path,
            "--url",
            "https://example.org/a",
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let scope = &r["scope"];
    let text = scope["text"].as_str().unwrap();
    assert!(text.starts_with("Council approves the new bridge\n\n\u{201c}We will build it"));
    assert!(!text.contains("Home") && !text.contains("Contact"));
    assert_eq!(scope["root"], "div#story");
    assert_eq!(scope["url"], "https://example.org/a");
    assert_eq!(scope["confidence"]["low"], false);
    check_schema(&r, text);
    assert!(!r["quotes"].as_array().unwrap().is_empty());
}

#[test]
fn annotate_html_sniffs_the_charset_and_charset_overrides_it() {
    let story = "<p>\u{201c}Wir bauen sie,\u{201d} sagte Bürgermeisterin Jane Smith am Dienstag, nach einer langen Debatte im Rat über die Brücke.</p>".repeat(6);
    let html = format!(
        r#"<html><head><meta charset="windows-1252"></head><body><div id="story">{story}</div></body></html>"#
    );
    // Saved in the charset it declares: read as declared.
    let bytes: Vec<u8> = html
        .chars()
        .map(|c| match c {
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            c => u8::try_from(u32::from(c)).unwrap(),
        })
        .collect();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let legacy = dir.join("charset-1252.html");
    std::fs::write(&legacy, &bytes).unwrap();
    let text_of = |args: &[&str]| {
        let out = presslens(args, b"");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r: Value = serde_json::from_slice(&out.stdout).unwrap();
        r["scope"]["text"].as_str().unwrap().to_string()
    };
    let path = legacy.to_string_lossy();
    assert!(text_of(&["annotate", "--html", &path])
        .starts_with("\u{201c}Wir bauen sie,\u{201d} sagte Bürgermeisterin"));
    // Saved as UTF-8 under the same declaration: --charset says so.
    let utf8 = page_file("charset-utf8.html", &html);
    assert!(!text_of(&["annotate", "--html", &utf8]).contains("Bürgermeisterin"));
    assert!(
        text_of(&["annotate", "--html", &utf8, "--charset", "utf-8"]).contains("Bürgermeisterin")
    );
}

#[test]
fn annotate_html_on_broken_empty_and_deep_pages_never_panics() {
    let deep = format!(
        "{}<p>deep text</p>{}",
        "<div>".repeat(20_000),
        "</div>".repeat(3)
    );
    for (i, html) in [
        "",
        "<<<>>>",
        "<frameset><frame></frameset>",
        "<p>unclosed <b>bold",
        deep.as_str(),
    ]
    .iter()
    .enumerate()
    {
        let path = page_file(&format!("broken-{i}.html"), html);
        let out = presslens(&["annotate", "--html", &path], b"");
        assert!(
            out.status.success(),
            "page {i}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(r["scope"]["text"].is_string(), "page {i}");
    }
    let out = presslens(&["annotate", "--html", "/nonexistent/page.html"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn annotate_jsonl_lines_of_html_carry_their_scope() {
    let story = "<p>\u{201c}We will build it,\u{201d} said Mayor Jane Smith on Tuesday, after a long debate in the council.</p>".repeat(6);
    let html = format!(r#"<nav>Home</nav><div id="story">{story}</div>"#);
    let lines = format!(
        "{}\n{}\n{}\n",
        serde_json::json!({"id": 1, "html": html, "url": "https://example.org/a"}),
        serde_json::json!({"id": 2, "text": "Plain text."}),
        serde_json::json!({"id": 3, "html": 5}),
    );
    let out = presslens(&["annotate", "--jsonl"], lines.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(1),
        "the bad line fails, the others go on"
    );
    let rows: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    let text = rows[0]["scope"]["text"].as_str().unwrap();
    assert!(text.starts_with("\u{201c}We will build it") && !text.contains("Home"));
    assert_eq!(rows[0]["scope"]["url"], "https://example.org/a");
    check_schema(&rows[0], text);
    assert!(rows[1].get("scope").is_none());
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"html\" is not a string"));
}
