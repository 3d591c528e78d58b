//! What the benchmark examples read: plain texts, or the `text` fields of
//! gold JSONL files. (Not an example itself: `bench.rs` and
//! `figures_cost.rs` include it with `#[path]`.)

/// The texts of `path`: the whole file, or one per JSONL line.
pub fn texts(path: &str) -> Result<Vec<String>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    if !path.ends_with(".jsonl") {
        return Ok(vec![raw]);
    }
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            let v: serde_json::Value =
                serde_json::from_str(l).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
            v.get("text")
                .and_then(|t| t.as_str())
                .map(str::to_owned)
                .ok_or_else(|| format!("{path}:{}: no text", i + 1))
        })
        .collect()
}
