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
    format!("{}/../shared/seed/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn is_uint(v: &Value) -> bool {
    v.as_u64().is_some()
}

fn check_span(v: &Value, text: &[char], what: &str) {
    let (s, e) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
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
                check_span(s, &chars, "speaker");
                assert!(s["party"].is_null() || s["party"].as_u64().is_some_and(|p| (p as usize) < n_parties));
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
        assert!(matches!(p["kind"].as_str(), Some("person" | "organization" | "place" | "group")), "{p}");
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
            assert!(matches!(rel["kind"].as_str(), Some("exchange" | "change" | "ratio" | "comparison")));
            assert!(rel["figure"].as_u64().is_some_and(|i| (i as usize) < n_figures));
        }
    }
}

#[test]
fn annotate_seed_file_prints_a_schema_valid_report() {
    let out = presslens(&["annotate", &seed("article.txt")], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
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
    let lines: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
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
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("quotes (IoU>=0.5)"), "{table}");
    assert!(table.contains("speaker accuracy"), "{table}");
    std::fs::remove_dir_all(dir).ok();
}
