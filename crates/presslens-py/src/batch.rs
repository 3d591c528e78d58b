//! Many documents on many threads, their results in input order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The JSON of each item (`json`) as one JSON array, in input order, made
/// on up to `threads` threads. Each thread takes the next unclaimed text, so a few
/// long texts do not leave the other threads idle; the result does not
/// depend on the number of threads (the engine is deterministic per text).
pub fn many<T: Sync>(texts: &[T], threads: usize, json: impl Fn(&T) -> String + Sync) -> String {
    let threads = threads.min(texts.len()).max(1);
    let reports: Vec<String> = if threads == 1 {
        texts.iter().map(&json).collect()
    } else {
        let next = AtomicUsize::new(0);
        let slots: Vec<Mutex<String>> = texts.iter().map(|_| Mutex::new(String::new())).collect();
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(text) = texts.get(i) else { break };
                    let json = json(text);
                    *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = json;
                });
            }
        });
        slots
            .into_iter()
            .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
            .collect()
    };
    let mut out = String::with_capacity(reports.iter().map(|r| r.len() + 1).sum::<usize>() + 2);
    out.push('[');
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r);
    }
    out.push(']');
    out
}
